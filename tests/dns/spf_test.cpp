#include "agents/proto/dns/spf.hpp"

#include <gtest/gtest.h>

#include <set>

#include "agents/proto/dns/dnsbl.hpp"
#include "agents/proto/dns/mail_messages.hpp"
#include "agents/proto/dns/messages.hpp"
#include "agents/proto/dns/resolver.hpp"
#include "agents/proto/dns/spf_messages.hpp"
#include "agents/proto/dns/zone_text.hpp"
#include "sim/random.hpp"
#include "sim_network.hpp"

using namespace mailsim::proto::dns;
using mailsim::Lang;

namespace {

Name N(std::string_view s) {
  return Name::parse(s);
}

ZoneSet spf_zones() {
  ZoneSet set;
  set.add_zone(zone_from_text("spf.example.", R"(
@ 3600 SOA ns.spf.example. h.spf.example. 1 2 3 4 300
ip4.spf.example. 300 TXT "v=spf1 ip4:192.0.2.0/24 -all"
ip6.spf.example. 300 TXT "v=spf1 ip6:2001:db8::/32 -all"
a.spf.example. 300 TXT "v=spf1 a -all"
a.spf.example. 300 A 192.0.2.10
a.spf.example. 300 AAAA 2001:db8::10
acidr.spf.example. 300 TXT "v=spf1 a:host.spf.example/24 -all"
host.spf.example. 300 A 198.51.100.7
mx.spf.example. 300 TXT "v=spf1 mx -all"
mx.spf.example. 300 MX 10 mail.spf.example.
mail.spf.example. 300 A 192.0.2.20
inc.spf.example. 300 TXT "v=spf1 include:ip4.spf.example ~all"
redir.spf.example. 300 TXT "v=spf1 redirect=ip4.spf.example"
redirall.spf.example. 300 TXT "v=spf1 ?all redirect=ip4.spf.example"
exists.spf.example. 300 TXT "v=spf1 exists:%{i}.allow.spf.example -all"
192.0.2.33.allow.spf.example. 300 A 127.0.0.2
ptr.spf.example. 300 TXT "v=spf1 ptr -all"
soft.spf.example. 300 TXT "v=spf1 ~all"
neutral.spf.example. 300 TXT "v=spf1 ?all"
open.spf.example. 300 TXT "v=spf1 +all"
noall.spf.example. 300 TXT "v=spf1 ip4:10.0.0.1"
nospf.spf.example. 300 TXT "hello"
two.spf.example. 300 TXT "v=spf1 -all"
two.spf.example. 300 TXT "v=spf1 +all"
syntax.spf.example. 300 TXT "v=spf1 ip4:300.0.0.1 -all"
unknown.spf.example. 300 TXT "v=spf1 foo -all"
loop.spf.example. 300 TXT "v=spf1 include:loop.spf.example -all"
ten.spf.example. 300 TXT "v=spf1 a:a.spf.example a:a.spf.example a:a.spf.example a:a.spf.example a:a.spf.example a:a.spf.example a:a.spf.example a:a.spf.example a:a.spf.example ip4:192.0.2.99 -all"
eleven.spf.example. 300 TXT "v=spf1 a:a.spf.example a:a.spf.example a:a.spf.example a:a.spf.example a:a.spf.example a:a.spf.example a:a.spf.example a:a.spf.example a:a.spf.example a:a.spf.example a:a.spf.example -all"
voids.spf.example. 300 TXT "v=spf1 a:v1.spf.example a:v2.spf.example a:v3.spf.example -all"
incnone.spf.example. 300 TXT "v=spf1 include:nospf.spf.example -all"
redirnone.spf.example. 300 TXT "v=spf1 redirect=nospf.spf.example"
temp.spf.example. 300 TXT "v=spf1 a:x.unserved.test -all"
split.spf.example. 300 TXT "v=spf1 ip4:192.0.2.0/24 " "-all"
)"));
  set.add_zone(zone_from_text("in-addr.arpa.", R"(
@ 3600 SOA ns.spf.example. h.spf.example. 1 2 3 4 300
10.2.0.192.in-addr.arpa. 300 PTR a.spf.example.
11.2.0.192.in-addr.arpa. 300 PTR a.spf.example.
)"));
  set.add_zone(zone_from_text("bl.example.", R"(
@ 3600 SOA ns.bl.example. h.bl.example. 1 2 3 4 60
2.0.0.127.bl.example. 60 A 127.0.0.2
10.2.0.192.bl.example. 60 A 127.0.0.4
10.2.0.192.bl.example. 60 TXT "listed for spam"
20.2.0.192.bl.example. 60 A 192.0.2.1
)"));
  return set;
}

struct Fixture {
  ZoneSet zones = spf_zones();
  ZoneLookupService dns{zones};

  SpfOutcome check(std::string_view ip, std::string_view domain, SpfLimits limits = {}) {
    SpfEvaluator spf(dns, limits);
    std::optional<SpfOutcome> out;
    spf.check({parse_ip(ip), "alice@" + std::string(domain), N(domain), "client.example"},
              [&](const SpfOutcome& o) { out = o; });
    EXPECT_TRUE(out.has_value());
    return out.value_or(SpfOutcome{});
  }
  SpfResult result(std::string_view ip, std::string_view domain) {
    return check(ip, domain).result;
  }
};

}  // namespace

TEST(Spf, Ip4AndIp6) {
  Fixture f;
  const auto pass = f.check("192.0.2.77", "ip4.spf.example");
  EXPECT_EQ(pass.result, SpfResult::pass);
  EXPECT_EQ(pass.matched, "ip4:192.0.2.0/24");
  EXPECT_EQ(pass.dns_lookups, 0);
  const auto fail = f.check("198.51.100.1", "ip4.spf.example");
  EXPECT_EQ(fail.result, SpfResult::fail);
  EXPECT_EQ(fail.matched, "-all");
  EXPECT_EQ(fail.reply_code(), "550 5.7.1");
  EXPECT_EQ(f.result("2001:db8:1::5", "ip6.spf.example"), SpfResult::pass);
  EXPECT_EQ(f.result("2001:db9::5", "ip6.spf.example"), SpfResult::fail);
  EXPECT_EQ(f.result("192.0.2.1", "ip6.spf.example"), SpfResult::fail);    // other family
  EXPECT_EQ(f.result("192.0.2.1", "split.spf.example"), SpfResult::pass);  // strings joined
}

TEST(Spf, AAndMx) {
  Fixture f;
  EXPECT_EQ(f.result("192.0.2.10", "a.spf.example"), SpfResult::pass);
  EXPECT_EQ(f.result("2001:db8::10", "a.spf.example"), SpfResult::pass);
  EXPECT_EQ(f.result("192.0.2.11", "a.spf.example"), SpfResult::fail);
  EXPECT_EQ(f.result("198.51.100.200", "acidr.spf.example"), SpfResult::pass);
  EXPECT_EQ(f.result("198.51.101.7", "acidr.spf.example"), SpfResult::fail);
  const auto mx = f.check("192.0.2.20", "mx.spf.example");
  EXPECT_EQ(mx.result, SpfResult::pass);
  EXPECT_EQ(mx.matched, "mx");
  EXPECT_EQ(mx.dns_lookups, 1);
  EXPECT_EQ(f.result("192.0.2.21", "mx.spf.example"), SpfResult::fail);
}

TEST(Spf, IncludeAndRedirect) {
  Fixture f;
  const auto inc = f.check("192.0.2.5", "inc.spf.example");
  EXPECT_EQ(inc.result, SpfResult::pass);
  EXPECT_EQ(inc.matched, "include:ip4.spf.example");
  // The included record fails: include does not match, the next term decides.
  EXPECT_EQ(f.result("198.51.100.5", "inc.spf.example"), SpfResult::softfail);
  const auto redir = f.check("198.51.100.5", "redir.spf.example");
  EXPECT_EQ(redir.result, SpfResult::fail);
  EXPECT_EQ(redir.decided_in, N("ip4.spf.example"));
  EXPECT_EQ(f.result("192.0.2.5", "redir.spf.example"), SpfResult::pass);
  // redirect is ignored when the record has "all".
  EXPECT_EQ(f.result("192.0.2.5", "redirall.spf.example"), SpfResult::neutral);
}

TEST(Spf, ExistsWithMacrosAndPtr) {
  Fixture f;
  EXPECT_EQ(f.result("192.0.2.33", "exists.spf.example"), SpfResult::pass);
  EXPECT_EQ(f.result("192.0.2.34", "exists.spf.example"), SpfResult::fail);
  EXPECT_EQ(f.result("192.0.2.10", "ptr.spf.example"),
            SpfResult::fail);  // a.spf is not under ptr.spf
  EXPECT_EQ(f.check("192.0.2.10", "spf.example").result, SpfResult::none);
}

TEST(Spf, PtrValidatesTheNameForwardAndBack) {
  ZoneSet zones = spf_zones();
  zones.zone(N("spf.example"))
      ->add(make_record(N("spf.example"), 300, TxtData{{"v=spf1 ptr -all"}}));
  ZoneLookupService dns(zones);
  SpfEvaluator spf(dns);
  const auto run = [&](const char* ip) {
    SpfResult out = SpfResult::none;
    spf.check({parse_ip(ip), "x@spf.example", N("spf.example"), "h"},
              [&](const SpfOutcome& o) { out = o.result; });
    return out;
  };
  EXPECT_EQ(run("192.0.2.10"), SpfResult::pass);  // PTR a.spf.example, whose A is 192.0.2.10
  EXPECT_EQ(run("192.0.2.11"), SpfResult::fail);  // PTR a.spf.example, but its A differs
  EXPECT_EQ(run("192.0.2.12"), SpfResult::fail);  // no PTR
}

TEST(Spf, TheFourQualifiersAndTheDefault) {
  Fixture f;
  EXPECT_EQ(f.result("192.0.2.1", "open.spf.example"), SpfResult::pass);
  EXPECT_EQ(f.result("192.0.2.1", "soft.spf.example"), SpfResult::softfail);
  EXPECT_EQ(f.result("192.0.2.1", "neutral.spf.example"), SpfResult::neutral);
  EXPECT_EQ(f.result("192.0.2.1", "ip4.spf.example"), SpfResult::pass);
  EXPECT_EQ(f.result("192.0.2.1", "noall.spf.example"), SpfResult::neutral);
}

TEST(Spf, NoneAndPermerrors) {
  Fixture f;
  EXPECT_EQ(f.result("192.0.2.1", "nospf.spf.example"), SpfResult::none);
  EXPECT_EQ(f.result("192.0.2.1", "missing.spf.example"), SpfResult::none);  // NXDOMAIN
  EXPECT_EQ(f.result("192.0.2.1", "localhost"), SpfResult::none);            // one label
  EXPECT_EQ(f.result("192.0.2.1", "two.spf.example"), SpfResult::permerror);
  const auto syntax = f.check("192.0.2.1", "syntax.spf.example");
  EXPECT_EQ(syntax.result, SpfResult::permerror);
  EXPECT_EQ(syntax.reply_code(), "550 5.5.2");
  ASSERT_TRUE(syntax.problem);
  EXPECT_EQ(syntax.problem->render(Lang::en), "syntax error in 'ip4:300.0.0.1': bad address");
  EXPECT_EQ(f.result("192.0.2.1", "unknown.spf.example"), SpfResult::permerror);
  EXPECT_EQ(f.result("192.0.2.1", "incnone.spf.example"), SpfResult::permerror);
  EXPECT_EQ(f.result("192.0.2.1", "redirnone.spf.example"), SpfResult::permerror);
}

TEST(Spf, TheTenLookupLimit) {
  Fixture f;
  const auto ten = f.check("192.0.2.99", "ten.spf.example");  // 9 lookups, then ip4 matches
  EXPECT_EQ(ten.result, SpfResult::pass);
  EXPECT_EQ(ten.dns_lookups, 9);
  const auto eleven = f.check("192.0.2.99", "eleven.spf.example");
  EXPECT_EQ(eleven.result, SpfResult::permerror);
  EXPECT_EQ(eleven.dns_lookups, 11);
  ASSERT_TRUE(eleven.problem);
  EXPECT_EQ(eleven.problem->render(Lang::en), "more than 10 DNS lookups");
  EXPECT_EQ(
      eleven.explanation().render(Lang::fr),
      "SPF permerror pour eleven.spf.example. : l'enregistrement SPF est inutilisable (plus de "
      "10 recherches DNS)");
  const auto loop = f.check("192.0.2.1", "loop.spf.example");  // include of itself
  EXPECT_EQ(loop.result, SpfResult::permerror);
  EXPECT_EQ(loop.dns_lookups, 11);
  SpfLimits strict;
  strict.dns_lookups = 5;
  EXPECT_EQ(f.check("192.0.2.99", "ten.spf.example", strict).result, SpfResult::permerror);
}

TEST(Spf, VoidLookupLimitAndTemperror) {
  Fixture f;
  const auto voids = f.check("192.0.2.1", "voids.spf.example");
  EXPECT_EQ(voids.result, SpfResult::permerror);
  EXPECT_EQ(voids.void_lookups, 3);
  const auto temp = f.check("192.0.2.1", "temp.spf.example");
  EXPECT_EQ(temp.result, SpfResult::temperror);
  EXPECT_EQ(temp.reply_code(), "451 4.4.3");
  EXPECT_EQ(f.result("192.0.2.1", "unserved.test"), SpfResult::temperror);
  EXPECT_EQ(temp.explanation().render(Lang::en),
            "SPF temperror for temp.spf.example.: a DNS lookup failed for now (the A lookup of "
            "x.unserved.test. gave SERVFAIL)");
}

TEST(SpfRecord, ParsesTermsAndRejectsBadOnes) {
  std::optional<mailsim::Text> error;
  auto r = spf::parse_record(
      "v=spf1 +a:Mail.example/24//64 -mx:x.example ~ip4:192.0.2.0/24 "
      "?exists:%{ir}.%{v}._spf.%{d} redirect=_spf.example exp=explain.%{d} "
      "other=ignored",
      &error);
  ASSERT_TRUE(r) << (error ? error->render(Lang::en) : "");
  ASSERT_EQ(r->terms.size(), 7u);
  EXPECT_EQ(r->terms[0].qualifier, spf::Qualifier::pass);
  EXPECT_EQ(r->terms[0].domain_spec, "Mail.example");
  EXPECT_EQ(r->terms[0].cidr4, 24);
  EXPECT_EQ(r->terms[0].cidr6, 64);
  EXPECT_EQ(r->terms[1].qualifier, spf::Qualifier::fail);
  EXPECT_EQ(r->terms[3].mechanism, spf::Mechanism::exists);
  ASSERT_TRUE(r->redirect());
  EXPECT_EQ(r->redirect()->value, "_spf.example");
  EXPECT_TRUE(spf::is_spf1("V=SPF1 -all"));
  EXPECT_FALSE(spf::is_spf1("v=spf10 -all"));
  for (const char* bad : {"v=spf1 all:x", "v=spf1 include", "v=spf1 a/33", "v=spf1 ip6:::1/129",
                          "v=spf1 redirect=a.example redirect=b.example", "v=spf1 exists:%{x}",
                          "v=spf1 a:%{d0}", "v=spf1 ip4:192.0.2.1/"})
    EXPECT_FALSE(spf::parse_record(bad)) << bad;
}

TEST(SpfRecord, MacroExamplesOfRfc7208) {
  spf::MacroContext c{"strong-bad@email.example.com", "email.example.com", parse_ip("192.0.2.3"),
                      "mx.example.org"};
  const std::pair<const char*, const char*> cases[] = {
      {"%{s}", "strong-bad@email.example.com"},
      {"%{o}", "email.example.com"},
      {"%{d}", "email.example.com"},
      {"%{d4}", "email.example.com"},
      {"%{d3}", "email.example.com"},
      {"%{d2}", "example.com"},
      {"%{d1}", "com"},
      {"%{dr}", "com.example.email"},
      {"%{d2r}", "example.email"},
      {"%{l}", "strong-bad"},
      {"%{l-}", "strong.bad"},
      {"%{lr}", "strong-bad"},
      {"%{lr-}", "bad.strong"},
      {"%{l1r-}", "strong"},
      {"%{ir}.%{v}._spf.%{d2}", "3.2.0.192.in-addr._spf.example.com"},
      {"%{lr-}.lp._spf.%{d2}", "bad.strong.lp._spf.example.com"},
      {"%{lr-}.lp.%{ir}.%{v}._spf.%{d2}", "bad.strong.lp.3.2.0.192.in-addr._spf.example.com"},
      {"%{ir}.%{v}.%{l1r-}.lp._spf.%{d2}", "3.2.0.192.in-addr.strong.lp._spf.example.com"},
      {"%{d2}.trusted-domains.example.net", "example.com.trusted-domains.example.net"},
      {"%%%_%-", "% %20"},
  };
  for (auto [spec, expected] : cases)
    EXPECT_EQ(spf::expand(spec, c).value_or("?"), expected) << spec;
  c.ip = parse_ip("2001:db8::cb01");
  EXPECT_EQ(spf::expand("%{ir}.%{v}._spf.%{d2}", c).value_or("?"),
            "1.0.b.c.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.8.b.d.0.1.0.0.2.ip6._spf.example.com");
}

TEST(Dnsbl, QueryNames) {
  EXPECT_EQ(reversed_ip_name(parse_ip("192.0.2.10"), N("bl.example")).to_string(),
            "10.2.0.192.bl.example.");
  EXPECT_EQ(reverse_pointer_name(parse_ip("192.0.2.10")).to_string(), "10.2.0.192.in-addr.arpa.");
  EXPECT_EQ(reversed_ip_name(parse_ip("2001:db8:1:2:3:4:567:89ab"), N("bl.example")).to_string(),
            "b.a.9.8.7.6.5.0.4.0.0.0.3.0.0.0.2.0.0.0.1.0.0.0.8.b.d.0.1.0.0.2.bl.example.");
}

TEST(Dnsbl, ListedNotListedAndErrors) {
  ZoneSet zones = spf_zones();
  ZoneLookupService dns(zones);
  const auto ask = [&](const char* ip, const char* zone) {
    return interpret_dnsbl(
        dns.lookup_now({reversed_ip_name(parse_ip(ip), N(zone)), RecordType::A}));
  };
  const auto listed = ask("192.0.2.10", "bl.example");
  EXPECT_EQ(listed.verdict, DnsblVerdict::listed);
  ASSERT_EQ(listed.codes.size(), 1u);
  EXPECT_EQ(listed.codes[0].to_string(), "127.0.0.4");
  EXPECT_EQ(ask("127.0.0.2", "bl.example").verdict,
            DnsblVerdict::listed);  // the RFC 5782 test entry
  EXPECT_EQ(ask("192.0.2.11", "bl.example").verdict, DnsblVerdict::not_listed);
  EXPECT_EQ(ask("192.0.2.20", "bl.example").verdict, DnsblVerdict::error);  // not 127/8
  EXPECT_EQ(ask("192.0.2.10", "bl.unserved.test").verdict, DnsblVerdict::error);
}

TEST(DnsCatalog, EveryEntryHasBothLanguagesAndAUniqueId) {
  std::set<std::string_view> ids;
  std::size_t count = 0;
  const auto check = [&](const auto& entries) {
    for (const mailsim::Message* m : entries) {
      EXPECT_FALSE(m->en.empty()) << m->id;
      EXPECT_FALSE(m->fr.empty()) << m->id;
      EXPECT_EQ(m->id.rfind("dns.", 0), 0u) << m->id;
      ids.insert(m->id);
      ++count;
    }
  };
  check(msg::kAll);
  check(msg::kMailAll);
  check(msg::kSpfAll);
  check(msg::kSpfProblems);
  EXPECT_EQ(ids.size(), count);
  std::optional<mailsim::Text> error;
  EXPECT_FALSE(spf::parse_record("v=spf1 exists:%{x}", &error));
  ASSERT_TRUE(error);
  EXPECT_EQ(error->render(Lang::en),
            "syntax error in 'exists:%{x}': bad macro (write %{d}, %{i}, %{s}, ...)");
  EXPECT_EQ(
      error->render(Lang::fr),
      "erreur de syntaxe dans « exists:%{x} » : macro invalide (écrivez %{d}, %{i}, %{s}, ...)");
}

TEST(Spf, RunsOverTheResolverWithAnswersArrivingLater) {
  mailsim::sim::SimTime clock{0};
  mailsim::sim::RandomStream rng(8);
  ResolverConfig config;
  config.servers = {Server{parse_ip("192.0.2.1"), Name()}};
  Resolver resolver(config, rng);
  test::SimNetwork net(resolver, clock);
  net.add_server("192.0.2.1", spf_zones());
  SpfEvaluator spf(resolver);
  const auto run = [&](const char* ip, const char* domain) {
    std::optional<SpfOutcome> out;
    spf.check({parse_ip(ip), std::string("bob@") + domain, N(domain), "h.example"},
              [&](const SpfOutcome& o) { out = o; });
    EXPECT_FALSE(out) << "answered before any packet came back";
    net.run();
    EXPECT_TRUE(out);
    return out.value_or(SpfOutcome{});
  };
  EXPECT_EQ(run("192.0.2.20", "mx.spf.example").result, SpfResult::pass);
  EXPECT_EQ(run("198.51.100.5", "inc.spf.example").result, SpfResult::softfail);
  EXPECT_EQ(run("198.51.100.5", "redir.spf.example").result, SpfResult::fail);
  EXPECT_EQ(run("192.0.2.99", "eleven.spf.example").result, SpfResult::permerror);
  resolver.cache().clear();
  const auto ptr = run("192.0.2.10", "ptr.spf.example");
  EXPECT_EQ(ptr.result, SpfResult::fail);
  EXPECT_GT(net.received().size(), 5u);
}

// The DNS sentences (agents/narration/dns_sentences.hpp): one per dns.* kind, in English and
// French with the same placeholders, and every record of a run that meets each kind told
// without a placeholder left unfilled.
#include <gtest/gtest.h>

#include <fmt/format.h>

#include <cstdlib>
#include <iostream>
#include <map>
#include <optional>
#include <set>

#include "agents/dns/records.hpp"
#include "agents/narration/dns_sentences.hpp"
#include "agents/narration/field_words.hpp"
#include "agents/proto/dns/trace_records.hpp"
#include "tests/dns_agents/dns_world.hpp"

namespace mailsim::agents::test {
namespace {

using narration::kDnsAll;

std::vector<const sim::TraceKind*> dns_kinds() {
  std::vector<const sim::TraceKind*> all(dns::all_kinds().begin(), dns::all_kinds().end());
  all.insert(all.end(), dns_agent_kinds().begin(), dns_agent_kinds().end());
  return all;
}

const Message* sentence_for(std::string_view kind) {
  for (const Message* m : kDnsAll)
    if (m->id == kind) return m;
  return nullptr;
}

std::set<std::string> placeholders(std::string_view s) {
  std::set<std::string> out;
  for (std::size_t i = s.find('{'); i != std::string_view::npos; i = s.find('{', i + 1))
    out.insert(std::string(s.substr(i + 1, s.find('}', i) - i - 1)));
  return out;
}

TEST(DnsNarration, EveryDnsKindHasASentenceInBothLanguages) {
  std::set<std::string_view> kinds;
  for (const sim::TraceKind* kind : dns_kinds()) {
    EXPECT_TRUE(kind->name.starts_with("dns.")) << kind->name;
    kinds.insert(kind->name);
    const Message* m = sentence_for(kind->name);
    ASSERT_NE(m, nullptr) << kind->name;
    EXPECT_FALSE(m->en.empty()) << kind->name;
    EXPECT_FALSE(m->fr.empty()) << kind->name;
  }
  // And no sentence for a kind that does not exist, none twice.
  std::set<std::string_view> ids;
  for (const Message* m : kDnsAll) {
    EXPECT_TRUE(kinds.contains(m->id)) << m->id;
    EXPECT_TRUE(ids.insert(m->id).second) << m->id;
  }
  EXPECT_EQ(kDnsAll.size(), kinds.size());
}

TEST(DnsNarration, PlaceholdersAreTheSameInBothLanguages) {
  for (const Message* m : kDnsAll) {
    EXPECT_EQ(placeholders(m->en), placeholders(m->fr)) << m->id;
    EXPECT_FALSE(placeholders(m->en).contains("explain")) << m->id;  // SMTP replies only
  }
}

// Collects a record's fields as text, the way the narrator does.
class Fields final : public sim::FieldVisitor {
 public:
  using FieldVisitor::field;
  void field(std::string_view k, std::int64_t v) override { add(k, fmt::to_string(v)); }
  void field(std::string_view k, std::uint64_t v) override { add(k, fmt::to_string(v)); }
  void field(std::string_view k, double v) override { add(k, fmt::format("{}", v)); }
  void field(std::string_view k, bool v) override { add(k, v ? "true" : "false"); }
  void field(std::string_view k, std::string_view v) override { add(k, std::string(v)); }
  void field(std::string_view k, sim::SimTime v) override { add(k, sim::format_time(v)); }
  std::vector<Text::Arg> args;

 private:
  void add(std::string_view k, std::string v) { args.emplace_back(std::string(k), std::move(v)); }
};

// A run that meets every dns.* kind: a stub resolver whose first server answers too late and
// whose second refuses, a recursive one from the root (referrals, CNAME, TC then TCP, cache
// hits and expiry, NXDOMAIN, mail route, SPF, DNSBL), a resolver whose host is down, a record
// changed and a server host going down and back.
TEST(DnsNarration, EveryRecordOfARunIsToldInBothLanguages) {
  DnsWorld w;
  std::map<std::string, std::string> first_en, first_fr;
  std::set<std::string> unexplained;
  w.sim.trace().subscribe([&](const sim::TraceRecord& r) {
    const std::string kind(r.kind().name);
    if (!kind.starts_with("dns.")) return;
    const Message* m = sentence_for(kind);
    if (m == nullptr) {
      unexplained.insert(kind);
      return;
    }
    Fields f;
    r.visit_fields(f);
    // Counts the narrator says with their noun (field_words.hpp), as it derives them.
    for (const auto& c : narration::kCountedPhrases)
      for (std::size_t i = 0; c.kind == kind && i < f.args.size(); ++i)
        if (f.args[i].first == c.field)
          f.args.emplace_back(std::string(c.placeholder),
                              f.args[i].second + " " + std::string(c.placeholder));
    const std::string en = render_template(m->en, f.args);
    const std::string fr = render_template(m->fr, f.args);
    EXPECT_EQ(en.find('{'), std::string::npos) << en;
    EXPECT_EQ(fr.find('{'), std::string::npos) << fr;
    first_en.emplace(kind, en);
    first_fr.emplace(kind, fr);
  });

  const net::NodeId mta = w.client("mta.a.example", "192.0.2.10");
  const net::NodeId pc = w.client("pc.a.example", "192.0.2.11");
  const net::NodeId far = w.net.add_host("ns.far.example", ip("203.0.113.53"));
  w.net.add_link("far-r2", far, w.r2, {.latency = 1600ms});  // answers after 3.2 s: too late
  const net::NodeId ns1 = w.server_host("ns1.b.example", "192.0.2.53");
  const net::NodeId refusing = w.server_host("ns.other.test", "192.0.2.60");
  const net::NodeId root_host = w.server_host("ns.root", "198.51.100.1");
  const net::NodeId tld_host = w.server_host("ns1.nic.example", "198.51.100.2");

  dns::ZoneSet b;
  b.add_zone(b_zone());
  b.add_zone(bl_zone());
  DnsServerAgent auth(w.net, ns1, std::move(b));
  DnsServerAgent slow(w.net, far, all_zones());
  DnsServerAgent other(w.net, refusing, one_zone(bl_zone()));
  DnsServerAgent root(w.net, root_host, one_zone(root_zone()));
  DnsServerAgent tld(w.net, tld_host, one_zone(tld_zone()));
  for (DnsServerAgent* s : {&auth, &slow, &other, &root, &tld})
    s->start();

  ResolverAgent stub_resolver(
      w.net, pc, stub({server("203.0.113.53"), server("192.0.2.60"), server("192.0.2.53")}));
  dns::ResolverConfig recursive;
  recursive.mode = dns::ResolverMode::recursive;
  recursive.servers = {server("198.51.100.1", "ns.root.")};
  ResolverAgent mta_resolver(w.net, mta, recursive);

  (void)stub_resolver.resolve(name("mx1.b.example."), dns::RecordType::A, [](auto&) {});
  (void)mta_resolver.mail_route(name("b.example."), [](auto&) {});
  (void)mta_resolver.mail_route(name("big.b.example."), [](auto&) {});
  (void)mta_resolver.resolve(name("alias.b.example."), dns::RecordType::A, [](auto&) {});
  (void)mta_resolver.resolve(name("nowhere.b.example."), dns::RecordType::A, [](auto&) {});
  (void)mta_resolver.check_spf(
      {dns::parse_ip("203.0.113.9"), "a@b.example", name("b.example."), "x"}, [](auto&) {});
  (void)mta_resolver.check_dnsbl(dns::parse_ip("203.0.113.9"), name("bl.example."), [](auto&) {});
  auth.replace_at(20s, name("nomx.b.example."), dns::RecordType::A, {});
  w.sim.schedule_at(30s, [&] {
    (void)mta_resolver.resolve(name("b.example."), dns::RecordType::MX, [](auto&) {});  // cache hit
    w.net.set_host_up(pc, false);
    (void)stub_resolver.resolve(name("b.example."), dns::RecordType::MX,
                                [](auto&) {});  // unreachable
    w.net.set_host_up(ns1, false);
  });
  w.sim.schedule_at(40s, [&] { w.net.set_host_up(ns1, true); });
  w.sim.run_until(1h);  // the 300 s entries expire

  EXPECT_TRUE(unexplained.empty()) << *unexplained.begin();
  for (const sim::TraceKind* kind : dns_kinds())
    EXPECT_TRUE(first_en.contains(std::string(kind->name))) << kind->name << " never seen";
  EXPECT_EQ(first_en["dns.referral"],
            "ns.root. (198.51.100.1) does not hold b.example. but says the zone example. is "
            "served by other servers: mta.a.example follows the referral");
  EXPECT_EQ(first_fr["dns.response.truncated"],
            "la réponse de ns1.b.example. (192.0.2.53) pour big.b.example. MX ne tenait pas dans "
            "un datagramme UDP de 512 octets (drapeau TC) : mta.a.example redemande par TCP");
  if (std::getenv("MAILSIM_PRINT_NARRATION"))
    for (const auto& [kind, line] : first_en)
      std::cout << line << "\n" << first_fr[kind] << "\n";
}

}  // namespace
}  // namespace mailsim::agents::test

#include "agents/proto/dns/mail_route.hpp"

#include <gtest/gtest.h>

#include <set>

#include "agents/proto/dns/resolver.hpp"
#include "sample_zones.hpp"
#include "sim/random.hpp"
#include "sim_network.hpp"

using namespace mailsim::proto::dns;
using namespace mailsim::proto::dns::test;
using mailsim::Lang;
using mailsim::sim::RandomStream;

namespace {

Name N(std::string_view s) {
  return Name::parse(s);
}

// Zones for the MX rules, on one server without the root (names under .test are served by
// nobody: SERVFAIL).
ZoneSet mail_zones() {
  ZoneSet set;
  set.add_zone(tld_zone());
  set.add_zone(b_zone());
  set.add_zone(c_zone());
  set.add_zone(zone_from_text("mail.example.", R"(
@ 3600 SOA ns.mail.example. h.mail.example. 1 2 3 4 300
; implicit MX: an address, no MX
implicit.mail.example. 300 A 192.0.2.70
; nothing at all but a TXT
bare.mail.example. 300 TXT "no mail here"
; null MX
null.mail.example. 300 MX 0 .
; null MX mixed with a real one (forbidden, the real one is used)
mixed.mail.example. 300 MX 0 .
mixed.mail.example. 300 MX 10 mx1.b.example.
; equal preferences
eq.mail.example. 300 MX 5 first.mail.example.
eq.mail.example. 300 MX 10 a.mail.example.
eq.mail.example. 300 MX 10 b.mail.example.
eq.mail.example. 300 MX 10 c.mail.example.
eq.mail.example. 300 MX 10 d.mail.example.
first.mail.example. 300 A 192.0.2.1
a.mail.example. 300 A 192.0.2.2
b.mail.example. 300 A 192.0.2.3
c.mail.example. 300 A 192.0.2.4
d.mail.example. 300 A 192.0.2.5
; MX whose exchanges have no address
noaddr.mail.example. 300 MX 10 ghost.mail.example.
; one exchange whose zone nobody serves (SERVFAIL), one without address
flaky.mail.example. 300 MX 10 mx.unserved.test.
flaky.mail.example. 300 MX 20 ghost.mail.example.
; a domain that is an alias
alias.mail.example. 300 CNAME b.example.
; MX pointing at a CNAME'd host, and an IPv6-only host
v6.mail.example. 300 MX 10 six.mail.example.
six.mail.example. 300 AAAA 2001:db8::6
)"));
  return set;
}

struct Fixture {
  ZoneSet zones = mail_zones();
  ZoneLookupService dns{zones};
  RandomStream rng{11};

  MailRoute route(std::string_view domain, MailRouteOptions options = {}) {
    MailRouteLookup lookup(dns, rng, std::move(options));
    std::optional<MailRoute> out;
    lookup.start(N(domain), [&](const MailRoute& r) { out = r; });
    EXPECT_TRUE(out.has_value());
    return out.value_or(MailRoute{});
  }
};

std::vector<std::string> addresses(const MailRoute& r) {
  std::vector<std::string> out;
  for (const auto& a : r.addresses)
    out.push_back(to_string(a));
  return out;
}

}  // namespace

TEST(MailRoute, MxListSortedByPreferenceNeverTheDomainsOwnAddress) {
  Fixture f;
  const MailRoute r = f.route("b.example");
  EXPECT_EQ(r.status, RouteStatus::ok);
  ASSERT_EQ(r.targets.size(), 2u);
  EXPECT_EQ(r.targets[0].host.exchange, N("mx1.b.example"));
  EXPECT_EQ(r.targets[1].host.exchange, N("mx2.b.example"));
  EXPECT_EQ(addresses(r), (std::vector<std::string>{"192.0.2.25", "192.0.2.26"}));  // not .80
  EXPECT_EQ(r.explanation().render(Lang::en),
            "mail for b.example. goes to mx1.b.example. 192.0.2.25, mx2.b.example. 192.0.2.26");
}

TEST(MailRoute, Ipv6AddressesWhenAsked) {
  Fixture f;
  EXPECT_EQ(addresses(f.route("b.example", {.own_names = {}, .ipv6 = true})),
            (std::vector<std::string>{"192.0.2.25", "192.0.2.26", "2001:db8::26"}));
  const MailRoute v6 = f.route("v6.mail.example", {.own_names = {}, .ipv6 = true});
  EXPECT_EQ(addresses(v6), (std::vector<std::string>{"2001:db8::6"}));
  EXPECT_EQ(f.route("v6.mail.example").reason, RouteReason::no_address);  // IPv4 only
}

TEST(MailRoute, EqualPreferencesInRandomOrderFromTheStream) {
  std::set<std::vector<std::string>> orders;
  for (std::uint64_t seed = 1; seed <= 40; ++seed) {
    Fixture f;
    f.rng = RandomStream(seed);
    const MailRoute r = f.route("eq.mail.example");
    ASSERT_EQ(r.addresses.size(), 5u);
    EXPECT_EQ(to_string(r.addresses[0]), "192.0.2.1");  // preference 5 always first
    orders.insert(addresses(r));
    Fixture again;  // the same seed gives the same order
    again.rng = RandomStream(seed);
    EXPECT_EQ(addresses(again.route("eq.mail.example")), addresses(r));
  }
  EXPECT_GT(orders.size(), 5u);
}

TEST(MailRoute, ImplicitMxWhenThereIsNoMx) {
  Fixture f;
  const MailRoute r = f.route("implicit.mail.example");
  EXPECT_EQ(r.status, RouteStatus::ok);
  ASSERT_EQ(r.targets.size(), 1u);
  EXPECT_TRUE(r.targets[0].host.implicit);
  EXPECT_EQ(r.targets[0].host.preference, 0);
  EXPECT_EQ(addresses(r), (std::vector<std::string>{"192.0.2.70"}));

  const MailRoute bare = f.route("bare.mail.example");
  EXPECT_EQ(bare.status, RouteStatus::permanent);
  EXPECT_EQ(bare.reason, RouteReason::no_address);
  EXPECT_EQ(bare.reply_code(), "550 5.4.4");
}

TEST(MailRoute, NullMxIsPermanent) {
  Fixture f;
  const MailRoute r = f.route("null.mail.example");
  EXPECT_EQ(r.status, RouteStatus::permanent);
  EXPECT_EQ(r.reason, RouteReason::null_mx);
  EXPECT_EQ(r.reply_code(), "556 5.1.10");
  EXPECT_NE(r.explanation().render(Lang::fr).find("MX nul"), std::string::npos);
  const MailRoute mixed = f.route("mixed.mail.example");
  EXPECT_EQ(mixed.status, RouteStatus::ok);
  EXPECT_EQ(addresses(mixed), (std::vector<std::string>{"192.0.2.25"}));
}

TEST(MailRoute, NxdomainIsPermanentServfailTemporary) {
  Fixture f;
  const MailRoute nx = f.route("nowhere.b.example");
  EXPECT_EQ(nx.status, RouteStatus::permanent);
  EXPECT_EQ(nx.reason, RouteReason::nxdomain);
  EXPECT_EQ(nx.reply_code(), "550 5.1.2");
  const MailRoute sf = f.route("unserved.test");  // no server for it: SERVFAIL
  EXPECT_EQ(sf.status, RouteStatus::temporary);
  EXPECT_EQ(sf.reason, RouteReason::dns_failure);
  EXPECT_EQ(sf.reply_code(), "451 4.4.3");
}

TEST(MailRoute, ExchangesWithoutAddresses) {
  Fixture f;
  EXPECT_EQ(f.route("noaddr.mail.example").status, RouteStatus::permanent);
  // One exchange failed temporarily and none has an address: try again later.
  const MailRoute flaky = f.route("flaky.mail.example");
  EXPECT_EQ(flaky.status, RouteStatus::temporary);
  EXPECT_EQ(flaky.reason, RouteReason::dns_failure);
  ASSERT_EQ(flaky.targets.size(), 2u);
  EXPECT_EQ(flaky.targets[0].address_status, LookupStatus::servfail);
  EXPECT_EQ(flaky.targets[1].address_status, LookupStatus::nxdomain);
}

TEST(MailRoute, FollowsACnameForTheDomain) {
  Fixture f;
  EXPECT_EQ(addresses(f.route("alias.mail.example")),
            (std::vector<std::string>{"192.0.2.25", "192.0.2.26"}));
}

TEST(MailRoute, RelayInTheListKeepsOnlyMorePreferredExchanges) {
  Fixture f;
  const MailRoute backup = f.route("b.example", {.own_names = {N("MX2.b.example")}});
  EXPECT_EQ(backup.status, RouteStatus::ok);
  EXPECT_EQ(addresses(backup), (std::vector<std::string>{"192.0.2.25"}));

  const MailRoute primary = f.route("b.example", {.own_names = {N("mx1.b.example")}});
  EXPECT_EQ(primary.status, RouteStatus::permanent);
  EXPECT_EQ(primary.reason, RouteReason::loops_to_self);
  EXPECT_EQ(primary.reply_code(), "554 5.4.6");

  // An equal preference is dropped too: a peer is not more preferred.
  const MailRoute peer = f.route("eq.mail.example", {.own_names = {N("c.mail.example")}});
  EXPECT_EQ(addresses(peer), (std::vector<std::string>{"192.0.2.1"}));
  // The implicit MX counts too: mail for my own domain with no MX loops to me.
  EXPECT_EQ(f.route("implicit.mail.example", {.own_names = {N("implicit.mail.example")}}).reason,
            RouteReason::loops_to_self);
}

TEST(MailRoute, PlanMxAloneOnAnswers) {
  RandomStream rng(3);
  LookupResult timeout;
  timeout.status = LookupStatus::timeout;
  EXPECT_EQ(plan_mx(timeout, rng).status, RouteStatus::temporary);
  LookupResult loop;
  loop.status = LookupStatus::cname_limit;
  EXPECT_EQ(plan_mx(loop, rng).status, RouteStatus::temporary);
}

TEST(MailRoute, OverTheResolverAcrossTheHierarchy) {
  mailsim::sim::SimTime clock{0};
  RandomStream rng(5);
  ResolverConfig config;
  config.mode = ResolverMode::recursive;
  config.servers = {Server{parse_ip(kRootAddress), N("ns.root.")}};
  Resolver resolver(config, rng);
  SimNetwork net(resolver, clock);
  ZoneSet root, tld, b;
  root.add_zone(root_zone());
  tld.add_zone(tld_zone());
  b.add_zone(b_zone());
  net.add_server(kRootAddress, std::move(root));
  net.add_server(kTldAddress, std::move(tld));
  net.add_server(kBAddress, std::move(b));

  MailRouteLookup lookup(resolver, rng);
  std::optional<MailRoute> out;
  lookup.start(N("b.example"), [&](const MailRoute& r) { out = r; });
  net.run();
  ASSERT_TRUE(out);
  EXPECT_EQ(out->status, RouteStatus::ok);
  EXPECT_EQ(addresses(*out), (std::vector<std::string>{"192.0.2.25", "192.0.2.26"}));
  // MX: root, TLD, b; then the exchanges' A from b directly (the delegation is cached).
  EXPECT_EQ(net.received().size(), 5u);

  // The server goes down and the cache empties: the route becomes a temporary failure.
  net.set_down(kBAddress, true);
  resolver.cache().clear();
  out.reset();
  lookup.start(N("b.example"), [&](const MailRoute& r) { out = r; });
  net.run();
  ASSERT_TRUE(out);
  EXPECT_EQ(out->status, RouteStatus::temporary);
}

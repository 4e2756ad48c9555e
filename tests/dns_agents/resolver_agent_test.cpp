// The resolver agent over the virtual network: recursion from the root through the TLD to the
// authoritative server with glue, the cache (a hit sends no packet, expiry at the TTL, a
// record changed on the server seen once the cached copy expired), SPF and DNSBL over the
// network, unreachable servers, its own host going down, and determinism.
#include <gtest/gtest.h>

#include <optional>

#include "tests/dns_agents/dns_world.hpp"

namespace mailsim::agents::test {
namespace {

// Three servers on three hosts: the root, the TLD, and b.example's authoritative server
// (which also serves the blocklist zone); an MTA resolving recursively from the root hints.
struct RecursiveWorld {
  explicit RecursiveWorld(std::uint64_t seed = 1) : w(seed) {
    mta = w.client("mta.a.example", "192.0.2.10");
    root = std::make_unique<DnsServerAgent>(w.net, w.server_host("ns.root", "198.51.100.1"),
                                            one_zone(root_zone()));
    tld = std::make_unique<DnsServerAgent>(w.net, w.server_host("ns1.nic.example", "198.51.100.2"),
                                           one_zone(tld_zone()));
    dns::ZoneSet b;
    b.add_zone(b_zone());
    b.add_zone(bl_zone());
    auth = std::make_unique<DnsServerAgent>(w.net, w.server_host("ns1.b.example", "192.0.2.53"),
                                            std::move(b));
    root->start();
    tld->start();
    auth->start();
    dns::ResolverConfig config;
    config.mode = dns::ResolverMode::recursive;
    config.servers = {server("198.51.100.1", "ns.root.")};
    resolver = std::make_unique<ResolverAgent>(w.net, mta, config);
  }

  dns::LookupResult resolve(const char* qname, dns::RecordType type) {
    std::optional<dns::LookupResult> got;
    const auto lookup =
        resolver->resolve(name(qname), type, [&](const dns::LookupResult& r) { got = r; });
    w.sim.run_until(w.sim.now() + 30s);
    EXPECT_TRUE(got.has_value()) << qname;
    return got.value_or(dns::LookupResult{});
  }
  std::size_t packets_from_mta() const {
    return w.count({"net.packet.sent", "node=mta.a.example"});
  }

  DnsWorld w;
  net::NodeId mta{};
  std::unique_ptr<DnsServerAgent> root, tld, auth;
  std::unique_ptr<ResolverAgent> resolver;
};

TEST(Recursion, WalksFromTheRootThroughTheTldToTheAuthoritativeServer) {
  RecursiveWorld rw;
  std::optional<dns::MailRoute> route;
  const auto lookup =
      rw.resolver->mail_route(name("b.example."), [&](const dns::MailRoute& r) { route = r; });
  rw.w.sim.run_until(30s);
  ASSERT_TRUE(route);
  EXPECT_EQ(route->status, dns::RouteStatus::ok);
  ASSERT_EQ(route->addresses.size(), 3u);
  EXPECT_EQ(dns::to_string(route->addresses[0]), "192.0.2.25");
  // The MX question goes to each level in turn, each a real packet answered by that server.
  EXPECT_EQ(rw.w.count({"dns.query.sent", "name=b.example.", "type=MX", "ns.root."}), 1u);
  EXPECT_EQ(rw.w.count({"dns.referral", "zone=example."}), 1u);
  EXPECT_EQ(rw.w.count({"dns.query.sent", "name=b.example.", "type=MX", "ns1.nic.example."}), 1u);
  EXPECT_EQ(rw.w.count({"dns.referral", "zone=b.example."}), 1u);
  EXPECT_EQ(rw.w.count({"dns.query.sent", "name=b.example.", "type=MX", "ns1.b.example."}), 1u);
  // The glue of each referral is cached and used: nobody asks for the name servers' addresses.
  EXPECT_EQ(rw.w.count({"dns.cache.stored", "name=ns1.nic.example.", "type=A"}), 1u);
  EXPECT_EQ(rw.w.count({"dns.cache.stored", "name=ns1.b.example.", "type=A"}), 1u);
  EXPECT_EQ(rw.w.count({"dns.query.sent", "name=ns1.b.example."}), 0u);
  EXPECT_EQ(rw.w.count({"dns.server.answered", "agent=ns.root", "name=b.example."}), 1u);
  EXPECT_EQ(rw.w.count({"dns.server.answered", "agent=ns1.nic.example", "name=b.example."}), 1u);
  EXPECT_EQ(rw.w.count({"dns.server.answered", "agent=ns1.b.example", "flags=\"qr aa\""}), 4u);
  EXPECT_EQ(rw.w.count({"net.packet.delivered", "node=ns.root", "dport=53"}), 1u);
  EXPECT_EQ(rw.w.count({"net.packet.delivered", "node=ns1.nic.example", "dport=53"}), 1u);
  // The addresses of the exchanges are asked of b.example's server directly (delegation cached).
  EXPECT_EQ(rw.w.count({"net.packet.delivered", "node=ns1.b.example", "dport=53"}), 4u);
  EXPECT_EQ(rw.w.count({"dns.cache.hit", "name=b.example.", "type=NS"}), 3u);
}

TEST(Cache, TheSecondLookupIsAnsweredWithoutAPacketUntilTheTtlRunsOut) {
  RecursiveWorld rw;
  const dns::LookupResult first = rw.resolve("mx1.b.example.", dns::RecordType::A);
  EXPECT_FALSE(first.from_cache);
  const std::size_t packets = rw.packets_from_mta();
  EXPECT_EQ(packets, 3u);  // root, TLD, authoritative
  const dns::LookupResult second = rw.resolve("mx1.b.example.", dns::RecordType::A);
  EXPECT_EQ(second.status, dns::LookupStatus::ok);
  EXPECT_TRUE(second.from_cache);
  EXPECT_EQ(second.records.at(0).ttl, 270u);  // 300 s stored at 0.066 s, asked at 30 s
  EXPECT_EQ(rw.packets_from_mta(), packets);
  EXPECT_EQ(rw.w.count({"dns.cache.hit", "name=mx1.b.example.", "type=A", "ttl=270"}), 1u);
  // At 300 s after the answer the entry expires, by itself, and the next lookup asks again:
  // only the authoritative server, since the delegations live for two days.
  rw.w.sim.run_until(400s);
  EXPECT_EQ(rw.w.count({"00:05:00.0", "dns.cache.expired", "name=mx1.b.example."}), 1u);
  const dns::LookupResult third = rw.resolve("mx1.b.example.", dns::RecordType::A);
  EXPECT_FALSE(third.from_cache);
  EXPECT_EQ(third.queries, 1);
  EXPECT_EQ(rw.packets_from_mta(), packets + 1);
}

TEST(Cache, NegativeAnswersAreCachedForTheSoaMinimum) {
  RecursiveWorld rw;
  EXPECT_EQ(rw.resolve("nowhere.b.example.", dns::RecordType::MX).status,
            dns::LookupStatus::nxdomain);
  const std::size_t packets = rw.packets_from_mta();
  const dns::LookupResult again = rw.resolve("nowhere.b.example.", dns::RecordType::A);
  EXPECT_EQ(again.status, dns::LookupStatus::nxdomain);  // NXDOMAIN covers every type
  EXPECT_TRUE(again.from_cache);
  EXPECT_EQ(rw.packets_from_mta(), packets);
  EXPECT_EQ(rw.w.count({"dns.cache.stored", "name=nowhere.b.example.", "type=ANY", "entry=nxdomain",
                        "ttl=300"}),
            1u);
}

TEST(Cache, ARecordChangedOnTheServerIsSeenOnceTheCachedCopyExpires) {
  RecursiveWorld rw;
  // The exercise: b.example's MX is wrong; at 60 s the teacher fixes it on the server.
  rw.auth->replace_at(
      60s, name("b.example."), dns::RecordType::MX,
      {dns::make_record(name("b.example."), 300, dns::MxData{5, name("mx-new.b.example.")})});
  auto first_address = [&] {
    std::optional<dns::MailRoute> route;
    const auto lookup =
        rw.resolver->mail_route(name("b.example."), [&](const dns::MailRoute& r) { route = r; });
    rw.w.sim.run_until(rw.w.sim.now() + 1s);
    EXPECT_TRUE(route);
    return route && !route->addresses.empty() ? dns::to_string(route->addresses[0]) : "";
  };
  EXPECT_EQ(first_address(), "192.0.2.25");
  rw.w.sim.run_until(120s);
  EXPECT_EQ(rw.w.count({"00:01:00 dns.zone.changed", "agent=ns1.b.example", "type=MX"}), 1u);
  EXPECT_EQ(first_address(), "192.0.2.25");  // still the cached MX, without asking
  rw.w.sim.run_until(301s);
  EXPECT_EQ(first_address(), "192.0.2.28");  // expired: asked again, the fix is seen
  EXPECT_EQ(rw.w.count({"dns.query.sent", "name=b.example.", "type=MX"}), 4u);
}

TEST(Spf, FailAndPassOverTheNetwork) {
  RecursiveWorld rw;
  std::vector<dns::SpfOutcome> outcomes;
  auto check = [&](const char* address) {
    dns::SpfQuery q{dns::parse_ip(address), "alice@b.example", name("b.example."), "mx.b.example"};
    const auto lookup =
        rw.resolver->check_spf(q, [&](const dns::SpfOutcome& o) { outcomes.push_back(o); });
    rw.w.sim.run_until(rw.w.sim.now() + 30s);
  };
  check("192.0.2.26");   // mx2: "v=spf1 mx -all" lets it send
  check("203.0.113.9");  // anybody else fails
  ASSERT_EQ(outcomes.size(), 2u);
  EXPECT_EQ(outcomes[0].result, dns::SpfResult::pass);
  EXPECT_EQ(outcomes[0].matched, "mx");
  EXPECT_EQ(outcomes[1].result, dns::SpfResult::fail);
  EXPECT_EQ(outcomes[1].matched, "-all");
  EXPECT_EQ(outcomes[1].reply_code(), "550 5.7.1");
  // The record is asked once, from the root down; the second check finds it in the cache.
  EXPECT_EQ(rw.w.count({"dns.query.sent", "name=b.example.", "type=TXT"}), 3u);
  EXPECT_EQ(rw.w.count({"dns.cache.hit", "name=b.example.", "type=TXT"}), 1u);
  EXPECT_EQ(rw.w.count({"dns.spf.checked", "ip=192.0.2.26", "result=pass", "matched=mx"}), 1u);
  EXPECT_EQ(rw.w.count({"dns.spf.checked", "ip=203.0.113.9", "result=fail", "matched=-all"}), 1u);
}

TEST(Dnsbl, ListedAndNotListedOverTheNetwork) {
  RecursiveWorld rw;
  std::vector<dns::DnsblResult> results;
  for (const char* address : {"203.0.113.9", "192.0.2.77"}) {
    const auto lookup =
        rw.resolver->check_dnsbl(dns::parse_ip(address), name("bl.example."),
                                 [&](const dns::DnsblResult& r) { results.push_back(r); });
    rw.w.sim.run_until(rw.w.sim.now() + 30s);
  }
  ASSERT_EQ(results.size(), 2u);
  EXPECT_EQ(results[0].verdict, dns::DnsblVerdict::listed);
  ASSERT_EQ(results[0].codes.size(), 1u);
  EXPECT_EQ(results[0].codes[0].to_string(), "127.0.0.4");
  // Listed: the TXT record of the same name gives the list's reason (RFC 5782 2.1).
  EXPECT_EQ(results[0].reason, "Dynamic/residential IP range listed");
  EXPECT_EQ(rw.w.count({"dns.query.sent", "name=9.113.0.203.bl.example.", "type=TXT"}), 1u);
  EXPECT_EQ(results[1].verdict, dns::DnsblVerdict::not_listed);
  EXPECT_EQ(rw.w.count({"dns.query.sent", "name=77.2.0.192.bl.example.", "type=TXT"}), 0u);
  EXPECT_EQ(rw.w.count({"dns.query.sent", "name=9.113.0.203.bl.example.", "type=A"}), 3u);
  EXPECT_EQ(rw.w.count({"dns.response.received", "name=77.2.0.192.bl.example.", "rcode=NXDOMAIN"}),
            1u);
  EXPECT_EQ(
      rw.w.count({"dns.dnsbl.checked", "ip=203.0.113.9", "verdict=listed", "codes=127.0.0.4"}), 1u);
  EXPECT_EQ(rw.w.count({"dns.dnsbl.checked", "ip=192.0.2.77", "verdict=\"not listed\""}), 1u);
}

TEST(Network, AClosedTcpPortMakesTheResolverTryTheNextServerAtOnce) {
  DnsWorld w;
  const net::NodeId mta = w.client("mta.a.example", "192.0.2.10");
  const net::NodeId udp_only = w.server_host("ns1.b.example", "192.0.2.53");
  const net::NodeId full = w.server_host("ns2.b.example", "192.0.2.54");
  // ns1 answers over UDP only (TCP rejected by a firewall): the truncated answer cannot be
  // completed there, so the resolver moves on to ns2 without waiting for a timeout.
  DnsServerAgent s1(w.net, udp_only, all_zones());
  DnsServerAgent s2(w.net, full, all_zones());
  s1.start();
  s2.start();
  w.net.add_filter(udp_only, {.port = 53,
                              .direction = net::FilterDirection::incoming,
                              .action = net::FilterAction::reject,
                              .protocol = net::FilterProtocol::tcp});
  ResolverAgent resolver(
      w.net, mta,
      stub({server("192.0.2.53", "ns1.b.example."), server("192.0.2.54", "ns2.b.example.")}));
  std::optional<dns::LookupResult> got;
  const auto lookup = resolver.resolve(name("big.b.example."), dns::RecordType::MX,
                                       [&](const dns::LookupResult& r) { got = r; });
  w.sim.run_until(30s);
  ASSERT_TRUE(got);
  EXPECT_EQ(got->status, dns::LookupStatus::ok);
  EXPECT_EQ(got->records.size(), 30u);
  EXPECT_EQ(w.count({"net.conn.refused", "host=mta.a.example"}), 1u);
  EXPECT_EQ(w.count({"dns.query.unreachable", "ns1.b.example.", "transport=TCP"}), 1u);
  EXPECT_EQ(w.count({"dns.query.timeout"}), 0u);
  EXPECT_EQ(s2.tcp_answers(), 1u);
}

TEST(Network, TheResolversOwnHostDownAndBack) {
  RecursiveWorld rw;
  rw.w.net.set_host_up(rw.mta, false);
  // While its host is down nothing can be sent: every attempt is unreachable at once.
  const dns::LookupResult down = rw.resolve("b.example.", dns::RecordType::MX);
  EXPECT_EQ(down.status, dns::LookupStatus::timeout);  // no server could answer
  EXPECT_TRUE(dns::is_temporary(down.status));
  EXPECT_EQ(rw.w.count({"dns.query.unreachable"}), 2u);
  rw.w.net.set_host_up(rw.mta, true);  // a new socket, and it works again
  EXPECT_EQ(rw.resolve("b.example.", dns::RecordType::MX).status, dns::LookupStatus::ok);
}

TEST(Network, DestroyingTheResolverMidLookupCancelsItsTimersAndCallbacks) {
  RecursiveWorld rw;
  bool called = false;
  const auto lookup = rw.resolver->resolve(name("b.example."), dns::RecordType::MX,
                                           [&](const dns::LookupResult&) { called = true; });
  rw.w.sim.run_until(5ms);  // the first query is on its way
  EXPECT_GT(rw.resolver->pending_timers(), 0u);
  rw.resolver.reset();
  rw.w.sim.run_until(60s);  // the answer arrives at a closed port; no timer fires
  EXPECT_FALSE(called);
  EXPECT_EQ(rw.w.count({"dns.query.timeout"}), 0u);
}

// A lookup's handle cancels its callback, not the lookup: the queries, the answer in the cache
// and the record of the result are all there, only the owner (gone) is not called.
TEST(Network, ResettingALookupsHandleCancelsItsCallbackNotTheLookup) {
  RecursiveWorld rw;
  int called = 0;
  auto route =
      rw.resolver->mail_route(name("b.example."), [&](const dns::MailRoute&) { ++called; });
  auto spf =
      rw.resolver->check_spf({dns::parse_ip("192.0.2.25"), "a@b.example", name("b.example."), "x"},
                             [&](const dns::SpfOutcome&) { ++called; });
  auto listed = rw.resolver->check_dnsbl(dns::parse_ip("203.0.113.9"), name("bl.example."),
                                         [&](const dns::DnsblResult&) { ++called; });
  auto kept = rw.resolver->resolve(name("mx1.b.example."), dns::RecordType::A,
                                   [&](const dns::LookupResult&) { called += 100; });
  rw.w.sim.run_until(5ms);  // the first queries are on their way
  EXPECT_TRUE(route.active() && spf.active() && listed.active() && kept.active());
  route.reset();
  spf.reset();
  listed = {};
  rw.w.sim.run_until(60s);
  EXPECT_EQ(called, 100);  // only the lookup whose handle was kept
  EXPECT_EQ(rw.resolver->pending_lookups(), 0u);
  EXPECT_EQ(rw.w.count({"dns.mail.route", "domain=b.example", "status=ok"}), 1u);
  EXPECT_EQ(rw.w.count({"dns.spf.checked", "ip=192.0.2.25"}), 1u);
  EXPECT_EQ(rw.w.count({"dns.dnsbl.checked", "ip=203.0.113.9", "verdict=listed"}), 1u);
  // A cache hit calls back at once: its handle is then inactive, with nothing to cancel.
  const auto hit = rw.resolver->resolve(name("mx1.b.example."), dns::RecordType::A,
                                        [&](const dns::LookupResult&) { ++called; });
  EXPECT_EQ(called, 101);
  EXPECT_FALSE(hit.active());
}

// The agent destroyed with a lookup of each kind in flight: none calls back, and the handles,
// which outlive it, do nothing when they go.
TEST(Network, DestroyingTheResolverWithEveryKindOfLookupInFlightCallsNobody) {
  RecursiveWorld rw;
  int called = 0;
  const auto route =
      rw.resolver->mail_route(name("b.example."), [&](const dns::MailRoute&) { ++called; });
  const auto spf =
      rw.resolver->check_spf({dns::parse_ip("192.0.2.25"), "a@b.example", name("b.example."), "x"},
                             [&](const dns::SpfOutcome&) { ++called; });
  const auto listed = rw.resolver->check_dnsbl(dns::parse_ip("203.0.113.9"), name("bl.example."),
                                               [&](const dns::DnsblResult&) { ++called; });
  rw.w.sim.run_until(15ms);
  rw.resolver.reset();
  rw.w.sim.run_until(60s);
  EXPECT_EQ(called, 0);
  EXPECT_EQ(rw.w.count({"dns.mail.route"}), 0u);
}

// Destroyed while a query goes over TCP (after a truncated answer): the connection is
// aborted, its callbacks go with the agent, and no timer fires.
TEST(Network, DestroyingTheResolverDuringATcpExchangeCallsNobody) {
  RecursiveWorld rw;
  bool called = false;
  const auto lookup = rw.resolver->resolve(name("big.b.example."), dns::RecordType::MX,
                                           [&](const dns::LookupResult&) { called = true; });
  for (int i = 0; i < 1000 && rw.resolver->open_tcp_connections() == 0; ++i)
    rw.w.sim.run_until(rw.w.sim.now() + 1ms);
  ASSERT_EQ(rw.resolver->open_tcp_connections(), 1u);
  rw.resolver.reset();
  rw.w.sim.run_until(60s);
  EXPECT_FALSE(called);
  EXPECT_EQ(rw.w.count({"dns.query.timeout"}), 0u);
}

std::string one_run(std::uint64_t seed) {
  RecursiveWorld rw(seed);
  (void)rw.resolver->mail_route(name("b.example."), [](const dns::MailRoute&) {});
  (void)rw.resolver->mail_route(name("big.b.example."), [](const dns::MailRoute&) {});
  (void)rw.resolver->check_spf(
      {dns::parse_ip("192.0.2.25"), "a@b.example", name("b.example."), "x"},
      [](const dns::SpfOutcome&) {});
  rw.w.sim.run_until(1h);
  return rw.w.text();
}

TEST(Determinism, TheSameSeedGivesTheSameTraceBytes) {
  const std::string a = one_run(5);
  EXPECT_GT(a.size(), 10000u);
  EXPECT_EQ(a, one_run(5));
  EXPECT_NE(a, one_run(6));  // query ids come from the seed
}

}  // namespace
}  // namespace mailsim::agents::test

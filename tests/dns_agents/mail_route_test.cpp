// "Where does mail for b.example go?" asked by an MTA's resolver across the virtual network,
// for every case of RFC 5321 5.1: the ordered list, equal preferences shuffled from the seed,
// the implicit MX, null MX, NXDOMAIN, a domain without addresses, the relay's own place in the
// list, DNS failures (refused, servers down) as temporary results.
#include <gtest/gtest.h>

#include <fmt/format.h>

#include <optional>
#include <set>

#include "tests/dns_agents/dns_world.hpp"

namespace mailsim::agents::test {
namespace {

std::vector<std::string> texts(const std::vector<dns::IpAddress>& addresses) {
  std::vector<std::string> out;
  for (const auto& a : addresses)
    out.push_back(dns::to_string(a));
  return out;
}

// An MTA at 192.0.2.10 behind r1, asking one or two DNS servers behind r2 (stub mode).
struct MailWorld {
  explicit MailWorld(std::uint64_t seed = 1, int servers = 1) : w(seed) {
    mta = w.client("mta.a.example", "192.0.2.10");
    ns1 = w.server_host("ns1.b.example", "192.0.2.53");
    std::vector<dns::Server> list{server("192.0.2.53", "ns1.b.example.")};
    agents.push_back(std::make_unique<DnsServerAgent>(w.net, ns1, all_zones()));
    if (servers == 2) {
      ns2 = w.server_host("ns2.b.example", "192.0.2.54");
      agents.push_back(std::make_unique<DnsServerAgent>(w.net, ns2, all_zones()));
      list.push_back(server("192.0.2.54", "ns2.b.example."));
    }
    for (auto& a : agents)
      a->start();
    resolver = std::make_unique<ResolverAgent>(w.net, mta, stub(list));
  }

  dns::MailRoute route(const char* domain, dns::MailRouteOptions options = {}) {
    std::optional<dns::MailRoute> got;
    const auto lookup = resolver->mail_route(
        name(domain), [&](const dns::MailRoute& r) { got = r; }, std::move(options));
    w.sim.run_until(w.sim.now() + 30s);
    EXPECT_TRUE(got.has_value()) << domain;
    return got.value_or(dns::MailRoute{});
  }

  DnsWorld w;
  net::NodeId mta{}, ns1{}, ns2{};
  std::vector<std::unique_ptr<DnsServerAgent>> agents;
  std::unique_ptr<ResolverAgent> resolver;
};

TEST(MailRoute, AcrossRoutersGivesTheExchangesInPreferenceOrder) {
  MailWorld m;
  const dns::MailRoute r = m.route("b.example.");
  EXPECT_EQ(r.status, dns::RouteStatus::ok);
  EXPECT_EQ(r.reply_code(), "250 2.0.0");
  ASSERT_EQ(r.targets.size(), 3u);
  EXPECT_EQ(r.targets[0].host.exchange, name("mx1.b.example."));
  const std::vector<std::string> addresses = texts(r.addresses);
  ASSERT_EQ(addresses.size(), 3u);
  EXPECT_EQ(addresses[0], "192.0.2.25");
  EXPECT_EQ(std::set<std::string>(addresses.begin() + 1, addresses.end()),
            (std::set<std::string>{"192.0.2.26", "192.0.2.27"}));
  // Every packet of the lookup is in the trace: one MX query and three A queries, each a
  // datagram from the MTA forwarded by both routers, answered by the server.
  EXPECT_EQ(m.w.count({"dns.query.sent", "agent=mta.a.example", "transport=UDP"}), 4u);
  EXPECT_EQ(m.w.count({"net.packet.sent", "node=mta.a.example", "proto=udp", "dport=53"}), 4u);
  EXPECT_EQ(m.w.count({"net.packet.forwarded", "node=r1", "proto=udp", "dport=53"}), 4u);
  EXPECT_EQ(m.w.count({"net.packet.forwarded", "node=r2", "proto=udp", "sport=53"}), 4u);
  EXPECT_EQ(m.w.count({"dns.server.answered", "agent=ns1.b.example", "client=192.0.2.10"}), 4u);
  EXPECT_EQ(m.w.count({"net.packet.delivered", "node=mta.a.example", "sport=53"}), 4u);
  EXPECT_EQ(m.w.count({"dns.mail.route", "domain=b.example", "status=ok",
                       "addresses=\"192.0.2.25, 192.0.2."}),
            1u);
  EXPECT_EQ(m.resolver->pending_lookups(), 0u);
}

TEST(MailRoute, EqualPreferencesAreShuffledFromTheSeed) {
  auto order = [](std::uint64_t seed) {
    return texts(MailWorld(seed).route("b.example.").addresses);
  };
  EXPECT_EQ(order(7), order(7));  // same seed, same order
  std::set<std::vector<std::string>> seen;
  for (std::uint64_t seed = 1; seed <= 12; ++seed) {
    const auto o = order(seed);
    ASSERT_EQ(o.size(), 3u);
    EXPECT_EQ(o[0], "192.0.2.25");  // the most preferred stays first
    seen.insert(o);
  }
  EXPECT_EQ(seen.size(), 2u);  // both orders of the two preference-20 exchanges occur
}

TEST(MailRoute, NoMxMeansTheDomainsOwnAddress) {
  MailWorld m;
  const dns::MailRoute r = m.route("nomx.b.example.");
  EXPECT_EQ(r.status, dns::RouteStatus::ok);
  ASSERT_EQ(r.targets.size(), 1u);
  EXPECT_TRUE(r.targets[0].host.implicit);
  EXPECT_EQ(texts(r.addresses), std::vector<std::string>{"192.0.2.81"});
  EXPECT_EQ(m.w.count({"dns.lookup.done", "name=nomx.b.example.", "type=MX", "status=NODATA"}), 1u);
}

TEST(MailRoute, MxRecordsMeanTheDomainsOwnAddressIsNeverUsed) {
  MailWorld m;
  const dns::MailRoute r = m.route("b.example.");
  for (const auto& a : texts(r.addresses))
    EXPECT_NE(a, "192.0.2.80");
  EXPECT_EQ(m.w.count({"dns.query.sent", "name=b.example.", "type=A "}), 0u);
}

TEST(MailRoute, AnExchangeNamedByAnAliasIsFollowed) {
  MailWorld m;
  m.agents[0]->replace(
      name("b.example."), dns::RecordType::MX,
      {dns::make_record(name("b.example."), 300, dns::MxData{10, name("alias.b.example.")})});
  const dns::MailRoute r = m.route("b.example.");
  EXPECT_EQ(texts(r.addresses), std::vector<std::string>{"192.0.2.25"});
  EXPECT_EQ(m.w.count({"dns.response.received", "name=alias.b.example.", "type=A", "answers=2"}),
            1u);  // the CNAME and the address of its target, in one answer
}

TEST(MailRoute, NullMxIsAPermanentFailure) {
  MailWorld m;
  const dns::MailRoute r = m.route("nullmx.b.example.");
  EXPECT_EQ(r.status, dns::RouteStatus::permanent);
  EXPECT_EQ(r.reason, dns::RouteReason::null_mx);
  EXPECT_EQ(r.reply_code(), "556 5.1.10");
  EXPECT_TRUE(r.addresses.empty());  // its A record is not a fallback
  EXPECT_EQ(
      m.w.count({"dns.mail.route", "status=permanent", "cause=null_mx", "reply=\"556 5.1.10\""}),
      1u);
}

TEST(MailRoute, NxdomainIsAPermanentFailure) {
  MailWorld m;
  const dns::MailRoute r = m.route("nowhere.b.example.");
  EXPECT_EQ(r.status, dns::RouteStatus::permanent);
  EXPECT_EQ(r.reason, dns::RouteReason::nxdomain);
  EXPECT_EQ(r.reply_code(), "550 5.1.2");
  EXPECT_EQ(m.w.count({"dns.response.received", "name=nowhere.b.example.", "rcode=NXDOMAIN"}), 1u);
}

TEST(MailRoute, ExchangesWithoutAddressIsPermanent) {
  MailWorld m;
  const dns::MailRoute r = m.route("noaddr.b.example.");
  EXPECT_EQ(r.status, dns::RouteStatus::permanent);
  EXPECT_EQ(r.reason, dns::RouteReason::no_address);
  EXPECT_EQ(r.reply_code(), "550 5.4.4");
}

TEST(MailRoute, ARelayInTheListKeepsOnlyBetterExchanges) {
  MailWorld m;
  dns::MailRouteOptions backup;
  backup.own_names = {name("mx2.b.example.")};
  const dns::MailRoute r = m.route("b.example.", backup);
  EXPECT_EQ(texts(r.addresses), std::vector<std::string>{"192.0.2.25"});
  dns::MailRouteOptions primary;
  primary.own_names = {name("mx1.b.example.")};
  const dns::MailRoute self = m.route("b.example.", primary);
  EXPECT_EQ(self.status, dns::RouteStatus::permanent);
  EXPECT_EQ(self.reply_code(), "554 5.4.6");
}

TEST(MailRoute, AServerRefusingIsATemporaryFailure) {
  MailWorld
      m;  // the server holds no zone for .test: REFUSED, which the resolver counts as SERVFAIL
  m.agents[0] = std::make_unique<DnsServerAgent>(m.w.net, m.ns1, one_zone(b_zone()));
  m.agents[0]->start();
  const dns::MailRoute r = m.route("b.test.");
  EXPECT_EQ(r.status, dns::RouteStatus::temporary);
  EXPECT_EQ(r.reason, dns::RouteReason::dns_failure);
  EXPECT_EQ(r.reply_code(), "451 4.4.3");
  EXPECT_EQ(m.w.count({"dns.lookup.done", "name=b.test.", "status=SERVFAIL"}), 1u);
}

TEST(MailRoute, ARunawayAliasChainIsATemporaryFailure) {
  MailWorld m;
  for (int i = 0; i < 12; ++i)  // loop0 -> loop1 -> ... -> loop11 -> loop0
    m.agents[0]->replace(
        name(fmt::format("loop{}.b.example.", i).c_str()), dns::RecordType::CNAME,
        {dns::make_record(
            name(fmt::format("loop{}.b.example.", i).c_str()), 300,
            dns::CnameData{name(fmt::format("loop{}.b.example.", (i + 1) % 12).c_str())})});
  const dns::MailRoute r = m.route("loop0.b.example.");
  EXPECT_EQ(r.status, dns::RouteStatus::temporary);
  EXPECT_EQ(r.reply_code(), "451 4.4.3");
  EXPECT_EQ(
      m.w.count({"dns.lookup.done", "name=loop0.b.example.", "status=\"CNAME chain too long\""}),
      1u);
}

TEST(MailRoute, AnExchangeWhoseAddressCannotBeFoundYetIsTemporary) {
  MailWorld m;  // b.example's MX names a host under a zone nobody here serves: REFUSED
  m.agents[0] = std::make_unique<DnsServerAgent>(m.w.net, m.ns1, one_zone(b_zone()));
  m.agents[0]->start();
  m.agents[0]->replace(
      name("b.example."), dns::RecordType::MX,
      {dns::make_record(name("b.example."), 300, dns::MxData{10, name("mx.elsewhere.test.")})});
  const dns::MailRoute r = m.route("b.example.");
  EXPECT_EQ(r.status, dns::RouteStatus::temporary);
  EXPECT_EQ(r.reason, dns::RouteReason::dns_failure);
  ASSERT_EQ(r.targets.size(), 1u);
  EXPECT_EQ(r.targets[0].address_status, dns::LookupStatus::servfail);
}

TEST(MailRoute, ADeadServerTimesOutAndTheNextOneAnswers) {
  MailWorld m(1, 2);
  m.w.net.set_host_up(m.ns1, false);
  const dns::MailRoute r = m.route("b.example.");
  EXPECT_EQ(r.status, dns::RouteStatus::ok);
  EXPECT_EQ(r.addresses.size(), 3u);
  // The first query waits 3 s for ns1, then goes to ns2; later lookups still try ns1 first.
  EXPECT_EQ(m.w.count({"00:00:03 dns.query.timeout", "server=\"ns1.b.example. (192.0.2.53)\""}),
            1u);
  EXPECT_EQ(m.w.count({"00:00:03 dns.query.sent", "name=b.example.", "type=MX",
                       "server=\"ns2.b.example. (192.0.2.54)\""}),
            1u);
  // A host that is down is still in the routes: each query crosses the routers and is lost at
  // the host itself, silently (no ICMP).
  EXPECT_EQ(m.w.count({"net.packet.dropped", "reason=host_off", "dst=192.0.2.53", "dport=53"}), 4u);
  EXPECT_EQ(m.agents[1]->udp_answers(), 4u);
}

TEST(MailRoute, EveryServerDownIsATemporaryFailure) {
  MailWorld m(1, 2);
  m.w.net.set_host_up(m.ns1, false);
  m.w.net.set_host_up(m.ns2, false);
  const dns::MailRoute r = m.route("b.example.");
  EXPECT_EQ(r.status, dns::RouteStatus::temporary);
  EXPECT_EQ(r.reason, dns::RouteReason::dns_timeout);
  EXPECT_EQ(r.reply_code(), "451 4.4.3");
  // Two passes over the two servers, 3 s each: the answer comes after 12 s.
  EXPECT_EQ(m.w.count({"dns.query.timeout"}), 4u);
  EXPECT_EQ(m.w.count({"00:00:12 dns.lookup.done", "status=timeout"}), 1u);
  EXPECT_EQ(m.resolver->pending_timers(), 0u);
}

TEST(MailRoute, ATruncatedAnswerIsAskedAgainOverTcp) {
  MailWorld m;
  const dns::MailRoute r = m.route("big.b.example.");
  EXPECT_EQ(r.status, dns::RouteStatus::ok);
  ASSERT_EQ(r.addresses.size(), 30u);
  EXPECT_EQ(dns::to_string(r.addresses[0]), "192.0.2.100");
  EXPECT_EQ(dns::to_string(r.addresses[29]), "192.0.2.129");
  EXPECT_EQ(m.w.count({"dns.response.truncated", "name=big.b.example.", "transport=UDP"}), 1u);
  EXPECT_EQ(m.w.count({"dns.query.sent", "name=big.b.example.", "transport=TCP"}), 1u);
  EXPECT_EQ(
      m.w.count({"net.packet.sent", "node=mta.a.example", "proto=tcp", "dport=53", "flags=SYN "}),
      1u);
  EXPECT_EQ(
      m.w.count({"dns.server.answered", "name=big.b.example.", "transport=TCP", "answers=30"}), 1u);
  EXPECT_EQ(m.agents[0]->tcp_answers(), 1u);
  EXPECT_EQ(m.resolver->open_tcp_connections(), 0u);  // closed once the answer came
  EXPECT_EQ(m.w.count({"net.conn.closed", "host=mta.a.example"}), 1u);
}

}  // namespace
}  // namespace mailsim::agents::test

// A recursive server between the MTAs and the authoritative servers: the MTA's stub resolver
// asks it, it walks from the root with its own cache, and answers with RA set.
#include <gtest/gtest.h>

#include <optional>

#include "agents/dns/bytes.hpp"
#include "agents/dns/recursive_server_agent.hpp"
#include "tests/dns_agents/dns_world.hpp"

namespace mailsim::agents::test {
namespace {

// Two MTAs behind r1 whose stub resolvers ask resolver.isp (also behind r1), which resolves
// from the root through the TLD to b.example's server, all behind r2.
struct IspWorld {
  IspWorld() {
    mta1 = w.client("mta1.a.example", "192.0.2.10");
    mta2 = w.client("mta2.a.example", "192.0.2.11");
    isp_host = w.client("resolver.isp", "192.0.2.2");
    root_host = w.server_host("ns.root", "198.51.100.1");
    tld_host = w.server_host("ns1.nic.example", "198.51.100.2");
    auth_host = w.server_host("ns1.b.example", "192.0.2.53");
    root = std::make_unique<DnsServerAgent>(w.net, root_host, one_zone(root_zone()));
    tld = std::make_unique<DnsServerAgent>(w.net, tld_host, one_zone(tld_zone()));
    dns::ZoneSet b;
    b.add_zone(b_zone());
    b.add_zone(bl_zone());
    auth = std::make_unique<DnsServerAgent>(w.net, auth_host, std::move(b));
    dns::ResolverConfig hints;
    hints.mode = dns::ResolverMode::recursive;
    hints.servers = {server("198.51.100.1", "ns.root.")};
    isp = std::make_unique<RecursiveServerAgent>(w.net, isp_host, hints);
    for (auto* s : {root.get(), tld.get(), auth.get()})
      s->start();
    isp->start();
    stub1 =
        std::make_unique<ResolverAgent>(w.net, mta1, stub({server("192.0.2.2", "resolver.isp.")}));
    stub2 =
        std::make_unique<ResolverAgent>(w.net, mta2, stub({server("192.0.2.2", "resolver.isp.")}));
  }

  dns::MailRoute route(ResolverAgent& r, const char* domain) {
    std::optional<dns::MailRoute> got;
    const auto lookup = r.mail_route(name(domain), [&](const dns::MailRoute& m) { got = m; });
    w.sim.run_until(w.sim.now() + 30s);
    EXPECT_TRUE(got) << domain;
    return got.value_or(dns::MailRoute{});
  }

  DnsWorld w;
  net::NodeId mta1{}, mta2{}, isp_host{}, root_host{}, tld_host{}, auth_host{};
  std::unique_ptr<DnsServerAgent> root, tld, auth;
  std::unique_ptr<RecursiveServerAgent> isp;
  std::unique_ptr<ResolverAgent> stub1, stub2;
};

TEST(RecursiveServer, AnswersAStubByWalkingFromTheRoot) {
  IspWorld iw;
  const dns::MailRoute r = iw.route(*iw.stub1, "b.example.");
  EXPECT_EQ(r.status, dns::RouteStatus::ok);
  ASSERT_EQ(r.addresses.size(), 3u);
  EXPECT_EQ(dns::to_string(r.addresses[0]), "192.0.2.25");
  // The stub asks the ISP's resolver (RD), which asks the root, the TLD and b.example's server
  // (no RD), and answers with RA, without AA.
  EXPECT_EQ(iw.w.count({"dns.query.sent", "agent=mta1.a.example", "name=b.example.", "type=MX",
                        "flags=rd"}),
            1u);
  EXPECT_EQ(iw.w.count({"dns.query.sent", "agent=resolver.isp", "name=b.example.", "type=MX"}), 3u);
  EXPECT_EQ(iw.w.count({"dns.referral", "agent=resolver.isp", "zone=b.example."}), 1u);
  EXPECT_EQ(iw.w.count({"dns.server.answered", "agent=resolver.isp", "client=192.0.2.10",
                        "name=b.example.", "flags=\"qr rd ra\"", "answers=3"}),
            1u);
  EXPECT_EQ(iw.w.count({"net.packet.delivered", "node=resolver.isp", "sport=49152", "dport=53"}),
            4u);
  EXPECT_EQ(iw.isp->answers(), 4u);
}

TEST(RecursiveServer, ASecondClientIsAnsweredFromItsCache) {
  IspWorld iw;
  iw.route(*iw.stub1, "b.example.");
  const std::size_t to_auth = iw.w.count({"net.packet.delivered", "node=ns1.b.example"});
  const dns::MailRoute r = iw.route(*iw.stub2, "b.example.");
  EXPECT_EQ(r.addresses.size(), 3u);
  EXPECT_EQ(iw.w.count({"net.packet.delivered", "node=ns1.b.example"}), to_auth);
  EXPECT_EQ(iw.w.count({"dns.cache.hit", "agent=resolver.isp", "name=b.example.", "type=MX"}), 1u);
  // The TTL handed to the client is what remains in the resolver's cache: 300 s, 30 s later.
  EXPECT_EQ(iw.w.count({"dns.cache.stored", "agent=mta2.a.example", "name=b.example.", "type=MX",
                        "ttl=270"}),
            1u);
}

TEST(RecursiveServer, PassesNxdomainAndTruncatesBigAnswersOverUdp) {
  IspWorld iw;
  const dns::MailRoute nx = iw.route(*iw.stub1, "nowhere.b.example.");
  EXPECT_EQ(nx.reply_code(), "550 5.1.2");
  EXPECT_EQ(iw.w.count({"dns.cache.stored", "agent=mta1.a.example", "name=nowhere.b.example.",
                        "entry=nxdomain"}),
            1u);  // the SOA came along, so the stub caches the negative answer too
  const dns::MailRoute big = iw.route(*iw.stub1, "big.b.example.");
  EXPECT_EQ(big.addresses.size(), 30u);
  EXPECT_EQ(iw.w.count({"dns.response.truncated", "agent=resolver.isp"}), 1u);
  EXPECT_EQ(iw.w.count({"dns.response.truncated", "agent=mta1.a.example"}), 1u);
  EXPECT_EQ(
      iw.w.count({"dns.server.answered", "agent=resolver.isp", "transport=TCP", "answers=30"}), 1u);
}

TEST(RecursiveServer, AuthoritativeServersDownGiveTheStubATemporaryFailure) {
  IspWorld iw;
  iw.w.net.set_host_up(iw.root_host, false);
  const dns::MailRoute r = iw.route(*iw.stub1, "b.example.");
  EXPECT_EQ(r.status, dns::RouteStatus::temporary);
  EXPECT_EQ(r.reply_code(), "451 4.4.3");
  EXPECT_GE(iw.w.count({"dns.query.timeout", "agent=resolver.isp"}), 1u);
}

TEST(RecursiveServer, RefusesQueriesWithoutRecursionDesired) {
  IspWorld iw;
  std::optional<dns::Message> answer;
  net::DatagramSocket s = iw.w.net.host(iw.mta1).bind_udp(
      5300, [&](net::Ipv4Address, std::uint16_t, std::span<const std::byte> b) {
        answer = dns::decode(dns_bytes::as_octets(b));
      });
  const auto q = dns::encode(dns::make_query(9, {name("b.example."), dns::RecordType::MX}, false));
  s.send_to(ip("192.0.2.2"), 53, dns_bytes::as_bytes(q));
  iw.w.sim.run_until(1s);
  ASSERT_TRUE(answer);
  EXPECT_EQ(answer->header.rcode, dns::Rcode::refused);
  EXPECT_TRUE(answer->header.ra);
  EXPECT_EQ(iw.w.count({"dns.query.sent", "agent=resolver.isp"}), 0u);
}

// The server destroyed while its own lookup for a stub is in flight: the lookup goes with its
// resolver, the stub's question is never answered (it times out), and nothing runs in the
// server (under ASan, an answer through the gone port would be a use after free).
TEST(RecursiveServer, DestroyedWhileResolvingForAStubItAnswersNothing) {
  IspWorld i;
  std::optional<dns::LookupResult> got;
  const auto lookup = i.stub1->resolve(name("b.example."), dns::RecordType::MX,
                                       [&](const dns::LookupResult& r) { got = r; });
  i.w.sim.run_until(15ms);  // the question reached the server, which asks the root
  ASSERT_EQ(i.isp->resolver().pending_lookups(), 1u);
  i.isp.reset();
  i.w.sim.run_until(60s);
  ASSERT_TRUE(got);
  EXPECT_EQ(got->status, dns::LookupStatus::timeout);
}

}  // namespace
}  // namespace mailsim::agents::test

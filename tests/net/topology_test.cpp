// Topology, routing, links and datagrams.
#include <gtest/gtest.h>

#include <set>

#include "sim/net/messages.hpp"
#include "tests/net/net_fixture.hpp"

using namespace mailsim::sim;
using namespace mailsim::sim::net;
using namespace mailsim::sim::net::testing;

TEST(Address, ParsesAndPrints) {
  EXPECT_EQ(ip("192.0.2.10").to_string(), "192.0.2.10");
  EXPECT_EQ(ip("198.51.100.255").value(), 0xC63364FFu);
  for (const char* bad : {"", "1.2.3", "1.2.3.4.5", "256.1.1.1", "1..2.3", "a.b.c.d", "1.2.3.4 "}) {
    try {
      Ipv4Address::parse(bad);
      ADD_FAILURE() << bad;
    } catch (const NetError& e) {
      EXPECT_NE(std::string(e.what()).find(std::string("'") + bad + "'"), std::string::npos)
          << e.what();
    }
  }
}

TEST(Topology, RejectsDuplicatesAndUnknownNames) {
  Simulator sim;
  Network net(sim);
  auto a = net.add_host("a", ip("192.0.2.1"));
  EXPECT_THROW(net.add_host("a", ip("192.0.2.2")), NetError);
  EXPECT_THROW(net.add_host("c", ip("192.0.2.1")), NetError);
  EXPECT_THROW(net.add_link("a-a", a, a), NetError);
  EXPECT_THROW(net.node("nowhere"), NetError);
  EXPECT_THROW(net.link("nowhere"), NetError);
  auto r = net.add_router("r");
  EXPECT_THROW(net.add_link("bad", a, r, {.mtu = 20}), NetError);
  EXPECT_THROW(net.add_link("bad", a, r, {.loss = 1.5}), NetError);
  EXPECT_THROW(net.host(r), NetError);
  EXPECT_EQ(*net.node_at(ip("192.0.2.1")), a);
}

TEST(Routing, ShortestPathOnASmallGraph) {
  Diamond d;
  EXPECT_EQ(d.net.route(d.a, d.b), (std::vector<NodeId>{d.a, d.r1, d.r2, d.b}));
  EXPECT_EQ(d.net.route(d.b, d.a), (std::vector<NodeId>{d.b, d.r2, d.r1, d.a}));
  // Make the direct link slower than the detour (5 + 5 ms): the detour wins.
  d.net.set_link_params(d.r1_r2, {.latency = 20ms});
  EXPECT_EQ(d.net.route(d.a, d.b), (std::vector<NodeId>{d.a, d.r1, d.r3, d.r2, d.b}));
}

TEST(Routing, HostsDoNotCarryTransitTraffic) {
  Simulator sim;
  Network net(sim);
  auto a = net.add_host("a", ip("192.0.2.1"));
  auto h = net.add_host("h", ip("192.0.2.2"));
  auto b = net.add_host("b", ip("192.0.2.3"));
  net.add_link("a-h", a, h);
  net.add_link("h-b", h, b);
  EXPECT_TRUE(net.route(a, b).empty());
  EXPECT_EQ(net.route(a, h).size(), 2u);
}

// Hosts with one link are no vertices of the routing graph: each is reached through its
// neighbour, which must be a router to carry the packet further, and over its link only while
// that link is up.
TEST(Routing, SingleLinkHostsAreReachedThroughTheirNeighbour) {
  Simulator sim;
  Network net(sim);
  auto r = net.add_router("r");
  auto h = net.add_host("h", ip("192.0.2.1"));  // two links: a host, not a leaf
  auto a = net.add_host("a", ip("192.0.2.2"));  // a leaf behind the host h
  auto b = net.add_host("b", ip("192.0.2.3"));  // a leaf behind the router r
  auto x = net.add_host("x", ip("192.0.2.4"));  // x and y: two leaves on one link
  auto y = net.add_host("y", ip("192.0.2.5"));
  net.add_link("a-h", a, h);
  net.add_link("h-r", h, r);
  auto b_r = net.add_link("b-r", b, r);
  net.add_link("x-y", x, y);
  EXPECT_EQ(net.route(h, b), (std::vector<NodeId>{h, r, b}));
  EXPECT_EQ(net.route(b, h), (std::vector<NodeId>{b, r, h}));
  EXPECT_EQ(net.route(a, h), (std::vector<NodeId>{a, h}));
  EXPECT_EQ(net.route(h, a), (std::vector<NodeId>{h, a}));
  EXPECT_TRUE(net.route(a, b).empty());  // h does not forward
  EXPECT_TRUE(net.route(b, a).empty());
  EXPECT_EQ(net.route(x, y), (std::vector<NodeId>{x, y}));
  EXPECT_TRUE(net.route(x, b).empty());
  net.set_link_up(b_r, false);
  EXPECT_TRUE(net.route(h, b).empty());
  EXPECT_TRUE(net.route(b, h).empty());
  net.set_link_up(b_r, true);
  EXPECT_EQ(net.route(h, b), (std::vector<NodeId>{h, r, b}));
}

// An access router whose links all go to single-link hosts but one sends the rest up that one,
// with no table of its own: only the core routers compute one.
TEST(Routing, StubRoutersSendTheRestUpWithoutATable) {
  Simulator sim;
  Network net(sim);
  auto access_a = net.add_router("access-a");
  auto core1 = net.add_router("core1");
  auto core2 = net.add_router("core2");
  auto access_b = net.add_router("access-b");
  auto a = net.add_host("a", ip("192.0.2.1"));
  auto a2 = net.add_host("a2", ip("192.0.2.2"));
  auto b = net.add_host("b", ip("192.0.2.3"));
  net.add_link("a-access", a, access_a);
  net.add_link("a2-access", a2, access_a);
  auto up_a = net.add_link("up-a", access_a, core1);
  net.add_link("core", core1, core2);
  net.add_link("up-b", access_b, core2);
  net.add_link("b-access", b, access_b);
  EXPECT_EQ(net.route(a, a2), (std::vector<NodeId>{a, access_a, a2}));
  EXPECT_EQ(net.routing_stats().trees, 0u);
  EXPECT_EQ(net.route(a, b), (std::vector<NodeId>{a, access_a, core1, core2, access_b, b}));
  EXPECT_EQ(net.route(access_a, core2), (std::vector<NodeId>{access_a, core1, core2}));
  EXPECT_EQ(net.routing_stats().trees, 2u);  // core1's and core2's
  net.set_link_up(up_a, false);
  EXPECT_TRUE(net.route(a, b).empty());
  EXPECT_TRUE(net.route(b, a).empty());
  EXPECT_EQ(net.route(a, a2).size(), 3u);
}

TEST(Routing, RouteChangesWhenALinkGoesDownAndComesBack) {
  Diamond d;
  Recorder rec(d.sim);
  d.net.set_link_up(d.r1_r2, false);
  ASSERT_GE(rec.kinds.size(), 2u);  // the routers recompute at once, for the narration
  EXPECT_EQ(rec.kinds[rec.kinds.size() - 2], "net.link.down");
  EXPECT_EQ(rec.kinds.back(), "net.route.recomputed");
  EXPECT_EQ(d.net.route(d.a, d.b), (std::vector<NodeId>{d.a, d.r1, d.r3, d.r2, d.b}));
  d.net.set_link_up(d.r1_r2, true);
  EXPECT_EQ(d.net.route(d.a, d.b), (std::vector<NodeId>{d.a, d.r1, d.r2, d.b}));
  d.net.set_link_up(d.r1_r2, false);
  d.net.set_link_up(d.r1_r3, false);
  EXPECT_TRUE(d.net.route(d.a, d.b).empty());
  EXPECT_EQ(rec.count("net.link.down"), 3u);
  EXPECT_EQ(rec.count("net.link.up"), 1u);

  // A datagram to an unreachable host is dropped at the first node, with the reason.
  auto s = d.net.host(d.a).bind_udp(0, nullptr);
  s.send_to(ip("198.51.100.1"), 53, "query");
  d.sim.run();
  EXPECT_EQ(rec.drops("no_route"), 1u);
}

TEST(Links, DatagramCrossesHopsWithSerialisationAndPropagationDelay) {
  // 1 Mbit/s links with 10 ms latency: 3 hops of (8 * size) us + 10 ms each.
  Diamond d({.latency = 10ms, .bandwidth_bps = 1'000'000}, {.latency = 50ms});
  Recorder rec(d.sim);
  std::string got;
  Ipv4Address from;
  SimTime at{0};
  d.net.host(d.b).bind_udp(53, [&](Ipv4Address f, std::uint16_t, std::span<const std::byte> b) {
    got = to_string(b);
    from = f;
    at = d.sim.now();
  });
  auto s = d.net.host(d.a).bind_udp(0, nullptr);
  const std::string query(72, 'q');  // 100 bytes with the IP and UDP headers
  ASSERT_TRUE(s.send_to(ip("198.51.100.1"), 53, query));
  d.sim.run();
  EXPECT_EQ(got, query);
  EXPECT_EQ(from, ip("192.0.2.1"));
  EXPECT_EQ(at, SimTime(3 * (800 + 10'000)));
  EXPECT_EQ(rec.count("net.packet.queued"), 3u);
  EXPECT_EQ(rec.count("net.packet.tx_start"), 3u);
  EXPECT_EQ(rec.count("net.packet.arrived"), 3u);
  EXPECT_EQ(rec.count("net.packet.forwarded"), 2u);
  EXPECT_EQ(rec.count("net.packet.delivered"), 1u);
  // TTL went down by one per router.
  EXPECT_EQ(rec.packets.back().p.ip.ttl, 62);
  // A datagram to a port nobody listens on.
  s.send_to(ip("198.51.100.1"), 54, "x");
  d.sim.run();
  EXPECT_EQ(rec.drops("no_listener"), 1u);
}

TEST(Links, TtlExpiryDropsThePacket) {
  Diamond d;
  Recorder rec(d.sim);
  HostSettings low;
  low.ttl = 2;
  d.net.set_host_settings(d.a, low);
  auto s = d.net.host(d.a).bind_udp(0, nullptr);
  bool got = false;
  d.net.host(d.b).bind_udp(7, [&](auto, auto, auto) { got = true; });
  s.send_to(ip("198.51.100.1"), 7, "ping");
  d.sim.run();
  EXPECT_FALSE(got);
  ASSERT_EQ(rec.drops("ttl_expired"), 1u);
  for (auto& e : rec.packets)
    if (e.reason == "ttl_expired") {
      EXPECT_EQ(e.node, "r2");
    }
}

TEST(Links, PacketsLargerThanTheMtuAreDropped) {
  Diamond d;
  Recorder rec(d.sim);
  d.net.set_link_params(d.r2_b, {.mtu = 576});
  auto s = d.net.host(d.a).bind_udp(0, nullptr);
  s.send_to(ip("198.51.100.1"), 7, std::string(1000, 'x'));
  d.sim.run();
  ASSERT_EQ(rec.drops("exceeds_mtu"), 1u);
  EXPECT_EQ(rec.packets.back().link, "r2-b");
}

TEST(Links, DropTailWhenTheQueueIsFull) {
  Diamond d({.bandwidth_bps = 1'000'000, .queue_packets = 2});
  Recorder rec(d.sim);
  auto s = d.net.host(d.a).bind_udp(0, nullptr);
  for (int i = 0; i < 5; ++i)
    s.send_to(ip("198.51.100.1"), 7, std::string(500, 'x'));
  d.sim.run();
  // One transmitting, two waiting, two dropped at the first link.
  EXPECT_EQ(rec.drops("queue_full"), 2u);
}

TEST(Links, LinkDownLosesWhatIsOnIt) {
  Diamond d({.latency = 10ms, .bandwidth_bps = 1'000'000});
  Recorder rec(d.sim);
  auto s = d.net.host(d.a).bind_udp(0, nullptr);
  for (int i = 0; i < 3; ++i)
    s.send_to(ip("198.51.100.1"), 7, std::string(500, 'x'));
  d.sim.run_until(SimTime(5ms));
  d.net.set_link_up(d.a_r1, false);
  d.sim.run();
  EXPECT_EQ(rec.drops("link_down"), 3u);
  EXPECT_EQ(rec.count("net.packet.delivered"), 0u);
}

// Two equal paths a-r1-r2-b and a-r1-r3-r2-b (detour 2 x 1 ms vs 2 ms on the direct link), the
// direct one slow (1 Mbit/s); a burst of 40 datagrams fills it.
void congest_direct_link(Diamond& d) {
  d.net.set_link_params(d.r1_r2, {.latency = 2ms, .bandwidth_bps = 1'000'000});
  auto s = d.net.host(d.a).bind_udp(0, nullptr);
  d.net.host(d.b).bind_udp(7, [](auto, auto, auto) {});
  ASSERT_EQ(d.net.route(d.a, d.b)[2], d.r2);  // direct at first (tie broken by discovery order)
  for (int i = 0; i < 40; ++i)
    s.send_to(ip("198.51.100.1"), 7, std::string(1000, 'x'));
  d.sim.run_until(SimTime(100ms));
  s.send_to(ip("198.51.100.1"), 7, "late");
}

// Routers of the Internet follow configured costs (OSPF, BGP), not the queues of the moment:
// by default the burst waits on the direct link and the routes stay.
TEST(Routing, ShortestKeepsItsRouteWhateverTheQueues) {
  Diamond d({.latency = 1ms, .bandwidth_bps = 10'000'000},
            {.latency = 1ms, .bandwidth_bps = 10'000'000}, {.route_interval = 50ms});
  Recorder rec(d.sim);
  congest_direct_link(d);
  EXPECT_EQ(d.net.route(d.a, d.b), (std::vector<NodeId>{d.a, d.r1, d.r2, d.b}));
  d.sim.run();
  for (auto& e : rec.packets)
    EXPECT_NE(e.link, "r1-r3") << e.kind;
  EXPECT_EQ(rec.count("net.route.recomputed"), 1u);  // the link's new parameters, nothing more
  EXPECT_EQ(rec.count("net.route.changed"), 0u);
}

TEST(Routing, LeastBusyMovesNewTrafficToTheOtherPath) {
  Diamond d({.latency = 1ms, .bandwidth_bps = 10'000'000},
            {.latency = 1ms, .bandwidth_bps = 10'000'000},
            {.route_interval = 50ms, .routing = RoutingPolicy::least_busy});
  Recorder rec(d.sim);
  // The burst fills the slow direct link; after the next recomputation new traffic detours.
  congest_direct_link(d);
  EXPECT_EQ(d.net.route(d.a, d.b), (std::vector<NodeId>{d.a, d.r1, d.r3, d.r2, d.b}));
  d.sim.run();
  bool detoured = false;
  for (auto& e : rec.packets)
    if (e.kind == "net.packet.queued" && e.link == "r1-r3") detoured = true;
  EXPECT_TRUE(detoured);
  EXPECT_GE(rec.count("net.route.recomputed"), 2u);
}

TEST(Layout, IsDeterministicAndInsideTheUnitSquare) {
  Diamond d1, d2;
  d1.net.set_position(d1.a, {0.1, 0.2});
  d2.net.set_position(d2.a, {0.1, 0.2});
  auto p1 = d1.net.layout();
  auto p2 = d2.net.layout();
  ASSERT_EQ(p1.size(), 5u);
  EXPECT_DOUBLE_EQ(p1[d1.a].x, 0.1);
  for (std::size_t i = 0; i < p1.size(); ++i) {
    EXPECT_EQ(p1[i].x, p2[i].x);
    EXPECT_EQ(p1[i].y, p2[i].y);
    EXPECT_GE(p1[i].x, 0.0);
    EXPECT_LE(p1[i].x, 1.0);
  }
  EXPECT_NE(p1[d1.r1].x, p1[d1.r2].x);
}

TEST(Trace, EveryKindIsListedOnce) {
  std::set<std::string_view> names;
  for (const TraceKind* k : all_kinds()) {
    EXPECT_EQ(k->layer, "net");
    EXPECT_TRUE(names.insert(k->name).second) << k->name;
  }
  EXPECT_EQ(names.size(), 22u);
}

TEST(Messages, EveryEntryHasBothLanguagesAndAUniqueId) {
  std::set<std::string_view> ids;
  for (const mailsim::Message* m : msg::kAll) {
    EXPECT_TRUE(ids.insert(m->id).second) << m->id;
    EXPECT_FALSE(m->en.empty());
    EXPECT_FALSE(m->fr.empty());
  }
}

TEST(Messages, LinkErrorsNameTheLinkAndTheValue) {
  Simulator sim;
  Network net(sim);
  auto a = net.add_router("a");
  auto b = net.add_router("b");
  try {
    net.add_link("a-b", a, b, {.mtu = 20});
    ADD_FAILURE();
  } catch (const NetError& e) {
    EXPECT_EQ(std::string(e.what()), "link 'a-b': MTU 20 is below the IPv4 minimum of 68 bytes");
    EXPECT_EQ(e.text().render(mailsim::Lang::fr),
              "lien « a-b » : la MTU 20 est inférieure au minimum IPv4 de 68 octets");
  }
}

TEST(Topology, HostSettingsAreChecked) {
  Simulator sim;
  Network net(sim);
  HostSettings bad;
  bad.mss = 0;
  EXPECT_THROW(net.add_host("a", ip("192.0.2.1"), bad), NetError);
  auto a = net.add_host("a", ip("192.0.2.1"));
  bad = HostSettings{};
  bad.min_rto = SimTime(0);
  try {
    net.set_host_settings(a, bad);
    ADD_FAILURE();
  } catch (const NetError& e) {
    EXPECT_NE(std::string(e.what()).find("host 'a'"), std::string::npos);
  }
  bad = HostSettings{};
  bad.syn_retries = -1;
  EXPECT_THROW(net.set_host_settings(a, bad), NetError);
}

TEST(Links, TheViewShowsQueuesFilling) {
  Diamond d({.bandwidth_bps = 1'000'000});
  auto s = d.net.host(d.a).bind_udp(0, nullptr);
  for (int i = 0; i < 4; ++i)
    s.send_to(ip("198.51.100.1"), 7, std::string(472, 'x'));
  LinkView v = d.net.link_view(d.a_r1);
  EXPECT_EQ(v.name, "a-r1");
  EXPECT_EQ(v.queued_bytes[0], 4u * 500);
  EXPECT_EQ(v.queued_packets[0], 3u);
  EXPECT_EQ(v.queued_bytes[1], 0u);
  d.sim.run();
  EXPECT_EQ(d.net.link_view(d.a_r1).queued_bytes[0], 0u);
}

TEST(Routing, ARouterDownIsRoutedAround) {
  Diamond d;
  Recorder rec(d.sim);
  d.net.set_host_up(d.r2, false);
  EXPECT_TRUE(d.net.route(d.a, d.b).empty());  // every path crosses r2
  d.net.set_host_up(d.r2, true);
  d.net.set_host_up(d.r3, false);
  EXPECT_EQ(d.net.route(d.a, d.b), (std::vector<NodeId>{d.a, d.r1, d.r2, d.b}));
  EXPECT_EQ(rec.count("net.host.down"), 2u);
}

// r0 - r2 (1 ms) - r1 (0 ms) - h: r1 and r2 are as far from r0, and r1 has the smaller id.
// Its first hop is r2's, which must be known first, whatever the ids.
TEST(Routing, AZeroLatencyLinkKeepsTheRoutesBehindIt) {
  Simulator sim;
  Network net(sim);
  auto r0 = net.add_router("r0");
  auto r1 = net.add_router("r1");
  auto r2 = net.add_router("r2");
  auto h = net.add_host("h", ip("192.0.2.1"));
  net.add_link("r0-r2", r0, r2, {.latency = 1ms});
  net.add_link("r2-r1", r2, r1, {.latency = 0ms});
  net.add_link("r1-h", r1, h, {.latency = 1ms});
  EXPECT_EQ(net.route(r0, h), (std::vector<NodeId>{r0, r2, r1, h}));
  EXPECT_EQ(net.route(h, r0), (std::vector<NodeId>{h, r1, r2, r0}));
}

// Routes cost what is asked: one table where a packet is forwarded towards another router
// (hosts with one link have none, and a router reaches its own hosts without one), kept while no
// cost changes, recomputed when one does.
TEST(Routing, TablesAreComputedWhereAskedAndKeptWhileCostsStay) {
  Simulator sim;
  Network net(sim, {.route_interval = 100ms, .routing = RoutingPolicy::least_busy});
  auto r1 = net.add_router("r1");
  auto r2 = net.add_router("r2");
  net.add_link("core", r1, r2, {.latency = 1ms});
  std::vector<NodeId> hosts;
  for (int i = 0; i < 50; ++i) {
    hosts.push_back(net.add_host("h" + std::to_string(i),
                                 Ipv4Address(192, 0, 2, static_cast<std::uint8_t>(i + 1))));
    net.add_link("l" + std::to_string(i), hosts.back(), i < 25 ? r1 : r2, {.latency = 1ms});
  }
  EXPECT_EQ(net.route(hosts[0], hosts[1]), (std::vector<NodeId>{hosts[0], r1, hosts[1]}));
  EXPECT_EQ(net.routing_stats().snapshots, 1u);
  EXPECT_EQ(net.routing_stats().trees, 0u);  // r1 reaches its own hosts without a table
  EXPECT_EQ(net.route(hosts[0], hosts[49]), (std::vector<NodeId>{hosts[0], r1, r2, hosts[49]}));
  EXPECT_EQ(net.routing_stats().trees, 1u);  // r1's
  sim.schedule_at(SimTime(1'000'000), [] {});
  sim.run();
  EXPECT_EQ(net.route(hosts[1], hosts[30]).size(), 4u);
  EXPECT_EQ(net.routing_stats().snapshots, 2u);  // a second passed: costs looked at again
  EXPECT_EQ(net.routing_stats().trees, 1u);      // unchanged: r1's table kept
  net.set_link_params(net.link("l3"), {.latency = 2ms});
  EXPECT_EQ(net.route(hosts[1], hosts[30]).size(), 4u);
  EXPECT_EQ(net.routing_stats().trees, 2u);
}

// Shortest routes cost nothing more as time passes: costs are the links' own, looked at again
// only when the topology or a link changes.
TEST(Routing, ShortestTakesNoSnapshotAsTimePasses) {
  Simulator sim;
  Network net(sim, {.route_interval = 100ms});
  auto r = net.add_router("r");
  auto a = net.add_host("a", Ipv4Address(192, 0, 2, 1));
  auto b = net.add_host("b", Ipv4Address(192, 0, 2, 2));
  net.add_link("a-r", a, r);
  net.add_link("b-r", b, r);
  EXPECT_EQ(net.route(a, b).size(), 3u);
  sim.schedule_at(SimTime(1'000'000), [] {});
  sim.run();
  EXPECT_EQ(net.route(a, b).size(), 3u);
  EXPECT_EQ(net.routing_stats().snapshots, 1u);
}

#include "agents/proto/dns/resolver.hpp"

#include <gtest/gtest.h>

#include "sample_zones.hpp"
#include "sim/random.hpp"
#include "sim_network.hpp"

using namespace mailsim::proto::dns;
using namespace mailsim::proto::dns::test;
using mailsim::sim::SimTime;
using namespace std::chrono_literals;

namespace {

Name N(std::string_view s) {
  return Name::parse(s);
}
Server S(const char* address, std::string_view name = ".") {
  return Server{parse_ip(address), Name::parse(name)};
}

// A resolver, its clock and the simulated servers, with every event kept for checking.
struct Rig {
  explicit Rig(ResolverConfig config) : resolver(std::move(config), rng), net(resolver, clock) {
    resolver.set_observer([this](const ResolverEvent& e) {
      std::string line = std::string(resolver_event_name(e.kind));
      if (e.kind == ResolverEvent::Kind::cache)
        line +=
            fmt::format(" {} {} {} {}", cache_event_name(e.cache->kind), e.cache->name.to_string(),
                        cache_answer_name(e.cache->entry), e.cache->ttl);
      else if (e.server)
        line += fmt::format(" {} {} {}", to_string(*e.server), transport_name(e.transport),
                            to_string(e.question));
      if (e.kind == ResolverEvent::Kind::referral) line += " zone " + e.zone.to_string();
      events.push_back(line);
    });
  }

  LookupResult lookup(std::string_view name, RecordType type) {
    std::optional<LookupResult> out;
    resolver.resolve(
        {N(name), type}, [&](const LookupResult& r) { out = r; }, clock);
    net.run();
    EXPECT_TRUE(out.has_value());
    return out.value_or(LookupResult{});
  }
  bool saw(std::string_view prefix) const {
    for (const auto& e : events)
      if (e.rfind(prefix, 0) == 0) return true;
    return false;
  }

  mailsim::sim::RandomStream rng{7};
  SimTime clock{0};
  Resolver resolver;
  SimNetwork net;
  std::vector<std::string> events;
};

ResolverConfig stub(std::vector<Server> servers) {
  ResolverConfig c;
  c.mode = ResolverMode::stub;
  c.servers = std::move(servers);
  return c;
}

ResolverConfig recursive() {
  ResolverConfig c;
  c.mode = ResolverMode::recursive;
  c.servers = {S(kRootAddress, "ns.root.")};
  return c;
}

void add_hierarchy(SimNetwork& net) {
  ZoneSet root, tld, b, c;
  root.add_zone(root_zone());
  tld.add_zone(tld_zone());
  b.add_zone(b_zone());
  c.add_zone(c_zone());
  net.add_server(kRootAddress, std::move(root));
  net.add_server(kTldAddress, std::move(tld));
  net.add_server(kBAddress, std::move(b));
  net.add_server(kCAddress, std::move(c));
}

std::vector<std::string> texts(const std::vector<ResourceRecord>& records) {
  std::vector<std::string> out;
  for (const auto& r : records)
    out.push_back(to_string(r));
  return out;
}

}  // namespace

TEST(ResolverStub, AsksTheServerThenAnswersFromTheCache) {
  Rig rig(stub({S("192.0.2.1")}));
  rig.net.add_server("192.0.2.1", all_zones());
  const auto first = rig.lookup("b.example", RecordType::MX);
  EXPECT_EQ(first.status, LookupStatus::ok);
  EXPECT_EQ(first.records.size(), 2u);
  EXPECT_FALSE(first.from_cache);
  EXPECT_EQ(first.queries, 1);
  EXPECT_EQ(rig.clock, 20ms);
  EXPECT_TRUE(rig.saw("query 192.0.2.1 UDP b.example.\tIN\tMX"));
  EXPECT_TRUE(rig.saw("cache stored b.example. records 3600"));

  rig.net.advance_to(100s);
  const auto second = rig.lookup("B.EXAMPLE", RecordType::MX);
  EXPECT_EQ(second.status, LookupStatus::ok);
  EXPECT_TRUE(second.from_cache);
  EXPECT_EQ(second.queries, 0);
  EXPECT_EQ(second.records.front().ttl, 3500u);  // what remains of 3600 s after 100 s
  EXPECT_TRUE(rig.saw("cache hit b.example. records 3500"));
  EXPECT_EQ(rig.net.queries_to("192.0.2.1"), 1u);
}

TEST(ResolverStub, EntriesExpireWithTheirTtl) {
  Rig rig(stub({S("192.0.2.1")}));
  rig.net.add_server("192.0.2.1", all_zones());
  rig.lookup("b.example", RecordType::A);  // TTL 300
  rig.net.advance_to(299s);
  EXPECT_TRUE(rig.lookup("b.example", RecordType::A).from_cache);
  rig.net.advance_to(301s);
  EXPECT_TRUE(rig.saw("cache expired b.example. records 0"));  // reported when it happens
  const auto again = rig.lookup("b.example", RecordType::A);
  EXPECT_FALSE(again.from_cache);
  EXPECT_EQ(rig.net.queries_to("192.0.2.1"), 2u);
}

TEST(ResolverStub, ZeroTtlIsNeverCached) {
  Rig rig(stub({S("192.0.2.1")}));
  ZoneSet zones = all_zones();
  zones.zone(N("b.example"))
      ->add(make_record(N("now.b.example"), 0, AData{Ipv4::parse("192.0.2.9")}));
  rig.net.add_server("192.0.2.1", std::move(zones));
  EXPECT_EQ(rig.lookup("now.b.example", RecordType::A).status, LookupStatus::ok);
  EXPECT_FALSE(rig.lookup("now.b.example", RecordType::A).from_cache);
}

TEST(ResolverStub, NegativeAnswersAreCachedForTheSoaMinimum) {
  Rig rig(stub({S("192.0.2.1")}));
  rig.net.add_server("192.0.2.1", all_zones());
  const auto nx = rig.lookup("nobody.b.example", RecordType::MX);
  EXPECT_EQ(nx.status, LookupStatus::nxdomain);
  ASSERT_TRUE(nx.soa.has_value());
  EXPECT_TRUE(rig.saw("cache stored nobody.b.example. nxdomain 300"));
  // NXDOMAIN covers every type of the name.
  const auto nx_a = rig.lookup("nobody.b.example", RecordType::A);
  EXPECT_EQ(nx_a.status, LookupStatus::nxdomain);
  EXPECT_TRUE(nx_a.from_cache);

  const auto nodata = rig.lookup("b.example", RecordType::AAAA);
  EXPECT_EQ(nodata.status, LookupStatus::nodata);
  EXPECT_TRUE(rig.lookup("b.example", RecordType::AAAA).from_cache);
  // NODATA covers that type only.
  EXPECT_EQ(rig.lookup("b.example", RecordType::TXT).status, LookupStatus::ok);

  rig.net.advance_to(rig.clock + 301s);
  EXPECT_FALSE(rig.lookup("nobody.b.example", RecordType::MX).from_cache);
  EXPECT_FALSE(rig.lookup("b.example", RecordType::AAAA).from_cache);
}

TEST(ResolverStub, NegativeTtlIsTheSmallerOfSoaTtlAndMinimum) {
  Rig rig(stub({S("192.0.2.1")}));
  ZoneSet zones;
  zones.add_zone(zone_from_text("x.example.", "@ 60 SOA ns.x.example. h.x.example. 1 2 3 4 900\n"));
  rig.net.add_server("192.0.2.1", std::move(zones));
  rig.lookup("none.x.example", RecordType::A);
  EXPECT_TRUE(rig.saw("cache stored none.x.example. nxdomain 60"));
}

TEST(ResolverStub, ServerDownMeansNextServerAfterTheTimeout) {
  Rig rig(stub({S("192.0.2.2"), S("192.0.2.1")}));
  rig.net.add_server("192.0.2.2", all_zones());
  rig.net.set_down("192.0.2.2", true);
  rig.net.add_server("192.0.2.1", all_zones());
  const auto r = rig.lookup("b.example", RecordType::MX);
  EXPECT_EQ(r.status, LookupStatus::ok);
  EXPECT_EQ(r.queries, 2);
  EXPECT_EQ(rig.clock, 3s + 20ms);  // one timeout of 3 s, then the answer
  EXPECT_TRUE(rig.saw("timeout 192.0.2.2 UDP"));
  ASSERT_EQ(rig.net.received().size(), 1u);
  EXPECT_EQ(rig.net.received()[0].at, 3s);
}

TEST(ResolverStub, EveryServerDownIsATimeoutAfterAllRounds) {
  ResolverConfig config = stub({S("192.0.2.2"), S("192.0.2.3")});
  config.rounds = 2;
  Rig rig(config);
  const auto r = rig.lookup("b.example", RecordType::MX);
  EXPECT_EQ(r.status, LookupStatus::timeout);
  EXPECT_TRUE(is_temporary(r.status));
  EXPECT_EQ(r.queries, 4);
  EXPECT_EQ(rig.clock, 12s);
}

TEST(ResolverStub, RefusalAndUnreachableMoveOnAtOnce) {
  Rig rig(stub({S("192.0.2.4"), S("192.0.2.5"), S("192.0.2.1")}));
  ZoneSet only_c;
  only_c.add_zone(c_zone());
  rig.net.add_server("192.0.2.4", std::move(only_c));  // REFUSED for b.example
  rig.net.set_unreachable("192.0.2.5");
  rig.net.add_server("192.0.2.1", all_zones());
  const auto r = rig.lookup("b.example", RecordType::MX);
  EXPECT_EQ(r.status, LookupStatus::ok);
  EXPECT_EQ(rig.clock, 40ms);  // no timeout waited
  EXPECT_TRUE(rig.saw("server_failed 192.0.2.4 UDP"));
  EXPECT_TRUE(rig.saw("unreachable 192.0.2.5 UDP"));
}

TEST(ResolverStub, AllServersRefusingIsServfail) {
  Rig rig(stub({S("192.0.2.4")}));
  ZoneSet only_c;
  only_c.add_zone(c_zone());
  rig.net.add_server("192.0.2.4", std::move(only_c));
  const auto r = rig.lookup("b.example", RecordType::MX);
  EXPECT_EQ(r.status, LookupStatus::servfail);
  EXPECT_EQ(r.queries, 2);  // two rounds over the one server
}

TEST(ResolverStub, AReferralFromANonRecursiveServerMeansTheNextServer) {
  Rig rig(stub({S(kTldAddress), S("192.0.2.1")}));
  ZoneSet tld;
  tld.add_zone(tld_zone());
  rig.net.add_server(kTldAddress, std::move(tld));  // answers b.example with a referral
  rig.net.add_server("192.0.2.1", all_zones());
  const auto r = rig.lookup("b.example", RecordType::MX);
  EXPECT_EQ(r.status, LookupStatus::ok);
  EXPECT_EQ(r.queries, 2);
  EXPECT_TRUE(rig.saw("server_failed 198.51.100.2 UDP"));
}

// A big TXT answer over UDP, truncated by the server (header and question only), or cut by
// it in the middle of a record with the counts left as they were (cut_mid_record). Either
// way the resolver asks again over TCP at once: RFC 7766 5 / RFC 2181 9, a truncated
// answer's records are not read (a cut one used to be ignored as malformed until the timeout).
namespace {
void expect_asked_again_over_tcp(bool cut_mid_record) {
  Rig rig(stub({S("192.0.2.1")}));
  ZoneSet zones = all_zones();
  add_big_txt(*zones.zone(N("b.example")), N("big.b.example"));
  rig.net.add_server("192.0.2.1", std::move(zones));
  if (cut_mid_record) rig.net.cut_udp_at("192.0.2.1", 512);
  const auto r = rig.lookup("big.b.example", RecordType::TXT);
  EXPECT_EQ(r.status, LookupStatus::ok);
  EXPECT_EQ(r.records.size(), 12u);
  ASSERT_EQ(rig.net.received().size(), 2u);
  EXPECT_EQ(rig.net.received()[0].transport, Transport::udp);
  EXPECT_EQ(rig.net.received()[1].transport, Transport::tcp);
  EXPECT_EQ(rig.net.received()[1].at, SimTime(20ms));  // right after the UDP answer
  EXPECT_TRUE(rig.saw("truncated 192.0.2.1 UDP"));
  EXPECT_FALSE(rig.saw("response_ignored"));
}
}  // namespace

TEST(ResolverStub, TruncatedAnswerIsAskedAgainOverTcp) {
  expect_asked_again_over_tcp(false);
}

TEST(ResolverStub, AnswerCutMidRecordIsAskedAgainOverTcpAtOnce) {
  expect_asked_again_over_tcp(true);
}

TEST(ResolverStub, FollowsCnameChainsAndStopsLoops) {
  Rig rig(stub({S("192.0.2.1")}));
  rig.net.add_server("192.0.2.1", all_zones());
  const auto r = rig.lookup("alias.b.example", RecordType::A);
  EXPECT_EQ(r.status, LookupStatus::ok);
  EXPECT_EQ(r.canonical_name, N("b.example"));
  EXPECT_EQ(r.cnames.size(), 2u);
  EXPECT_EQ(texts(r.records), (std::vector<std::string>{"b.example.\t300\tIN\tA\t192.0.2.80"}));
  // From the cache, the chain is followed the same way.
  const auto cached = rig.lookup("alias.b.example", RecordType::A);
  EXPECT_TRUE(cached.from_cache);
  EXPECT_EQ(cached.cnames.size(), 2u);
  EXPECT_EQ(cached.canonical_name, N("b.example"));

  const auto loop = rig.lookup("loop1.b.example", RecordType::A);
  EXPECT_EQ(loop.status, LookupStatus::cname_limit);
  EXPECT_TRUE(is_temporary(loop.status));
}

TEST(ResolverStub, CnameLimitIsConfigurable) {
  ResolverConfig config = stub({S("192.0.2.1")});
  config.cname_limit = 1;
  Rig rig(config);
  rig.net.add_server("192.0.2.1", all_zones());
  EXPECT_EQ(rig.lookup("www.b.example", RecordType::A).status, LookupStatus::ok);
  EXPECT_EQ(rig.lookup("alias.b.example", RecordType::A).status, LookupStatus::cname_limit);
}

TEST(ResolverStub, IgnoresGarbledAndUnexpectedResponses) {
  Rig rig(stub({S("192.0.2.1")}));
  rig.net.add_server("192.0.2.1", all_zones());
  std::optional<LookupResult> out;
  rig.resolver.resolve(
      {N("b.example"), RecordType::MX}, [&](const LookupResult& r) { out = r; }, rig.clock);
  const std::vector<std::uint8_t> garbage{1, 2, 3};
  rig.resolver.on_response(parse_ip("192.0.2.1"), Transport::udp, garbage, rig.clock);
  Message forged = make_query(1, {N("b.example"), RecordType::MX}, true);
  forged.header.qr = true;  // wrong id (almost surely) and from the wrong address
  rig.resolver.on_response(parse_ip("203.0.113.9"), Transport::udp, encode(forged), rig.clock);
  EXPECT_FALSE(out);
  rig.net.run();
  ASSERT_TRUE(out);
  EXPECT_EQ(out->status, LookupStatus::ok);
  EXPECT_EQ(std::count_if(rig.events.begin(), rig.events.end(),
                          [](const auto& e) { return e.rfind("ignored", 0) == 0; }),
            2);
}

TEST(ResolverRecursive, WalksFromTheRootThroughTheTldWithGlue) {
  Rig rig(recursive());
  add_hierarchy(rig.net);
  const auto r = rig.lookup("mx1.b.example", RecordType::A);
  EXPECT_EQ(r.status, LookupStatus::ok);
  EXPECT_EQ(texts(r.records),
            (std::vector<std::string>{"mx1.b.example.\t3600\tIN\tA\t192.0.2.25"}));
  EXPECT_EQ(r.queries, 3);
  ASSERT_EQ(rig.net.received().size(), 3u);
  EXPECT_EQ(rig.net.received()[0].server, kRootAddress);
  EXPECT_EQ(rig.net.received()[1].server, kTldAddress);
  EXPECT_EQ(rig.net.received()[2].server, kBAddress);
  EXPECT_TRUE(rig.saw("referral ns.root. (198.51.100.1) UDP mx1.b.example.\tIN\tA zone example."));
  EXPECT_TRUE(rig.saw(
      "referral ns1.nic.example. (198.51.100.2) UDP mx1.b.example.\tIN\tA zone b.example."));
  EXPECT_TRUE(rig.saw("cache stored ns1.b.example. records 172800"));  // glue

  // The delegation is cached: the next name in b.example goes straight to its server.
  const auto next = rig.lookup("mx2.b.example", RecordType::A);
  EXPECT_EQ(next.status, LookupStatus::ok);
  EXPECT_EQ(next.queries, 1);
  EXPECT_EQ(rig.net.received().back().server, kBAddress);
  // And a name in c.example starts from the TLD.
  EXPECT_EQ(rig.lookup("host.c.example", RecordType::A).queries, 2);
}

TEST(ResolverRecursive, NegativeAnswersAndCnamesAcrossZones) {
  Rig rig(recursive());
  add_hierarchy(rig.net);
  EXPECT_EQ(rig.lookup("nobody.b.example", RecordType::A).status, LookupStatus::nxdomain);
  EXPECT_EQ(rig.lookup("nothing.example", RecordType::A).status, LookupStatus::nxdomain);
  EXPECT_EQ(rig.lookup("b.example", RecordType::AAAA).status, LookupStatus::nodata);
  const auto r = rig.lookup("back.c.example", RecordType::A);
  EXPECT_EQ(r.status, LookupStatus::ok);
  EXPECT_EQ(r.cnames.size(), 3u);  // back.c -> alias.b -> www.b -> b.example
  EXPECT_EQ(r.canonical_name, N("b.example"));
  const auto out = rig.lookup("out.b.example", RecordType::A);
  EXPECT_EQ(out.status, LookupStatus::ok);
  EXPECT_EQ(out.canonical_name, N("host.c.example"));
}

TEST(ResolverRecursive, LooksUpNameServersThatCameWithoutGlue) {
  Rig rig(recursive());
  add_hierarchy(rig.net);
  // d.example is served by ns.b.example; the TLD has no address for it.
  rig.net.zones(kTldAddress)
      .zone(N("example"))
      ->add(record_from_text("d.example. 3600 NS ns.b.example."));
  rig.net.zones(kBAddress)
      .zone(N("b.example"))
      ->add(record_from_text("ns.b.example. 3600 A 192.0.2.53"));
  rig.net.zones(kBAddress).add_zone(zone_from_text("d.example.", R"(
@ 3600 SOA ns.b.example. h.d.example. 1 2 3 4 60
@ 3600 NS ns.b.example.
www.d.example. 60 A 192.0.2.120
)"));
  const auto r = rig.lookup("www.d.example", RecordType::A);
  EXPECT_EQ(r.status, LookupStatus::ok);
  EXPECT_EQ(texts(r.records), (std::vector<std::string>{"www.d.example.\t60\tIN\tA\t192.0.2.120"}));
  EXPECT_TRUE(rig.saw(
      "referral ns1.nic.example. (198.51.100.2) UDP www.d.example.\tIN\tA zone d.example."));
  const auto& got = rig.net.received();
  EXPECT_TRUE(std::any_of(got.begin(), got.end(), [](const auto& q) {
    return q.question == "ns.b.example.\tIN\tA" && q.server == kBAddress;
  }));
  EXPECT_EQ(got.back().question, "www.d.example.\tIN\tA");
  EXPECT_EQ(got.back().server, kBAddress);
}

TEST(ResolverRecursive, RootDownIsATimeout) {
  Rig rig(recursive());
  add_hierarchy(rig.net);
  rig.net.set_down(kRootAddress, true);
  EXPECT_EQ(rig.lookup("b.example", RecordType::MX).status, LookupStatus::timeout);
}

TEST(ResolverStub, RandomAndMutatedResponsesNeverBreakIt) {
  Rig rig(stub({S("192.0.2.1")}));
  const ZoneSet zones = all_zones();
  rig.net.add_server("192.0.2.1", all_zones());
  // Before each real answer, the resolver hears noise from the server's address: real
  // responses with octets changed, and random bytes.
  mailsim::sim::RandomStream noise(99);
  rig.net.set_noise([&](const SendQuery& q) {
    auto bytes = encode(answer_query(zones, q.message));
    for (int f = 0; f < 2; ++f)
      bytes[noise.below(bytes.size())] = static_cast<std::uint8_t>(noise.below(256));
    rig.resolver.on_response(q.server.address, q.transport, bytes, rig.clock);
    std::vector<std::uint8_t> random(noise.below(40));
    for (auto& b : random)
      b = static_cast<std::uint8_t>(noise.below(256));
    rig.resolver.on_response(q.server.address, q.transport, random, rig.clock);
  });
  int answered = 0;
  for (int i = 0; i < 400; ++i) {
    std::optional<LookupResult> out;
    rig.resolver.resolve(
        {N(i % 2 ? "b.example" : "alias.b.example"), RecordType::MX},
        [&](const LookupResult& r) { out = r; }, rig.clock);
    rig.net.run();
    ASSERT_TRUE(out) << "lookup " << i << " never ended";
    answered += out->status == LookupStatus::ok;
    rig.resolver.cache().clear();
  }
  EXPECT_EQ(rig.resolver.pending_lookups(), 0u);
  EXPECT_GT(answered, 200);
}

// The trace of whole lookups, compared with golden files: what a class sees when mail for
// b.example is routed. MAILSIM_UPDATE_GOLDEN=1 rewrites the files instead (review the diff).
#include "agents/proto/dns/trace_records.hpp"

#include <gtest/gtest.h>

#include <set>
#include <sstream>

#include "agents/proto/dns/mail_route.hpp"
#include "sample_zones.hpp"
#include "sim/random.hpp"
#include "sim/trace_format.hpp"
#include "sim_network.hpp"
#include "tests/golden.hpp"

using namespace mailsim::proto::dns;
using namespace mailsim::proto::dns::test;
namespace sim = mailsim::sim;
using namespace std::chrono_literals;

namespace {

Name N(std::string_view s) {
  return Name::parse(s);
}

using mailsim::test::check_golden;

struct TracedRig {
  explicit TracedRig(ResolverConfig config)
      : trace(&clock), resolver(std::move(config), rng), net(resolver, clock) {
    resolver.set_observer(
        [this](const ResolverEvent& e) { emit_resolver_event(trace, "mta.a.example", e); });
    trace.subscribe([this](const sim::TraceRecord& r) { text += sim::format_text(r) + "\n"; });
  }
  MailRoute route(std::string_view domain) {
    MailRouteLookup lookup(resolver, rng);
    std::optional<MailRoute> out;
    lookup.start(N(domain), [&](const MailRoute& r) { out = r; });
    net.run();
    EXPECT_TRUE(out);
    return out.value_or(MailRoute{});
  }

  sim::SimTime clock{0};
  sim::RandomStream rng{2024};
  sim::Trace trace;
  Resolver resolver;
  SimNetwork net;
  std::string text;
};

}  // namespace

TEST(DnsTrace, RecursiveMailRouteFromTheRoot) {
  ResolverConfig config;
  config.mode = ResolverMode::recursive;
  config.servers = {Server{parse_ip(kRootAddress), N("ns.root.")}};
  TracedRig rig(config);
  ZoneSet root, tld, b;
  root.add_zone(root_zone());
  tld.add_zone(tld_zone());
  b.add_zone(b_zone());
  rig.net.add_server(kRootAddress, std::move(root));
  rig.net.add_server(kTldAddress, std::move(tld));
  rig.net.add_server(kBAddress, std::move(b));
  const MailRoute first = rig.route("b.example");
  EXPECT_EQ(first.status, RouteStatus::ok);
  rig.text += "# an hour later: the MX and addresses have expired, the delegations have not\n";
  rig.net.advance_to(3601s);
  const MailRoute second = rig.route("b.example");
  EXPECT_EQ(second.addresses, first.addresses);
  check_golden("recursive_mail_route.txt", rig.text);
}

TEST(DnsTrace, StubWithAServerDownAndATruncatedAnswer) {
  ResolverConfig config;
  config.servers = {Server{parse_ip("192.0.2.2"), N("resolver1.a.example")},
                    Server{parse_ip("192.0.2.1"), N("resolver2.a.example")}};
  TracedRig rig(config);
  ZoneSet zones = all_zones();
  add_big_txt(*zones.zone(N("b.example")), N("big.b.example"));
  rig.net.add_server("192.0.2.1", std::move(zones));
  std::optional<LookupResult> out;
  rig.resolver.resolve(
      {N("big.b.example"), RecordType::TXT}, [&](const LookupResult& r) { out = r; }, rig.clock);
  rig.net.run();
  ASSERT_TRUE(out);
  EXPECT_EQ(out->status, LookupStatus::ok);
  check_golden("stub_timeout_then_tcp.txt", rig.text);
}

TEST(DnsTrace, ServerRecordsAndKinds) {
  sim::SimTime clock{0};
  sim::Trace trace(&clock);
  std::string text;
  trace.subscribe([&](const sim::TraceRecord& r) { text = sim::format_text(r); });
  const auto zones = all_zones();
  const auto request = encode(make_query(77, {N("b.example"), RecordType::MX}, true));
  const auto result = serve(zones, request, Transport::udp);
  ASSERT_TRUE(result);
  const IpAddress client = parse_ip("192.0.2.200");
  trace.emit<ServerRecord>("dns.b.example", client, Transport::udp, *result);
  EXPECT_NE(text.find("dns.server.answered agent=dns.b.example client=192.0.2.200 transport=UDP "
                      "name=b.example. type=MX id=77 flags=\"qr aa rd\" rcode=NOERROR answers=2"),
            std::string::npos)
      << text;
  std::set<std::string_view> names;
  for (const auto* k : all_kinds()) {
    EXPECT_EQ(k->layer, "dns");
    names.insert(k->name);
  }
  EXPECT_EQ(names.size(), all_kinds().size());
}

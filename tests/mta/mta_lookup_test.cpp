// An MTA destroyed while its SPF or DNSBL lookup is in flight in a resolver that outlives it:
// the lookup runs to its end (its record is in the trace) and calls nobody. Built with ASan,
// a callback into the destroyed MTA would be a use after free.
#include <gtest/gtest.h>

#include <optional>

#include "agents/dns/resolver_agent.hpp"
#include "agents/dns/server_agent.hpp"
#include "agents/mta/mta_agent.hpp"
#include "agents/proto/dns/zone_text.hpp"
#include "tests/roles/smtp_world.hpp"

using namespace roles_test;
using namespace mailsim::agents;
namespace dns = mailsim::proto::dns;

namespace {

// alice-pc talks to mx.b.example, whose resolver asks ns.example behind a slow link (each
// lookup takes 100 ms) for a.example's SPF record and the blocklist.
struct LookupWorld {
  SmtpWorld w;
  sim::net::NodeId ns = w.net.add_host("ns.example", sim::net::Ipv4Address::parse("203.0.113.53"));
  std::optional<DnsServerAgent> dns_server;
  std::optional<ResolverAgent> resolver;
  StaticNextHops hops;
  proto::imf::ScenarioClock clock;
  std::unique_ptr<MtaAgent> mta;
  SmtpClientEndpoint client{w.net, w.pc, {}};
  std::optional<SmtpClientResult> result;
  std::size_t spf_checked = 0, dnsbl_checked = 0;

  explicit LookupWorld(MtaConfig config) {
    w.net.add_link("r2-ns", w.r2, ns, {.latency = 50ms});
    dns::ZoneSet zones;
    zones.add_zone(dns::zone_from_text("a.example.", R"(
@ 3600 SOA ns.example. hostmaster.a.example. 1 7200 900 1209600 300
@ 3600 NS ns.example.
@ 300 TXT "v=spf1 ip4:192.0.2.10 -all"
)"));
    zones.add_zone(dns::zone_from_text("bl.example.", R"(
@ 3600 SOA ns.example. hostmaster.bl.example. 1 7200 900 1209600 300
@ 3600 NS ns.example.
)"));
    dns_server.emplace(w.net, ns, std::move(zones), DnsServerAgent::Options{});
    dns_server->start();
    dns::ResolverConfig rc;
    rc.servers = {{dns::Ipv4::parse("203.0.113.53"), dns::Name::parse(".")}};
    resolver.emplace(w.net, w.mx, rc);
    config.hostname = "mx.b.example";
    config.inbound.local_domains = {"b.example"};
    config.inbound.local_users = {"bob"};
    mta = std::make_unique<MtaAgent>(w.net, w.mx, std::move(config), clock, nullptr, hops,
                                     &*resolver);
    mta->start();
    w.sim.trace().subscribe([this](const sim::TraceRecord& r) {
      spf_checked += r.kind().name == std::string_view("dns.spf.checked");
      dnsbl_checked += r.kind().name == std::string_view("dns.dnsbl.checked");
    });
  }

  void alice_sends() {
    proto::smtp::ClientConfig c;
    c.helo_name = "alice-pc";
    c.mail_from = "alice@a.example";
    c.recipients = {"bob@b.example"};
    c.message = std::make_shared<const std::string>("Subject: hi\r\n\r\nHello\r\n");
    client.open(kMxAddress, 25, c, [this](const SmtpClientResult& r) { result = r; });
  }

  // Runs until the MTA's lookup is on its way, destroys the MTA, and runs on.
  void destroy_mta_during_lookup() {
    alice_sends();
    w.sim.run_until(100ms);  // MAIL FROM arrived; the first query is in flight
    ASSERT_EQ(resolver->pending_lookups(), 1u);
    mta.reset();
    w.sim.run_until(10min);
    EXPECT_EQ(resolver->pending_lookups(), 0u);
    ASSERT_TRUE(result);
    EXPECT_NE(result->failure(), SmtpFailure::none);  // the server went with the MTA
  }
};

}  // namespace

TEST(MtaLookups, DestroyedDuringItsSpfCheckTheMtaIsNeverCalledBack) {
  MtaConfig c;
  c.spf = SpfPolicy::reject_fail;
  LookupWorld world(c);
  world.destroy_mta_during_lookup();
  EXPECT_EQ(world.spf_checked, 1u);  // the check ended, in the resolver
}

TEST(MtaLookups, DestroyedDuringItsDnsblCheckTheMtaIsNeverCalledBack) {
  MtaConfig c;
  c.dnsbl_zone = "bl.example";  // MAIL is accepted at once, RCPT waits for the blocklist
  LookupWorld world(c);
  world.destroy_mta_during_lookup();
  EXPECT_EQ(world.dnsbl_checked, 1u);
}

// What a class sees, compared with golden files: "where does mail for b.example go?" asked by
// an MTA across two routers, every packet included; and the same question walked from the
// root, with a truncated answer retried over TCP. MAILSIM_UPDATE_GOLDEN=1 rewrites the files
// instead (review the diff).
#include <gtest/gtest.h>

#include "tests/dns_agents/dns_world.hpp"
#include "tests/golden.hpp"

namespace mailsim::agents::test {
namespace {

using mailsim::test::check_golden;

TEST(Golden, StubMailRouteWithEveryPacket) {
  DnsWorld w(2024);
  const net::NodeId mta = w.client("mta.a.example", "192.0.2.10");
  DnsServerAgent ns(w.net, w.server_host("ns1.b.example", "192.0.2.53"), all_zones());
  ns.start();
  ResolverAgent resolver(w.net, mta, stub({server("192.0.2.53", "ns1.b.example.")}));
  std::string result;
  const auto lookup = resolver.mail_route(name("b.example."), [&](const dns::MailRoute& r) {
    result = r.explanation().render(Lang::en);
  });
  w.sim.run_until(1min);
  EXPECT_NE(result.find("192.0.2.25"), std::string::npos) << result;
  check_golden("stub_mail_route.txt", w.text());
}

TEST(Golden, RecursiveMailRouteWithTruncation) {
  DnsWorld w(2024);
  const net::NodeId mta = w.client("mta.a.example", "192.0.2.10");
  DnsServerAgent root(w.net, w.server_host("ns.root", "198.51.100.1"), one_zone(root_zone()));
  DnsServerAgent tld(w.net, w.server_host("ns1.nic.example", "198.51.100.2"), one_zone(tld_zone()));
  DnsServerAgent auth(w.net, w.server_host("ns1.b.example", "192.0.2.53"), one_zone(b_zone()));
  for (auto* s : {&root, &tld, &auth})
    s->start();
  dns::ResolverConfig hints;
  hints.mode = dns::ResolverMode::recursive;
  hints.servers = {server("198.51.100.1", "ns.root.")};
  ResolverAgent resolver(w.net, mta, hints);
  (void)resolver.mail_route(name("big.b.example."), [](const dns::MailRoute&) {});  // its records
  w.sim.run_until(1min);
  // Only the DNS records: the packets of thirty address lookups would drown them.
  std::string dns_only;
  for (const auto& line : w.lines)
    if (line.find(" dns.") != std::string::npos && line.find(".cache.") == std::string::npos)
      dns_only += line + "\n";
  check_golden("recursive_truncated_mail_route.txt", dns_only);
}

}  // namespace
}  // namespace mailsim::agents::test

#pragma once
// The world of the DNS agent tests: client hosts behind router r1, DNS servers behind router
// r2, 10 ms between the routers; the zones of a root, the "example." TLD, b.example (the
// recipient's domain, with every MX case as a subdomain) and bl.example (a DNS blocklist);
// and the trace kept as text lines.
#include <string>
#include <vector>

#include "agents/dns/resolver_agent.hpp"
#include "agents/dns/server_agent.hpp"
#include "agents/proto/dns/zone_text.hpp"
#include "sim/net/network.hpp"
#include "sim/simulator.hpp"
#include "sim/trace_format.hpp"

namespace mailsim::agents::test {

using namespace std::chrono_literals;
namespace dns = proto::dns;
namespace net = sim::net;

inline dns::Zone root_zone() {
  return dns::zone_from_text(".", R"(
@ 86400 SOA ns.root. hostmaster.root. 1 1800 900 604800 86400
@ 518400 NS ns.root.
ns.root. 518400 A 198.51.100.1
example. 172800 NS ns1.nic.example.
ns1.nic.example. 172800 A 198.51.100.2
)");
}

inline dns::Zone tld_zone() {
  return dns::zone_from_text("example.", R"(
@ 86400 SOA ns1.nic.example. hostmaster.nic.example. 1 1800 900 604800 3600
@ 172800 NS ns1.nic.example.
ns1.nic.example. 172800 A 198.51.100.2
b.example. 172800 NS ns1.b.example.
ns1.b.example. 172800 A 192.0.2.53
bl.example. 172800 NS ns1.b.example.
)");
}

inline dns::Zone b_zone() {
  dns::Zone z = dns::zone_from_text("b.example.", R"(
@ 3600 SOA ns1.b.example. hostmaster.b.example. 2024060101 7200 900 1209600 300
@ 3600 NS ns1.b.example.
ns1.b.example. 3600 A 192.0.2.53
ns2.b.example. 3600 A 192.0.2.54
@ 300 MX 10 mx1.b.example.
@ 300 MX 20 mx2.b.example.
@ 300 MX 20 mx3.b.example.
@ 300 A 192.0.2.80
@ 3600 TXT "v=spf1 mx -all"
mx1.b.example. 300 A 192.0.2.25
mx2.b.example. 300 A 192.0.2.26
mx3.b.example. 300 A 192.0.2.27
mx-new.b.example. 300 A 192.0.2.28
nomx.b.example. 300 A 192.0.2.81
nullmx.b.example. 300 MX 0 .
nullmx.b.example. 300 A 192.0.2.82
noaddr.b.example. 300 MX 10 ghost.b.example.
alias.b.example. 300 CNAME mx1.b.example.
)");
  // Thirty exchanges: the MX answer cannot fit in 512 octets over UDP.
  const dns::Name big = dns::Name::parse("big.b.example.");
  for (int i = 0; i < 30; ++i) {
    const dns::Name host = dns::Name::parse("exchange-number-" + std::to_string(i) + ".b.example.");
    z.add(dns::make_record(big, 300, dns::MxData{static_cast<std::uint16_t>(10 + i), host}));
    z.add(dns::make_record(host, 300, dns::AData{dns::Ipv4::from_value(0xC0000264 + i)}));
  }
  return z;
}

inline dns::Zone bl_zone() {
  return dns::zone_from_text("bl.example.", R"(
@ 3600 SOA ns1.b.example. hostmaster.b.example. 1 7200 900 1209600 60
@ 3600 NS ns1.b.example.
2.0.0.127.bl.example. 60 A 127.0.0.2
9.113.0.203.bl.example. 60 A 127.0.0.4
9.113.0.203.bl.example. 60 TXT "Dynamic/residential IP range listed"
)");
}

// One server holding every zone: the simple default.
inline dns::ZoneSet all_zones() {
  dns::ZoneSet set;
  set.add_zone(root_zone());
  set.add_zone(tld_zone());
  set.add_zone(b_zone());
  set.add_zone(bl_zone());
  return set;
}
inline dns::ZoneSet one_zone(dns::Zone z) {
  dns::ZoneSet set;
  set.add_zone(std::move(z));
  return set;
}

inline net::Ipv4Address ip(const char* text) {
  return net::Ipv4Address::parse(text);
}
inline dns::Server server(const char* address, const char* name = ".") {
  return {dns::Ipv4::parse(address), dns::Name::parse(name)};
}
inline dns::Name name(const char* text) {
  return dns::Name::parse(text);
}

struct DnsWorld {
  explicit DnsWorld(std::uint64_t seed = 1) : sim(seed), net(sim) {
    r1 = net.add_router("r1");
    r2 = net.add_router("r2");
    net.add_link("r1-r2", r1, r2, {.latency = 10ms});
    sim.trace().subscribe(
        [this](const sim::TraceRecord& r) { lines.push_back(sim::format_text(r)); });
  }

  net::NodeId client(const std::string& host, const char* address) {
    const net::NodeId id = net.add_host(host, ip(address));
    net.add_link(host + "-r1", id, r1, {.latency = 1ms});
    return id;
  }
  net::NodeId server_host(const std::string& host, const char* address) {
    const net::NodeId id = net.add_host(host, ip(address));
    net.add_link(host + "-r2", id, r2, {.latency = 1ms});
    return id;
  }

  // Lines of the trace containing every one of `parts`.
  std::size_t count(std::initializer_list<std::string_view> parts) const {
    std::size_t n = 0;
    for (const auto& l : lines) {
      bool all = true;
      for (auto p : parts)
        all = all && l.find(p) != std::string::npos;
      n += all;
    }
    return n;
  }
  std::string text() const {
    std::string out;
    for (const auto& l : lines)
      out += l + "\n";
    return out;
  }

  sim::Simulator sim;
  net::Network net;
  net::NodeId r1{}, r2{};
  std::vector<std::string> lines;
};

inline dns::ResolverConfig stub(std::vector<dns::Server> servers) {
  dns::ResolverConfig c;
  c.mode = dns::ResolverMode::stub;
  c.servers = std::move(servers);
  return c;
}

}  // namespace mailsim::agents::test

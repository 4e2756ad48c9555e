#pragma once
// The tunable parameters of links, hosts and the network, with their defaults.
#include <cstdint>

#include "sim/time.hpp"

namespace mailsim::sim::net {

using namespace std::chrono_literals;

struct LinkParams {
  SimTime latency = 1ms;                      // propagation delay, each direction
  std::uint64_t bandwidth_bps = 100'000'000;  // serialisation rate, bits per second
  std::uint32_t mtu = 1500;                   // largest IP packet, bytes
  double loss = 0.0;                          // probability that a packet is lost on the wire
  std::uint32_t queue_bytes = 64 * 1500;      // per-direction queue capacity; 0: no byte limit
  std::uint32_t queue_packets = 0;            // per-direction queue capacity; 0: no packet limit
  bool operator==(const LinkParams&) const = default;
};

struct HostSettings {
  std::uint16_t mss = 1460;              // largest TCP payload this host sends or accepts
  std::uint8_t ttl = 64;                 // initial TTL of the packets it sends
  std::uint32_t receive_window = 65535;  // bytes it advertises (no window scaling)
  SimTime initial_rto = 1s;              // RFC 6298 (2.1)
  SimTime min_rto = 1s;                  // RFC 6298 (2.4)
  SimTime max_rto = 120s;  // RFC 6298 (2.5) allows >= 60 s; Linux's TCP_RTO_MAX is 120 s
  // Linux's net.ipv4.tcp_syn_retries: 7 SYNs (0, 1, 3, 7, 15, 31, 63 s), "timed out" at 127 s.
  int syn_retries = 6;
  int data_retries = 8;    // retransmissions of the same data before giving up
  SimTime time_wait = 1s;  // TIME-WAIT length (shortened 2 MSL)
  bool operator==(const HostSettings&) const = default;
};

// How routers choose among paths. Internet routers use costs an administrator configured (OSPF,
// RFC 2328; BGP's policies), not the traffic of the moment: `shortest` takes the smallest sum of
// link latencies and changes only when a link or a router changes (down, up, new parameters).
// `least_busy` adds each link's queueing delay, measured again every route_interval: the "least
// busy route" of simple explanations, which real networks avoid because routes that follow the load
// swing back and forth (the ARPANET's delay-measured routing did, until its metric was damped in
// 1987: Khanna and Zinky, "The revised ARPANET routing metric", SIGCOMM 1989).
enum class RoutingPolicy : std::uint8_t { shortest, least_busy };

struct NetworkSettings {
  // least_busy only: routes are recomputed at least this often while packets move.
  SimTime route_interval = 1s;
  RoutingPolicy routing = RoutingPolicy::shortest;
};

}  // namespace mailsim::sim::net

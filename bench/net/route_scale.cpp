// What routing costs as the network grows: generated networks of 100, 1,000 and 10,000 hosts
// carrying one message, then many. See bench/README.md.
//
//   build/bench/net/route_scale [--messages M] [--trace] [--least-busy] [HOSTS ...]
//
// Each host (a PC, one link) hangs off an access router (100 hosts each); each access router
// has two links to a ring of core routers (the square root of the access routers, at least
// 3), so routes have equal-cost choices to break. A message is one TCP connection carrying
// 10 KB from one host to another; the many-message run starts one every 100 ms between
// hosts drawn from a fixed seed. Routes are shortest by latency, as scenarios have them by
// default; with --least-busy they follow the queues and are snapshotted again as simulated
// seconds pass.
// Every case runs in its own process (fork), so its peak memory is its own; the 100-host
// case of the same run is the baseline the others are compared with.
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "bench/bench_support.hpp"
#include "sim/net/network.hpp"
#include "sim/random.hpp"
#include "sim/simulator.hpp"

namespace {

using namespace mailsim::sim;
using namespace mailsim::sim::net;
using namespace std::chrono_literals;

constexpr int kHostsPerRouter = 100;
constexpr std::size_t kMessageBytes = 10 * 1024;

struct Result {
  double wall = 0;    // seconds, building the network excluded
  double build = 0;   // seconds to build the network
  int delivered = 0;  // messages whose every byte arrived
  std::uint64_t snapshots = 0;
  std::uint64_t trees = 0;
  std::uint64_t packets = 0;
  std::uint64_t events = 0;
  std::uint64_t records = 0;
};

Ipv4Address host_address(int i) {
  return Ipv4Address(10, static_cast<std::uint8_t>(i >> 16), static_cast<std::uint8_t>(i >> 8),
                     static_cast<std::uint8_t>(i));
}

Result run_case(int hosts, int messages, bool trace, RoutingPolicy routing) {
  const auto t0 = std::chrono::steady_clock::now();
  Simulator sim(2026);
  Network net(sim, {.routing = routing});
  const LinkParams access{.latency = 1ms, .bandwidth_bps = 100'000'000};
  const LinkParams core{.latency = 2ms, .bandwidth_bps = 1'000'000'000};
  const int access_routers = std::max(1, (hosts + kHostsPerRouter - 1) / kHostsPerRouter);
  const int cores =
      std::max(3, static_cast<int>(std::lround(std::sqrt(static_cast<double>(access_routers)))));
  std::vector<NodeId> core_ids, access_ids, host_ids;
  for (int c = 0; c < cores; ++c)
    core_ids.push_back(net.add_router("core" + std::to_string(c)));
  for (int c = 0; c < cores; ++c)
    net.add_link("core" + std::to_string(c) + "-core" + std::to_string((c + 1) % cores),
                 core_ids[c], core_ids[(c + 1) % cores], core);
  for (int a = 0; a < access_routers; ++a) {
    access_ids.push_back(net.add_router("access" + std::to_string(a)));
    for (int k = 0; k < 2; ++k) {
      const int c = (a + k) % cores;
      net.add_link("access" + std::to_string(a) + "-core" + std::to_string(c), access_ids.back(),
                   core_ids[c], core);
    }
  }
  for (int h = 0; h < hosts; ++h) {
    host_ids.push_back(net.add_host("pc" + std::to_string(h), host_address(h + 1)));
    net.add_link("pc" + std::to_string(h) + "-access", host_ids.back(),
                 access_ids[h / kHostsPerRouter], access);
  }

  Result result;
  if (trace) sim.trace().subscribe([&](const TraceRecord&) { ++result.records; });
  const std::string payload(kMessageBytes, 'm');
  // Every host listens and counts the messages that arrived whole.
  for (NodeId h : host_ids)
    net.host(h).listen(25, [&](StreamSocket sock) {
      auto bytes = std::make_shared<std::size_t>(0);
      sock.on_data([bytes](std::span<const std::byte> data) { *bytes += data.size(); });
      sock.on_end([&, bytes, sock]() mutable {
        result.delivered += *bytes == kMessageBytes;
        sock.close();
      });
    });
  SplitMix64 pick{99};
  for (int m = 0; m < messages; ++m) {
    const int from = messages == 1 ? 0 : static_cast<int>(pick.next() % hosts);
    int to = messages == 1 ? hosts - 1 : static_cast<int>(pick.next() % hosts);
    if (to == from) to = (to + 1) % hosts;
    sim.schedule_at(SimTime(std::int64_t{m} * 100'000), [&, from, to] {
      net.host(host_ids[from])
          .connect(
              host_address(to + 1), 25,
              [&](StreamSocket sock) {
                sock.send(payload);
                sock.close();
              },
              [](ConnError) {});
    });
  }
  const auto t1 = std::chrono::steady_clock::now();
  sim.run();
  const auto t2 = std::chrono::steady_clock::now();
  result.build = std::chrono::duration<double>(t1 - t0).count();
  result.wall = std::chrono::duration<double>(t2 - t1).count();
  result.snapshots = net.routing_stats().snapshots;
  result.trees = net.routing_stats().trees;
  result.packets = net.packets_sent();
  result.events = sim.events_executed();
  return result;
}

}  // namespace

int main(int argc, char** argv) {
  int many = 1000;
  bool trace = false;
  RoutingPolicy routing = RoutingPolicy::shortest;
  std::vector<int> sizes;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--messages" && i + 1 < argc)
      many = std::atoi(argv[++i]);
    else if (a == "--trace")
      trace = true;
    else if (a == "--least-busy")
      routing = RoutingPolicy::least_busy;
    else if (!a.empty() && a[0] != '-' && std::atoi(a.c_str()) > 1)
      sizes.push_back(std::atoi(a.c_str()));
    else {
      std::puts("usage: route_scale [--messages M] [--trace] [--least-busy] [HOSTS ...]");
      return a == "--help" ? 0 : 2;
    }
  }
  if (sizes.empty()) sizes = {100, 1000, 10000};
  if (sizes.front() != 100) sizes.insert(sizes.begin(), 100);  // the baseline

  bool all_ok = true;
  for (int messages : {1, many}) {
    double base_wall = 0;
    for (int hosts : sizes) {
      Result r;
      double peak = 0;
      if (!mailsim::bench::run_in_child([&] { return run_case(hosts, messages, trace, routing); },
                                        r, peak)) {
        std::printf("hosts=%d messages=%d: the run failed\n", hosts, messages);
        all_ok = false;
        continue;
      }
      if (hosts == sizes.front()) base_wall = r.wall;
      all_ok = all_ok && r.delivered == messages;
      std::printf(
          "hosts=%d messages=%d delivered=%d build_s=%.3f wall_s=%.3f peak_rss_mb=%.1f "
          "route_snapshots=%llu route_trees=%llu packets=%llu events=%llu%s wall_over_100=%.2f\n",
          hosts, messages, r.delivered, r.build, r.wall, peak,
          static_cast<unsigned long long>(r.snapshots), static_cast<unsigned long long>(r.trees),
          static_cast<unsigned long long>(r.packets), static_cast<unsigned long long>(r.events),
          trace ? (" records=" + std::to_string(r.records)).c_str() : "", r.wall / base_wall);
    }
  }
  return all_ok ? 0 : 1;
}

// The network layer's cost: 1,000 concurrent 100 KB streams across a 6-hop path with 1% loss,
// against the kernel's own hold model (N = 1000) measured in the same run. See bench/README.md.
//
//   build/bench/net/net_stream [--streams S] [--bytes B] [--loss P] [--trace] [--hold-events E]
//
// Ten client hosts reach ten server hosts through five routers in a line:
//   client - r1 - r2 - r3 - r4 - r5 - server   (1 Gbit/s, 1 ms per link; the loss on r2-r3)
// Every stream sends B bytes then closes; the run checks that every byte arrived in order.
#include <sys/resource.h>

#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
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

struct Options {
  int streams = 1000;
  std::size_t bytes = 100 * 1024;
  double loss = 0.01;
  bool trace = false;
  std::uint64_t hold_events = 5'000'000;
};

struct StreamResult {
  std::size_t received = 0;
  bool in_order = true;
  bool ended = false;
};

}  // namespace

int main(int argc, char** argv) {
  Options opt;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--streams" && i + 1 < argc)
      opt.streams = std::atoi(argv[++i]);
    else if (a == "--bytes" && i + 1 < argc)
      opt.bytes = std::strtoull(argv[++i], nullptr, 10);
    else if (a == "--loss" && i + 1 < argc)
      opt.loss = std::atof(argv[++i]);
    else if (a == "--hold-events" && i + 1 < argc)
      opt.hold_events = std::strtoull(argv[++i], nullptr, 10);
    else if (a == "--trace")
      opt.trace = true;
    else {
      std::puts(
          "usage: net_stream [--streams S] [--bytes B] [--loss P] [--trace] [--hold-events E]");
      return a == "--help" ? 0 : 2;
    }
  }

  Simulator sim(2026);
  Network net(sim);
  const LinkParams core{.latency = 1ms, .bandwidth_bps = 1'000'000'000, .queue_bytes = 1'000'000};
  LinkParams lossy = core;
  lossy.loss = opt.loss;
  std::vector<NodeId> routers;
  for (int i = 1; i <= 5; ++i)
    routers.push_back(net.add_router("r" + std::to_string(i)));
  for (int i = 0; i + 1 < 5; ++i)
    net.add_link("r" + std::to_string(i + 1) + "-r" + std::to_string(i + 2), routers[i],
                 routers[i + 1], i == 1 ? lossy : core);
  std::vector<NodeId> clients, servers;
  for (int i = 0; i < 10; ++i) {
    clients.push_back(net.add_host("c" + std::to_string(i),
                                   Ipv4Address(192, 0, 2, static_cast<std::uint8_t>(10 + i))));
    servers.push_back(net.add_host("s" + std::to_string(i),
                                   Ipv4Address(198, 51, 100, static_cast<std::uint8_t>(10 + i))));
    net.add_link("c" + std::to_string(i) + "-r1", clients.back(), routers.front(), core);
    net.add_link("r5-s" + std::to_string(i), routers.back(), servers.back(), core);
  }

  // The payload: one pattern, each stream sends all of it and the receiver checks every byte.
  std::string payload(opt.bytes, '\0');
  SplitMix64 fill{7};
  for (auto& c : payload)
    c = static_cast<char>('a' + fill.next() % 26);

  std::vector<StreamResult> results(static_cast<std::size_t>(opt.streams));
  std::uint64_t records = 0;
  if (opt.trace) sim.trace().subscribe([&](const TraceRecord&) { ++records; });
  for (std::size_t s = 0; s < servers.size(); ++s)
    net.host(servers[s]).listen(25, [&](StreamSocket sock) {
      // The client's port tells which stream this is (ports are handed out in order).
      const std::size_t index =
          (sock.remote_port() - 49152) * clients.size() +
          (sock.remote_address().value() - Ipv4Address(192, 0, 2, 10).value());
      StreamResult* r = &results[index];
      sock.on_data([r, &payload](std::span<const std::byte> bytes) {
        if (r->received + bytes.size() > payload.size() ||
            std::memcmp(payload.data() + r->received, bytes.data(), bytes.size()) != 0)
          r->in_order = false;
        r->received += bytes.size();
      });
      sock.on_end([r, sock]() mutable {
        r->ended = true;
        sock.close();
      });
    });
  for (int i = 0; i < opt.streams; ++i) {
    const std::size_t c = static_cast<std::size_t>(i) % clients.size();
    net.host(clients[c])
        .connect(
            *net.address(servers[c]), 25,
            [&payload](StreamSocket sock) {
              sock.send(payload);
              sock.close();
            },
            [](ConnError e) {
              std::printf("connection failed: %s\n", std::string(conn_error_name(e)).c_str());
            });
  }

  const auto start = std::chrono::steady_clock::now();
  sim.run();
  const double wall =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();

  int complete = 0;
  for (const auto& r : results)
    complete += r.ended && r.in_order && r.received == payload.size();
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  const double packets = static_cast<double>(net.packets_sent());
  const double events = static_cast<double>(sim.events_executed());
  // The hold model's best of three: one short run can come out a quarter slow.
  const double hold = mailsim::bench::best_hold_rates(opt.hold_events, 3).wall;
  std::printf("streams=%d complete=%d bytes_each=%zu loss=%.3f trace=%s\n", opt.streams, complete,
              opt.bytes, opt.loss, opt.trace ? "on" : "off");
  std::printf(
      "simulated_time=%.3fs wall=%.3fs packets=%.0f kernel_events=%.0f trace_records=%llu\n",
      static_cast<double>(sim.now().count()) / 1e6, wall, packets, events,
      static_cast<unsigned long long>(records));
  std::printf("packets_per_wall_s=%.0f net_events_per_wall_s=%.0f peak_rss_mb=%.1f\n",
              packets / wall, events / wall, mailsim::bench::max_rss_mb(usage));
  std::printf(
      "hold N=1000 events_per_s=%.0f  ratio hold_events/net_events=%.2f  "
      "kernel_events_per_packet=%.1f\n",
      hold, hold / (events / wall), events / packets);
  return complete == opt.streams ? 0 : 1;
}

#pragma once
// Shared helpers of the network tests: small topologies, a trace recorder and byte helpers.
#include <cstddef>
#include <memory>
#include <string>
#include <vector>

#include "sim/net/network.hpp"
#include "sim/net/trace_records.hpp"
#include "sim/simulator.hpp"
#include "sim/trace_format.hpp"

namespace mailsim::sim::net::testing {

using namespace std::chrono_literals;

inline Ipv4Address ip(const char* text) {
  return Ipv4Address::parse(text);
}

inline std::string to_string(std::span<const std::byte> bytes) {
  return std::string(reinterpret_cast<const char*>(bytes.data()), bytes.size());
}

// Deterministic pseudo-random text of `n` bytes.
inline std::string pattern(std::size_t n, std::uint64_t seed = 1) {
  std::string s(n, '\0');
  SplitMix64 rng{seed};
  for (auto& c : s)
    c = static_cast<char>('a' + rng.next() % 26);
  return s;
}

// Copies of the packet records the tests look at.
struct PacketEvent {
  std::string kind;
  std::uint64_t packet = 0;
  std::string node;
  std::string link;
  std::string reason;
  Packet p;
  SimTime time{0};
};

struct Recorder {
  explicit Recorder(Simulator& sim) : sim(sim) {
    id = sim.trace().subscribe([this](const TraceRecord& r) {
      lines.push_back(format_text(r));
      if (auto* pr = dynamic_cast<const PacketRecord*>(&r)) {
        PacketEvent e{std::string(r.kind().name),
                      pr->packet().id,
                      std::string(pr->place().node),
                      std::string(pr->place().link),
                      pr->place().reason ? std::string(drop_reason_name(*pr->place().reason)) : "",
                      pr->packet(),
                      r.time()};
        packets.push_back(std::move(e));
      }
      if (auto* cw = dynamic_cast<const TcpCwndRecord*>(&r))
        cwnd.push_back({cw->cwnd(), std::string(cw->cause())});
      kinds.push_back(std::string(r.kind().name));
    });
  }
  ~Recorder() { sim.trace().unsubscribe(id); }
  std::size_t count(std::string_view kind) const {
    std::size_t n = 0;
    for (auto& k : kinds)
      n += k == kind;
    return n;
  }
  std::size_t drops(std::string_view reason) const {
    std::size_t n = 0;
    for (auto& e : packets)
      n += e.kind == "net.packet.dropped" && e.reason == reason;
    return n;
  }
  Simulator& sim;
  Trace::SubscriptionId id;
  std::vector<std::string> lines;
  std::vector<std::string> kinds;
  std::vector<PacketEvent> packets;
  std::vector<std::pair<std::uint32_t, std::string>> cwnd;
};

// a - r1 - r2 - b, plus a longer detour r1 - r3 - r2.
struct Diamond {
  Simulator sim{42};
  Network net;
  NodeId a, b, r1, r2, r3;
  LinkId a_r1, r1_r2, r2_b, r1_r3, r3_r2;
  explicit Diamond(LinkParams fast = {}, LinkParams detour = {.latency = 5ms},
                   NetworkSettings settings = {})
      : net(sim, settings) {
    a = net.add_host("a", ip("192.0.2.1"));
    b = net.add_host("b", ip("198.51.100.1"));
    r1 = net.add_router("r1");
    r2 = net.add_router("r2");
    r3 = net.add_router("r3");
    a_r1 = net.add_link("a-r1", a, r1, fast);
    r1_r2 = net.add_link("r1-r2", r1, r2, fast);
    r2_b = net.add_link("r2-b", r2, b, fast);
    r1_r3 = net.add_link("r1-r3", r1, r3, detour);
    r3_r2 = net.add_link("r3-r2", r3, r2, detour);
  }
};

// A server that collects what it receives, per connection, and a client that sends.
struct Sink {
  std::string received;
  bool ended = false;
  bool closed = false;
  StreamSocket socket;
  void attach(Host host, std::uint16_t port, bool close_on_end = true) {
    host.listen(port, [this, close_on_end](StreamSocket s) {
      socket = s;
      s.on_data([this](std::span<const std::byte> b) { received += to_string(b); });
      s.on_end([this, close_on_end] {
        ended = true;
        if (close_on_end) socket.close();
      });
      s.on_closed([this] { closed = true; });
    });
  }
};

}  // namespace mailsim::sim::net::testing

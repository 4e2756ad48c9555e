// Memory per thing (issue 19 part 5): what one more pending event, packet in flight, queued
// message, open connection and stored message costs, measured in this process as the
// difference of the heap in use (glibc's mallinfo2) before and after making N of them, divided
// by N. Sizes only: no timing. bench/README.md records the figures.
//
//   build/bench/memory/memory_per_thing            # N = 10,000 of each
//   build/bench/memory/memory_per_thing --count 1000
#include <malloc.h>

#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>
#include <vector>

#include "agents/mta/mail_queue.hpp"
#include "agents/proto/mailbox/mail_store.hpp"
#include "sim/net/network.hpp"
#include "sim/random.hpp"
#include "sim/simulator.hpp"

namespace {

using namespace mailsim;
using namespace std::chrono_literals;

constexpr std::size_t kDatagramBytes = 100;  // the payload of each packet in flight
constexpr std::size_t kMessageBytes = 1000;  // the content of each queued or stored message

// Heap bytes in use: small blocks plus blocks mapped on their own.
std::size_t heap_in_use() {
  const struct mallinfo2 m = mallinfo2();
  return m.uordblks + m.hblkhd;
}

// Bytes per thing: the heap after making `count` things with `make`, minus the heap before,
// over count. What `make` made stays alive (held by the caller) until the measure is taken.
template <class Make>
double per_thing(std::size_t count, Make make) {
  malloc_trim(0);
  const std::size_t before = heap_in_use();
  make();
  const std::size_t after = heap_in_use();
  return (static_cast<double>(after) - static_cast<double>(before)) / static_cast<double>(count);
}

// A pending event of the kernel: a callback holding a pointer, scheduled for later.
double pending_event(std::size_t count) {
  auto sim = std::make_unique<sim::Simulator>();
  int fired = 0;
  return per_thing(count, [&] {
    for (std::size_t i = 0; i < count; ++i)
      sim->schedule_at(sim::SimTime(static_cast<std::int64_t>(i) + 1), [&fired] { ++fired; });
  });
}

// Two hosts and the link between them, built before the measure starts.
struct TwoHosts {
  explicit TwoHosts(sim::net::LinkParams link) : net(sim) {
    a = net.add_host("a", sim::net::Ipv4Address(10, 0, 0, 1));
    b = net.add_host("b", sim::net::Ipv4Address(10, 0, 0, 2));
    net.add_link("a-b", a, b, link);
  }
  sim::Simulator sim;
  sim::net::Network net;
  sim::net::NodeId a = 0, b = 0;
};

// A UDP datagram of 100 bytes on a link 10 s long: every datagram is sent (serialised) within
// the first second, so at 5 s all are on the wire at once.
double packet_in_flight(std::size_t count, std::size_t& arrived) {
  TwoHosts w({.latency = 10s, .bandwidth_bps = 100'000'000'000, .queue_bytes = 0});
  const auto receiver = w.net.host(w.b).bind_udp(
      9, [&](sim::net::Ipv4Address, std::uint16_t, std::span<const std::byte>) { ++arrived; });
  auto sender = w.net.host(w.a).bind_udp(
      9, [](sim::net::Ipv4Address, std::uint16_t, std::span<const std::byte>) {});
  const std::string payload(kDatagramBytes, 'p');
  const double bytes = per_thing(count, [&] {
    for (std::size_t i = 0; i < count; ++i)
      sender.send_to(sim::net::Ipv4Address(10, 0, 0, 2), 9, payload);
    w.sim.run_until(sim::SimTime(5s));
  });
  w.sim.run();
  (void)receiver;  // bound until every datagram arrived
  return bytes;
}

// An established TCP connection with nothing to send: its two ends (the client's and the
// server's socket), counted as one connection.
double open_connection(std::size_t count, std::size_t& established) {
  TwoHosts w({.queue_bytes = 0});  // no SYN lost to a full queue
  std::vector<sim::net::StreamSocket> accepted;
  w.net.host(w.b).listen(25, [&](sim::net::StreamSocket s) { accepted.push_back(s); });
  std::vector<sim::net::StreamSocket> opened;
  accepted.reserve(count);
  opened.reserve(count);
  const double bytes = per_thing(count, [&] {
    for (std::size_t i = 0; i < count; ++i)
      w.net.host(w.a).connect(
          sim::net::Ipv4Address(10, 0, 0, 2), 25,
          [&](sim::net::StreamSocket s) {
            opened.push_back(s);
            ++established;
          },
          [](sim::net::ConnError) {});
    w.sim.run_until(sim::SimTime(10s));
  });
  return bytes;
}

// A message waiting in an MTA's queue for one recipient, with its 1,000-byte content.
double queued_message(std::size_t count) {
  sim::RandomStream ids(1);
  agents::MailQueue queue(ids);
  return per_thing(count, [&] {
    for (std::size_t i = 0; i < count; ++i)
      queue.enqueue("alice@a.example", {"bob@b.example"},
                    std::make_shared<const std::string>(kMessageBytes, 'm'),
                    "<" + std::to_string(i) + "@a.example>", sim::SimTime(0));
  });
}

// A message in a mailbox, with its 1,000-byte content.
double stored_message(std::size_t count) {
  proto::mailbox::MailStore store;
  store.add_account("bob", "builder");
  return per_thing(count, [&] {
    for (std::size_t i = 0; i < count; ++i)
      store.append("bob", "INBOX", std::string(kMessageBytes, 'm'), sim::SimTime(0), {});
  });
}

}  // namespace

int main(int argc, char** argv) {
  std::size_t count = 10'000;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--count" && i + 1 < argc && std::atoi(argv[i + 1]) > 0) {
      count = static_cast<std::size_t>(std::atoi(argv[++i]));
    } else {
      std::puts("usage: memory_per_thing [--count N]");
      return a == "--help" ? 0 : 2;
    }
  }
  std::size_t arrived = 0, established = 0;
  const double event = pending_event(count);
  const double packet = packet_in_flight(count, arrived);
  const double connection = open_connection(count, established);
  const double queued = queued_message(count);
  const double stored = stored_message(count);
  std::printf("count=%zu\n", count);
  std::printf("pending_event_bytes=%.1f\n", event);
  std::printf("packet_in_flight_bytes=%.1f (payload %zu) arrived=%zu\n", packet, kDatagramBytes,
              arrived);
  std::printf("open_connection_bytes=%.1f (both ends) established=%zu\n", connection, established);
  std::printf("queued_message_bytes=%.1f (content %zu)\n", queued, kMessageBytes);
  std::printf("stored_message_bytes=%.1f (content %zu)\n", stored, kMessageBytes);
  // Every datagram must have been on the wire and then arrived, every connection open.
  return arrived == count && established == count ? 0 : 1;
}

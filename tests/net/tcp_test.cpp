// Stream sockets: handshake, data, close, MSS, congestion window, loss recovery.
#include <gtest/gtest.h>

#include <optional>
#include <vector>

#include "tests/net/net_fixture.hpp"

using namespace mailsim::sim;
using namespace mailsim::sim::net;
using namespace mailsim::sim::net::testing;

namespace {
const Ipv4Address kB = Ipv4Address(198, 51, 100, 1);

// The segments with data that A (192.0.2.1) sent, in the order they left.
std::vector<const PacketEvent*> data_sent_by_a(const Recorder& rec) {
  std::vector<const PacketEvent*> out;
  for (const auto& e : rec.packets)
    if (e.kind == "net.packet.sent" && e.p.payload.length > 0 && e.p.ip.src == ip("192.0.2.1"))
      out.push_back(&e);
  return out;
}
}  // namespace

TEST(Tcp, HandshakeDataAndOrderlyClose) {
  Diamond d;
  Recorder rec(d.sim);
  std::string server_got, client_got;
  bool server_closed = false, client_closed = false, client_end = false;
  d.net.host(d.b).listen(25, [&](StreamSocket s) {
    s.send("220 b ESMTP\r\n");
    s.on_data([&, s](std::span<const std::byte> bytes) mutable {
      server_got += to_string(bytes);
      if (server_got.ends_with("QUIT\r\n")) {
        s.send("221 Bye\r\n");
        s.close();
      }
    });
    s.on_closed([&] { server_closed = true; });
  });
  bool connected = false;
  StreamSocket c = d.net.host(d.a).connect(
      kB, 25,
      [&](StreamSocket s) {
        connected = true;
        EXPECT_EQ(s.info().state, TcpState::established);
        s.send("QUIT\r\n");
      },
      [&](ConnError e) { ADD_FAILURE() << conn_error_name(e); });
  c.on_data([&](std::span<const std::byte> bytes) { client_got += to_string(bytes); });
  c.on_end([&] {
    client_end = true;
    c.close();
  });
  c.on_closed([&] { client_closed = true; });
  d.sim.run();
  EXPECT_TRUE(connected);
  EXPECT_EQ(server_got, "QUIT\r\n");
  EXPECT_EQ(client_got, "220 b ESMTP\r\n221 Bye\r\n");
  EXPECT_TRUE(client_end);
  EXPECT_TRUE(server_closed);
  EXPECT_TRUE(client_closed);
  EXPECT_EQ(rec.count("net.conn.opened"), 2u);  // one per side
  EXPECT_EQ(rec.count("net.conn.closed"), 2u);
  EXPECT_FALSE(c.valid());
  // The SYN carries the MSS option and a 32-bit ISN; the first segment has no ACK flag.
  const Packet& syn = rec.packets.front().p;
  EXPECT_EQ(syn.tcp.flags, tcp_flags::syn);
  EXPECT_EQ(syn.tcp.mss_option, 1460);
  EXPECT_EQ(syn.ip.total_length, 44);
  // Both directions share one connection id in the trace.
  for (auto& e : rec.packets)
    EXPECT_EQ(e.p.conn, syn.conn);
}

TEST(Tcp, PayloadRecordsShareTheSendersBuffer) {
  Diamond d;
  Recorder rec(d.sim);
  Sink sink;
  sink.attach(d.net.host(d.b), 25);
  const std::string text = pattern(5000);
  d.net.host(d.a).connect(
      kB, 25, [&](StreamSocket s) { s.send(text); }, nullptr);
  d.sim.run();
  EXPECT_EQ(sink.received, text);
  // Rebuild the stream from the records alone, by stream offset.
  std::string rebuilt(text.size(), '?');
  const std::byte* buffer = nullptr;
  for (const PacketEvent* e : data_sent_by_a(rec)) {
    auto bytes = e->p.payload.bytes();
    rebuilt.replace(e->p.payload.stream_offset, bytes.size(), to_string(bytes));
    if (buffer != nullptr) {
      EXPECT_EQ(buffer, e->p.payload.buffer.get());  // one send, one buffer
    }
    buffer = e->p.payload.buffer.get();
  }
  EXPECT_EQ(rebuilt, text);
}

TEST(Tcp, AStringHandedOverIsSentFromItsOwnBytesAndStaysAliveWhileInFlight) {
  Diamond d;
  Recorder rec(d.sim);
  Sink sink;
  sink.attach(d.net.host(d.b), 25);
  const std::string text = pattern(5000);
  const std::byte* first = nullptr;  // where the handed-over string keeps its bytes
  d.net.host(d.a).connect(
      kB, 25,
      [&](StreamSocket s) {
        std::string mine = text;
        first = reinterpret_cast<const std::byte*>(mine.data());
        EXPECT_TRUE(s.send_owned(std::move(mine)));
        EXPECT_TRUE(s.send_owned(std::string()));  // nothing to send is no error
      },
      nullptr);
  d.sim.run();
  EXPECT_EQ(sink.received, text);
  const auto segments = data_sent_by_a(rec);
  for (const PacketEvent* e : segments) {
    EXPECT_EQ(e->p.payload.buffer.get(), first);  // not a copy
    EXPECT_EQ(to_string(e->p.payload.bytes()),
              text.substr(e->p.payload.stream_offset, e->p.payload.length));
  }
  EXPECT_GT(segments.size(), 3u);
}

// Pieces written with `more` wait for the last one and leave in one segment; an empty piece,
// with `more` or as the last one, adds nothing and still lets the last one send them.
TEST(Tcp, EmptyPiecesKeepNothingAndAnEmptyLastPieceSendsWhatWaits) {
  Diamond d;
  Recorder rec(d.sim);
  Sink sink;
  sink.attach(d.net.host(d.b), 25);
  d.net.host(d.a).connect(
      kB, 25,
      [&](StreamSocket s) {
        EXPECT_TRUE(s.send_owned(std::string(), true));
        EXPECT_TRUE(s.send_owned(std::string("ab"), true));
        EXPECT_TRUE(s.send_owned(std::string(), true));
        EXPECT_TRUE(s.send_shared(std::make_shared<const std::string>("cd"), true));
        EXPECT_TRUE(s.send_owned(std::string(), false));
      },
      nullptr);
  d.sim.run();
  EXPECT_EQ(sink.received, "abcd");
  const auto segments = data_sent_by_a(rec);
  ASSERT_EQ(segments.size(), 1u);
  EXPECT_EQ(segments[0]->p.payload.length, 4u);
}

TEST(Tcp, MssIsTheSmallerOfTheHostSettingAndThePathMtu) {
  {
    Diamond d;
    Recorder rec(d.sim);
    Sink sink;
    sink.attach(d.net.host(d.b), 25);
    d.net.host(d.a).connect(
        kB, 25, [](StreamSocket s) { s.send(pattern(20000)); }, nullptr);
    d.sim.run_until(SimTime(50ms));
    EXPECT_EQ(sink.socket.info().mss, 1460u);
    std::uint32_t biggest = 0;
    for (auto& e : rec.packets)
      biggest = std::max(biggest, e.p.payload.length);
    EXPECT_EQ(biggest, 1460u);
  }
  {
    // A 576-byte MTU on the way: 536-byte segments, nothing exceeds the MTU.
    Diamond d;
    d.net.set_link_params(d.r2_b, {.mtu = 576});
    Recorder rec(d.sim);
    Sink sink;
    sink.attach(d.net.host(d.b), 25);
    d.net.host(d.a).connect(
        kB, 25, [](StreamSocket s) { s.send(pattern(20000)); }, nullptr);
    d.sim.run();
    EXPECT_EQ(sink.received.size(), 20000u);
    std::uint32_t biggest = 0;
    for (auto& e : rec.packets)
      biggest = std::max(biggest, e.p.payload.length);
    EXPECT_EQ(biggest, 536u);
    EXPECT_EQ(rec.drops("exceeds_mtu"), 0u);
  }
  {
    // A class setting: the server accepts at most 100-byte segments.
    Diamond d;
    HostSettings small;
    small.mss = 100;
    d.net.set_host_settings(d.b, small);
    Recorder rec(d.sim);
    Sink sink;
    sink.attach(d.net.host(d.b), 25);
    std::optional<StreamSocket> client;
    d.net.host(d.a).connect(
        kB, 25,
        [&](StreamSocket s) {
          client = s;
          s.send(pattern(1000));
        },
        nullptr);
    d.sim.run_until(SimTime(10ms));
    ASSERT_TRUE(client);
    EXPECT_EQ(client->info().mss, 100u);
    d.sim.run();
    EXPECT_EQ(sink.received, pattern(1000));
    for (auto& e : rec.packets) {
      EXPECT_LE(e.p.payload.length, 100u);
    }
  }
}

TEST(Tcp, RefusedWhenNothingListens) {
  Diamond d;
  Recorder rec(d.sim);
  std::optional<ConnError> error;
  d.net.host(d.a).connect(
      kB, 25, [](StreamSocket) { ADD_FAILURE(); }, [&](ConnError e) { error = e; });
  d.sim.run();
  ASSERT_TRUE(error);
  EXPECT_EQ(*error, ConnError::refused);
  EXPECT_LT(d.sim.now(), SimTime(100ms));  // one round trip, no retries
  EXPECT_EQ(rec.count("net.conn.refused"), 1u);
}

TEST(Tcp, TimedOutWhenTheHostIsDown) {
  Diamond d;
  Recorder rec(d.sim);
  d.net.set_host_up(d.b, false);
  std::optional<ConnError> error;
  SimTime at{0};
  d.net.host(d.a).connect(kB, 25, nullptr, [&](ConnError e) {
    error = e;
    at = d.sim.now();
  });
  d.sim.run();
  ASSERT_TRUE(error);
  EXPECT_EQ(*error, ConnError::timed_out);
  // Linux's tcp_syn_retries = 6: SYN at 0, 1, 3, 7, 15, 31, 63 s (RFC 6298 backoff, capped at
  // Linux's TCP_RTO_MAX of 120 s), given up at 127 s.
  EXPECT_EQ(at, SimTime(127s));
  std::size_t syns = 0;
  for (auto& e : rec.packets)
    syns += e.kind == "net.packet.sent";
  EXPECT_EQ(syns, 7u);
  EXPECT_EQ(rec.count("net.conn.timed_out"), 1u);
}

TEST(Tcp, SlowStartVisibleInTheCongestionWindow) {
  Diamond d({.latency = 5ms, .bandwidth_bps = 10'000'000, .queue_bytes = 1'000'000});
  Recorder rec(d.sim);
  Sink sink;
  sink.attach(d.net.host(d.b), 25);
  d.net.host(d.a).connect(
      kB, 25, [](StreamSocket s) { s.send(pattern(300'000)); }, nullptr);
  d.sim.run();
  EXPECT_EQ(sink.received.size(), 300'000u);
  // The client's window: 3 segments (RFC 5681 IW for a 1460-byte MSS), one more per ACK.
  std::vector<std::uint32_t> client;
  for (auto& [cwnd, cause] : rec.cwnd)
    if (cause == "initial" || cause == "slow_start") client.push_back(cwnd);
  ASSERT_GT(client.size(), 20u);
  EXPECT_EQ(client[0], 3u * 1460);  // the server's initial window comes first or second
  std::size_t grew = 0;
  for (std::size_t i = 2; i < client.size(); ++i)
    grew += client[i] == client[i - 1] + 1460;
  EXPECT_GT(grew, 20u);
  EXPECT_EQ(rec.count("net.tcp.cwnd") - client.size(), 0u);  // no loss on this path
}

TEST(Tcp, OneMegabyteArrivesIntactAcrossALossyReorderingPath) {
  // 5% loss on every link of both paths; routes recomputed every 20 ms on load, so the
  // stream switches between paths of 2 ms and 10 ms and segments overtake each other.
  Diamond d({.latency = 1ms, .bandwidth_bps = 20'000'000, .loss = 0.05},
            {.latency = 4ms, .bandwidth_bps = 20'000'000, .loss = 0.05},
            {.route_interval = 20ms, .routing = RoutingPolicy::least_busy});
  d.net.set_link_params(d.r1_r2, {.latency = 1ms, .bandwidth_bps = 5'000'000, .loss = 0.05});
  Recorder rec(d.sim);
  Sink sink;
  sink.attach(d.net.host(d.b), 25);
  const std::string text = pattern(1'000'000, 7);
  bool closed = false;
  StreamSocket c = d.net.host(d.a).connect(
      kB, 25,
      [&](StreamSocket s) {
        // In pieces of assorted sizes, as an application writes.
        std::size_t at = 0, piece = 1;
        while (at < text.size()) {
          std::size_t n = std::min(text.size() - at, (piece * 7919) % 20000 + 1);
          s.send(std::string_view(text).substr(at, n));
          at += n;
          ++piece;
        }
        s.close();
      },
      [](ConnError e) { ADD_FAILURE() << conn_error_name(e); });
  c.on_closed([&] { closed = true; });
  d.sim.run();
  ASSERT_EQ(sink.received.size(), text.size());
  EXPECT_TRUE(sink.received == text);
  EXPECT_TRUE(closed);
  EXPECT_GT(rec.drops("loss"), 50u);
  // Reordering: a first transmission delivered after a later part of the stream.
  std::uint64_t highest = 0;
  std::size_t reordered = 0;
  for (auto& e : rec.packets) {
    if (e.kind != "net.packet.delivered" || e.p.payload.length == 0 || e.node != "b") continue;
    if (!e.p.retransmission && e.p.payload.stream_offset < highest) ++reordered;
    highest = std::max(highest, e.p.payload.stream_offset);
  }
  EXPECT_GT(reordered, 0u);
  bool fast_retransmit = false;
  for (auto& [cwnd, cause] : rec.cwnd)
    fast_retransmit |= cause == "fast_retransmit";
  EXPECT_TRUE(fast_retransmit);
}

TEST(Tcp, AbortSendsAResetThePeerSees) {
  Diamond d;
  Recorder rec(d.sim);
  std::optional<ConnError> server_error;
  d.net.host(d.b).listen(
      25, [&](StreamSocket s) { s.on_error([&](ConnError e) { server_error = e; }); });
  d.net.host(d.a).connect(
      kB, 25, [](StreamSocket s) { s.abort(); }, nullptr);
  d.sim.run();
  ASSERT_TRUE(server_error);
  EXPECT_EQ(*server_error, ConnError::reset);
  EXPECT_EQ(rec.count("net.conn.reset"), 2u);
}

TEST(Tcp, BytesQueuedBeforeTheHandshakeGoAfterIt) {
  Diamond d;
  Sink sink;
  sink.attach(d.net.host(d.b), 25);
  StreamSocket c = d.net.host(d.a).connect(kB, 25, nullptr, nullptr);
  EXPECT_EQ(c.info().state, TcpState::syn_sent);
  EXPECT_TRUE(c.send("EHLO a\r\n"));
  c.close();
  EXPECT_FALSE(c.send("too late"));
  d.sim.run();
  EXPECT_EQ(sink.received, "EHLO a\r\n");
  EXPECT_TRUE(sink.ended);
  EXPECT_TRUE(sink.closed);
}

TEST(Tcp, StoppingToListenRefusesNewConnections) {
  Diamond d;
  int accepted = 0;
  Host b = d.net.host(d.b);
  b.listen(25, [&](StreamSocket) { ++accepted; });
  EXPECT_THROW(b.listen(25, nullptr), NetError);
  d.net.host(d.a).connect(kB, 25, nullptr, nullptr);
  d.sim.run();
  EXPECT_EQ(accepted, 1);
  b.stop_listening(25);
  std::optional<ConnError> error;
  d.net.host(d.a).connect(kB, 25, nullptr, [&](ConnError e) { error = e; });
  d.sim.run();
  EXPECT_EQ(error, ConnError::refused);
}

TEST(Tcp, HandlesOfFinishedConnectionsDoNothing) {
  Diamond d;
  d.net.host(d.b).listen(25, [](StreamSocket s) { s.close(); });
  StreamSocket c = d.net.host(d.a).connect(kB, 25, nullptr, nullptr);
  c.on_end([&] { c.close(); });
  d.sim.run();
  EXPECT_FALSE(c.valid());
  EXPECT_FALSE(c.send("x"));
  c.close();
  c.abort();
  EXPECT_EQ(c.info().state, TcpState::closed);
  StreamSocket none;
  EXPECT_FALSE(none.valid());
  EXPECT_FALSE(none.send("x"));
}

TEST(Tcp, ManyConnectionsBetweenTheSameHostsStayApart) {
  Diamond d;
  std::vector<std::string> got(20);
  d.net.host(d.b).listen(25, [&](StreamSocket s) {
    s.on_data([&, s](std::span<const std::byte> b) {
      std::string text = to_string(b);
      got[static_cast<std::size_t>(std::stoi(text.substr(0, text.find(':'))))] += text;
    });
  });
  for (int i = 0; i < 20; ++i)
    d.net.host(d.a).connect(
        kB, 25, [i](StreamSocket s) { s.send(std::to_string(i) + ":hello"); }, nullptr);
  d.sim.run();
  for (int i = 0; i < 20; ++i)
    EXPECT_EQ(got[static_cast<std::size_t>(i)], std::to_string(i) + ":hello");
}

TEST(Tcp, SequenceNumbersWrapAroundMidStream) {
  // Find a seed whose first initial sequence number for host "a" lies just below 2^32, so
  // that the stream crosses the wrap.
  std::uint64_t seed = 0;
  for (std::uint64_t s = 1; s < 2'000'000 && seed == 0; ++s) {
    RandomStreams streams(s);
    const auto isn = static_cast<std::uint32_t>(streams.stream("host:a")());
    if (isn > 0xffffffffu - 100'000) seed = s;
  }
  ASSERT_NE(seed, 0u);
  Simulator sim(seed);
  Network net(sim);
  auto a = net.add_host("a", ip("192.0.2.1"));
  auto b = net.add_host("b", ip("198.51.100.1"));
  auto r = net.add_router("r");
  net.add_link("a-r", a, r, {.loss = 0.05});
  net.add_link("r-b", r, b, {.loss = 0.05});
  Recorder rec(sim);
  Sink sink;
  sink.attach(net.host(b), 25);
  const std::string text = pattern(300'000, 11);
  net.host(a).connect(
      kB, 25,
      [&](StreamSocket s) {
        s.send(text);
        s.close();
      },
      nullptr);
  sim.run();
  EXPECT_TRUE(sink.received == text);
  bool wrapped = false;
  std::uint32_t previous = 0;
  for (auto& e : rec.packets)
    if (e.kind == "net.packet.sent" && e.node == "a" && e.p.payload.length > 0) {
      wrapped |= e.p.tcp.seq < previous;
      previous = e.p.tcp.seq;
    }
  EXPECT_TRUE(wrapped);
}

TEST(Tcp, ConnectFromAHostThatIsDownFails) {
  Diamond d;
  d.net.set_host_up(d.a, false);
  std::optional<ConnError> error;
  StreamSocket s = d.net.host(d.a).connect(kB, 25, nullptr, [&](ConnError e) { error = e; });
  EXPECT_FALSE(s.valid());
  d.sim.run();
  EXPECT_EQ(error, ConnError::host_down);
}

TEST(Tcp, AfterALostSynTheRtoStartsAtThreeSeconds) {
  Diamond d;
  Sink sink;
  sink.attach(d.net.host(d.b), 25);
  d.net.set_link_up(d.r2_b, false);
  d.sim.schedule_at(SimTime(500ms), [&] { d.net.set_link_up(d.r2_b, true); });
  std::optional<StreamSocket> client;
  SimTime connected_at{0};
  d.net.host(d.a).connect(
      kB, 25,
      [&](StreamSocket s) {
        client = s;
        connected_at = d.sim.now();
      },
      nullptr);
  d.sim.run_until(SimTime(2s));
  ASSERT_TRUE(client);
  EXPECT_GT(connected_at, SimTime(1s));  // the first SYN was lost, the retry at 1 s got through
  EXPECT_EQ(client->info().rto, SimTime(3s));  // RFC 6298 (5.7)
}

// The DNS server agent on the virtual network, asked by hand-made clients: UDP answers, TC
// above 512 octets, several framed messages on one TCP connection, run-time changes, its host
// going down and coming back, stop and start.
#include <gtest/gtest.h>

#include <optional>

#include "agents/dns/bytes.hpp"
#include "agents/proto/dns/tcp_framing.hpp"
#include "tests/dns_agents/dns_world.hpp"

namespace mailsim::agents::test {
namespace {

using dns_bytes::as_bytes;
using dns_bytes::as_octets;

// Every zone but the root, so that a name outside them is refused.
dns::ZoneSet zones_below_root() {
  dns::ZoneSet set;
  set.add_zone(tld_zone());
  set.add_zone(b_zone());
  set.add_zone(bl_zone());
  return set;
}

struct ServerFixture : ::testing::Test {
  DnsWorld w;
  net::NodeId pc = w.client("pc", "192.0.2.10");
  net::NodeId ns = w.server_host("ns1.b.example", "192.0.2.53");
  DnsServerAgent server{w.net, ns, zones_below_root()};
  std::vector<dns::Message> answers;
  net::DatagramSocket udp = w.net.host(pc).bind_udp(
      5353, [this](net::Ipv4Address, std::uint16_t port, std::span<const std::byte> b) {
        EXPECT_EQ(port, 53);
        answers.push_back(dns::decode(as_octets(b)));
      });

  void ask_udp(const char* qname, dns::RecordType type, std::uint16_t id = 7) {
    const auto bytes = dns::encode(dns::make_query(id, {name(qname), type}, true));
    udp.send_to(ip("192.0.2.53"), 53, as_bytes(bytes));
  }
};

TEST_F(ServerFixture, AnswersOverUdpWithAuthority) {
  server.start();
  ask_udp("mx1.b.example.", dns::RecordType::A, 42);
  w.sim.run_until(1s);
  ASSERT_EQ(answers.size(), 1u);
  EXPECT_EQ(answers[0].header.id, 42);
  EXPECT_TRUE(answers[0].header.aa);
  ASSERT_EQ(answers[0].answers.size(), 1u);
  EXPECT_EQ(dns::to_string(answers[0].answers[0]), "mx1.b.example.\t300\tIN\tA\t192.0.2.25");
  EXPECT_EQ(server.udp_answers(), 1u);
  EXPECT_EQ(w.count({"dns.server.listening", "agent=ns1.b.example", "192.0.2.53:53"}), 1u);
  EXPECT_EQ(
      w.count({"dns.server.answered", "client=192.0.2.10", "name=mx1.b.example.", "rcode=NOERROR"}),
      1u);
  // The question and the answer are real packets between the hosts.
  EXPECT_EQ(w.count({"net.packet.sent", "node=pc", "proto=udp", "dport=53"}), 1u);
  EXPECT_EQ(w.count({"net.packet.delivered", "node=pc", "proto=udp", "sport=53"}), 1u);
}

TEST_F(ServerFixture, NxdomainAndRefusedAndTruncation) {
  server.start();
  ask_udp("nothing.b.example.", dns::RecordType::A, 1);
  ask_udp("elsewhere.test.", dns::RecordType::A, 2);
  ask_udp("big.b.example.", dns::RecordType::MX, 3);
  w.sim.run_until(1s);
  ASSERT_EQ(answers.size(), 3u);
  EXPECT_EQ(answers[0].header.rcode, dns::Rcode::nxdomain);
  EXPECT_EQ(answers[1].header.rcode, dns::Rcode::refused);
  EXPECT_TRUE(answers[2].header.tc);
  EXPECT_TRUE(answers[2].answers.empty());
  EXPECT_EQ(server.truncated_answers(), 1u);
  EXPECT_EQ(w.count({"dns.server.answered", "name=big.b.example.", "truncated=true"}), 1u);
}

TEST_F(ServerFixture, AnswersEveryFramedMessageOfATcpConnectionInOrder) {
  server.start();
  dns::TcpFrameReader reader;
  std::vector<dns::Message> got;
  bool closed = false;
  net::StreamSocket s = w.net.host(pc).connect(
      ip("192.0.2.53"), 53, [](net::StreamSocket) {}, [](net::ConnError) { FAIL(); });
  s.on_data([&](std::span<const std::byte> b) {
    reader.feed(as_octets(b));
    while (auto m = reader.next())
      got.push_back(dns::decode(*m));
  });
  s.on_closed([&] { closed = true; });
  std::vector<std::uint8_t> stream;
  for (auto [id, q] : {std::pair{1, "big.b.example."}, {2, "b.example."}}) {
    auto f =
        dns::frame_for_tcp(dns::encode(dns::make_query(id, {name(q), dns::RecordType::MX}, true)));
    stream.insert(stream.end(), f.begin(), f.end());
  }
  s.send(as_bytes(stream));
  w.sim.run_until(1s);
  ASSERT_EQ(got.size(), 2u);
  EXPECT_EQ(got[0].header.id, 1);
  EXPECT_FALSE(got[0].header.tc);
  EXPECT_EQ(got[0].answers.size(), 30u);  // over TCP the whole answer comes
  EXPECT_EQ(got[1].header.id, 2);
  EXPECT_EQ(got[1].answers.size(), 3u);
  EXPECT_EQ(server.tcp_answers(), 2u);
  EXPECT_EQ(server.tcp_connections(), 1u);
  s.close();  // the client closes, the server follows
  w.sim.run_until(5s);
  EXPECT_TRUE(closed);
  EXPECT_EQ(server.tcp_connections(), 0u);
}

TEST_F(ServerFixture, ClosesATcpConnectionLeftIdle) {
  server.start();
  std::optional<sim::SimTime> server_closed;
  net::StreamSocket s = w.net.host(pc).connect(
      ip("192.0.2.53"), 53, [](net::StreamSocket) {}, [](net::ConnError) { FAIL(); });
  s.on_end([&] { server_closed = w.sim.now(); });
  w.sim.schedule_at(5s, [&] {  // one question at 5 s, then silence
    s.send(as_bytes(dns::frame_for_tcp(
        dns::encode(dns::make_query(1, {name("b.example."), dns::RecordType::MX}, true)))));
  });
  w.sim.run_until(14s);
  EXPECT_FALSE(server_closed);
  EXPECT_EQ(server.tcp_connections(), 1u);
  w.sim.run_until(20s);
  ASSERT_TRUE(server_closed);
  EXPECT_GT(*server_closed, 15s);  // 10 s after the question reached it
  EXPECT_LT(*server_closed, 15100ms);
  EXPECT_EQ(server.tcp_connections(), 0u);
  EXPECT_EQ(server.tcp_answers(), 1u);
}

TEST_F(ServerFixture, ServesChangedRecordsFromTheScriptedTime) {
  server.start();
  server.replace_at(
      10s, name("b.example."), dns::RecordType::MX,
      {dns::make_record(name("b.example."), 300, dns::MxData{5, name("mx-new.b.example.")})});
  ask_udp("b.example.", dns::RecordType::MX, 1);
  w.sim.run_until(9s);
  w.sim.schedule_at(11s, [&] { ask_udp("b.example.", dns::RecordType::MX, 2); });
  w.sim.run_until(12s);
  ASSERT_EQ(answers.size(), 2u);
  EXPECT_EQ(answers[0].answers.size(), 3u);
  ASSERT_EQ(answers[1].answers.size(), 1u);
  EXPECT_EQ(std::get<dns::MxData>(answers[1].answers[0].data).exchange, name("mx-new.b.example."));
  EXPECT_EQ(w.count({"00:00:10 dns.zone.changed", "name=b.example.", "type=MX", "count=1"}), 1u);
  // A change outside the zones served is refused at once, not at the scripted time.
  EXPECT_THROW(server.replace_at(20s, name("b.test."), dns::RecordType::MX, {}), dns::ZoneError);
}

TEST_F(ServerFixture, ServesAgainWhenItsHostComesBack) {
  server.start();
  w.sim.schedule_at(1s, [&] { w.net.set_host_up(ns, false); });
  w.sim.schedule_at(2s, [&] { ask_udp("b.example.", dns::RecordType::MX, 1); });
  w.sim.schedule_at(3s, [&] { w.net.set_host_up(ns, true); });
  w.sim.schedule_at(4s, [&] { ask_udp("b.example.", dns::RecordType::MX, 2); });
  w.sim.run_until(5s);
  ASSERT_EQ(answers.size(), 1u);  // the question asked while it was down is lost
  EXPECT_EQ(answers[0].header.id, 2);
  EXPECT_TRUE(server.serving());
  EXPECT_EQ(w.count({"dns.server.stopped", "cause=host_down"}), 1u);
  EXPECT_EQ(w.count({"dns.server.listening", "cause=host_up"}), 1u);
}

TEST_F(ServerFixture, StopClosesThePortsAndStartOpensThem) {
  server.start();
  server.stop();
  EXPECT_FALSE(server.serving());
  ask_udp("b.example.", dns::RecordType::MX, 1);
  w.sim.run_until(1s);
  EXPECT_TRUE(answers.empty());
  EXPECT_EQ(w.count({"net.packet.dropped", "reason=no_listener"}), 1u);
  server.start();
  ask_udp("b.example.", dns::RecordType::MX, 2);
  w.sim.run_until(2s);
  EXPECT_EQ(answers.size(), 1u);
}

}  // namespace
}  // namespace mailsim::agents::test

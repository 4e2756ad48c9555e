// The SMTP client endpoint against the server endpoint over the network: a whole transaction
// as a golden transcript, the message intact through small segments and loss, and every way
// the connection can fail, each with the meaning a queue needs.
#include "agents/roles/smtp_client_endpoint.hpp"

#include <gtest/gtest.h>

#include <set>
#include <sstream>

#include "agents/roles/smtp_dialogue_records.hpp"
#include "sim/trace_format.hpp"
#include "smtp_world.hpp"
#include "tests/golden.hpp"

using namespace roles_test;
using namespace mailsim::agents;
using namespace mailsim::sim::net;
namespace smtp = mailsim::proto::smtp;

namespace {

using mailsim::test::check_golden;

smtp::ClientConfig alice_to_bob(std::string message) {
  smtp::ClientConfig c;
  c.helo_name = "alice-pc";
  c.mail_from = "alice@a.example";
  c.recipients = {"bob@b.example", "carol@b.example"};
  c.message = std::make_shared<const std::string>(std::move(message));
  return c;
}

const std::string kShortMessage =
    "From: alice@a.example\r\nTo: bob@b.example\r\nSubject: Hello\r\n\r\nHi Bob,\r\n"
    ".a line that starts with a dot\r\nAlice\r\n";

// A message of about `size` bytes with lines of varied lengths, some starting with a dot.
std::string long_message(std::size_t size) {
  std::string m = "From: alice@a.example\r\nTo: bob@b.example\r\nSubject: long\r\n\r\n";
  for (std::size_t i = 0; m.size() < size; ++i) {
    if (i % 7 == 0) m += ".";
    m += std::string(i % 90, static_cast<char>('a' + i % 26)) + " line " + std::to_string(i) +
         "\r\n";
  }
  return m;
}

// The client on alice-pc, the server on mx.b.example, the owner of the server, and the result.
struct Exchange {
  SmtpWorld& w;
  AcceptingOwner owner;
  SmtpServerEndpoint server;
  SmtpClientEndpoint client;
  std::optional<SmtpClientResult> result;
  mailsim::sim::SimTime finished_at{0};

  explicit Exchange(SmtpWorld& world, SmtpClientEndpoint::Options options = {})
      : w(world), server(w.net, w.mx, mx_config(), owner, {}), client(w.net, w.pc, options) {
    owner.endpoint = &server;
    owner.sim = &w.sim;
    server.start();
  }
  void send(smtp::ClientConfig config, std::uint16_t port = 25) {
    client.open(kMxAddress, port, std::move(config), [this](const SmtpClientResult& r) {
      result = r;
      finished_at = w.sim.now();
    });
  }
};

std::string smtp_transcript(SmtpWorld& w, const std::function<void()>& run) {
  std::ostringstream out;
  auto id = w.sim.trace().subscribe([&](const mailsim::sim::TraceRecord& r) {
    if (r.kind().layer == "smtp") out << mailsim::sim::format_text(r) << "\n";
  });
  run();
  w.sim.trace().unsubscribe(id);
  return out.str();
}

}  // namespace

TEST(SmtpClientEndpoint, AWholeTransactionAcrossTwoRoutersAsAGoldenTranscript) {
  SmtpWorld w;
  Exchange x(w);
  const std::string transcript = smtp_transcript(w, [&] {
    x.send(alice_to_bob(kShortMessage));
    w.sim.run_until(1min);
  });
  ASSERT_TRUE(x.result);
  EXPECT_EQ(x.result->failure(), SmtpFailure::none);
  EXPECT_FALSE(x.result->connection_error);
  EXPECT_EQ(x.result->session.status, smtp::SessionStatus::completed);
  ASSERT_EQ(x.result->recipients.size(), 2u);
  for (const auto& r : x.result->recipients)
    EXPECT_EQ(r.status, smtp::RecipientStatus::delivered) << r.address;
  ASSERT_EQ(x.owner.messages.size(), 1u);
  EXPECT_EQ(x.owner.messages[0], kShortMessage);
  EXPECT_TRUE(x.client.sessions().empty());
  EXPECT_TRUE(x.server.connections().empty());
  check_golden("smtp_transaction.txt", transcript);
}

TEST(SmtpClientEndpoint, TheMessageArrivesByteForByteThroughATinyMssAndFivePercentLoss) {
  const std::string message = long_message(60000);
  for (bool lossy : {false, true}) {
    LinkParams middle;
    middle.loss = lossy ? 0.05 : 0.0;
    HostSettings tiny;
    tiny.mss = lossy ? 1460 : 88;
    SmtpWorld w(11, middle, tiny);
    Exchange x(w);
    x.send(alice_to_bob(message));
    w.sim.run_until(1h);
    ASSERT_TRUE(x.result) << lossy;
    EXPECT_EQ(x.result->failure(), SmtpFailure::none) << lossy;
    ASSERT_EQ(x.owner.messages.size(), 1u) << lossy;
    EXPECT_TRUE(x.owner.messages[0] == message) << lossy;  // not printed: 60 KB
  }
}

TEST(SmtpClientEndpoint, TheServerHostGoingDownMidDataIsATemporaryFailure) {
  SmtpWorld w;
  Exchange x(w);
  // As soon as the client starts sending the message, the server's host goes down.
  bool scheduled = false;
  w.sim.trace().subscribe([&](const mailsim::sim::TraceRecord& r) {
    if (scheduled || &r.kind() != &kinds::kSmtpClientState) return;
    if (static_cast<const DialogueStateRecord&>(r).to != "MESSAGE") return;
    scheduled = true;
    w.sim.schedule_after(2ms, [&] { w.net.set_host_up(w.mx, false); });
  });
  x.send(alice_to_bob(long_message(200000)));
  w.sim.run_until(1h);
  ASSERT_TRUE(scheduled);
  ASSERT_TRUE(x.result);
  EXPECT_EQ(x.result->failure(), SmtpFailure::temporary);
  EXPECT_TRUE(x.owner.messages.empty());
  for (const auto& r : x.result->recipients)
    EXPECT_EQ(r.status, smtp::RecipientStatus::deferred) << r.address;
  // Nothing is acknowledged any more: the data-block limit (3 minutes without progress, RFC
  // 5321 4.5.3.2.5) runs out before the transport gives up on its retransmissions (about
  // four minutes) and long before the 10 minutes that follow a final dot.
  EXPECT_FALSE(x.result->connection_error);
  EXPECT_EQ(x.result->session.status, smtp::SessionStatus::timed_out);
  EXPECT_EQ(x.result->session.state, smtp::ClientState::message);
  EXPECT_GT(x.finished_at, 3min);
  EXPECT_LT(x.finished_at, 3min + 1s);
  EXPECT_EQ(x.owner.ended, std::vector<SmtpServerEnd>{SmtpServerEnd::host_down});
}

// A slow link: a 900 KB message at 9,600 bit/s takes more than twelve minutes to send, and
// the peer acknowledges bytes all along. The client waits as long as the bytes progress (3
// minutes for each piece) and its 10 minutes only after the final dot: the message is
// accepted once and the client knows it.
TEST(SmtpClientEndpoint, ASlowLinkIsNoTimeoutWhileTheBytesProgress) {
  SmtpWorld w(7, {.latency = 100ms, .bandwidth_bps = 9600});
  Exchange x(w);
  const std::string message = long_message(900000);
  x.send(alice_to_bob(message));
  w.sim.run_until(2h);
  ASSERT_TRUE(x.result);
  EXPECT_EQ(x.result->failure(), SmtpFailure::none);
  EXPECT_EQ(x.result->session.status, smtp::SessionStatus::completed);
  EXPECT_GT(x.finished_at, 12min);
  ASSERT_EQ(x.owner.messages.size(), 1u);
  EXPECT_TRUE(x.owner.messages[0] == message);  // not printed: 900 KB
  for (const auto& r : x.result->recipients)
    EXPECT_EQ(r.status, smtp::RecipientStatus::delivered) << r.address;
}

// The same link cut in the middle of the message: after 3 minutes without an acknowledgement
// the client gives up and drops what it had not sent. The link comes back soon after: nothing
// more comes, so the server, which never sees the final dot, accepts nothing, and its own
// timer (5 minutes between two reads) ends its side with 421.
TEST(SmtpClientEndpoint, ALinkCutMidMessageIsGivenUpAfterThreeSilentMinutesAndNotAccepted) {
  SmtpWorld w(7, {.latency = 100ms, .bandwidth_bps = 9600});
  Exchange x(w);
  x.send(alice_to_bob(long_message(600000)));
  w.sim.schedule_after(2min, [&] { w.net.set_link_up(w.net.link("r1-r2"), false); });
  w.sim.schedule_after(5min + 30s, [&] { w.net.set_link_up(w.net.link("r1-r2"), true); });
  w.sim.run_until(2h);
  ASSERT_TRUE(x.result);
  EXPECT_EQ(x.result->failure(), SmtpFailure::temporary);
  EXPECT_EQ(x.result->session.status, smtp::SessionStatus::timed_out);
  EXPECT_EQ(x.result->session.state, smtp::ClientState::message);
  EXPECT_GT(x.finished_at, 4min + 50s);  // 3 minutes after the last acknowledgement
  EXPECT_LT(x.finished_at, 5min + 1s);
  EXPECT_TRUE(x.owner.messages.empty());
  EXPECT_EQ(x.owner.ended, std::vector<SmtpServerEnd>{SmtpServerEnd::closed});  // its 421
}

TEST(SmtpClientEndpoint, AFirewallThatDropsPort25IsAConnectionTimeoutAfterThirtySeconds) {
  SmtpWorld w;
  w.net.add_filter(w.mx, FilterRule{25, FilterDirection::incoming, FilterAction::drop});
  Exchange x(w);
  x.send(alice_to_bob(kShortMessage));
  w.sim.run_until(10min);
  ASSERT_TRUE(x.result);
  EXPECT_EQ(x.result->connection_error, ConnError::timed_out);
  EXPECT_EQ(x.result->failure(), SmtpFailure::temporary);
  EXPECT_EQ(x.finished_at, 30s);  // Postfix's smtp_connect_timeout
  for (const auto& r : x.result->recipients) {
    EXPECT_EQ(r.status, smtp::RecipientStatus::deferred);
    EXPECT_FALSE(r.reply);
  }
}

TEST(SmtpClientEndpoint, WithoutAConnectTimeoutTheTransportGivesUpAfterItsSynRetries) {
  SmtpWorld w;
  w.net.add_filter(w.mx, FilterRule{25, FilterDirection::incoming, FilterAction::drop});
  Exchange x(w, {.stage = mailsim::agents::Stage::relay, .connect_timeout = {}});
  x.send(alice_to_bob(kShortMessage));
  w.sim.run_until(10min);
  ASSERT_TRUE(x.result);
  EXPECT_EQ(x.result->connection_error, ConnError::timed_out);
  EXPECT_EQ(x.finished_at, 127s);  // Linux's 7 SYNs
}

TEST(SmtpClientEndpoint, AFirewallThatRejectsPort25IsConnectionRefused) {
  SmtpWorld w;
  w.net.add_filter(w.mx, FilterRule{25, FilterDirection::incoming, FilterAction::reject});
  Exchange x(w);
  x.send(alice_to_bob(kShortMessage));
  w.sim.run_until(10min);
  ASSERT_TRUE(x.result);
  EXPECT_EQ(x.result->connection_error, ConnError::refused);
  EXPECT_EQ(x.result->failure(), SmtpFailure::temporary);
  EXPECT_LT(x.finished_at, 1s);
}

TEST(SmtpClientEndpoint, ThisHostDownIsATemporaryFailureAtOnce) {
  SmtpWorld w;
  Exchange x(w);
  w.net.set_host_up(w.pc, false);
  x.send(alice_to_bob(kShortMessage));
  w.sim.run_until(1s);
  ASSERT_TRUE(x.result);
  EXPECT_EQ(x.result->connection_error, ConnError::host_down);
  EXPECT_EQ(x.result->conn, 0u);
  EXPECT_EQ(x.result->failure(), SmtpFailure::temporary);
}

TEST(SmtpClientEndpoint, ThisHostGoingDownMidSessionEndsIt) {
  SmtpWorld w;
  Exchange x(w);
  x.owner.answer_later = true;  // the owner thinks for 1 ms at each step
  x.send(alice_to_bob(kShortMessage));
  w.sim.schedule_at(20ms, [&] { w.net.set_host_up(w.pc, false); });
  w.sim.run_until(1s);
  ASSERT_TRUE(x.result);
  EXPECT_EQ(x.result->connection_error, ConnError::host_down);
  EXPECT_EQ(x.result->failure(), SmtpFailure::temporary);
  EXPECT_TRUE(x.client.sessions().empty());
}

// The socket, timer and host callbacks outlive the endpoint: once it is gone they find
// nothing, `done` is never called, and the server sees the connection aborted.
TEST(SmtpClientEndpoint, DestroyingTheEndpointMidSessionIsSafe) {
  SmtpWorld w;
  AcceptingOwner owner;
  SmtpServerEndpoint server(w.net, w.mx, mx_config(), owner, {});
  owner.endpoint = &server;
  owner.answer_later = true;
  owner.sim = &w.sim;
  server.start();
  bool done = false;
  {
    SmtpClientEndpoint client(w.net, w.pc, {});
    client.open(kMxAddress, 25, alice_to_bob(kShortMessage),
                [&done](const SmtpClientResult&) { done = true; });
    w.sim.run_until(20ms);
    EXPECT_EQ(client.sessions().size(), 1u);
  }
  w.net.set_host_up(w.pc, false);
  w.net.set_host_up(w.pc, true);
  w.sim.run_until(10min);
  EXPECT_FALSE(done);
  EXPECT_EQ(owner.ended, std::vector<SmtpServerEnd>{SmtpServerEnd::reset});
}

// The endpoint owns what can call it back: destroyed with a connect from a host that is down
// (its error pending for the next event) and its host watcher, it leaves no event behind and
// nothing runs into it when the host comes and goes.
TEST(SmtpClientEndpoint, DestroyedWithAPendingErrorAndAHostWatcherItLeavesNothingBehind) {
  SmtpWorld w;
  w.net.set_host_up(w.pc, false);
  const std::size_t before = w.sim.pending();
  bool done = false;
  {
    SmtpClientEndpoint client(w.net, w.pc, {});
    client.open(kMxAddress, 25, alice_to_bob(kShortMessage),
                [&done](const SmtpClientResult&) { done = true; });
    EXPECT_GT(w.sim.pending(), before);  // the host_down error, due at the next event
  }
  EXPECT_EQ(w.sim.pending(), before);
  w.net.set_host_up(w.pc, true);
  w.net.set_host_up(w.pc, false);
  w.sim.run_until(1min);
  EXPECT_FALSE(done);
}

TEST(SmtpClientEndpoint, AServerThatResetsMidSessionIsATemporaryFailure) {
  SmtpWorld w;
  // Not an SMTP endpoint: a program that greets, then aborts at the first command.
  w.net.host(w.mx).listen(25, [](StreamSocket s) {
    s.send("220 mx.b.example ESMTP\r\n");
    s.on_data([s](std::span<const std::byte>) mutable { s.abort(); });
  });
  SmtpClientEndpoint client(w.net, w.pc, {});
  std::optional<SmtpClientResult> result;
  client.open(kMxAddress, 25, alice_to_bob(kShortMessage),
              [&](const SmtpClientResult& r) { result = r; });
  w.sim.run_until(1min);
  ASSERT_TRUE(result);
  EXPECT_EQ(result->connection_error, ConnError::reset);
  EXPECT_EQ(result->session.state, smtp::ClientState::ehlo);
  EXPECT_EQ(result->failure(), SmtpFailure::temporary);
}

// A 554 greeting (RFC 5321 3.1) refuses for good: the queue bounces. A 421 greeting is
// temporary.
TEST(SmtpClientEndpoint, AGreetingRefusalIsPermanentFor554AndTemporaryFor421) {
  struct RefusingOwner : SmtpServerOwner {
    SmtpServerEndpoint* endpoint = nullptr;
    int code = 554;
    void on_policy(const SmtpServerConnection& c, const smtp::PolicyQuery&) override {
      endpoint->answer(c.id, smtp::Reply(code, code == 554 ? "5.7.1" : "4.3.2", "Go away"));
    }
  };
  for (int code : {554, 421}) {
    SmtpWorld w;
    RefusingOwner owner;
    owner.code = code;
    SmtpServerEndpoint server(w.net, w.mx, mx_config(), owner, {});
    owner.endpoint = &server;
    server.start();
    SmtpClientEndpoint client(w.net, w.pc, {});
    std::optional<SmtpClientResult> result;
    client.open(kMxAddress, 25, alice_to_bob(kShortMessage),
                [&](const SmtpClientResult& r) { result = r; });
    w.sim.run_until(1min);
    ASSERT_TRUE(result) << code;
    EXPECT_EQ(result->failure(), code == 554 ? SmtpFailure::permanent : SmtpFailure::temporary);
    for (const auto& r : result->recipients)
      EXPECT_EQ(r.status,
                code == 554 ? smtp::RecipientStatus::rejected : smtp::RecipientStatus::deferred);
  }
}

TEST(SmtpClientEndpoint, TwoRunsGiveTheSameTraceByteForByte) {
  auto run = [] {
    LinkParams middle;
    middle.loss = 0.05;
    SmtpWorld w(3, middle);
    std::ostringstream out;
    mailsim::sim::TraceWriter writer(w.sim.trace(), out, mailsim::sim::TraceFormat::text);
    Exchange x(w);
    x.owner.answer_later = true;
    x.send(alice_to_bob(long_message(20000)));
    x.send(alice_to_bob(kShortMessage));
    w.sim.run_until(1h);
    EXPECT_EQ(x.owner.messages.size(), 2u);
    return out.str();
  };
  const std::string first = run();
  EXPECT_GT(first.size(), 10000u);
  EXPECT_EQ(first, run());
}

// Both ends report the same connection, by the network's id, and both hosts by node and name:
// what the transcript and the window follow a dialogue by.
TEST(SmtpClientEndpoint, BothSidesRecordsNameTheConnectionAndBothHosts) {
  SmtpWorld w;
  Exchange x(w);
  std::vector<DialogueParties> seen;
  w.sim.trace().subscribe([&](const mailsim::sim::TraceRecord& r) {
    const auto* d = dynamic_cast<const DialogueRecord*>(&r);
    if (d != nullptr && d->parties.conn != 0) seen.push_back(d->parties);
  });
  x.send(alice_to_bob(long_message(100)));
  w.sim.run_until(1h);
  ASSERT_TRUE(x.result);
  std::set<DialogueSide> sides;
  for (const DialogueParties& p : seen) {
    sides.insert(p.side);
    EXPECT_EQ(p.conn, x.result->conn);
    EXPECT_EQ(p.client_node, w.pc);
    EXPECT_EQ(p.server_node, w.mx);
    EXPECT_EQ(p.client, "alice-pc");
    EXPECT_EQ(p.server, "mx.b.example");
  }
  EXPECT_EQ(sides.size(), 2u);
}

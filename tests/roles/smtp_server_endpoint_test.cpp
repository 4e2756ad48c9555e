// The SMTP server endpoint over the network: the article's telnet test, the server's timeouts
// (RFC 5321 4.5.3.2), the client vanishing, and the host going down and coming back.
#include "agents/roles/smtp_server_endpoint.hpp"

#include <gtest/gtest.h>

#include "agents/proto/base64.hpp"
#include "agents/roles/typed_session.hpp"
#include "smtp_world.hpp"

using namespace roles_test;
using namespace mailsim::agents;
using namespace mailsim::sim::net;
namespace smtp = mailsim::proto::smtp;

namespace {

// What a ServerSession in process, with the same configuration and an owner that decides
// the same way, answers to the same lines typed one at a time.
std::vector<std::string> in_process_replies(const std::vector<std::string>& lines) {
  std::string out;
  smtp::ServerSession* self = nullptr;
  smtp::ServerSession server(
      mx_config(), [&](std::string_view bytes) { out += bytes; },
      [&](const smtp::PolicyQuery& q) {
        if (q.stage == smtp::PolicyStage::auth && !(q.user == "alice" && q.password == "secret")) {
          self->answer(smtp::Reply(535, "5.7.8", "Authentication credentials invalid"), {});
        } else {
          self->accept({});
        }
      });
  self = &server;
  server.start({});
  for (const auto& l : lines)
    server.receive(l + "\r\n", {});
  std::vector<std::string> replies;
  for (std::size_t pos = 0; pos < out.size();) {
    const std::size_t end = out.find("\r\n", pos);
    replies.push_back(out.substr(pos, end - pos));
    pos = end + 2;
  }
  return replies;
}

const std::vector<std::string> kTelnetLines = {
    "EHLO alice-pc",
    "AUTH PLAIN " + mailsim::proto::base64_encode(std::string("\0alice\0secret", 13)),
    "MAIL FROM:<alice@a.example>",
    "RCPT TO:<bob@b.example>",
    "DATA",
    "Subject: test",
    "",
    "Hello Bob.",
    ".",
    "QUIT"};

TypedSession::Callbacks watch(std::vector<std::pair<mailsim::sim::SimTime, std::string>>* lines,
                              bool* closed, mailsim::sim::Simulator& sim) {
  TypedSession::Callbacks c;
  if (lines) c.on_line = [lines, &sim](const std::string& l) { lines->emplace_back(sim.now(), l); };
  if (closed) c.on_closed = [closed] { *closed = true; };
  return c;
}

struct Telnet {
  bool closed = false;
  TypedSession session;
  explicit Telnet(SmtpWorld& w)
      : session(w.net, w.pc, kMxAddress, 25, watch(nullptr, &closed, w.sim)) {}
};

}  // namespace

TEST(SmtpServerEndpoint, ATypedSessionGetsTheRepliesOfARealServer) {
  for (bool answer_later : {false, true}) {
    SmtpWorld w;
    AcceptingOwner owner;
    owner.answer_later = answer_later;
    owner.sim = &w.sim;
    SmtpServerEndpoint server(w.net, w.mx, mx_config(), owner, {});
    owner.endpoint = &server;
    server.start();
    Telnet telnet(w);
    telnet.session.open();
    for (std::size_t i = 0; i < kTelnetLines.size(); ++i) {  // typed one second apart
      w.sim.schedule_at(std::chrono::seconds(1 + i),
                        [&, i] { telnet.session.type(kTelnetLines[i]); });
    }
    w.sim.run_until(1min);
    const auto expected = in_process_replies(kTelnetLines);
    EXPECT_EQ(telnet.session.received(), expected);
    ASSERT_GE(expected.size(), 10u);
    EXPECT_EQ(expected.front(), "220 mx.b.example ESMTP MailSim");
    EXPECT_NE(std::find(expected.begin(), expected.end(), "235 2.7.0 Authentication successful"),
              expected.end());
    EXPECT_EQ(expected[expected.size() - 2], "250 2.0.0 Ok: queued");
    EXPECT_EQ(expected.back(), "221 2.0.0 Bye");
    EXPECT_TRUE(telnet.closed);  // the server closed after 221
    ASSERT_EQ(owner.messages.size(), 1u);
    EXPECT_EQ(owner.messages[0], "Subject: test\r\n\r\nHello Bob.\r\n");
    EXPECT_EQ(owner.ended, std::vector<SmtpServerEnd>{SmtpServerEnd::closed});
    EXPECT_TRUE(server.connections().empty());
    EXPECT_EQ(server.accepted_count(), 1u);
  }
}

TEST(SmtpServerEndpoint, AWrongPasswordIs535AndTheSessionGoesOn) {
  SmtpWorld w;
  AcceptingOwner owner;
  SmtpServerEndpoint server(w.net, w.mx, mx_config(), owner, {});
  owner.endpoint = &server;
  server.start();
  Telnet telnet(w);
  telnet.session.open();
  telnet.session.type("EHLO alice-pc");
  telnet.session.type("AUTH PLAIN " +
                      mailsim::proto::base64_encode(std::string("\0alice\0wrong", 12)));
  telnet.session.type("NOOP");
  w.sim.run_until(10s);
  const auto& got = telnet.session.received();
  ASSERT_GE(got.size(), 2u);
  EXPECT_EQ(got[got.size() - 2], "535 5.7.8 Authentication credentials invalid");
  EXPECT_EQ(got.back(), "250 2.0.0 Ok");
  EXPECT_EQ(server.connections().size(), 1u);
}

// RFC 5321 4.5.3.2.7: at least five minutes waiting for a command; Postfix's smtpd_timeout
// is 300 s. The server says 421 and closes.
TEST(SmtpServerEndpoint, ASilentClientGets421AfterFiveMinutes) {
  SmtpWorld w;
  AcceptingOwner owner;
  SmtpServerEndpoint server(w.net, w.mx, mx_config(), owner, {});
  owner.endpoint = &server;
  server.start();
  bool closed = false;
  std::vector<std::pair<mailsim::sim::SimTime, std::string>> lines;
  TypedSession session(w.net, w.pc, kMxAddress, 25, watch(&lines, &closed, w.sim));
  session.open();
  w.sim.run_until(4min);
  ASSERT_EQ(lines.size(), 1u);  // the banner only
  EXPECT_EQ(server.connections().size(), 1u);
  w.sim.run_until(6min);
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(lines[1].second, "421 4.4.2 mx.b.example Error: timeout exceeded");
  // The banner left when the connection was accepted, the 421 five minutes later, along the
  // same path.
  EXPECT_GT(lines[1].first - lines[0].first, 5min - 50ms);
  EXPECT_LT(lines[1].first - lines[0].first, 5min + 50ms);
  EXPECT_TRUE(closed);
  EXPECT_EQ(owner.ended, std::vector<SmtpServerEnd>{SmtpServerEnd::closed});
  EXPECT_TRUE(server.connections().empty());
}

// Inside DATA the limit between two pieces of the message is three minutes (4.5.3.2.6 asks the
// client to wait that long for each block; Postfix uses smtpd_timeout throughout, MailSim's
// engine the data timeout).
// Postfix's smtpd_timeout (300 s) between two reads, inside DATA as elsewhere.
TEST(SmtpServerEndpoint, AClientSilentInsideDataGets421AfterFiveMinutes) {
  SmtpWorld w;
  AcceptingOwner owner;
  SmtpServerEndpoint server(w.net, w.mx, mx_config(), owner, {});
  owner.endpoint = &server;
  server.start();
  std::vector<std::pair<mailsim::sim::SimTime, std::string>> lines;
  TypedSession session(w.net, w.pc, kMxAddress, 25, watch(&lines, nullptr, w.sim));
  session.open();
  for (const char* l : {"HELO alice-pc", "MAIL FROM:<alice@a.example>", "RCPT TO:<bob@b.example>",
                        "DATA", "Subject: half a message"})
    session.type(l);
  w.sim.run_until(2min);
  ASSERT_FALSE(lines.empty());
  EXPECT_EQ(lines.back().second, "354 End data with <CR><LF>.<CR><LF>");
  const auto last_piece = lines.back().first;  // the last line left with DATA, at once
  w.sim.run_until(10min);
  EXPECT_EQ(lines.back().second, "421 4.4.2 mx.b.example Error: timeout exceeded");
  EXPECT_GT(lines.back().first - last_piece, 5min - 50ms);
  EXPECT_LT(lines.back().first - last_piece, 5min + 50ms);
  EXPECT_TRUE(owner.messages.empty());
}

TEST(SmtpServerEndpoint, AClientThatHangsUpEndsTheSession) {
  SmtpWorld w;
  AcceptingOwner owner;
  SmtpServerEndpoint server(w.net, w.mx, mx_config(), owner, {});
  owner.endpoint = &server;
  server.start();
  TypedSession session(w.net, w.pc, kMxAddress, 25);
  session.open();
  session.type("EHLO alice-pc");
  w.sim.schedule_at(2s, [&] { session.close(); });
  w.sim.run_until(10s);
  EXPECT_EQ(owner.ended, std::vector<SmtpServerEnd>{SmtpServerEnd::client_left});
  EXPECT_TRUE(server.connections().empty());
  EXPECT_TRUE(w.sim.pending() == 0 || w.sim.next_event_time() > 10s);  // no timer left behind
}

TEST(SmtpServerEndpoint, TheHostGoingDownLosesTheSessionsAndListeningResumesWhenItIsBack) {
  SmtpWorld w;
  AcceptingOwner owner;
  SmtpServerEndpoint server(w.net, w.mx, mx_config(), owner, {});
  owner.endpoint = &server;
  server.start();
  TypedSession first(w.net, w.pc, kMxAddress, 25);
  first.open();
  first.type("EHLO alice-pc");
  w.sim.run_until(1s);
  EXPECT_EQ(server.connections().size(), 1u);
  w.sim.schedule_at(2s, [&] { w.net.set_host_up(w.mx, false); });
  w.sim.run_until(3s);
  EXPECT_EQ(owner.ended, std::vector<SmtpServerEnd>{SmtpServerEnd::host_down});
  EXPECT_FALSE(server.listening());
  EXPECT_TRUE(server.connections().empty());
  w.sim.schedule_at(4s, [&] { w.net.set_host_up(w.mx, true); });
  w.sim.run_until(5s);
  EXPECT_TRUE(server.listening());
  Telnet second(w);
  second.session.open();
  second.session.type("QUIT");
  w.sim.run_until(10s);
  EXPECT_EQ(second.session.received(),
            (std::vector<std::string>{"220 mx.b.example ESMTP MailSim", "221 2.0.0 Bye"}));
}

TEST(SmtpServerEndpoint, StopSays421ToEverySessionAndStopsListening) {
  SmtpWorld w;
  AcceptingOwner owner;
  SmtpServerEndpoint server(w.net, w.mx, mx_config(), owner, {});
  owner.endpoint = &server;
  server.start();
  TypedSession session(w.net, w.pc, kMxAddress, 25);
  session.open();
  w.sim.run_until(1s);
  server.stop();
  w.sim.run_until(2s);
  EXPECT_EQ(session.received().back(),
            "421 4.3.2 mx.b.example Service not available, closing transmission channel");
  EXPECT_FALSE(server.listening());
  EXPECT_EQ(owner.ended, std::vector<SmtpServerEnd>{SmtpServerEnd::closed});
}

TEST(SmtpServerEndpoint, DestroyingTheEndpointMidSessionIsSafe) {
  SmtpWorld w;
  AcceptingOwner owner;
  {
    SmtpServerEndpoint server(w.net, w.mx, mx_config(), owner, {});
    owner.endpoint = &server;
    server.start();
    TypedSession session(w.net, w.pc, kMxAddress, 25);
    session.open();
    w.sim.run_until(1s);
  }
  w.sim.run_until(10min);
  EXPECT_TRUE(owner.ended.empty());
}

TEST(SmtpServerEndpoint, AClientResetEndsTheSessionAsReset) {
  SmtpWorld w;
  AcceptingOwner owner;
  SmtpServerEndpoint server(w.net, w.mx, mx_config(), owner, {});
  owner.endpoint = &server;
  server.start();
  {
    TypedSession session(w.net, w.pc, kMxAddress, 25);
    session.open();
    session.type("EHLO alice-pc");
    w.sim.run_until(1s);
    EXPECT_EQ(server.connections().size(), 1u);
  }  // the typed session is destroyed: its connection is aborted (RST)
  w.sim.run_until(2s);
  EXPECT_EQ(owner.ended, std::vector<SmtpServerEnd>{SmtpServerEnd::reset});
  EXPECT_TRUE(server.connections().empty());
}

// A client whose host dies says nothing more: the server waits its five minutes, says 421
// to no one, and closes.
TEST(SmtpServerEndpoint, AClientThatVanishesIsTimedOutAfterFiveMinutes) {
  SmtpWorld w;
  AcceptingOwner owner;
  SmtpServerEndpoint server(w.net, w.mx, mx_config(), owner, {});
  owner.endpoint = &server;
  server.start();
  TypedSession session(w.net, w.pc, kMxAddress, 25);
  session.open();
  session.type("EHLO alice-pc");
  w.sim.schedule_at(1s, [&] { w.net.set_host_up(w.pc, false); });
  w.sim.run_until(4min);
  EXPECT_EQ(server.connections().size(), 1u);
  EXPECT_EQ(server.connections()[0].session->state(), smtp::ServerState::ready);
  w.sim.run_until(6min);
  EXPECT_TRUE(server.connections().empty());
  EXPECT_EQ(owner.ended, std::vector<SmtpServerEnd>{SmtpServerEnd::closed});
}

TEST(SmtpServerEndpoint, StartedWhileTheHostIsDownItListensOnceTheHostIsUp) {
  SmtpWorld w;
  AcceptingOwner owner;
  w.net.set_host_up(w.mx, false);
  SmtpServerEndpoint server(w.net, w.mx, mx_config(), owner, {});
  owner.endpoint = &server;
  server.start();
  EXPECT_FALSE(server.listening());
  w.sim.schedule_at(1s, [&] { w.net.set_host_up(w.mx, true); });
  w.sim.run_until(2s);
  EXPECT_TRUE(server.listening());
  Telnet telnet(w);
  telnet.session.open();
  w.sim.run_until(3s);
  EXPECT_EQ(telnet.session.received(), std::vector<std::string>{"220 mx.b.example ESMTP MailSim"});
}

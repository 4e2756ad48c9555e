// The IMAP engines' timers, driven by explicit times with no simulator: the server's
// autologout and the client's wait for an answer fire exactly at their time, activity moves
// them, LOGOUT cancels them; an APPEND without a date takes the time of its input.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "agents/proto/imap/client_session.hpp"
#include "agents/proto/imap/server_session.hpp"
#include "tests/mailbox/timed_server.hpp"

using namespace mailsim;
using namespace std::chrono_literals;
using proto::SilenceTimer;
namespace imap = proto::imap;
using Texts = std::vector<std::string>;
using Server = test::TimedServer<imap::ServerSession, imap::ServerConfig>;

TEST(ImapServerTimer, AutologoutExactlyAtTheConfiguredTime) {
  Server s(30min);
  s.session.start(0s);
  s.session.receive("a LOGIN alice secret\r\n", 20min);
  EXPECT_EQ(s.timers(), (Texts{"start 1 at 1800s", "start 1 at 3000s"}));
  s.sent.clear();
  s.session.on_timer(SilenceTimer::kId, 30min);  // the limit moved with LOGIN
  EXPECT_FALSE(s.session.closed());
  EXPECT_EQ(s.timers(), (Texts{"start 1 at 3000s"}));
  s.session.on_timer(SilenceTimer::kId, 50min - 1us);
  EXPECT_FALSE(s.session.closed());
  EXPECT_EQ(s.sent, "");
  s.session.on_timer(SilenceTimer::kId, 50min);
  EXPECT_EQ(s.sent, "* BYE Autologout; idle for too long\r\n");  // RFC 3501 5.4
  EXPECT_TRUE(s.session.closed());
  EXPECT_TRUE(s.session.idled_out());
  EXPECT_EQ(s.session.state(), imap::State::authenticated);
  s.sent.clear();
  s.session.receive("b NOOP\r\n", 51min);
  EXPECT_EQ(s.sent, "");
}

TEST(ImapServerTimer, LogoutCancelsTheTimer) {
  Server s(30min);
  s.session.start(0s);
  s.session.receive("a LOGOUT\r\n", 1s);
  EXPECT_EQ(s.timers(), (Texts{"start 1 at 1800s", "start 1 at 1801s", "cancel 1"}));
  s.sent.clear();
  s.session.on_timer(SilenceTimer::kId, 31min);
  EXPECT_EQ(s.sent, "");
  EXPECT_FALSE(s.session.idled_out());
}

TEST(ImapServerTimer, AppendWithoutADateTakesTheTimeOfItsInput) {
  Server s(30min);
  s.session.start(0s);
  s.session.receive("a LOGIN alice secret\r\nb APPEND Junk {3}\r\n", 10s);
  s.session.receive("x\r\n\r\n", 42s);
  const auto junk = s.store.messages("alice", "Junk");
  ASSERT_EQ(junk.size(), 2u) << s.sent;
  EXPECT_EQ(junk.back().internal_date, 42s);
}

TEST(ImapClientTimer, NoAnswerFailsExactlyAtTheTimeoutWithoutAWord) {
  std::string sent;
  imap::ClientSession client(
      {"alice", "secret"}, [&](std::string_view b) { sent += b; }, 1min);
  client.start(0s);
  client.receive("* OK ready\r\n", 10s);
  EXPECT_EQ(sent, "m1 LOGIN alice \"secret\"\r\n");
  EXPECT_EQ(test::timer_texts(client.take_actions()), (Texts{"start 1 at 60s", "start 1 at 70s"}));
  client.on_timer(SilenceTimer::kId, 70s - 1us);
  EXPECT_FALSE(client.finished());
  client.on_timer(SilenceTimer::kId, 70s);
  ASSERT_TRUE(client.finished());
  EXPECT_EQ(client.failure(), imap::ClientFailure::timed_out);
  EXPECT_EQ(client.failed_step(), imap::ClientStep::login);
  EXPECT_EQ(sent, "m1 LOGIN alice \"secret\"\r\n");  // no LOGOUT to a server that does not answer
}

TEST(ImapClientTimer, TheEndOfTheDialogueCancelsTheTimer) {
  test::Loopback net;
  imap::ClientSession client({"alice", "secret"}, net.client_send());
  const Texts timers = test::client_timers_to_the_end<imap::ServerSession>(client, net);
  ASSERT_EQ(client.step(), imap::ClientStep::done);
  ASSERT_FALSE(timers.empty());
  EXPECT_EQ(timers.back(), "cancel 1");
}

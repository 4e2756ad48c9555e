// The POP3 engines' timers, driven by explicit times with no simulator: the server's idle
// limit and the client's wait for an answer fire exactly at their time, activity moves them,
// the end of the dialogue cancels them.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "agents/proto/pop3/client_session.hpp"
#include "agents/proto/pop3/server_session.hpp"
#include "tests/mailbox/timed_server.hpp"

using namespace mailsim;
using namespace std::chrono_literals;
using proto::SilenceTimer;
namespace pop3 = proto::pop3;
using Texts = std::vector<std::string>;
using Server = test::TimedServer<pop3::ServerSession, pop3::ServerConfig>;

namespace {
pop3::ClientJob job(std::string user, std::string password) {
  pop3::ClientJob j;
  j.user = std::move(user);
  j.password = std::move(password);
  return j;
}
}  // namespace

TEST(Pop3ServerTimer, IdleLimitFiresExactlyAtTheConfiguredTime) {
  Server s(10min);
  s.session.start(5s);
  EXPECT_EQ(s.timers(), (Texts{"start 1 at 605s"}));
  // An owner whose timer fires early is asked again for the rest.
  s.session.on_timer(SilenceTimer::kId, 605s - 1us);
  EXPECT_FALSE(s.session.closed());
  EXPECT_EQ(s.timers(), (Texts{"start 1 at 605s"}));
  s.sent.clear();
  s.session.on_timer(SilenceTimer::kId, 605s);
  EXPECT_TRUE(s.session.closed());
  EXPECT_TRUE(s.session.idled_out());
  EXPECT_EQ(s.sent, "");  // RFC 1939 3: closed without a word
  EXPECT_EQ(s.session.state(), pop3::State::authorization);
  EXPECT_EQ(s.timers(), Texts{});
  s.session.receive("USER alice\r\n", 606s);  // too late: nothing is read any more
  EXPECT_EQ(s.sent, "");
}

TEST(Pop3ServerTimer, EachInputRestartsTheLimitAndIdlingDeletesNothing) {
  Server s(10min);
  s.session.start(0s);
  s.session.receive("USER alice\r\nPASS secret\r\n", 4min);
  s.session.receive("DELE 1\r\n", 9min);
  EXPECT_EQ(s.timers(), (Texts{"start 1 at 600s", "start 1 at 840s", "start 1 at 1140s"}));
  s.session.on_timer(SilenceTimer::kId, 10min);  // the first limit has moved on
  EXPECT_FALSE(s.session.closed());
  s.session.on_timer(SilenceTimer::kId, 19min);
  EXPECT_TRUE(s.session.idled_out());
  EXPECT_EQ(s.session.state(), pop3::State::transaction);  // not UPDATE: DELE 1 is forgotten
  EXPECT_EQ(s.store.messages("alice", "INBOX").size(), 3u);
}

TEST(Pop3ServerTimer, QuitCancelsTheTimer) {
  Server s(10min);
  s.session.start(0s);
  s.session.receive("QUIT\r\n", 1min);
  EXPECT_EQ(s.timers(), (Texts{"start 1 at 600s", "start 1 at 660s", "cancel 1"}));
  s.session.on_timer(SilenceTimer::kId, 11min);  // a stale firing changes nothing
  EXPECT_FALSE(s.session.idled_out());
}

TEST(Pop3ClientTimer, NoAnswerFailsExactlyAtTheTimeoutWithoutAWord) {
  std::string sent;
  pop3::ClientSession client(
      job("alice", "secret"), [&](std::string_view b) { sent += b; }, 2min);
  client.start(1s);
  client.receive("+OK ready\r\n", 30s);  // USER goes out: its answer is awaited from here
  EXPECT_EQ(sent, "USER alice\r\n");
  EXPECT_EQ(test::timer_texts(client.take_actions()),
            (Texts{"start 1 at 121s", "start 1 at 150s"}));
  client.on_timer(SilenceTimer::kId, 121s);  // the first deadline has moved on
  EXPECT_FALSE(client.finished());
  client.on_timer(SilenceTimer::kId, 150s - 1us);
  EXPECT_FALSE(client.finished());
  client.on_timer(SilenceTimer::kId, 150s);
  ASSERT_TRUE(client.finished());
  EXPECT_EQ(client.failure(), pop3::ClientFailure::timed_out);
  EXPECT_EQ(client.failed_step(), pop3::ClientStep::user);
  EXPECT_EQ(client.error_line(), "");
  EXPECT_EQ(sent, "USER alice\r\n");  // no QUIT to a server that does not answer
}

TEST(Pop3ClientTimer, TheEndOfTheDialogueCancelsTheTimer) {
  test::Loopback net;
  pop3::ClientSession client(job("bob", "hunter2"), net.client_send());
  const Texts timers = test::client_timers_to_the_end<pop3::ServerSession>(client, net);
  ASSERT_EQ(client.step(), pop3::ClientStep::done);
  ASSERT_FALSE(timers.empty());
  EXPECT_EQ(timers.back(), "cancel 1");
}

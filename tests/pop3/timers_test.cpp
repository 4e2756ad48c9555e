// The POP3 engines' timers, driven by explicit times with no simulator: the server's idle
// limit and the client's wait for an answer fire exactly at their time, activity moves them,
// the end of the dialogue cancels them.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "agents/proto/pop3/client_session.hpp"
#include "agents/proto/pop3/server_session.hpp"
#include "tests/mailbox/sample_store.hpp"
#include "tests/proto_common/timer_text.hpp"

using namespace mailsim;
using namespace std::chrono_literals;
using proto::SilenceTimer;
using proto::pop3::ClientFailure;
using proto::pop3::ClientSession;
using proto::pop3::ClientStep;
using proto::pop3::ServerSession;
using proto::pop3::State;
using Texts = std::vector<std::string>;

namespace {

struct Server {
  explicit Server(sim::SimTime idle = 10min)
      : store(test::make_sample_store()),
        session(store, config(idle), [this](std::string_view b) { sent += b; }) {}
  static proto::pop3::ServerConfig config(sim::SimTime idle) {
    proto::pop3::ServerConfig c;
    c.hostname = "pop.example.com";
    c.idle_timeout = idle;
    return c;
  }
  Texts timers() { return test::timer_texts(session.take_actions()); }

  proto::mailbox::InMemoryMailStore store;
  std::string sent;
  ServerSession session;
};

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
  EXPECT_EQ(s.session.state(), State::authorization);
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
  EXPECT_EQ(s.session.state(), State::transaction);  // not UPDATE: DELE 1 is forgotten
  EXPECT_EQ(s.store.messages("alice", "INBOX").size(), 3u);
}

TEST(Pop3ServerTimer, QuitCancelsTheTimer) {
  Server s;
  s.session.start(0s);
  s.session.receive("QUIT\r\n", 1min);
  EXPECT_EQ(s.timers(), (Texts{"start 1 at 600s", "start 1 at 660s", "cancel 1"}));
  s.session.on_timer(SilenceTimer::kId, 11min);  // a stale firing changes nothing
  EXPECT_FALSE(s.session.idled_out());
}

TEST(Pop3ClientTimer, NoAnswerFailsExactlyAtTheTimeoutWithoutAWord) {
  proto::pop3::ClientJob job{"alice", "secret"};
  std::string sent;
  ClientSession client(
      job, [&](std::string_view b) { sent += b; }, 2min);
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
  EXPECT_EQ(client.failure(), ClientFailure::timed_out);
  EXPECT_EQ(client.failed_step(), ClientStep::user);
  EXPECT_EQ(client.error_line(), "");
  EXPECT_EQ(sent, "USER alice\r\n");  // no QUIT to a server that does not answer
}

TEST(Pop3ClientTimer, TheEndOfTheDialogueCancelsTheTimer) {
  auto store = test::make_sample_store();
  std::string to_client, to_server;
  ServerSession server(store, {}, [&](std::string_view b) { to_client += b; });
  ClientSession client({"bob", "hunter2"}, [&](std::string_view b) { to_server += b; });
  client.start(0s);
  server.start(0s);
  for (int round = 1; round < 20 && !client.finished(); ++round) {
    client.receive(std::exchange(to_client, {}), sim::SimTime(round * 1s));
    server.receive(std::exchange(to_server, {}), sim::SimTime(round * 1s));
  }
  ASSERT_EQ(client.step(), ClientStep::done);
  const Texts timers = test::timer_texts(client.take_actions());
  ASSERT_FALSE(timers.empty());
  EXPECT_EQ(timers.back(), "cancel 1");
}

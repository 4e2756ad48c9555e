// The SMTP engines' timers, driven by explicit times with no simulator (docs/protocols.md, "One
// engine shape"): each wait of RFC 5321 4.5.3.2 fires exactly at its configured time and not a
// microsecond before, activity moves it, the end of the dialogue cancels it.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "agents/proto/smtp/client_session.hpp"
#include "tests/proto_common/timer_text.hpp"
#include "tests/smtp/server_harness.hpp"

namespace mailsim::proto::smtp {
namespace {

using namespace std::chrono_literals;
using testing::ServerHarness;
using Texts = std::vector<std::string>;
constexpr TimerId kTimer = DeadlineTimer::kId;

// A client whose waits all differ, so that each action names the wait it runs for.
struct TimedClient {
  std::string sent;
  ClientSession client;

  TimedClient() : client(config(), [this](std::string_view b) { sent += b; }) {}
  static ClientConfig config() {
    ClientConfig c;
    c.mail_from = "alice@a.example";
    c.recipients = {"bob@b.example"};
    c.message = std::make_shared<const std::string>("Subject: hi\r\n\r\nHello\r\n");
    c.timeouts.greeting = 1min;
    c.timeouts.command = 2min;
    c.timeouts.mail = 3min;
    c.timeouts.rcpt = 4min;
    c.timeouts.data_initiation = 5min;
    c.timeouts.data_block = 6min;
    c.timeouts.data_termination = 7min;
    return c;
  }
  Texts timers() { return test::timer_texts(client.take_actions()); }
};

TEST(SmtpClientTimer, GreetingWaitFiresExactlyAtTheConfiguredTime) {
  TimedClient c;
  c.client.start(5s);
  EXPECT_EQ(c.timers(), (Texts{"start 1 at 65s"}));
  // An owner whose timer fires early is asked again for the rest.
  EXPECT_FALSE(c.client.on_timer(kTimer, 65s - 1us));
  EXPECT_FALSE(c.client.done());
  EXPECT_EQ(c.timers(), (Texts{"start 1 at 65s"}));
  EXPECT_TRUE(c.client.on_timer(kTimer, 65s));
  EXPECT_TRUE(c.client.done());
  EXPECT_EQ(c.client.outcome().status, SessionStatus::timed_out);
  EXPECT_EQ(c.client.outcome().state, ClientState::greeting);
  EXPECT_EQ(c.sent, "");  // no QUIT to a server that never spoke
  EXPECT_EQ(c.timers(), Texts{});
}

TEST(SmtpClientTimer, EachReplyMovesTheTimerToTheWaitOfTheNextState) {
  TimedClient c;
  c.client.start(0s);
  c.client.receive("220 mx\r\n", 10s);  // EHLO: command
  c.client.receive("250 mx\r\n", 20s);  // MAIL
  c.client.receive("250 Ok\r\n", 30s);  // RCPT
  c.client.receive("250 Ok\r\n", 40s);  // DATA: initiation
  EXPECT_EQ(c.timers(), (Texts{"start 1 at 60s", "start 1 at 130s", "start 1 at 200s",
                               "start 1 at 270s", "start 1 at 340s"}));
  c.client.receive("354 Go\r\n", 50s);  // the message goes out: data block
  EXPECT_EQ(c.timers(), (Texts{"start 1 at 410s"}));
  c.client.transport_progress(100s, false);  // the peer acknowledged part of it
  EXPECT_EQ(c.timers(), (Texts{"start 1 at 460s"}));
  c.client.transport_progress(100s, false);  // nothing new: the timer stays
  EXPECT_EQ(c.timers(), Texts{});
  c.client.transport_progress(120s, true);  // the final dot too: the wait for the verdict
  EXPECT_EQ(c.timers(), (Texts{"start 1 at 540s"}));
  EXPECT_FALSE(c.client.on_timer(kTimer, 540s - 1us));
  EXPECT_TRUE(c.client.on_timer(kTimer, 540s));
  EXPECT_EQ(c.client.outcome().state, ClientState::message);
  EXPECT_EQ(c.client.recipients()[0].status, RecipientStatus::deferred);
}

TEST(SmtpClientTimer, TheEndOfTheDialogueCancelsTheTimer) {
  TimedClient c;
  c.client.start(0s);
  for (const char* reply :
       {"220 mx\r\n", "250 mx\r\n", "250 Ok\r\n", "250 Ok\r\n", "354 Go\r\n", "250 Ok: queued\r\n"})
    c.client.receive(reply, 1s);
  c.client.take_actions();
  c.client.receive("221 Bye\r\n", 2s);
  EXPECT_EQ(c.timers(), (Texts{"cancel 1"}));
  EXPECT_EQ(c.client.outcome().status, SessionStatus::completed);
  EXPECT_FALSE(c.client.on_timer(kTimer, 1h));  // a stale firing changes nothing
  EXPECT_EQ(c.client.outcome().status, SessionStatus::completed);

  TimedClient lost;
  lost.client.start(0s);
  lost.client.receive("220 mx\r\n", 1s);
  lost.client.take_actions();
  lost.client.connection_closed(2s);
  EXPECT_EQ(lost.timers(), (Texts{"cancel 1"}));
}

ServerConfig timed_server() {
  ServerConfig c;
  c.hostname = "mx.example";
  c.timeouts.command = 5min;
  c.timeouts.data = 3min;
  return c;
}

TEST(SmtpServerTimer, CommandWaitFiresExactlyAtTheConfiguredTime) {
  ServerHarness h(timed_server());
  h.session.start(7s);  // the harness's policy accepts at once: 220 goes out
  EXPECT_EQ(test::timer_texts(h.session.take_actions()), (Texts{"start 1 at 307s"}));
  EXPECT_FALSE(h.session.on_timer(kTimer, 307s - 1us));
  EXPECT_FALSE(h.session.closed());
  EXPECT_EQ(test::timer_texts(h.session.take_actions()), (Texts{"start 1 at 307s"}));
  EXPECT_TRUE(h.session.on_timer(kTimer, 307s));
  EXPECT_TRUE(h.out.ends_with("421 4.4.2 mx.example Error: timeout exceeded\r\n"));
  EXPECT_TRUE(h.session.closed());
  EXPECT_EQ(test::timer_texts(h.session.take_actions()), Texts{});
}

TEST(SmtpServerTimer, InputMovesTheTimerAndDataHasItsOwnWait) {
  ServerHarness h(timed_server());
  h.session.start(0s);
  h.session.receive("EHLO c.example\r\n", 60s);
  h.session.receive("MAIL FROM:<s@b.example>\r\nRCPT TO:<a@mx.example>\r\nDATA\r\n", 100s);
  h.session.receive("Subject: x\r\n", 150s);
  EXPECT_EQ(test::timer_texts(h.session.take_actions()),
            (Texts{"start 1 at 300s", "start 1 at 360s", "start 1 at 280s", "start 1 at 330s"}));
  EXPECT_FALSE(h.session.on_timer(kTimer, 280s));  // the first data wait has moved on
  EXPECT_TRUE(h.session.on_timer(kTimer, 330s));
  EXPECT_TRUE(h.session.closed());
}

TEST(SmtpServerTimer, NoTimerWhileTheOwnerDecidesNorAfterQuit) {
  ServerHarness h(timed_server());
  h.defer_answers = true;
  h.session.start(0s);
  EXPECT_EQ(test::timer_texts(h.session.take_actions()), Texts{});  // the connect verdict
  h.session.accept(10s);
  EXPECT_EQ(test::timer_texts(h.session.take_actions()), (Texts{"start 1 at 310s"}));
  h.session.receive("HELO c.example\r\n", 20s);
  EXPECT_EQ(test::timer_texts(h.session.take_actions()), (Texts{"cancel 1"}));  // HELO's verdict
  h.session.accept(30s);
  h.session.receive("QUIT\r\n", 40s);
  EXPECT_EQ(test::timer_texts(h.session.take_actions()), (Texts{"start 1 at 330s", "cancel 1"}));
  EXPECT_TRUE(h.session.closed());
}

}  // namespace
}  // namespace mailsim::proto::smtp

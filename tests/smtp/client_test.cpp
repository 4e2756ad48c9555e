// The client session against scripted replies: every reply it may get, at every step.
#include <gtest/gtest.h>

#include "agents/proto/smtp/client_session.hpp"
#include "tests/proto_common/timer_text.hpp"

namespace mailsim::proto::smtp {
namespace {

using Texts = std::vector<std::string>;

SimTime at(int s) {
  return std::chrono::seconds(s);
}

ClientConfig basic() {
  ClientConfig c;
  c.helo_name = "client.example";
  c.mail_from = "alice@client.example";
  c.recipients = {"bob@mx.example", "carol@mx.example"};
  c.message = std::make_shared<const std::string>("Subject: hi\r\n\r\nHello\r\n");
  return c;
}

struct Scripted {
  std::string sent;
  std::vector<std::string> writes;
  std::vector<std::string> transitions;
  ClientSession client;

  explicit Scripted(ClientConfig c = basic())
      : client(
            std::move(c),
            [this](std::string_view b) {
              sent += b;
              writes.emplace_back(b);
            },
            [this](const ClientEvent& e) {
              if (e.kind == ClientEvent::Kind::transition) {
                transitions.push_back(std::string(state_name(e.from)) + " -> " +
                                      std::string(state_name(e.to)));
              }
            }) {
    client.start(at(0));
  }
  // Feeds the server's bytes and returns what the client said in answer.
  std::string reply(std::string_view bytes, SimTime now = at(1)) {
    sent.clear();
    client.receive(bytes, now);
    return sent;
  }
};

Texts timers(Scripted& s) {
  return test::timer_texts(s.client.take_actions());
}

constexpr std::string_view kEhloPlain = "250-mx.example\r\n250 HELP\r\n";

TEST(SmtpClient, PlainTransactionStepByStep) {
  Scripted s;
  EXPECT_EQ(s.reply("220 mx.example ESMTP\r\n"), "EHLO client.example\r\n");
  EXPECT_EQ(s.reply(kEhloPlain), "MAIL FROM:<alice@client.example>\r\n");
  EXPECT_EQ(s.reply("250 2.1.0 Ok\r\n"), "RCPT TO:<bob@mx.example>\r\n");
  EXPECT_EQ(s.reply("250 2.1.5 Ok\r\n"), "RCPT TO:<carol@mx.example>\r\n");
  EXPECT_EQ(s.reply("250 2.1.5 Ok\r\n"), "DATA\r\n");
  EXPECT_EQ(s.reply("354 go ahead\r\n"), "Subject: hi\r\n\r\nHello\r\n.\r\n");
  EXPECT_EQ(s.reply("250 2.0.0 Ok: queued as 1A2B\r\n"), "QUIT\r\n");
  EXPECT_EQ(s.reply("221 2.0.0 Bye\r\n"), "");
  EXPECT_TRUE(s.client.done());
  EXPECT_EQ(s.client.outcome().status, SessionStatus::completed);
  for (const auto& r : s.client.recipients()) {
    EXPECT_EQ(r.status, RecipientStatus::delivered);
    EXPECT_EQ(r.reply->text(), "Ok: queued as 1A2B");
    EXPECT_EQ(r.reply->enhanced, "2.0.0");
  }
  EXPECT_EQ(s.transitions, (std::vector<std::string>{
                               "GREETING -> EHLO", "EHLO -> MAIL", "MAIL -> RCPT", "RCPT -> DATA",
                               "DATA -> MESSAGE", "MESSAGE -> QUIT", "QUIT -> DONE"}));
}

TEST(SmtpClient, EhloRefusedFallsBackToHelo) {
  Scripted s;
  s.reply("220 old.example\r\n");
  EXPECT_EQ(s.reply("502 Command not implemented\r\n"), "HELO client.example\r\n");
  EXPECT_EQ(s.reply("250 old.example\r\n"), "MAIL FROM:<alice@client.example>\r\n");
  EXPECT_TRUE(s.client.extensions().empty());
}

TEST(SmtpClient, HeloRefusedEndsTheSession) {
  Scripted s;
  s.reply("220 old.example\r\n");
  s.reply("500 what\r\n");
  EXPECT_EQ(s.reply("550 Go away\r\n"), "QUIT\r\n");
  s.reply("221 Bye\r\n");
  EXPECT_EQ(s.client.outcome().status, SessionStatus::refused);
  EXPECT_EQ(s.client.outcome().state, ClientState::helo);
  EXPECT_EQ(s.client.recipients()[0].status, RecipientStatus::rejected);
}

TEST(SmtpClient, EhloTemporaryFailureDefers) {
  Scripted s;
  s.reply("220 mx.example\r\n");
  EXPECT_EQ(s.reply("451 4.3.0 Try later\r\n"), "QUIT\r\n");
  s.client.connection_closed(at(2));
  EXPECT_EQ(s.client.outcome().status, SessionStatus::refused);
  EXPECT_EQ(s.client.recipients()[1].status, RecipientStatus::deferred);
}

TEST(SmtpClient, Greeting554SaysQuit) {
  Scripted s;
  EXPECT_EQ(s.reply("554 5.7.1 No SMTP service here\r\n"), "QUIT\r\n");
  EXPECT_EQ(s.reply("221 Bye\r\n"), "");
  EXPECT_EQ(s.client.outcome().status, SessionStatus::refused);
  EXPECT_EQ(s.client.outcome().state, ClientState::greeting);
  EXPECT_EQ(s.client.outcome().reply->code, 554);
  EXPECT_EQ(s.client.recipients()[0].status, RecipientStatus::rejected);
}

// 421 may come at any point; the client stops and defers whatever is not settled.
TEST(SmtpClient, ServiceClosing421AtEveryStep) {
  const std::vector<std::string> prefix = {"220 mx.example\r\n", std::string(kEhloPlain),
                                           "250 Ok\r\n",         "250 Ok\r\n",
                                           "250 Ok\r\n",         "354 Go\r\n"};
  const ClientState where[] = {ClientState::greeting, ClientState::ehlo, ClientState::mail,
                               ClientState::rcpt,     ClientState::rcpt, ClientState::data,
                               ClientState::message};
  for (std::size_t n = 0; n <= prefix.size(); ++n) {
    Scripted s;
    for (std::size_t i = 0; i < n; ++i)
      s.reply(prefix[i]);
    EXPECT_EQ(s.reply("421 4.3.2 mx.example Service shutting down\r\n"), "") << n;
    EXPECT_TRUE(s.client.done()) << n;
    EXPECT_EQ(s.client.outcome().status, SessionStatus::closed_by_server) << n;
    EXPECT_EQ(s.client.outcome().state, where[n]) << n;
    EXPECT_EQ(s.client.outcome().reply->code, 421);
    // The first recipient was accepted by then only if its RCPT had its 250.
    for (const auto& r : s.client.recipients())
      EXPECT_EQ(r.status, RecipientStatus::deferred) << n;
  }
}

TEST(SmtpClient, PerRecipientOutcomes) {
  ClientConfig c = basic();
  c.recipients = {"ok@mx.example", "later@mx.example", "never@mx.example"};
  Scripted s(c);
  s.reply("220 mx\r\n");
  s.reply(kEhloPlain);
  s.reply("250 Ok\r\n");
  s.reply("250 Ok\r\n");
  s.reply("450 4.2.0 Greylisted\r\n");
  EXPECT_EQ(s.reply("550 5.1.1 User unknown\r\n"), "DATA\r\n");
  s.reply("354 Go\r\n");
  EXPECT_EQ(s.reply("451 4.3.0 Queue file write error\r\n"), "QUIT\r\n");
  const auto& r = s.client.recipients();
  EXPECT_EQ(r[0].status, RecipientStatus::deferred);  // the message itself was deferred
  EXPECT_EQ(r[0].reply->code, 451);
  EXPECT_EQ(r[1].status, RecipientStatus::deferred);
  EXPECT_EQ(r[1].reply->text(), "Greylisted");
  EXPECT_EQ(r[2].status, RecipientStatus::rejected);
  EXPECT_EQ(r[2].reply->enhanced, "5.1.1");
}

TEST(SmtpClient, AllRecipientsRefusedMeansNoData) {
  Scripted s;
  s.reply("220 mx\r\n");
  s.reply(kEhloPlain);
  s.reply("250 Ok\r\n");
  s.reply("550 no\r\n");
  EXPECT_EQ(s.reply("550 no\r\n"), "QUIT\r\n");
  s.reply("221 Bye\r\n");
  EXPECT_EQ(s.client.outcome().status, SessionStatus::completed);
}

TEST(SmtpClient, MailRefused) {
  Scripted s;
  s.reply("220 mx\r\n");
  s.reply(kEhloPlain);
  EXPECT_EQ(s.reply("553 5.1.8 Sender domain does not exist\r\n"), "QUIT\r\n");
  for (const auto& r : s.client.recipients())
    EXPECT_EQ(r.status, RecipientStatus::rejected);
}

TEST(SmtpClient, DataRefused) {
  Scripted s;
  s.reply("220 mx\r\n");
  s.reply(kEhloPlain);
  s.reply("250 Ok\r\n");
  s.reply("250 Ok\r\n");
  s.reply("250 Ok\r\n");
  EXPECT_EQ(s.reply("554 5.5.1 Error: no valid recipients\r\n"), "QUIT\r\n");
  EXPECT_EQ(s.client.recipients()[0].status, RecipientStatus::rejected);
}

constexpr std::string_view kEhloPipelining =
    "250-mx.example\r\n250-PIPELINING\r\n250-SIZE 1000000\r\n250-8BITMIME\r\n"
    "250 ENHANCEDSTATUSCODES\r\n";

// One copy of a message: the session sends the bytes it was given (shared with the mail
// client's outbox or the queue) when they need no dot-stuffing, and keeps its own stuffed copy
// only when they do.
TEST(SmtpClient, KeepsTheSharedMessageInsteadOfACopyWhenItNeedsNoStuffing) {
  ClientConfig plain = basic();
  const auto shared = plain.message;
  Scripted s(plain);
  plain.message.reset();
  EXPECT_EQ(shared.use_count(), 2);  // this test's and the session's
  s.reply("220 mx\r\n");
  s.reply(kEhloPlain);
  s.reply("250 2.1.0 Ok\r\n");
  s.reply("250 2.1.5 Ok\r\n");
  s.reply("250 2.1.5 Ok\r\n");
  EXPECT_EQ(s.reply("354 go ahead\r\n"), *shared + ".\r\n");

  ClientConfig dotted = basic();
  dotted.message = std::make_shared<const std::string>("Subject: x\r\n\r\n.dot\r\n");
  const auto mine = dotted.message;
  Scripted t(dotted);
  dotted.message.reset();
  EXPECT_EQ(mine.use_count(), 1);  // the session keeps the stuffed copy only
}

// A transport that can queue pieces as one write gets the shared message itself, between what
// was pending and the final dot, and the same bytes as a copying one, in the same order.
TEST(SmtpClient, HandsTheSharedMessageToSendMessageAsOneWriteWithoutACopy) {
  for (const bool dotted : {false, true}) {
    ClientConfig c = basic();
    if (dotted) c.message = std::make_shared<const std::string>("Subject: x\r\n\r\n.dot\r\n");
    Scripted copying(c);
    Scripted sharing(c);
    std::vector<std::shared_ptr<const std::string>> messages;
    sharing.client.send_message_with(
        [&](std::string head, std::shared_ptr<const std::string> message, std::string tail) {
          messages.push_back(message);
          sharing.sent += head + *message + tail;
          sharing.writes.push_back(head + *message + tail);
        });
    for (const char* reply : {"220 mx\r\n", "250-mx\r\n250 PIPELINING\r\n",
                              "250 2.1.0 Ok\r\n250 2.1.5 Ok\r\n250 2.1.5 Ok\r\n354 Go\r\n",
                              "250 2.0.0 Ok\r\n", "221 Bye\r\n"})
      EXPECT_EQ(sharing.reply(reply), copying.reply(reply)) << reply;
    EXPECT_EQ(sharing.writes, copying.writes);
    ASSERT_EQ(messages.size(), 1u);
    // The message as it is, or (dot-stuffed) the session's own copy: never a copy per write.
    if (!dotted) {
      EXPECT_EQ(messages[0].get(), c.message.get());
    }
    EXPECT_TRUE(sharing.client.done());
  }
}

TEST(SmtpClient, PipelinesTheEnvelopeInOneWrite) {
  ClientConfig c = basic();
  c.message = std::make_shared<const std::string>("Subject: caf\xc3\xa9\r\n\r\n.leading dot\r\n");
  Scripted s(c);
  s.reply("220 mx\r\n");
  EXPECT_EQ(s.reply(kEhloPipelining),
            "MAIL FROM:<alice@client.example> SIZE=32 BODY=8BITMIME\r\nRCPT TO:<bob@mx.example>\r\n"
            "RCPT TO:<carol@mx.example>\r\nDATA\r\n");
  EXPECT_EQ(s.writes.size(), 2u);  // EHLO, then the whole group
  EXPECT_TRUE(s.client.pipelining());
  EXPECT_EQ(s.reply("250 2.1.0 Ok\r\n250 2.1.5 Ok\r\n550 5.1.1 Unknown\r\n354 Go\r\n"),
            "Subject: caf\xc3\xa9\r\n\r\n..leading dot\r\n.\r\n");
  EXPECT_EQ(s.reply("250 2.0.0 Ok\r\n"), "QUIT\r\n");
  EXPECT_EQ(s.client.recipients()[0].status, RecipientStatus::delivered);
  EXPECT_EQ(s.client.recipients()[1].status, RecipientStatus::rejected);
}

TEST(SmtpClient, PipelinedMailRefusedConsumesTheOtherReplies) {
  Scripted s;
  s.reply("220 mx\r\n");
  s.reply(kEhloPipelining);
  EXPECT_EQ(s.reply("550 5.7.1 Sender rejected\r\n503 5.5.1 need MAIL\r\n"), "");
  EXPECT_EQ(s.reply("503 5.5.1 need MAIL\r\n503 5.5.1 need RCPT\r\n"), "QUIT\r\n");
  for (const auto& r : s.client.recipients()) {
    EXPECT_EQ(r.status, RecipientStatus::rejected);
    EXPECT_EQ(r.reply->text(), "Sender rejected");
  }
}

TEST(SmtpClient, PipelinedAllRecipientsRefusedButDataAccepted) {
  Scripted s;
  s.reply("220 mx\r\n");
  s.reply(kEhloPipelining);
  EXPECT_EQ(s.reply("250 Ok\r\n450 no\r\n550 no\r\n354 Go\r\n"), ".\r\n");
  EXPECT_EQ(s.reply("554 5.5.1 no valid recipients\r\n"), "QUIT\r\n");
  EXPECT_EQ(s.client.recipients()[0].status, RecipientStatus::deferred);
  EXPECT_EQ(s.client.recipients()[1].status, RecipientStatus::rejected);
}

TEST(SmtpClient, NoPipeliningWhenNotWanted) {
  ClientConfig c = basic();
  c.use_pipelining = false;
  c.declare_size = false;
  Scripted s(c);
  s.reply("220 mx\r\n");
  EXPECT_EQ(s.reply(kEhloPipelining), "MAIL FROM:<alice@client.example>\r\n");
}

TEST(SmtpClient, StarttlsThenAuthLogin) {
  ClientConfig c = basic();
  c.credentials = Credentials{"alice", "secret", AuthMechanism::login, true};
  Scripted s(c);
  s.reply("220 mx\r\n");
  EXPECT_EQ(s.reply("250-mx\r\n250 STARTTLS\r\n"), "STARTTLS\r\n");
  EXPECT_EQ(s.reply("220 2.0.0 Ready to start TLS\r\n"), "EHLO client.example\r\n");
  EXPECT_TRUE(s.client.encrypted());
  EXPECT_EQ(s.reply("250-mx\r\n250 AUTH PLAIN LOGIN\r\n"), "AUTH LOGIN\r\n");
  EXPECT_EQ(s.reply("334 VXNlcm5hbWU6\r\n"), "YWxpY2U=\r\n");
  EXPECT_EQ(s.reply("334 UGFzc3dvcmQ6\r\n"), "c2VjcmV0\r\n");
  EXPECT_EQ(s.reply("235 2.7.0 Authentication successful\r\n"),
            "MAIL FROM:<alice@client.example>\r\n");
  EXPECT_TRUE(s.client.authenticated());
}

TEST(SmtpClient, AuthPlainAndItsFailure) {
  ClientConfig c = basic();
  c.credentials = Credentials{"test", "1234", AuthMechanism::plain, false};
  Scripted s(c);
  s.reply("220 mx\r\n");
  EXPECT_EQ(s.reply("250-mx\r\n250 AUTH LOGIN PLAIN\r\n"), "AUTH PLAIN AHRlc3QAMTIzNA==\r\n");
  EXPECT_EQ(s.reply("535 5.7.8 Authentication credentials invalid\r\n"), "QUIT\r\n");
  s.reply("221 Bye\r\n");
  EXPECT_EQ(s.client.outcome().status, SessionStatus::refused);
  EXPECT_EQ(s.client.outcome().state, ClientState::auth);
  EXPECT_EQ(s.client.recipients()[0].status, RecipientStatus::rejected);
}

TEST(SmtpClient, RequiredFeaturesMissing) {
  ClientConfig tls = basic();
  tls.tls = TlsPolicy::required;
  Scripted a(tls);
  a.reply("220 mx\r\n");
  EXPECT_EQ(a.reply(kEhloPlain), "QUIT\r\n");
  a.reply("221 Bye\r\n");
  EXPECT_EQ(a.client.outcome().status, SessionStatus::missing_feature);
  EXPECT_EQ(a.client.outcome().detail, "STARTTLS");
  EXPECT_EQ(a.client.recipients()[0].status, RecipientStatus::deferred);

  ClientConfig auth = basic();
  auth.credentials = Credentials{"u", "p", AuthMechanism::plain, true};
  Scripted b(auth);
  b.reply("220 mx\r\n");
  EXPECT_EQ(b.reply(kEhloPlain), "QUIT\r\n");
  EXPECT_EQ(b.client.outcome().status, SessionStatus::in_progress);  // until QUIT's reply
  b.client.connection_closed(at(3));
  EXPECT_EQ(b.client.outcome().status, SessionStatus::missing_feature);
  EXPECT_EQ(b.client.outcome().detail, "AUTH");
}

TEST(SmtpClient, StarttlsRefusedIsToleratedUnlessRequired) {
  Scripted s;
  s.reply("220 mx\r\n");
  s.reply("250-mx\r\n250 STARTTLS\r\n");
  EXPECT_EQ(s.reply("454 4.7.0 TLS not available\r\n"), "MAIL FROM:<alice@client.example>\r\n");
  EXPECT_FALSE(s.client.encrypted());
  ClientConfig c = basic();
  c.tls = TlsPolicy::required;
  Scripted r(c);
  r.reply("220 mx\r\n");
  r.reply("250-mx\r\n250 STARTTLS\r\n");
  EXPECT_EQ(r.reply("454 4.7.0 TLS not available\r\n"), "QUIT\r\n");
}

TEST(SmtpClient, TimeoutsPerState) {
  Scripted s;
  EXPECT_EQ(timers(s), (Texts{"start 1 at 300s"}));
  s.reply("220 mx\r\n", at(10));
  s.reply(kEhloPlain, at(20));
  s.reply("250 Ok\r\n", at(30));
  s.reply("250 Ok\r\n", at(40));
  s.reply("250 Ok\r\n", at(50));
  EXPECT_EQ(s.client.state(), ClientState::data);
  EXPECT_EQ(timers(s).back(), "start 1 at 170s");  // DATA initiation: 2 minutes
  s.reply("354 Go\r\n", at(60));
  EXPECT_EQ(timers(s), (Texts{"start 1 at 240s"}));  // data block: 3 minutes for each send
  s.client.transport_progress(at(200), false);       // the peer acknowledged some bytes
  EXPECT_EQ(timers(s), (Texts{"start 1 at 380s"}));
  s.client.transport_progress(at(300), true);        // ... and the final dot
  EXPECT_EQ(timers(s), (Texts{"start 1 at 900s"}));  // DATA termination: 10 minutes
  s.client.transport_progress(at(400), true);        // nothing new: the verdict's timer runs on
  EXPECT_EQ(timers(s), Texts{});
  EXPECT_FALSE(s.client.on_timer(DeadlineTimer::kId, at(660)));
  EXPECT_EQ(timers(s), (Texts{"start 1 at 900s"}));  // fired early: asked again
  EXPECT_TRUE(s.client.on_timer(DeadlineTimer::kId, at(900)));
  EXPECT_EQ(s.client.outcome().status, SessionStatus::timed_out);
  EXPECT_EQ(s.client.outcome().state, ClientState::message);
  EXPECT_EQ(s.client.recipients()[0].status, RecipientStatus::deferred);
  EXPECT_EQ(timers(s), Texts{});  // the timer that ended it runs no more
  EXPECT_FALSE(s.client.on_timer(DeadlineTimer::kId, at(2000)));
}

// RFC 5321 4.5.3.2.5: while the message goes out, a send that makes no progress for 3
// minutes ends the session, however long the whole message has been going.
TEST(SmtpClient, ADataBlockWithoutProgressForThreeMinutesTimesOut) {
  Scripted s;
  s.reply("220 mx\r\n", at(0));
  s.reply(kEhloPlain, at(0));
  s.reply("250 Ok\r\n", at(0));
  s.reply("250 Ok\r\n", at(0));
  s.reply("250 Ok\r\n", at(0));
  s.reply("354 Go\r\n", at(0));
  for (int t = 60; t <= 3600; t += 60) {  // an hour of slow progress: no timeout
    s.client.transport_progress(at(t), false);
    EXPECT_FALSE(s.client.on_timer(DeadlineTimer::kId, at(t + 170))) << t;
  }
  EXPECT_FALSE(s.client.on_timer(DeadlineTimer::kId, at(3600 + 179)));
  s.client.transport_progress(at(3600), false);  // told again: no new acknowledgement
  EXPECT_TRUE(s.client.on_timer(DeadlineTimer::kId, at(3600 + 180)));
  EXPECT_EQ(s.client.outcome().status, SessionStatus::timed_out);
  EXPECT_EQ(s.client.outcome().state, ClientState::message);
  EXPECT_FALSE(s.client.message_acknowledged());
}

TEST(SmtpClient, ConnectionLost) {
  Scripted s;
  s.reply("220 mx\r\n");
  s.client.connection_closed(at(5));
  EXPECT_EQ(s.client.outcome().status, SessionStatus::closed_by_server);
  EXPECT_EQ(s.client.outcome().state, ClientState::ehlo);
}

TEST(SmtpClient, NotSmtp) {
  Scripted s;
  s.reply("SSH-2.0-OpenSSH_9.2\r\n");
  EXPECT_TRUE(s.client.done());
  EXPECT_EQ(s.client.outcome().status, SessionStatus::protocol_error);
  EXPECT_EQ(s.client.outcome().detail, "SSH-2.0-OpenSSH_9.2");
  EXPECT_NE(s.client.outcome().describe().render(Lang::en).find("SSH-2.0"), std::string::npos);
  EXPECT_NE(s.client.outcome().describe().render(Lang::fr).find("SSH-2.0"), std::string::npos);
  Scripted endless;
  endless.reply(std::string(5000, '2'));
  EXPECT_EQ(endless.client.outcome().status, SessionStatus::protocol_error);
}

TEST(SmtpClient, RepliesSplitAnywhere) {
  Scripted whole;
  Scripted bytes;
  const std::string server = "220 mx\r\n250-mx\r\n250 PIPELINING\r\n";
  whole.reply(server);
  for (char c : server)
    bytes.client.receive(std::string_view(&c, 1), at(1));
  EXPECT_EQ(bytes.writes, whole.writes);
}

TEST(SmtpClient, DescribesOutcomesInBothLanguages) {
  Scripted s;
  s.reply("554 5.7.1 Go away\r\n");
  s.reply("221 Bye\r\n");
  const Text t = s.client.outcome().describe();
  EXPECT_EQ(t.render(Lang::en), "the server refused the session at GREETING: 554 Go away");
  EXPECT_EQ(t.render(Lang::fr), "le serveur a refusé la session à l'étape GREETING : 554 Go away");
}

}  // namespace
}  // namespace mailsim::proto::smtp

// A client session talking to a server session in process: every combination of offered
// extensions, byte-at-a-time streams, refusals, and the smuggling lesson end to end.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>

#include "agents/proto/smtp/client_session.hpp"
#include "agents/proto/smtp/crlf_lines.hpp"
#include "agents/proto/smtp/server_session.hpp"

namespace mailsim::proto::smtp {
namespace {

SimTime at(int s) {
  return std::chrono::seconds(s);
}

// Carries bytes both ways through queues (never by nested calls), optionally one at a time.
struct Link {
  std::string to_server, to_client;
  std::vector<std::string> transcript;  // "C: ..." and "S: ..." as the client saw them
  std::vector<std::string> messages;
  std::map<std::string, std::string> passwords{{"alice", "secret"}};
  std::map<std::string, Reply> refuse_rcpt;
  bool byte_at_a_time = false;
  ServerSession server;
  ClientSession client;

  Link(ServerConfig sc, ClientConfig cc)
      : server(
            std::move(sc), [this](std::string_view b) { to_client += b; },
            [this](const PolicyQuery& q) { policy(q); }),
        client(
            std::move(cc), [this](std::string_view b) { to_server += b; },
            [this](const ClientEvent& e) {
              if (e.kind == ClientEvent::Kind::line_out) {
                transcript.push_back("C: " + std::string(e.text));
              } else if (e.kind == ClientEvent::Kind::content_out) {
                for_each_crlf_line(e.text, [this](std::string_view line) {
                  transcript.push_back("C: " + std::string(line));
                });
              } else if (e.kind == ClientEvent::Kind::line_in) {
                transcript.push_back("S: " + std::string(e.text));
              }
            }) {}

  void policy(const PolicyQuery& q) {
    if (q.stage == PolicyStage::auth) {
      const auto it = passwords.find(std::string(q.user));
      if (it == passwords.end() || it->second != q.password) {
        server.answer(Reply(535, "5.7.8", "Authentication credentials invalid"), at(0));
        return;
      }
    }
    if (q.stage == PolicyStage::rcpt) {
      const auto it = refuse_rcpt.find(std::string(q.argument));
      if (it != refuse_rcpt.end()) {
        server.answer(it->second, at(0));
        return;
      }
    }
    if (q.stage == PolicyStage::message) messages.push_back(q.transaction->content);
    server.accept(at(0));
  }

  void deliver(std::string& queue, auto&& receive) {
    if (queue.empty()) return;
    std::string bytes;
    if (byte_at_a_time) {
      bytes = queue.substr(0, 1);
      queue.erase(0, 1);
    } else {
      bytes.swap(queue);
    }
    receive(bytes);
  }

  void run() {
    client.start(at(0));
    server.start(at(0));
    for (int guard = 0; guard < 50'000'000 && (!to_server.empty() || !to_client.empty()); ++guard) {
      deliver(to_client, [&](std::string_view b) { client.receive(b, at(1)); });
      deliver(to_server, [&](std::string_view b) { server.receive(b, at(1)); });
    }
    if (server.closed() && !client.done()) client.connection_closed(at(2));
  }
};

ClientConfig alice() {
  ClientConfig c;
  c.helo_name = "pc.client.example";
  c.mail_from = "alice@client.example";
  c.recipients = {"bob@mx.example", "carol@mx.example"};
  c.message = std::make_shared<const std::string>(
      "From: alice@client.example\r\nSubject: caf\xc3\xa9\r\n\r\n.starts with a dot\r\n.\r\n"
      "..\r\nend\r\n");
  return c;
}

TEST(SmtpClientServer, EveryCombinationOfOfferedExtensions) {
  for (unsigned mask = 0; mask < 128; ++mask) {
    for (bool with_credentials : {false, true}) {
      ServerConfig sc;
      sc.hostname = "mx.example";
      sc.extensions = ServerExtensions{.pipelining = bool(mask & 1),
                                       .size = bool(mask & 2),
                                       .eight_bit_mime = bool(mask & 4),
                                       .enhanced_status_codes = bool(mask & 8),
                                       .auth = bool(mask & 16),
                                       .starttls = bool(mask & 32),
                                       .help = bool(mask & 64)};
      ClientConfig cc = alice();
      if (with_credentials) cc.credentials = Credentials{"alice", "secret"};
      Link link(sc, cc);
      link.run();
      const std::string label =
          "extensions " + std::to_string(mask) + (with_credentials ? " with credentials" : "");
      ASSERT_TRUE(link.client.done()) << label;
      EXPECT_EQ(link.client.outcome().status, SessionStatus::completed) << label;
      ASSERT_EQ(link.messages.size(), 1u) << label;
      EXPECT_EQ(link.messages[0], *cc.message) << label;
      for (const auto& r : link.client.recipients()) {
        EXPECT_EQ(r.status, RecipientStatus::delivered) << label;
      }
      EXPECT_EQ(link.client.pipelining(), sc.extensions.pipelining) << label;
      EXPECT_EQ(link.client.encrypted(), sc.extensions.starttls) << label;
      EXPECT_EQ(link.client.authenticated(), with_credentials && sc.extensions.auth) << label;
      EXPECT_EQ(link.server.authenticated_user(),
                with_credentials && sc.extensions.auth ? "alice" : "")
          << label;
      EXPECT_TRUE(link.server.closed()) << label;
      EXPECT_FALSE(link.transcript.empty());
    }
  }
}

TEST(SmtpClientServer, ClientFallsBackToHeloWithAnRfc821Server) {
  ServerConfig sc;
  sc.extensions.ehlo = false;
  Link link(sc, alice());
  link.run();
  EXPECT_EQ(link.client.outcome().status, SessionStatus::completed);
  EXPECT_EQ(link.transcript[1], "C: EHLO pc.client.example");
  EXPECT_EQ(link.transcript[2], "S: 502 5.5.1 Error: command not implemented");
  EXPECT_EQ(link.transcript[3], "C: HELO pc.client.example");
  EXPECT_FALSE(link.server.esmtp());
  ASSERT_EQ(link.messages.size(), 1u);
}

// Each side's send callback calls the other's receive() directly: the sessions are re-entered
// from inside their own callbacks and must neither lose nor reorder bytes.
TEST(SmtpClientServer, DirectCallbacksReenterTheSessions) {
  for (bool pipelining : {false, true}) {
    ServerConfig sc;
    sc.extensions.pipelining = pipelining;
    sc.extensions.starttls = true;
    ClientSession* client = nullptr;
    ServerSession* server = nullptr;
    std::vector<std::string> messages;
    ServerSession s(
        sc, [&](std::string_view b) { client->receive(b, at(1)); },
        [&](const PolicyQuery& q) {
          if (q.stage == PolicyStage::message) messages.push_back(q.transaction->content);
          server->accept(at(1));
        });
    ClientSession c(alice(), [&](std::string_view b) { server->receive(b, at(1)); });
    client = &c;
    server = &s;
    c.start(at(0));
    s.start(at(0));
    EXPECT_TRUE(c.done());
    EXPECT_EQ(c.outcome().status, SessionStatus::completed);
    EXPECT_TRUE(c.encrypted());
    ASSERT_EQ(messages.size(), 1u);
    EXPECT_EQ(messages[0], *alice().message);
  }
}

TEST(SmtpClientServer, OneByteAtATimeBothWays) {
  for (bool pipelining : {false, true}) {
    ServerConfig sc;
    sc.extensions.pipelining = pipelining;
    sc.extensions.starttls = true;
    sc.extensions.auth = true;
    ClientConfig cc = alice();
    cc.credentials = Credentials{"alice", "secret", AuthMechanism::login};
    Link link(sc, cc);
    link.byte_at_a_time = true;
    link.run();
    EXPECT_EQ(link.client.outcome().status, SessionStatus::completed);
    ASSERT_EQ(link.messages.size(), 1u);
    EXPECT_EQ(link.messages[0], *cc.message);
    EXPECT_TRUE(link.client.authenticated());
  }
}

TEST(SmtpClientServer, TranscriptOfAPipelinedSession) {
  ServerConfig sc;
  sc.hostname = "mx.example";
  sc.extensions.help = false;
  sc.extensions.eight_bit_mime = false;
  ClientConfig cc = alice();
  cc.message = std::make_shared<const std::string>("Subject: hi\r\n\r\nhi\r\n");
  cc.recipients = {"bob@mx.example", "nobody@mx.example"};
  Link link(sc, cc);
  link.refuse_rcpt["nobody@mx.example"] = Reply(550, "5.1.1", "User unknown");
  link.run();
  const std::vector<std::string> expected = {
      "S: 220 mx.example ESMTP MailSim",
      "C: EHLO pc.client.example",
      "S: 250-mx.example",
      "S: 250-PIPELINING",
      "S: 250-SIZE 10240000",
      "S: 250 ENHANCEDSTATUSCODES",
      "C: MAIL FROM:<alice@client.example> SIZE=19",
      "C: RCPT TO:<bob@mx.example>",
      "C: RCPT TO:<nobody@mx.example>",
      "C: DATA",
      "S: 250 2.1.0 Ok",
      "S: 250 2.1.5 Ok",
      "S: 550 5.1.1 User unknown",
      "S: 354 End data with <CR><LF>.<CR><LF>",
      "C: Subject: hi",
      "C: ",
      "C: hi",
      "C: .",
      "S: 250 2.0.0 Ok: queued",
      "C: QUIT",
      "S: 221 2.0.0 Bye",
  };
  EXPECT_EQ(link.transcript, expected);
  EXPECT_EQ(link.client.recipients()[0].status, RecipientStatus::delivered);
  EXPECT_EQ(link.client.recipients()[1].status, RecipientStatus::rejected);
}

TEST(SmtpClientServer, TenMegabyteMessage) {
  ServerConfig sc;
  sc.max_message_size = 0;
  ClientConfig cc = alice();
  std::string big;
  const std::string line = ".a line with a leading dot, stuffed on the way and unstuffed back\r\n";
  while (big.size() + line.size() <= 10 * 1024 * 1024)
    big += line;
  cc.message = std::make_shared<const std::string>(big);
  Link link(sc, cc);
  link.run();
  EXPECT_EQ(link.client.outcome().status, SessionStatus::completed);
  ASSERT_EQ(link.messages.size(), 1u);
  EXPECT_TRUE(link.messages[0] == big);
}

TEST(SmtpClientServer, SubmissionWithoutCredentialsIsRefused) {
  ServerConfig sc;
  sc.extensions.auth = true;
  sc.auth_required = true;
  Link link(sc, alice());
  link.run();
  EXPECT_EQ(link.client.outcome().status, SessionStatus::completed);
  for (const auto& r : link.client.recipients()) {
    EXPECT_EQ(r.status, RecipientStatus::rejected);
    EXPECT_EQ(r.reply->code, 530);
  }
  EXPECT_TRUE(link.messages.empty());
}

TEST(SmtpClientServer, WrongPasswordDefersNothingIsSent) {
  ServerConfig sc;
  sc.extensions.auth = true;
  ClientConfig cc = alice();
  cc.credentials = Credentials{"alice", "wrong"};
  Link link(sc, cc);
  link.run();
  EXPECT_EQ(link.client.outcome().status, SessionStatus::refused);
  EXPECT_EQ(link.client.outcome().reply->code, 535);
  EXPECT_TRUE(link.messages.empty());
}

TEST(SmtpClientServer, RecipientLimitAndSizeLimit) {
  ServerConfig sc;
  sc.max_recipients = 1;
  Link limited(sc, alice());
  limited.run();
  // 452 4.5.3 to carol: she gets the message in a second transaction of the same session.
  EXPECT_EQ(limited.client.recipients()[0].status, RecipientStatus::delivered);
  EXPECT_EQ(limited.client.recipients()[1].status, RecipientStatus::delivered);
  EXPECT_EQ(limited.messages.size(), 2u);
  EXPECT_NE(std::find(limited.transcript.begin(), limited.transcript.end(),
                      "S: 452 4.5.3 Error: too many recipients"),
            limited.transcript.end());

  ServerConfig small;
  small.max_message_size = 10;
  Link too_big(small, alice());
  too_big.run();
  for (const auto& r : too_big.client.recipients()) {
    EXPECT_EQ(r.status, RecipientStatus::rejected);
    EXPECT_EQ(r.reply->code, 552);
  }
}

TEST(SmtpClientServer, ServerShutdownMidSession) {
  ServerConfig sc;
  ClientConfig cc = alice();
  Link link(sc, cc);
  link.client.start(at(0));
  link.server.start(at(0));
  link.client.receive(link.to_client, at(0));
  link.to_client.clear();
  link.server.receive(link.to_server, at(0));  // EHLO
  link.to_server.clear();
  link.server.shutdown(at(1));
  link.client.receive(link.to_client, at(1));
  EXPECT_EQ(link.client.outcome().status, SessionStatus::closed_by_server);
  EXPECT_EQ(link.client.outcome().reply->code, 421);
}

// The smuggling lesson end to end: an outbound client that passes bare LF unchanged, and an
// inbound server in each end-of-data mode.
TEST(SmtpClientServer, SmugglingThroughAClientThatPassesBareLf) {
  const std::string body =
      "Subject: hello\r\n\r\nhello\n.\nMAIL FROM:<admin@bank.example>\r\n"
      "RCPT TO:<bob@mx.example>\r\nDATA\r\nSubject: forged\r\n\r\nforged\r\n";
  struct Case {
    bool pass_bare_lf;
    EndOfDataMode mode;
    std::size_t messages;
  };
  for (const Case& c :
       {Case{true, EndOfDataMode::lenient, 2}, Case{true, EndOfDataMode::normalize, 1},
        Case{true, EndOfDataMode::reject, 0}, Case{false, EndOfDataMode::lenient, 1},
        Case{false, EndOfDataMode::normalize, 1}, Case{false, EndOfDataMode::reject, 1}}) {
    ServerConfig sc;
    sc.end_of_data = c.mode;
    sc.extensions.pipelining = false;
    ClientConfig cc = alice();
    cc.recipients = {"bob@mx.example"};
    cc.message = std::make_shared<const std::string>(body);
    cc.pass_bare_lf = c.pass_bare_lf;
    Link link(sc, cc);
    link.run();
    EXPECT_EQ(link.messages.size(), c.messages)
        << "pass_bare_lf=" << c.pass_bare_lf << " mode=" << mode_name(c.mode);
  }
}

// A server that takes at most 2 recipients per message says 452 4.5.3 to the rest: the client
// sends the message again to them in further transactions (RFC 5321 4.5.3.1.10), in one
// session, until each has its answer; none is dropped.
TEST(SmtpClientServer, RecipientsBeyondTheServersLimitGoInFurtherTransactions) {
  for (bool pipelining : {false, true}) {
    for (bool enhanced : {false, true}) {
      ServerConfig sc;
      sc.max_recipients = 2;
      sc.extensions.pipelining = pipelining;
      sc.extensions.enhanced_status_codes = enhanced;
      ClientConfig cc = alice();
      cc.recipients = {"r1@mx.example", "r2@mx.example", "r3@mx.example", "r4@mx.example",
                       "r5@mx.example"};
      Link link(sc, cc);
      link.refuse_rcpt["r4@mx.example"] = Reply(550, "5.1.1", "User unknown");
      link.run();
      const std::string label = std::string(pipelining ? "pipelining" : "one by one") +
                                (enhanced ? ", enhanced codes" : "");
      EXPECT_EQ(link.client.outcome().status, SessionStatus::completed) << label;
      // r1 r2 (452 to r3 r4 r5) | r3, r4 refused, r5: two messages, r4 never silently lost
      EXPECT_EQ(link.messages.size(), 2u) << label;
      for (const auto& r : link.client.recipients())
        EXPECT_EQ(r.status, r.address == "r4@mx.example" ? RecipientStatus::rejected
                                                         : RecipientStatus::delivered)
            << label << " " << r.address;
    }
  }
}

// No progress, no new transaction: a server that says 452 to every recipient is tried again
// later (by the queue), not in a loop.
TEST(SmtpClientServer, A452ToEveryRecipientEndsTheSession) {
  ServerConfig sc;
  ClientConfig cc = alice();
  Link link(sc, cc);
  link.refuse_rcpt["bob@mx.example"] = Reply(452, "4.5.3", "Error: too many recipients");
  link.refuse_rcpt["carol@mx.example"] = Reply(452, "4.5.3", "Error: too many recipients");
  link.run();
  EXPECT_EQ(link.client.outcome().status, SessionStatus::completed);
  EXPECT_TRUE(link.messages.empty());
  for (const auto& r : link.client.recipients())
    EXPECT_EQ(r.status, RecipientStatus::deferred) << r.address;
}

}  // namespace
}  // namespace mailsim::proto::smtp

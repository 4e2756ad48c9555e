// The example sessions of RFC 5321 Appendix D, replayed through a server session and through
// a client session, byte for byte.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "agents/proto/smtp/client_session.hpp"
#include "agents/proto/smtp/server_session.hpp"

namespace mailsim::proto::smtp {
namespace {

SimTime at(int s) {
  return std::chrono::seconds(s);
}

struct Line {
  char side;  // 'S' or 'C'
  std::string text;
};

std::vector<Line> load(const std::string& name) {
  std::ifstream in(std::string(MAILSIM_TEST_DIR) + "/golden/" + name);
  EXPECT_TRUE(in) << name;
  std::vector<Line> lines;
  std::string text;
  while (std::getline(in, text)) {
    if (text.empty() || text[0] == '#') continue;
    EXPECT_TRUE(text.size() >= 2 && (text[0] == 'S' || text[0] == 'C') && text[1] == ':') << text;
    lines.push_back({text[0], text.size() > 3 ? text.substr(3) : ""});
  }
  return lines;
}

// The servers of the RFC examples: their own reply texts, no enhanced status codes.
ServerConfig rfc_server(std::string host, bool extensions, std::vector<std::string> extra) {
  ServerConfig c;
  c.hostname = host;
  c.extensions = ServerExtensions{.pipelining = false,
                                  .size = extensions,
                                  .eight_bit_mime = extensions,
                                  .enhanced_status_codes = false,
                                  .auth = false,
                                  .starttls = false,
                                  .help = extensions};
  c.extra_ehlo_keywords = std::move(extra);
  c.max_message_size = 0;  // advertised as a bare "SIZE"
  c.texts.greeting = host + " Simple Mail Transfer Service Ready";
  c.texts.ok = "OK";
  c.texts.data_start = "Start mail input; end with <CRLF>.<CRLF>";
  c.texts.queued = "OK";
  c.texts.quit = "foo.com Service closing transmission channel";
  return c;
}

struct Example {
  std::string file;
  ServerConfig server;
  std::string helo_reply;  // what the server's policy says to EHLO
  ClientConfig client;
  bool replay_client = true;
};

std::vector<Example> examples() {
  const std::string blah = "Blah blah blah...\r\n..etc. etc. etc.\r\n";
  const std::string board =
      "Date: Thu, 21 May 1998 05:33:29 -0700\r\nFrom: John Q. Public <JQP@bar.com>\r\n"
      "Subject: The Next Meeting of the Board\r\nTo: Jones@xyz.com\r\n\r\nBill:\r\n"
      "The next meeting of the board of directors will be\r\non Tuesday.\r\nJohn.\r\n";
  const std::string relayed =
      "Received: from bar.com by foo.com ; Thu, 21 May 1998\r\n    05:33:29 -0700\r\n"
      "Date: Thu, 21 May 1998 05:33:22 -0700\r\nFrom: John Q. Public <JQP@bar.com>\r\n"
      "Subject:  The Next Meeting of the Board\r\nTo: Jones@xyz.com\r\n\r\nBill:\r\n"
      "The next meeting of the board of directors will be\r\non Tuesday.\r\nJohn.\r\n";
  auto client = [](std::string helo, std::string from, std::vector<std::string> to,
                   std::string message) {
    ClientConfig c;
    c.helo_name = std::move(helo);
    c.mail_from = std::move(from);
    c.recipients = std::move(to);
    c.message = std::make_shared<const std::string>(std::move(message));
    c.declare_size = false;  // the RFC's client does not use SIZE=
    return c;
  };
  std::vector<Example> out;
  out.push_back({"d1_typical.txt", rfc_server("foo.com", true, {"DSN"}), "foo.com greets bar.com",
                 client("bar.com", "Smith@bar.com",
                        {"Jones@foo.com", "Green@foo.com", "Brown@foo.com"}, blah)});
  out.push_back({"d2_aborted.txt", rfc_server("foo.com", true, {"DSN"}), "foo.com greets bar.com",
                 client("bar.com", "Smith@bar.com", {"Jones@foo.com", "Green@foo.com"}, blah)});
  out.back().client.abort_on_refused_recipient = true;
  out.push_back({"d3_relay_step1.txt", rfc_server("foo.com", true, {"DSN"}),
                 "foo.com greets bar.com",
                 client("bar.com", "JQP@bar.com", {"Jones@XYZ.COM"}, board)});
  out.push_back({"d3_relay_step2.txt", rfc_server("xyz.com", false, {}), "xyz.com is on the air",
                 client("foo.com", "JQP@bar.com", {"Jones@XYZ.COM"}, relayed)});
  out.push_back({"d4_verify.txt", rfc_server("foo.com", true, {"DSN", "VRFY"}),
                 "foo.com greets bar.com",
                 client("bar.com", "EAK@bar.com", {"Admin.MRC@foo.com"}, blah), false});
  return out;
}

std::string joined(const std::vector<Line>& lines, std::size_t from, std::size_t to) {
  std::string out;
  for (std::size_t i = from; i < to; ++i)
    out += lines[i].text + "\r\n";
  return out;
}

TEST(SmtpGolden, ServerReplaysAppendixD) {
  for (Example& ex : examples()) {
    const std::vector<Line> script = load(ex.file);
    std::string out;
    std::vector<std::string> messages;
    ServerSession* self = nullptr;
    ServerSession server(
        ex.server, [&](std::string_view b) { out += b; },
        [&](const PolicyQuery& q) {
          if (q.stage == PolicyStage::helo) {
            self->answer(Reply(250, "", ex.helo_reply), at(0));
          } else if (q.stage == PolicyStage::rcpt && q.argument == "Green@foo.com") {
            self->answer(Reply(550, "5.1.1", "No such user here"), at(0));
          } else if (q.stage == PolicyStage::vrfy) {
            self->answer(Reply(250, "2.1.5", "Mark Crispin <Admin.MRC@foo.com>"), at(0));
          } else {
            if (q.stage == PolicyStage::message) messages.push_back(q.transaction->content);
            self->accept(at(0));
          }
        });
    self = &server;
    server.start(at(0));
    std::string expected;
    for (const Line& line : script) {
      if (line.side == 'S') {
        expected += line.text + "\r\n";
      } else {
        ASSERT_EQ(out, expected) << ex.file << " before C: " << line.text;
        server.receive(line.text + "\r\n", at(1));
      }
    }
    EXPECT_EQ(out, expected) << ex.file;
    EXPECT_TRUE(server.closed()) << ex.file;
    if (ex.file != "d2_aborted.txt") {
      ASSERT_EQ(messages.size(), 1u) << ex.file;
      EXPECT_EQ(messages[0], *ex.client.message) << ex.file;
    }
  }
}

TEST(SmtpGolden, ClientReplaysAppendixD) {
  for (Example& ex : examples()) {
    if (!ex.replay_client) continue;
    const std::vector<Line> script = load(ex.file);
    std::string sent;
    ClientSession client(ex.client, [&](std::string_view b) { sent += b; });
    client.start(at(0));
    std::size_t i = 0;
    while (i < script.size()) {
      std::size_t j = i;
      while (j < script.size() && script[j].side == script[i].side)
        ++j;
      if (script[i].side == 'S') {
        client.receive(joined(script, i, j), at(1));
      } else {
        EXPECT_EQ(sent, joined(script, i, j)) << ex.file << " at line " << i;
        sent.clear();
      }
      i = j;
    }
    EXPECT_EQ(sent, "") << ex.file;
    EXPECT_TRUE(client.done()) << ex.file;
    EXPECT_EQ(client.outcome().status, SessionStatus::completed) << ex.file;
  }
}

TEST(SmtpGolden, ClientOutcomesOfD1AndD2) {
  auto run = [](const Example& ex) {
    const std::vector<Line> script = load(ex.file);
    auto client = std::make_unique<ClientSession>(ex.client, [](std::string_view) {});
    client->start(at(0));
    std::string replies;
    for (const Line& l : script) {
      if (l.side == 'S') replies += l.text + "\r\n";
    }
    client->receive(replies, at(1));  // a server that answers ahead still gets read in order
    return client;
  };
  const auto ex = examples();
  const auto d1 = run(ex[0]);
  ASSERT_EQ(d1->recipients().size(), 3u);
  EXPECT_EQ(d1->recipients()[0].status, RecipientStatus::delivered);
  EXPECT_EQ(d1->recipients()[1].status, RecipientStatus::rejected);
  EXPECT_EQ(d1->recipients()[1].reply->text(), "No such user here");
  EXPECT_EQ(d1->recipients()[2].status, RecipientStatus::delivered);
  const auto d2 = run(ex[1]);
  EXPECT_EQ(d2->recipients()[0].status, RecipientStatus::deferred);
  EXPECT_EQ(d2->recipients()[1].status, RecipientStatus::rejected);
}

}  // namespace
}  // namespace mailsim::proto::smtp

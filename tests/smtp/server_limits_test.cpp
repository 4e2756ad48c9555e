// Limits, framing, pipelining, the owner answering late, and timeouts of the server session.
#include <gtest/gtest.h>

#include "tests/proto_common/timer_text.hpp"
#include "tests/smtp/server_harness.hpp"

namespace mailsim::proto::smtp {
namespace {

using testing::at;
using testing::ServerHarness;
using Texts = std::vector<std::string>;

ServerConfig plain_config() {
  ServerConfig c;
  c.hostname = "mx.example";
  return c;
}

TEST(SmtpServer, RecipientLimit) {
  ServerConfig c = plain_config();
  c.max_recipients = 2;
  ServerHarness h(c);
  h.greeted();
  h.send("MAIL FROM:<s@b.example>\r\n");
  EXPECT_EQ(
      h.send("RCPT TO:<a@mx.example>\r\nRCPT TO:<b@mx.example>\r\nRCPT TO:<c@mx.example>\r\n"),
      "250 2.1.5 Ok\r\n250 2.1.5 Ok\r\n452 4.5.3 Error: too many recipients\r\n");
  EXPECT_EQ(h.session.transaction()->recipients.size(), 2u);
}

TEST(SmtpServer, MessageSizeLimit) {
  ServerConfig c = plain_config();
  c.max_message_size = 100;
  ServerHarness h(c);
  h.greeted();
  EXPECT_EQ(h.send("MAIL FROM:<s@b.example> SIZE=101\r\n"),
            "552 5.3.4 Message size exceeds fixed limit\r\n");
  h.send("MAIL FROM:<s@b.example>\r\nRCPT TO:<r@mx.example>\r\nDATA\r\n");
  const std::string line(60, 'x');
  EXPECT_EQ(h.send(line + "\r\n" + line + "\r\n.\r\n"),
            "552 5.3.4 Message size exceeds fixed limit\r\n");
  EXPECT_TRUE(h.messages.empty());
  EXPECT_EQ(h.session.state(), ServerState::ready);
}

TEST(SmtpServer, TenMegabyteMessage) {
  ServerConfig c = plain_config();
  c.max_message_size = 0;
  ServerHarness h(c);
  h.greeted();
  h.send("MAIL FROM:<s@b.example> SIZE=10485760\r\nRCPT TO:<r@mx.example>\r\nDATA\r\n");
  std::string body;
  const std::string line = std::string(76, 'm') + "\r\n";
  while (body.size() + line.size() <= 10 * 1024 * 1024)
    body += line;
  body.append(10 * 1024 * 1024 - body.size() - 2, 'z');
  body += "\r\n";
  ASSERT_EQ(body.size(), 10u * 1024 * 1024);
  // Delivered in 64 KiB pieces, as a TCP stream would.
  for (std::size_t i = 0; i < body.size(); i += 65536) {
    EXPECT_EQ(h.send(std::string_view(body).substr(i, 65536)), "");
  }
  EXPECT_EQ(h.send(".\r\n"), "250 2.0.0 Ok: queued\r\n");
  ASSERT_EQ(h.messages.size(), 1u);
  EXPECT_EQ(h.messages[0].size(), body.size());
  EXPECT_TRUE(h.messages[0] == body);

  ServerHarness limited(plain_config());  // Postfix's default limit, 10240000 octets
  limited.greeted();
  limited.send("MAIL FROM:<s@b.example>\r\nRCPT TO:<r@mx.example>\r\nDATA\r\n");
  limited.send(body);
  EXPECT_EQ(limited.send(".\r\n"), "552 5.3.4 Message size exceeds fixed limit\r\n");
}

// A client that does not wrap its lines (RFC 5321 4.5.3.1.6 asks 1000 octets at most) loses no
// mail: the server keeps the line whole, as Postfix (line_length_limit pieces joined again on
// delivery) and Exim do. A server configured with a limit refuses after the final dot.
TEST(SmtpServer, TextLinesOverAThousandOctetsAreKeptWhole) {
  for (std::size_t octets : {999u, 1000u, 1001u, 2049u, 5002u}) {
    ServerHarness h(plain_config());
    h.greeted();
    h.send("MAIL FROM:<s@b.example>\r\nRCPT TO:<r@mx.example>\r\nDATA\r\n");
    const std::string line = std::string(octets - 2, 'x') + "\r\n";
    EXPECT_EQ(h.send(line + ".\r\n"), "250 2.0.0 Ok: queued\r\n") << octets;
    ASSERT_EQ(h.messages.size(), 1u);
    EXPECT_TRUE(h.messages[0] == line) << octets;
  }
  ServerConfig strict = plain_config();
  strict.max_text_line = 1000;
  ServerHarness h(strict);
  h.greeted();
  h.send("MAIL FROM:<s@b.example>\r\nRCPT TO:<r@mx.example>\r\nDATA\r\n");
  EXPECT_EQ(h.send(std::string(999, 'x') + "\r\n.\r\n"), "500 5.5.2 Line too long\r\n");
  EXPECT_EQ(h.send("NOOP\r\n"), "250 2.0.0 Ok\r\n");  // the session stays usable
}

TEST(SmtpServer, CommandLineLimit) {
  ServerHarness h(plain_config());
  h.greeted();
  const std::string at_limit = "NOOP " + std::string(512 - 7, 'x') + "\r\n";
  ASSERT_EQ(at_limit.size(), 512u);
  EXPECT_EQ(h.send(at_limit), "250 2.0.0 Ok\r\n");
  EXPECT_EQ(h.send("NOOP " + std::string(512 - 6, 'x') + "\r\n"), "500 5.5.2 Line too long\r\n");
  // A line far over the limit, arriving in pieces, is dropped as it comes.
  EXPECT_EQ(h.send("NOOP " + std::string(5000, 'y')), "");
  EXPECT_EQ(h.send(std::string(5000, 'y')), "");
  EXPECT_EQ(h.send("\r\nNOOP\r\n"), "500 5.5.2 Line too long\r\n250 2.0.0 Ok\r\n");
}

TEST(SmtpServer, PipelinedGroupGetsItsRepliesInOneWrite) {
  std::vector<std::string> writes;
  ServerConfig c = plain_config();
  ServerSession s(c, [&](std::string_view b) { writes.emplace_back(b); });
  s.start(at(0));
  s.receive("EHLO c.example\r\n", at(0));
  writes.clear();
  s.receive(
      "MAIL FROM:<s@b.example>\r\nRCPT TO:<a@mx.example>\r\nRCPT TO:<b@mx.example>\r\nDATA\r\n",
      at(1));
  ASSERT_EQ(writes.size(), 1u);
  EXPECT_EQ(
      writes[0],
      "250 2.1.0 Ok\r\n250 2.1.5 Ok\r\n250 2.1.5 Ok\r\n354 End data with <CR><LF>.<CR><LF>\r\n");
  s.receive("Hi\r\n.\r\nQUIT\r\n", at(2));
  EXPECT_EQ(writes.back(), "250 2.0.0 Ok: queued\r\n221 2.0.0 Bye\r\n");
}

TEST(SmtpServer, ParkedSessionKeepsPipelinedInput) {
  ServerHarness h(plain_config());
  h.greeted();
  h.defer_answers = true;
  EXPECT_EQ(
      h.send("MAIL FROM:<s@b.example>\r\nRCPT TO:<a@mx.example>\r\nRCPT TO:<b@mx.example>\r\n"),
      "");
  h.session.accept(at(1));  // MAIL
  EXPECT_EQ(h.out.substr(h.out.rfind("250 2.1.0")), "250 2.1.0 Ok\r\n");
  h.send("DATA\r\n");  // arrives while the first RCPT waits for a DNS answer
  h.session.answer(Reply(450, "4.1.2", "Recipient address rejected: Domain not found"), at(2));
  h.session.accept(at(3));
  EXPECT_TRUE(h.out.ends_with(
      "450 4.1.2 Recipient address rejected: Domain not found\r\n250 2.1.5 Ok\r\n354 End data "
      "with <CR><LF>.<CR><LF>\r\n"));
  EXPECT_EQ(h.session.transaction()->recipients, std::vector<std::string>{"b@mx.example"});
  EXPECT_THROW(h.session.accept(at(3)), std::logic_error);
}

TEST(SmtpServer, EndlessInputWhileParkedIsCutOff) {
  ServerHarness h(plain_config());
  h.greeted();
  h.defer_answers = true;
  h.send("MAIL FROM:<s@b.example>\r\n");
  const std::string rcpt = "RCPT TO:<a@mx.example>\r\n";
  std::string flood;
  while (flood.size() < 300 * 1024)
    flood += rcpt;
  EXPECT_EQ(h.send(flood), "421 4.7.0 mx.example Error: too much pipelined input\r\n");
  EXPECT_EQ(h.session.state(), ServerState::closed);
  h.session.accept(at(5));  // the owner's late answer is ignored, not an error
  EXPECT_EQ(h.send("NOOP\r\n"), "");
}

TEST(SmtpServer, OneByteAtATime) {
  ServerHarness whole(plain_config());
  ServerHarness bytes(plain_config());
  const std::string input =
      "EHLO c.example\r\nMAIL FROM:<s@b.example>\r\nRCPT TO:<a@mx.example>\r\nDATA\r\n"
      "Subject: x\r\n\r\n..dot\r\n.\r\nNOOP\r\nQUIT\r\n";
  whole.start();
  whole.send(input);
  bytes.start();
  for (char c : input)
    bytes.send(std::string_view(&c, 1));
  EXPECT_EQ(bytes.out, whole.out);
  EXPECT_EQ(bytes.messages, whole.messages);
  ASSERT_EQ(bytes.messages.size(), 1u);
  EXPECT_EQ(bytes.messages[0], "Subject: x\r\n\r\n.dot\r\n");
  EXPECT_TRUE(bytes.session.closed());
}

TEST(SmtpServer, TimeoutsPerState) {
  ServerConfig c = plain_config();
  c.timeouts.command = std::chrono::minutes(5);
  c.timeouts.data = std::chrono::minutes(3);
  ServerHarness h(c);
  h.start();
  EXPECT_EQ(test::timer_texts(h.session.take_actions()), (Texts{"start 1 at 300s"}));
  h.send("EHLO c.example\r\nMAIL FROM:<s@b.example>\r\nRCPT TO:<a@mx.example>\r\nDATA\r\n", at(10));
  EXPECT_EQ(test::timer_texts(h.session.take_actions()), (Texts{"start 1 at 190s"}));
  EXPECT_FALSE(h.session.on_timer(DeadlineTimer::kId, at(100)));  // a stale timer does nothing
  EXPECT_EQ(test::timer_texts(h.session.take_actions()), (Texts{"start 1 at 190s"}));
  EXPECT_TRUE(h.session.on_timer(DeadlineTimer::kId, at(190)));
  EXPECT_TRUE(h.out.ends_with("421 4.4.2 mx.example Error: timeout exceeded\r\n"));
  EXPECT_TRUE(h.session.closed());
  EXPECT_EQ(test::timer_texts(h.session.take_actions()), Texts{});
  EXPECT_FALSE(h.session.on_timer(DeadlineTimer::kId, at(1000)));
}

TEST(SmtpServer, Shutdown421) {
  ServerHarness h(plain_config());
  h.greeted();
  h.send("MAIL FROM:<s@b.example>\r\n");
  h.session.shutdown(at(5));
  EXPECT_TRUE(h.out.ends_with(
      "421 4.3.2 mx.example Service not available, closing transmission channel\r\n"));
  EXPECT_TRUE(h.session.closed());
}

// SIZE= only sizes the reader's buffer: a client that declares less or more than it sends still
// gets its message kept whole and exactly.
TEST(SmtpServer, ADeclaredSizeThatIsWrongChangesNothingInTheMessage) {
  for (const char* declared : {"SIZE=10", "SIZE=99999"}) {
    ServerConfig c = plain_config();
    c.max_message_size = 100000;
    ServerHarness h(c);
    h.greeted();
    h.send(std::string("MAIL FROM:<s@b.example> ") + declared +
           "\r\nRCPT TO:<r@mx.example>\r\nDATA\r\n");
    const std::string body = std::string(300, 'x') + "\r\n" + std::string(50, 'y') + "\r\n";
    EXPECT_EQ(h.send(body + ".\r\n"), "250 2.0.0 Ok: queued\r\n") << declared;
    ASSERT_EQ(h.messages.size(), 1u) << declared;
    EXPECT_EQ(h.messages[0], body) << declared;
  }
}

}  // namespace
}  // namespace mailsim::proto::smtp

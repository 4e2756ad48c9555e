// SMTP smuggling (CVE-2023-51764/5/6): every sequence of the reference sheet, in each of the
// three end-of-data modes, with the number of messages the server accepts.
#include <gtest/gtest.h>

#include "tests/smtp/server_harness.hpp"

namespace mailsim::proto::smtp {
namespace {

using testing::ServerHarness;

struct Case {
  std::string_view name;
  std::string_view sequence;  // placed between the real message and the smuggled commands
  int normalize;              // messages accepted in each mode
  int reject;
  int lenient;
};

const Case kCases[] = {
    {"LF.LF", "\n.\n", 1, 0, 2},
    {"LF.CRLF", "\n.\r\n", 1, 0, 2},
    {"CR.CR", "\r.\r", 1, 1, 1},
    {"CR.LF", "\r.\n", 1, 0, 1},
    {"LF.CR", "\n.\r", 1, 0, 1},
    {"CRLF.LF", "\r\n.\n", 1, 0, 2},
    {"CR.CRLF", "\r.\r\n", 1, 1, 1},
    {"CRLF.CR", "\r\n.\r", 1, 1, 1},
    {"CRLF.CRLF (standard)", "\r\n.\r\n", 2, 2, 2},
};

struct Outcome {
  std::size_t accepted;
  std::vector<std::string> messages;
  std::string replies;
};

Outcome run(EndOfDataMode mode, std::string_view sequence) {
  ServerConfig c;
  c.hostname = "inbound.example";
  c.end_of_data = mode;
  ServerHarness h(c);
  h.greeted();
  const std::string before = h.out;
  h.send("MAIL FROM:<user@outbound.example>\r\nRCPT TO:<friend@inbound.example>\r\nDATA\r\n");
  h.send(std::string("From: user@outbound.example\r\nSubject: hello\r\n\r\nhello") +
         std::string(sequence) +
         "MAIL FROM:<admin@bank.example>\r\nRCPT TO:<friend@inbound.example>\r\nDATA\r\n"
         "From: admin@bank.example\r\nSubject: forged\r\n\r\nforged\r\n.\r\nQUIT\r\n");
  return Outcome{h.messages.size(), h.messages, h.out.substr(before.size())};
}

TEST(SmtpSmuggling, EverySequenceInEveryMode) {
  for (const Case& c : kCases) {
    EXPECT_EQ(run(EndOfDataMode::normalize, c.sequence).accepted, std::size_t(c.normalize))
        << c.name << " normalize";
    EXPECT_EQ(run(EndOfDataMode::reject, c.sequence).accepted, std::size_t(c.reject))
        << c.name << " reject";
    EXPECT_EQ(run(EndOfDataMode::lenient, c.sequence).accepted, std::size_t(c.lenient))
        << c.name << " lenient";
  }
}

TEST(SmtpSmuggling, LenientServerSeesTheForgedMessage) {
  const Outcome o = run(EndOfDataMode::lenient, "\n.\n");
  ASSERT_EQ(o.messages.size(), 2u);
  EXPECT_EQ(o.messages[0], "From: user@outbound.example\r\nSubject: hello\r\n\r\nhello\r\n");
  EXPECT_EQ(o.messages[1], "From: admin@bank.example\r\nSubject: forged\r\n\r\nforged\r\n");
}

TEST(SmtpSmuggling, NormalizeKeepsTheSmuggledTextInsideOneMessage) {
  const Outcome o = run(EndOfDataMode::normalize, "\n.\n");
  ASSERT_EQ(o.messages.size(), 1u);
  EXPECT_NE(o.messages[0].find("hello\r\n\r\nMAIL FROM:<admin@bank.example>\r\n"),
            std::string::npos);
}

TEST(SmtpSmuggling, RejectAnswers550AfterTheFinalDot) {
  const Outcome o = run(EndOfDataMode::reject, "\n.\n");
  EXPECT_NE(o.replies.find("550 5.5.2 Error: bare <LF> received\r\n221 2.0.0 Bye\r\n"),
            std::string::npos);
}

}  // namespace
}  // namespace mailsim::proto::smtp

// SMTP smuggling (CVE-2023-51764/5/6): every sequence of the reference sheet, in each of the
// end-of-data modes, with the number of messages the server accepts; the attacker's payload
// (smuggling_payload); and the chain of the real attack, an outbound server in front of an
// inbound one, with the fix on either side.
#include <gtest/gtest.h>

#include "agents/proto/smtp/data_reader.hpp"
#include "agents/proto/smtp/smuggling.hpp"
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
  int keep;
};

const Case kCases[] = {
    {"LF.LF", "\n.\n", 1, 0, 2, 1},
    {"LF.CRLF", "\n.\r\n", 1, 0, 2, 1},
    {"CR.CR", "\r.\r", 1, 1, 1, 1},
    {"CR.LF", "\r.\n", 1, 0, 1, 1},
    {"LF.CR", "\n.\r", 1, 0, 1, 1},
    {"CRLF.LF", "\r\n.\n", 1, 0, 2, 1},
    {"CR.CRLF", "\r.\r\n", 1, 1, 1, 1},
    {"CRLF.CR", "\r\n.\r", 1, 1, 1, 1},
    {"CRLF.CRLF (standard)", "\r\n.\r\n", 2, 2, 2, 2},
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
    EXPECT_EQ(run(EndOfDataMode::keep, c.sequence).accepted, std::size_t(c.keep))
        << c.name << " keep";
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

TEST(SmtpSmuggling, KeepLeavesTheBareLfsAndTheDotAsTheyCame) {
  const Outcome o = run(EndOfDataMode::keep, "\n.\r\n");
  ASSERT_EQ(o.messages.size(), 1u);
  EXPECT_NE(o.messages[0].find("hello\n.\r\nMAIL FROM:<admin@bank.example>\r\n"),
            std::string::npos);
}

const SmuggledMessage kForged{"ceo@c.example", "bob@b.example", "The CEO <ceo@c.example>",
                              "Invoice", "Pay today.\nThe CEO"};

TEST(SmtpSmuggling, ThePayloadEndsTheDataForALenientReaderAndCarriesASecondEnvelope) {
  EXPECT_EQ(smuggling_payload(kForged),
            "\n.\r\nMAIL FROM:<ceo@c.example>\r\nRCPT TO:<bob@b.example>\r\nDATA\r\n"
            "From: The CEO <ceo@c.example>\r\nTo: bob@b.example\r\nSubject: Invoice\r\n\r\n"
            "Pay today.\r\nThe CEO");
  // Without a From:, the envelope sender shows.
  EXPECT_NE(smuggling_payload({"x@c.example", "bob@b.example", "", "s", "b"})
                .find("From: x@c.example\r\n"),
            std::string::npos);
}

// The attack's chain: the attacker's client passes bare LFs to his provider's server, which
// relays the message it stored; the inbound server counts the messages. `outbound` is how the
// provider's server reads data; it relays bare LFs unchanged only when it kept them.
std::size_t forged_chain(EndOfDataMode outbound, EndOfDataMode inbound) {
  const std::string first = "From: mallory@a.example\r\nSubject: news\r\n\r\nNothing.";
  ServerConfig provider_config;
  provider_config.hostname = "smtp.a.example";
  provider_config.end_of_data = outbound;
  ServerHarness provider(provider_config);
  provider.greeted();
  provider.send("MAIL FROM:<mallory@a.example>\r\nRCPT TO:<bob@b.example>\r\nDATA\r\n");
  provider.send(dot_stuff(first + smuggling_payload(kForged), true));
  if (provider.messages.empty()) return 0;  // refused at the provider (reject)
  EXPECT_EQ(provider.messages.size(), 1u);  // the provider never sees a second message

  ServerConfig inbound_config;
  inbound_config.hostname = "mx.b.example";
  inbound_config.end_of_data = inbound;
  ServerHarness mx(inbound_config);
  mx.greeted();
  mx.send("MAIL FROM:<mallory@a.example>\r\nRCPT TO:<bob@b.example>\r\nDATA\r\n");
  mx.send(dot_stuff(provider.messages[0], outbound == EndOfDataMode::keep));
  return mx.messages.size();
}

TEST(SmtpSmuggling, TheForgedMessageGetsThroughOnlyWhenBothSidesAreLenient) {
  EXPECT_EQ(forged_chain(EndOfDataMode::keep, EndOfDataMode::lenient), 2u);
  // The fix on the outbound side: bare LFs become CRLF (normalize) or are refused (reject).
  EXPECT_EQ(forged_chain(EndOfDataMode::normalize, EndOfDataMode::lenient), 1u);
  EXPECT_EQ(forged_chain(EndOfDataMode::reject, EndOfDataMode::lenient), 0u);
  // The fix on the inbound side: only <CR><LF>.<CR><LF> ends the data.
  EXPECT_EQ(forged_chain(EndOfDataMode::keep, EndOfDataMode::normalize), 1u);
  EXPECT_EQ(forged_chain(EndOfDataMode::keep, EndOfDataMode::reject), 0u);
}

}  // namespace
}  // namespace mailsim::proto::smtp

#include "agents/proto/imap/wire_format.hpp"

#include <gtest/gtest.h>

#include "agents/proto/imap/header_fields.hpp"
#include "tests/mailbox/sample_store.hpp"

using namespace mailsim::proto::imap;
using namespace std::chrono;

TEST(WireFormat, StringsQuotedOrLiteral) {
  EXPECT_EQ(imap_string("a \"b\" \\c"), "\"a \\\"b\\\" \\\\c\"");
  EXPECT_EQ(imap_string("é"), "{2}\r\né");
  EXPECT_EQ(imap_string("a\r\nb"), "{4}\r\na\r\nb");
  EXPECT_EQ(imap_nstring(std::nullopt), "NIL");
  EXPECT_EQ(imap_astring("INBOX"), "INBOX");
  EXPECT_EQ(imap_astring("Two words"), "\"Two words\"");
  EXPECT_EQ(imap_astring("NIL"), "\"NIL\"");
  EXPECT_EQ(imap_astring(""), "\"\"");
}

TEST(WireFormat, InternalDate) {
  mailsim::proto::imf::ScenarioClock epoch(sys_days{year{2024} / 1 / 1}, minutes(0));
  EXPECT_EQ(imap_date_time(mailsim::sim::SimTime{0}, epoch), "\"01-Jan-2024 00:00:00 +0000\"");
  EXPECT_EQ(imap_date_time(seconds(90061), epoch), "\"02-Jan-2024 01:01:01 +0000\"");
  EXPECT_EQ(imap_date_time(days(60), epoch), "\"01-Mar-2024 00:00:00 +0000\"");  // leap year
  // Written in the scenario's zone, read back to the same instant.
  mailsim::proto::imf::ScenarioClock paris(sys_days{year{2024} / 1 / 1}, minutes(60));
  EXPECT_EQ(imap_date_time(seconds(90061), paris), "\"02-Jan-2024 02:01:01 +0100\"");
  EXPECT_EQ(parse_imap_date_time("02-Jan-2024 02:01:01 +0100", paris), seconds(90061));
  mailsim::proto::imf::ScenarioClock montreal(sys_days{year{2024} / 1 / 1}, minutes(-270));
  EXPECT_EQ(imap_date_time(mailsim::sim::SimTime{0}, montreal), "\"31-Dec-2023 19:30:00 -0430\"");
}

TEST(WireFormat, AppendDateTimeParsesBackToSimulatedTime) {
  mailsim::proto::imf::ScenarioClock epoch(sys_days{year{2024} / 1 / 1}, minutes(0));
  EXPECT_EQ(parse_imap_date_time("02-Jan-2024 01:01:01 +0000", epoch), seconds(90061));
  EXPECT_EQ(parse_imap_date_time(" 2-Jan-2024 03:01:01 +0200", epoch), seconds(90061));
  EXPECT_EQ(parse_imap_date_time("2-Jan-2024 00:01:01 -0100", epoch), seconds(90061));
  EXPECT_EQ(parse_imap_date_time("31-Dec-2023 00:00:00 +0000", epoch), -days(1));
  for (const char* bad : {"", "31-Feb-2024 00:00:00 +0000", "01-Foo-2024 00:00:00 +0000",
                          "01-Jan-2024 24:00:00 +0000", "01-Jan-2024 00:00:00 0000",
                          "01-Jan-2024T00:00:00 +0000", "1-Jan-2024 00:00:00 +0000 "})
    EXPECT_EQ(parse_imap_date_time(bad, epoch), std::nullopt) << bad;
}

TEST(HeaderFields, UnfoldingAndCaseInsensitiveNames) {
  EXPECT_EQ(header_value(mailsim::test::kMessage2, "subject"), "Dots and folding");
  EXPECT_EQ(header_value(mailsim::test::kMessage2, "TO"), "alice@example.com, bob@example.org");
  EXPECT_EQ(header_value(mailsim::test::kMessage2, "Reply-To"), std::nullopt);
  EXPECT_EQ(header_value("Subject :  spaced \r\n\r\nbody", "Subject"), "spaced");
  EXPECT_EQ(body_section(mailsim::test::kMessage3), "Already read.\r\n");
  EXPECT_EQ(header_section("\r\nonly body"), "\r\n");
  EXPECT_EQ(body_section("\r\nonly body"), "only body");
  EXPECT_TRUE(icontains("Hello World", "o w"));
  EXPECT_FALSE(icontains("Hello", "xyz"));
}

TEST(WireFormat, Envelope) {
  EXPECT_EQ(
      envelope(mailsim::test::kMessage2),
      "(\"Mon, 01 Jan 2024 10:30:00 +0100\" \"Dots and folding\" "
      "((\"Carol\" NIL \"carol\" \"example.net\")) ((\"Carol\" NIL \"carol\" \"example.net\")) "
      "((\"Carol\" NIL \"carol\" \"example.net\")) "
      "((NIL NIL \"alice\" \"example.com\")(NIL NIL \"bob\" \"example.org\")) "
      "((NIL NIL \"dave\" \"example.net\")) NIL NIL NIL)");
  // Groups keep their markers; non-ASCII names go back to encoded words; bad lists are NIL.
  EXPECT_EQ(
      envelope("From: team: a@x, \"B, b\" <b@y>;\r\n"
               "To: =?UTF-8?Q?=C3=89lodie?= <e@z>\r\nCc: <<broken\r\n\r\n"),
      "(NIL NIL ((NIL NIL \"team\" NIL)(NIL NIL \"a\" \"x\")(\"B, b\" NIL \"b\" \"y\")"
      "(NIL NIL NIL NIL)) "
      "((NIL NIL \"team\" NIL)(NIL NIL \"a\" \"x\")(\"B, b\" NIL \"b\" \"y\")(NIL NIL NIL NIL)) "
      "((NIL NIL \"team\" NIL)(NIL NIL \"a\" \"x\")(\"B, b\" NIL \"b\" \"y\")(NIL NIL NIL NIL)) "
      "((\"=?UTF-8?Q?=C3=89lodie?=\" NIL \"e\" \"z\")) NIL NIL NIL NIL)");
}

#include "agents/proto/imf/compose.hpp"

#include <gtest/gtest.h>

#include "agents/proto/base64.hpp"
#include "agents/proto/imf/encoded_words.hpp"
#include "agents/proto/imf/mime.hpp"
#include "tests/golden.hpp"
#include "tests/proto_common/every_text.hpp"

using mailsim::Lang;
using namespace mailsim::proto::imf;
using mailsim::proto::base64_decode;
using namespace std::chrono_literals;

namespace {
std::vector<std::string_view> split_lines(std::string_view text) {
  std::vector<std::string_view> lines;
  for (std::size_t start = 0;;) {
    const auto end = text.find("\r\n", start);
    lines.push_back(text.substr(start, end == std::string_view::npos ? end : end - start));
    if (end == std::string_view::npos) return lines;
    start = end + 2;
  }
}

Draft french_draft() {
  Draft d;
  d.from = {"Élodie Martin", "elodie", "a.example"};
  d.to = {{"", "bob", "b.example"}, {"Martin, Zoé", "zoe", "c.example"}};
  d.cc = {{"Carol", "carol", "c.example"}};
  d.subject = "Réunion de rentrée : ordre du jour";
  d.body = "Bonjour à tous,\nla réunion aura lieu à 10h.\n\nÉlodie\n";
  d.extra_fields = {{"X-Mailer", "MailSim"}};
  return d;
}
}  // namespace

TEST(Compose, FrenchMessageMatchesTheGoldenFileAndReadsBack) {
  const ScenarioClock clock = ScenarioClock::from_iso8601("2026-03-02T09:00:00+01:00");
  MessageIdGenerator ids("client.a.example");
  const auto m = compose(french_draft(), clock, 90s, ids);
  mailsim::test::check_golden("compose_fr.eml", m.to_string());

  const auto back = parse_message(m.to_string());
  EXPECT_TRUE(check_required(back.header).empty());
  EXPECT_EQ(decode_encoded_words(*back.header.value("Subject")),
            "Réunion de rentrée : ordre du jour");
  const auto to = all_mailboxes(parse_address_list(*back.header.value("To")));
  ASSERT_EQ(to.size(), 2u);
  EXPECT_EQ(to[1].display_name, "Martin, Zoé");
  EXPECT_EQ(parse_mailbox(*back.header.value("From")).display_name, "Élodie Martin");
  EXPECT_EQ(back.header.value("Message-ID"), "<20260302080130.000000.1@client.a.example>");
  EXPECT_EQ(back.header.value("Content-Type"), "text/plain; charset=utf-8");
  EXPECT_EQ(back.body, "Bonjour à tous,\r\nla réunion aura lieu à 10h.\r\n\r\nÉlodie\r\n");
}

TEST(Compose, AsciiMessagesStaySevenBit) {
  const ScenarioClock clock;
  MessageIdGenerator ids("client.a.example");
  Draft d;
  d.from = {"", "alice", "a.example"};
  d.to = {{"", "bob", "b.example"}};
  d.subject = "Hello";
  d.body = "Hi Bob\r\n";
  const auto m = compose(d, clock, 0s, ids);
  EXPECT_EQ(m.header.to_string(),
            "Date: Mon, 2 Mar 2026 08:00:00 +0000\r\n"
            "From: alice@a.example\r\n"
            "To: bob@b.example\r\n"
            "Subject: Hello\r\n"
            "Message-ID: <20260302080000.000000.1@client.a.example>\r\n"
            "MIME-Version: 1.0\r\n"
            "Content-Type: text/plain; charset=us-ascii\r\n"
            "Content-Transfer-Encoding: 7bit\r\n");
}

// Every CR, LF and CRLF becomes one CRLF, whatever surrounds it; compared with the plain
// character-by-character rule on every text of up to eight characters from {a, CR, LF}.
TEST(Compose, ToCrlfAgreesWithTheCharacterRuleOnEveryShortText) {
  auto reference = [](std::string_view t) {
    std::string out;
    for (std::size_t i = 0; i < t.size(); ++i) {
      if (t[i] == '\r' || t[i] == '\n') {
        out += "\r\n";
        if (t[i] == '\r' && i + 1 < t.size() && t[i + 1] == '\n') ++i;
      } else {
        out += t[i];
      }
    }
    return out;
  };
  const std::vector<std::string> texts = mailsim::test::every_text("a\r\n", 8);
  ASSERT_EQ(texts.size(), 9841u);
  for (const std::string& t : texts)
    ASSERT_EQ(to_crlf(t), reference(t)) << testing::PrintToString(t);
  EXPECT_EQ(to_crlf(std::string(100000, '\r')).size(), 200000u);  // lone CRs, in linear time
}

TEST(Compose, LineEndsAndBadBodies) {
  EXPECT_EQ(to_crlf("a\nb\r\nc\rd"), "a\r\nb\r\nc\r\nd");
  const ScenarioClock clock;
  MessageIdGenerator ids("h.example");
  Draft d;
  d.from = {"", "alice", "a.example"};
  d.body = "ok";
  d.extra_fields = {{"Bad Name", "x"}};
  EXPECT_THROW(compose(d, clock, 0s, ids), ParseError);
}

// A body line longer than 998 octets cannot go as it is: the text goes in quoted-printable,
// lines of at most 76 characters with soft breaks, as a mail client sends it.
TEST(Compose, ALongBodyLineIsSentInQuotedPrintable) {
  const ScenarioClock clock;
  MessageIdGenerator ids("h.example");
  Draft d;
  d.from = {"", "alice", "a.example"};
  const std::string text = "short = \n" + std::string(999, 'x') + "\nfin été \n";
  d.body = text;
  const Message m = compose(d, clock, 0s, ids);
  EXPECT_EQ(m.header.find("Content-Transfer-Encoding")->value(), "quoted-printable");
  EXPECT_EQ(m.header.find("Content-Type")->value(), "text/plain; charset=utf-8");
  std::size_t start = 0;
  while (start < m.body.size()) {
    const auto end = m.body.find("\r\n", start);
    ASSERT_NE(end, std::string::npos);
    EXPECT_LE(end - start, 76u) << m.body.substr(start, end - start);
    for (std::size_t i = start; i < end; ++i)
      EXPECT_TRUE(m.body[i] >= 32 && m.body[i] < 127) << i;
    EXPECT_NE(m.body[end - 1], ' ');  // white space at a line's end is encoded
    start = end + 2;
  }
  EXPECT_EQ(m.body.substr(0, 16), "short =3D=20\r\nxx");
  EXPECT_EQ(decode_quoted_printable(m.body), to_crlf(text));
  // Up to 998 octets, a line goes as it is.
  d.body = std::string(998, 'x');
  EXPECT_EQ(compose(d, clock, 0s, ids).header.find("Content-Transfer-Encoding")->value(), "7bit");
}

// A subject is one line: its line breaks become spaces, as in a mail client's subject box.
TEST(Compose, LineBreaksInTheSubjectBecomeSpaces) {
  const ScenarioClock clock;
  MessageIdGenerator ids("h.example");
  Draft d;
  d.from = {"", "alice", "a.example"};
  d.subject = "one\ntwo\r\nthree\rfour";
  EXPECT_EQ(compose(d, clock, 0s, ids).header.find("Subject")->value(), "one two three four");
}

// A word too long for a 78-character line goes in encoded words, which can be folded.
TEST(Compose, ALongSubjectWordIsEncodedAndFolded) {
  const ScenarioClock clock;
  MessageIdGenerator ids("h.example");
  Draft d;
  d.from = {"", "alice", "a.example"};
  d.subject = "Hi " + std::string(1000, 'y') + " end";
  const Message m = compose(d, clock, 0s, ids);
  const Field* subject = m.header.find("Subject");
  ASSERT_NE(subject, nullptr);
  for (const auto line : split_lines(subject->raw))
    EXPECT_LE(line.size(), 78u) << line;
  EXPECT_EQ(decode_encoded_words(subject->value()), d.subject);
  // A word that fits a line stays as it is.
  d.subject = std::string(77, 'w');
  EXPECT_EQ(compose(d, clock, 0s, ids).header.find("Subject")->value(), d.subject);
}

namespace {
// Alice's message to Bob with a file of `size` bytes attached.
Message with_attachment(std::uint64_t size) {
  const ScenarioClock clock = ScenarioClock::from_iso8601("2026-03-02T09:00:00+01:00");
  MessageIdGenerator ids("alice-pc");
  Draft d;
  d.from = parse_mailbox("alice@a.example");
  d.to = {parse_mailbox("bob@b.example")};
  d.subject = "Photos";
  d.body = "Here they are.";
  d.attachment_size = size;
  return compose(d, clock, 0s, ids);
}
}  // namespace

TEST(Compose, AnAttachmentMakesAMultipartMessageOfTheRightSize) {
  const Message m = with_attachment(1000);  // not a multiple of 57: the last line is shorter
  const auto type = parse_content_type(*m.header.value("Content-Type"));
  ASSERT_TRUE(type);
  EXPECT_TRUE(type->is("multipart", "mixed"));
  const auto parts = split_multipart(m.body, *type->param("boundary"));
  ASSERT_EQ(parts.size(), 2u);
  EXPECT_EQ(parts[0].body, "Here they are.");
  EXPECT_EQ(*parts[1].header.value("Content-Transfer-Encoding"), "base64");
  std::string encoded;
  for (char c : parts[1].body)
    if (c != '\r' && c != '\n') encoded += c;
  const auto decoded = base64_decode(encoded);
  ASSERT_TRUE(decoded);
  EXPECT_EQ(decoded->size(), 1000u);
  // The file is a fixed pattern: each 57-byte line of it is A to Z, A to Z, A to E.
  for (const std::uint64_t size : {1u, 56u, 57u, 58u, 1000u, 57u * 64u + 3u}) {
    const Message sized = with_attachment(size);
    const auto sized_parts = split_multipart(
        sized.body, *parse_content_type(*sized.header.value("Content-Type"))->param("boundary"));
    ASSERT_EQ(sized_parts.size(), 2u);
    std::string text;
    for (char c : sized_parts[1].body)
      if (c != '\r' && c != '\n') text += c;
    const auto file = base64_decode(text);
    ASSERT_TRUE(file) << size;
    ASSERT_EQ(file->size(), size);
    for (std::size_t i = 0; i < file->size(); ++i)
      ASSERT_EQ(static_cast<char>((*file)[i]), static_cast<char>('A' + i % 57 % 26))
          << size << " " << i;
  }
  for (std::size_t pos = 0; pos < parts[1].body.size();) {  // RFC 2045 6.8: at most 76 a line
    const auto end = parts[1].body.find("\r\n", pos);
    EXPECT_LE(end - pos, 76u);
    pos = end + 2;
  }
}

// One copy of a message with an attachment: compose() writes the multipart body once, with
// room for the header in front, and the message becomes one string in that same buffer.
TEST(Compose, AMessageWithAnAttachmentBecomesOneStringInItsBodysBuffer) {
  Message m = with_attachment(100'000);
  const std::string copied = m.to_string();
  const char* body = m.body.data();
  const std::string text = std::move(m).to_string();
  EXPECT_EQ(text, copied);
  EXPECT_EQ(text.data(), body);  // not a copy
}

#include <gtest/gtest.h>

#include "agents/proto/smtp/data_reader.hpp"

#include "agents/proto/smtp/crlf_lines.hpp"
#include "tests/proto_common/every_text.hpp"

namespace mailsim::proto::smtp {
namespace {

struct Read {
  std::size_t used;
  DataReader reader;
};

Read read_all(std::string_view bytes, EndOfDataMode mode = EndOfDataMode::normalize,
              DataLimits limits = {}) {
  Read r{0, DataReader(mode, limits)};
  r.used = r.reader.consume(bytes);
  return r;
}

TEST(SmtpDataReader, EndsOnDotLineAndLeavesTheRest) {
  auto r = read_all("Subject: x\r\n\r\nbody\r\n.\r\nQUIT\r\n");
  EXPECT_TRUE(r.reader.finished());
  EXPECT_EQ(r.reader.content(), "Subject: x\r\n\r\nbody\r\n");
  EXPECT_EQ(r.used, std::string_view("Subject: x\r\n\r\nbody\r\n.\r\n").size());
}

TEST(SmtpDataReader, EmptyMessage) {
  auto r = read_all(".\r\n");
  EXPECT_TRUE(r.reader.finished());
  EXPECT_EQ(r.reader.content(), "");
}

TEST(SmtpDataReader, UnstuffsLeadingDots) {
  auto r = read_all("..hidden\r\n...\r\n.x\r\n.\r\n");
  EXPECT_EQ(r.reader.content(), ".hidden\r\n..\r\nx\r\n");
}

TEST(SmtpDataReader, OneByteAtATime) {
  const std::string input = "a\r\n..b\r\n\r\n.\r\nNOOP\r\n";
  DataReader reader(EndOfDataMode::normalize, {});
  std::size_t used = 0;
  for (char c : input) {
    if (reader.finished()) break;
    used += reader.consume(std::string_view(&c, 1));
  }
  EXPECT_TRUE(reader.finished());
  EXPECT_EQ(used, input.size() - 6);
  EXPECT_EQ(reader.content(), "a\r\n.b\r\n\r\n");
}

TEST(SmtpDataReader, LongLinesAreKeptWholeUnlessLimited) {
  for (std::size_t octets : {999u, 1000u, 1001u, 5002u}) {
    const std::string line(octets - 2, 'x');
    auto r = read_all(line + "\r\n.\r\n");
    EXPECT_TRUE(r.reader.finished());
    EXPECT_FALSE(r.reader.line_too_long()) << octets;
    EXPECT_EQ(r.reader.content(), line + "\r\n") << octets;
    auto limited = read_all(line + "\r\n.\r\n", EndOfDataMode::normalize, {1000, 0});
    EXPECT_EQ(limited.reader.line_too_long(), octets > 1000) << octets;
  }
}

TEST(SmtpDataReader, SizeLimitCountsPastItWithoutKeeping) {
  auto r = read_all("12345678\r\n12345678\r\n.\r\n", EndOfDataMode::normalize, {1000, 15});
  EXPECT_TRUE(r.reader.finished());
  EXPECT_TRUE(r.reader.too_big());
  EXPECT_EQ(r.reader.size(), 20u);
  EXPECT_LE(r.reader.content().size(), 15u);
  // A long line past the size is counted in full, not kept.
  auto one = read_all(std::string(5000, 'y') + "\r\n.\r\n", EndOfDataMode::normalize, {0, 15});
  EXPECT_TRUE(one.reader.too_big());
  EXPECT_EQ(one.reader.size(), 5002u);
  EXPECT_LE(one.reader.content().size(), 15u);
}

TEST(SmtpDataReader, BareLfIsALineEndButNotAnEndOfData) {
  auto r = read_all("a\nb\n.\nc\r\n.\r\n");
  EXPECT_TRUE(r.reader.finished());
  EXPECT_TRUE(r.reader.bare_lf_seen());
  EXPECT_EQ(r.reader.content(), "a\r\nb\r\n\r\nc\r\n");
}

TEST(SmtpDataReader, LenientEndsOnBareLfDot) {
  auto r = read_all("a\n.\nrest", EndOfDataMode::lenient);
  EXPECT_TRUE(r.reader.finished());
  EXPECT_EQ(r.reader.content(), "a\r\n");
  EXPECT_EQ(r.used, 4u);
}

TEST(SmtpDataReader, BareCrStaysInTheLine) {
  auto r = read_all("a\r.\rb\r\n.\r\n", EndOfDataMode::lenient);
  EXPECT_EQ(r.reader.content(), "a\r.\rb\r\n");
}

TEST(SmtpDotStuff, StuffsAndTerminates) {
  EXPECT_EQ(dot_stuff("a\r\n.b\r\n"), "a\r\n..b\r\n.\r\n");
  EXPECT_EQ(dot_stuff(".\r\n"), "..\r\n.\r\n");
  EXPECT_EQ(dot_stuff("no final newline"), "no final newline\r\n.\r\n");
  EXPECT_EQ(dot_stuff(""), ".\r\n");
  EXPECT_EQ(dot_stuff("a\n.b\rc\n"), "a\r\n..b c\r\n.\r\n");
}

// Postfix's smtp_line_length_limit (smtp_proto.c): a line longer than the limit goes on with
// <CR><LF><SPACE>; a line of exactly the limit is left alone, and a dot-stuffed line counts
// its text, not the added dot.
TEST(SmtpDotStuff, BreaksLinesLongerThanTheLimit) {
  EXPECT_EQ(dot_stuff("abcdefgh\r\nxy\r\n", false, 3), "abc\r\n de\r\n fg\r\n h\r\nxy\r\n.\r\n");
  EXPECT_EQ(dot_stuff("abc\r\n", false, 3), "abc\r\n.\r\n");
  EXPECT_EQ(dot_stuff(".bcd\n", false, 3), "..bc\r\n d\r\n.\r\n");
  EXPECT_EQ(dot_stuff(std::string(2000, 'x'), false, 0), std::string(2000, 'x') + "\r\n.\r\n");
  EXPECT_EQ(lines_longer_than("abcd\r\nabc\nabcdef", 3), 2u);
  EXPECT_EQ(lines_longer_than("abcd", 0), 0u);
}

// lines_longer_than jumps a window of line_limit octets at a time; the rule it keeps is the
// line-by-line one: a line is what lies between line ends, without the CR before its LF.
TEST(SmtpDotStuff, LongLinesAgreeWithTheLineByLineRuleOnEveryShortText) {
  auto reference = [](std::string_view message, std::size_t limit) {
    std::size_t count = 0;
    while (!message.empty()) {
      const std::size_t end = message.find('\n');
      std::string_view line = message.substr(0, end);
      if (line.ends_with('\r')) line.remove_suffix(1);
      if (line.size() > limit) ++count;
      message = end == std::string_view::npos ? std::string_view{} : message.substr(end + 1);
    }
    return count;
  };
  const std::vector<std::string> texts = mailsim::test::every_text("a\r\n", 9);
  ASSERT_EQ(texts.size(), 29524u);
  for (const std::string& t : texts)
    for (std::size_t limit = 1; limit <= 4; ++limit)
      ASSERT_EQ(lines_longer_than(t, limit), reference(t, limit))
          << testing::PrintToString(t) << " limit " << limit;
  // A message of 78-octet lines with one line of 999 and one of exactly 998 (CR not counted).
  std::string message;
  for (int i = 0; i < 100; ++i)
    message += std::string(76, 'x') + "\r\n";
  message += std::string(999, 'y') + "\r\n" + std::string(998, 'z') + "\r\n";
  EXPECT_EQ(lines_longer_than(message, 998), 1u);
  EXPECT_EQ(lines_longer_than(message, 998), reference(message, 998));
}

TEST(SmtpDotStuff, PassBareLfKeepsTheSmugglingSequence) {
  EXPECT_EQ(dot_stuff("a\n.\nb\r\n", true), "a\n.\nb\r\n.\r\n");
  EXPECT_EQ(dot_stuff("a\n.\nb\r\n", false), "a\r\n..\r\nb\r\n.\r\n");
}

// The client sends a message's own bytes when stuffing would only add the final dot: the two
// must agree, or the bytes on the wire would change.
TEST(SmtpDotStuff, NeedsStuffingExactlyWhenStuffingChangesMoreThanTheEnd) {
  const std::vector<std::string> samples = {
      "",         "a\r\nb\r\n",  "a\r\n.b\r\n", ".\r\n",     "no final newline",
      "a\nb\r\n", "a\rb\r\n",    "a\n.b\r\n",   "a\r\n\r\n", "ends in cr\r",
      "\r\n",     "x\r\n..\r\n", "a.b\r\n",     "\n",        "a\n.\nb\r\n"};
  for (bool pass_bare_lf : {false, true})
    for (const auto& m : samples)
      EXPECT_EQ(needs_dot_stuffing(m, pass_bare_lf), dot_stuff(m, pass_bare_lf) != m + ".\r\n")
          << testing::PrintToString(m) << " pass_bare_lf=" << pass_bare_lf;
}

// Every text of up to 7 octets made of a, '.', CR and LF: about 22,000 of them.
std::vector<std::string> every_short_text() {
  std::vector<std::string> texts = {""};
  for (std::size_t from = 0; texts.back().size() < 7;) {
    const std::size_t to = texts.size();
    for (std::size_t i = from; i < to; ++i)
      for (char c : {'a', '.', '\r', '\n'})
        texts.push_back(texts[i] + c);
    from = to;
  }
  return texts;
}

// Every message of up to 7 octets from {a . CR LF}: the fast check agrees with its definition,
// and a message sent as it is counts as its own size (the client's SIZE= shortcut).
TEST(SmtpDotStuff, TheFastCheckAgreesWithStuffingOnEveryShortMessage) {
  const std::vector<std::string> messages = every_short_text();
  std::size_t as_is = 0;
  for (const auto& m : messages)
    for (bool pass_bare_lf : {false, true})
      for (std::size_t limit : {0, 2}) {
        const bool needs = needs_dot_stuffing(m, pass_bare_lf, limit);
        ASSERT_EQ(needs, dot_stuff(m, pass_bare_lf, limit) != m + ".\r\n")
            << testing::PrintToString(m) << " pass_bare_lf=" << pass_bare_lf << " limit=" << limit;
        if (needs || pass_bare_lf) continue;
        ++as_is;
        DataReader count(EndOfDataMode::normalize, {});
        count.consume(m + ".\r\n");
        ASSERT_EQ(count.size(), m.size()) << testing::PrintToString(m);
      }
  EXPECT_GT(as_is, 20u);  // the shortcut is taken, not only refused
}

// Fed whole, lines go through the reader's whole-line shortcut; fed octet by octet, never. Every
// input of up to 7 octets from {a . CR LF} (plus the end of data) reads the same either way, in
// every mode and with tight limits.
TEST(SmtpDataReader, ReadsTheSameFedWholeOrOctetByOctet) {
  const std::vector<std::string> inputs = every_short_text();
  const EndOfDataMode modes[] = {EndOfDataMode::normalize, EndOfDataMode::reject,
                                 EndOfDataMode::lenient, EndOfDataMode::keep};
  const DataLimits limits[] = {{}, {4, 0}, {0, 5}, {3, 3}};
  for (const auto& input : inputs) {
    const std::string bytes = input + "\r\n.\r\nrest";
    for (auto mode : modes)
      for (auto limit : limits) {
        std::vector<std::string> whole_lines, octet_lines;
        // Runs of lines come at once when they arrive together: compare the lines.
        auto into = [](std::vector<std::string>& lines) {
          return [&lines](std::string_view run) {
            EXPECT_TRUE(run.ends_with("\r\n")) << testing::PrintToString(run);
            for_each_crlf_line(run, [&](std::string_view l) { lines.emplace_back(l); });
          };
        };
        DataReader whole(mode, limit, into(whole_lines));
        DataReader octets(mode, limit, into(octet_lines));
        const std::size_t used = whole.consume(bytes);
        std::size_t used_octets = 0;
        for (std::size_t i = 0; i < bytes.size() && !octets.finished(); ++i)
          used_octets += octets.consume(bytes.substr(i, 1));
        const auto where = testing::PrintToString(bytes) + " mode " + std::string(mode_name(mode)) +
                           " limits " + std::to_string(limit.max_line) + "/" +
                           std::to_string(limit.max_message);
        ASSERT_EQ(used, used_octets) << where;
        ASSERT_EQ(whole.finished(), octets.finished()) << where;
        ASSERT_EQ(whole.content(), octets.content()) << where;
        ASSERT_EQ(whole.size(), octets.size()) << where;
        ASSERT_EQ(whole.line_too_long(), octets.line_too_long()) << where;
        ASSERT_EQ(whole.too_big(), octets.too_big()) << where;
        ASSERT_EQ(whole.bare_lf_seen(), octets.bare_lf_seen()) << where;
        ASSERT_EQ(whole_lines, octet_lines) << where;
      }
  }
}

TEST(SmtpDataReader, TellsARunOfPlainLinesInOneCallAndAnyOtherLineAlone) {
  std::vector<std::string> calls;
  DataReader r(EndOfDataMode::normalize, DataLimits{},
               [&](std::string_view lines) { calls.emplace_back(lines); });
  EXPECT_EQ(r.consume("a\r\nb\r\n..dot\r\nbare\nc\r\nd\r\n.\r\nQUIT\r\n"), 27u);
  EXPECT_EQ(calls, (std::vector<std::string>{"a\r\nb\r\n", "..dot\r\n", "bare\r\n", "c\r\nd\r\n",
                                             ".\r\n"}));
  EXPECT_EQ(r.content(), "a\r\nb\r\n.dot\r\nbare\r\nc\r\nd\r\n");
}

TEST(SmtpDotStuff, EightBitIsAnyOctetWithItsHighBit) {
  EXPECT_FALSE(has_eight_bit(""));
  EXPECT_FALSE(has_eight_bit(std::string(1000, 'a') + "\x7f"));
  EXPECT_TRUE(has_eight_bit(std::string(1000, 'a') + "\xc3\xa9"));
  EXPECT_TRUE(has_eight_bit("\x80" + std::string(33, 'b')));
  // Every length up to three rounds of 32 octets, with the high bit at every place.
  for (std::size_t length = 1; length <= 100; ++length) {
    const std::string plain(length, '\x7f');
    ASSERT_FALSE(has_eight_bit(plain)) << length;
    for (std::size_t at = 0; at < length; ++at) {
      std::string t = plain;
      t[at] = '\x80';
      ASSERT_TRUE(has_eight_bit(t)) << length << " " << at;
    }
  }
}

TEST(SmtpDotStuff, RoundTrips) {
  const std::vector<std::string> samples = {
      "Subject: dots\r\n\r\n.\r\n..\r\n...leading\r\nmiddle . dot\r\n.\r\n",
      ".first line\r\nlast\r\n",
      "\r\n\r\n.\r\n\r\n",
  };
  for (const auto& sample : samples) {
    const std::string wire = dot_stuff(sample);
    DataReader reader(EndOfDataMode::normalize, {});
    EXPECT_EQ(reader.consume(wire), wire.size());
    EXPECT_TRUE(reader.finished());
    EXPECT_EQ(reader.content(), sample);
  }
}

}  // namespace
}  // namespace mailsim::proto::smtp

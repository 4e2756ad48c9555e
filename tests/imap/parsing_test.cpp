#include <gtest/gtest.h>

#include "agents/proto/imap/arg_parser.hpp"
#include "agents/proto/imap/body_structure.hpp"
#include "agents/proto/imap/literal_reader.hpp"
#include "agents/proto/imap/search.hpp"
#include "agents/proto/imap/sequence_set.hpp"

using namespace mailsim::proto::imap;

TEST(SequenceSet, RangesStarsAndOrder) {
  auto set = SequenceSet::parse("1,3:4,7:*");
  ASSERT_TRUE(set);
  std::vector<std::uint32_t> in;
  for (std::uint32_t n = 1; n <= 9; ++n)
    if (set->contains(n, 9)) in.push_back(n);
  EXPECT_EQ(in, (std::vector<std::uint32_t>{1, 3, 4, 7, 8, 9}));
  EXPECT_EQ(set->max_explicit(), 7u);
  auto reversed = SequenceSet::parse("*:5");
  EXPECT_TRUE(reversed->contains(6, 8));
  EXPECT_FALSE(reversed->contains(4, 8));
  // "5:*" with a largest below 5 still names the largest (RFC 3501 6.4.8).
  EXPECT_TRUE(SequenceSet::parse("5:*")->contains(3, 3));
  for (const char* bad : {"", "0", "1,", ",1", "1:", "a", "1:2:3", "01", "4294967296", "1 2"})
    EXPECT_FALSE(SequenceSet::parse(bad)) << bad;
}

TEST(ArgParser, AtomsQuotedLiteralsAndErrors) {
  ArgParser p("tag LOGIN \"a \\\"b\\\\\" {3}\r\nx y NIL rest");
  EXPECT_EQ(p.tag(), "tag");
  EXPECT_TRUE(p.sp());
  EXPECT_EQ(p.atom(), "LOGIN");
  EXPECT_TRUE(p.sp());
  EXPECT_EQ(p.astring(), "a \"b\\");
  EXPECT_TRUE(p.sp());
  EXPECT_EQ(p.astring(), "x y");
  EXPECT_TRUE(p.sp());
  EXPECT_EQ(p.nstring(), "");
  EXPECT_TRUE(p.was_nil());
  EXPECT_FALSE(p.expect(')'));
  EXPECT_EQ(p.error(), "expected ')' at ' rest'");

  ArgParser unclosed("\"abc");
  EXPECT_FALSE(unclosed.quoted());
  EXPECT_EQ(unclosed.error(), "expected a closed quoted string at '\"abc'");
  ArgParser short_literal("{5}\r\nab");
  EXPECT_FALSE(short_literal.literal());
  ArgParser keyword("BODYSTRUCTURE");
  EXPECT_FALSE(keyword.keyword("BODY"));
  EXPECT_TRUE(keyword.keyword("bodystructure"));
  ArgParser big("4294967296");
  EXPECT_FALSE(big.number());
}

TEST(LiteralReader, AssemblesLiteralsFedOneByteAtATime) {
  LiteralReader reader(100, 50);
  const std::string input = "a LOGIN {3}\r\nabc {2}\r\n\r\n\r\nb NOOP\r\n";
  std::vector<std::string> seen;
  for (char c : input) {
    reader.feed(std::string_view(&c, 1));
    while (auto e = reader.next()) {
      if (e->kind == LiteralEvent::Kind::literal_announced)
        seen.push_back("+" + std::to_string(e->size));
      if (e->kind == LiteralEvent::Kind::complete) seen.push_back(e->text);
    }
  }
  EXPECT_EQ(seen,
            (std::vector<std::string>{"+3", "+2", "a LOGIN {3}\r\nabc {2}\r\n\r\n", "b NOOP"}));
}

TEST(LiteralReader, RefusesOversizedLiteralsAndLines) {
  LiteralReader reader(20, 10);
  reader.feed("a X {11}\r\n");
  auto e = reader.next();
  ASSERT_TRUE(e);
  EXPECT_EQ(e->kind, LiteralEvent::Kind::literal_too_large);
  EXPECT_EQ(e->text, "a X {11}");
  reader.feed(std::string(30, 'x') + "\r\nb NOOP\r\n");
  EXPECT_EQ(reader.next()->kind, LiteralEvent::Kind::line_too_long);
  EXPECT_EQ(reader.next()->text, "b NOOP");
}

TEST(Search, NestedKeysParseAndRejectUnknown) {
  ArgParser ok("CHARSET UTF-8 OR (SEEN FROM x) NOT UID 1:*");
  EXPECT_TRUE(parse_search(ok));
  const std::string nested = std::string(40, '(') + "ALL" + std::string(40, ')');
  ArgParser deep(nested);            // the parser views the text: keep it alive
  EXPECT_FALSE(parse_search(deep));  // bounded recursion
  ArgParser unknown("SENTSINCE 1-Jan-2024");
  EXPECT_FALSE(parse_search(unknown));
  EXPECT_NE(unknown.error().find("SENTSINCE"), std::string::npos);
  ArgParser bad_date("SINCE 1-Jan-24");
  EXPECT_FALSE(parse_search(bad_date));
  EXPECT_EQ(bad_date.error(), "expected a date such as 1-Feb-2024 at '1-Jan-24'");
}

// A multipart whose boundary never comes, or that has no part, is shown as one text part (the
// grammar has no empty multipart); a part without Content-Type in a digest holds a message.
TEST(BodyStructure, BrokenMultipartsAndDigestDefaults) {
  using mailsim::proto::imap::body_structure;
  using mailsim::proto::imap::read_structure;
  EXPECT_EQ(body_structure(read_structure("Content-Type: multipart/mixed; boundary=zz\r\n\r\n"
                                          "no delimiter here\r\n"),
                           false),
            "(\"TEXT\" \"PLAIN\" (\"CHARSET\" \"us-ascii\") NIL NIL \"7BIT\" 19 1)");
  EXPECT_EQ(body_structure(read_structure("Content-Type: multipart/mixed; boundary=zz\r\n\r\n"
                                          "--zz--\r\n"),
                           false),
            "(\"TEXT\" \"PLAIN\" (\"CHARSET\" \"us-ascii\") NIL NIL \"7BIT\" 8 1)");
  EXPECT_EQ(body_structure(read_structure("Content-Type: multipart/digest; boundary=zz\r\n\r\n"
                                          "--zz\r\n\r\nSubject: one\r\n\r\nHi\r\n--zz--\r\n"),
                           false),
            "((\"MESSAGE\" \"RFC822\" NIL NIL NIL \"7BIT\" 18 (NIL \"one\" NIL NIL NIL NIL NIL NIL "
            "NIL NIL) (\"TEXT\" \"PLAIN\" (\"CHARSET\" \"us-ascii\") NIL NIL \"7BIT\" 2 1) 3) "
            "\"DIGEST\")");
}

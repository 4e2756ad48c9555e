#include <gtest/gtest.h>

#include "agents/proto/smtp/reply.hpp"
#include "agents/proto/smtp/syntax.hpp"

namespace mailsim::proto::smtp {
namespace {

TEST(SmtpReply, SingleLineWithEnhancedCode) {
  EXPECT_EQ(Reply(250, "2.1.0", "Ok").wire(), "250 2.1.0 Ok\r\n");
  EXPECT_EQ(Reply(250, "2.1.0", "Ok").wire(false), "250 Ok\r\n");
  EXPECT_EQ(Reply(334, "", "").wire(), "334 \r\n");
}

TEST(SmtpReply, MultiLineRepeatsCodeAndEnhancedCode) {
  const Reply r(214, "2.0.0", std::vector<std::string>{"one", "two"});
  EXPECT_EQ(r.wire(), "214-2.0.0 one\r\n214 2.0.0 two\r\n");
}

TEST(SmtpReplyParser, ParsesMultiLineAndEnhancedCode) {
  ReplyParser p;
  EXPECT_FALSE(p.feed("250-mx.example"));
  EXPECT_TRUE(p.in_progress());
  EXPECT_FALSE(p.feed("250-PIPELINING"));
  const auto r = p.feed("250 SIZE 1000");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->code, 250);
  EXPECT_EQ(r->lines, (ReplyLines{"mx.example", "PIPELINING", "SIZE 1000"}));
  const auto e = p.feed("550 5.1.1 No such user");
  ASSERT_TRUE(e);
  EXPECT_EQ(e->enhanced, "5.1.1");
  EXPECT_EQ(e->text(), "No such user");
  EXPECT_TRUE(e->permanent());
}

TEST(SmtpReplyParser, EnhancedCodeOfAnotherClassStaysText) {
  ReplyParser p;
  const auto r = p.feed("250 5.1.1 odd");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->enhanced, "");
  EXPECT_EQ(r->text(), "5.1.1 odd");
  EXPECT_EQ(p.feed("221")->code, 221);
}

TEST(SmtpReplyParser, RejectsMalformedLines) {
  ReplyParser p;
  EXPECT_THROW(p.feed("hello"), ReplySyntaxError);
  EXPECT_THROW(p.feed("25"), ReplySyntaxError);
  EXPECT_THROW(p.feed("250x"), ReplySyntaxError);
  EXPECT_THROW(p.feed("650 no"), ReplySyntaxError);
  EXPECT_FALSE(p.feed("250-a"));
  EXPECT_THROW(p.feed("251 b"), ReplySyntaxError);  // codes of one reply must agree
  EXPECT_FALSE(p.in_progress());
}

TEST(SmtpSyntax, SplitsVerbCaseInsensitively) {
  const auto c = split_command("mail FROM:<a@b.c>");
  EXPECT_EQ(c.verb, "MAIL");
  EXPECT_EQ(c.arg, "FROM:<a@b.c>");
}

TEST(SmtpSyntax, Paths) {
  PathArgument p;
  EXPECT_EQ(parse_path_argument("FROM:<>", true, p), PathError::none);
  EXPECT_EQ(p.address, "");
  EXPECT_EQ(parse_path_argument("TO:<>", false, p), PathError::syntax);
  EXPECT_EQ(parse_path_argument("TO:<postmaster>", false, p), PathError::none);
  EXPECT_EQ(p.address, "postmaster");
  EXPECT_EQ(parse_path_argument("FROM:<Postmaster>", true, p), PathError::syntax);
  EXPECT_EQ(parse_path_argument("from: <a.b@example.com> SIZE=100 BODY=8BITMIME", true, p),
            PathError::none);
  EXPECT_EQ(p.address, "a.b@example.com");
  ASSERT_EQ(p.params.size(), 2u);
  EXPECT_EQ(p.params[0].keyword, "SIZE");
  EXPECT_EQ(p.params[0].value, "100");
  EXPECT_EQ(parse_path_argument("TO:<@relay.example,@b.example:joe@c.example>", false, p),
            PathError::none);
  EXPECT_EQ(p.address, "joe@c.example");
  EXPECT_EQ(parse_path_argument("TO:<\"john smith\"@example.com>", false, p), PathError::none);
  EXPECT_EQ(parse_path_argument("TO:<[192.0.2.1]>", false, p), PathError::syntax);
  EXPECT_EQ(parse_path_argument("TO:<joe@[192.0.2.1]>", false, p), PathError::none);
  EXPECT_EQ(parse_path_argument("TO:joe@example.com", false, p), PathError::syntax);
  EXPECT_EQ(parse_path_argument("TO:<joe..x@example.com>", false, p), PathError::syntax);
  EXPECT_EQ(parse_path_argument("TO:<joe@-example.com>", false, p), PathError::syntax);
  EXPECT_EQ(parse_path_argument("TO:<" + std::string(65, 'a') + "@example.com>", false, p),
            PathError::too_long);
  EXPECT_EQ(parse_path_argument("TO:<a@b.com>x", false, p), PathError::syntax);
}

TEST(SmtpSyntax, Domains) {
  EXPECT_TRUE(valid_domain_or_literal("mail.example.com"));
  EXPECT_TRUE(valid_domain_or_literal("[192.0.2.1]"));
  EXPECT_TRUE(valid_domain_or_literal("[IPv6:2001:db8::1]"));
  EXPECT_FALSE(valid_domain_or_literal("bad domain"));
  EXPECT_FALSE(valid_domain_or_literal("a..b"));
}

}  // namespace
}  // namespace mailsim::proto::smtp

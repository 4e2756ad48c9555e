#include "sim/strings.hpp"
#include "sim/lines.hpp"

#include <gtest/gtest.h>

using namespace mailsim;

TEST(Strings, TrimCaseAndSplit) {
  EXPECT_EQ(trim("  a b \t\r\n"), "a b");
  EXPECT_EQ(trim(""), "");
  EXPECT_EQ(to_lower("EHLO Mx.B"), "ehlo mx.b");
  EXPECT_EQ(to_upper("ehlo"), "EHLO");
  EXPECT_TRUE(iequals("Postmaster", "POSTMASTER"));
  EXPECT_FALSE(iequals("Postmaster", "Postmasters"));
  EXPECT_EQ(split_trimmed(" a ; b;", ';'), (std::vector<std::string_view>{"a", "b", ""}));
  EXPECT_EQ(split_trimmed("", ','), (std::vector<std::string_view>{""}));
}

TEST(SplitLines, KeepsEmptyLinesAndStartsNoneAfterTheLastNewline) {
  EXPECT_EQ(mailsim::split_lines("a\n\nb\n"), (std::vector<std::string>{"a", "", "b"}));
  EXPECT_EQ(mailsim::split_lines("a\nb"), (std::vector<std::string>{"a", "b"}));
  EXPECT_EQ(mailsim::split_lines("\n"), (std::vector<std::string>{""}));
  EXPECT_TRUE(mailsim::split_lines("").empty());
}

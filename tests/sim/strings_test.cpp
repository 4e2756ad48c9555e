#include "sim/strings.hpp"
#include "sim/lines.hpp"

#include <gtest/gtest.h>

using namespace mailsim;

TEST(Strings, TrimCaseAndSplit) {
  EXPECT_EQ(trim("  a b \t\r\n"), "a b");
  EXPECT_EQ(trim(""), "");
  EXPECT_EQ(to_lower("EHLO Mx.B"), "ehlo mx.b");
  EXPECT_EQ(to_upper("ehlo"), "EHLO");
  std::string reused = "auth plain Login";
  upper_in_place(reused);
  EXPECT_EQ(reused, "AUTH PLAIN LOGIN");
  EXPECT_TRUE(iequals("Postmaster", "POSTMASTER"));
  EXPECT_FALSE(iequals("Postmaster", "Postmasters"));
  EXPECT_EQ(split_trimmed(" a ; b;", ';'), (std::vector<std::string_view>{"a", "b", ""}));
  EXPECT_EQ(split_trimmed("", ','), (std::vector<std::string_view>{""}));
}

// ASCII case only: every octet outside A-Z and a-z is its own case, as in the C locale, so
// "É" in UTF-8 (0xC3 0x89) and "é" (0xC3 0xA9) stay different names.
TEST(Strings, CaseIsAsciiOnEveryOctet) {
  for (int i = 0; i < 256; ++i) {
    const char c = static_cast<char>(i);
    const bool upper = i >= 'A' && i <= 'Z';
    const bool lower = i >= 'a' && i <= 'z';
    EXPECT_EQ(ascii_lower(c), upper ? static_cast<char>(i + 32) : c) << i;
    EXPECT_EQ(ascii_upper(c), lower ? static_cast<char>(i - 32) : c) << i;
  }
  EXPECT_FALSE(iequals("\xc3\x89", "\xc3\xa9"));
  EXPECT_TRUE(iequals("MX.B.Example", "mx.b.EXAMPLE"));
  EXPECT_FALSE(iequals("@", "`"));  // 0x40 and 0x60 differ only by the case bit
}

TEST(SplitLines, KeepsEmptyLinesAndStartsNoneAfterTheLastNewline) {
  EXPECT_EQ(mailsim::split_lines("a\n\nb\n"), (std::vector<std::string>{"a", "", "b"}));
  EXPECT_EQ(mailsim::split_lines("a\nb"), (std::vector<std::string>{"a", "b"}));
  EXPECT_EQ(mailsim::split_lines("\n"), (std::vector<std::string>{""}));
  EXPECT_TRUE(mailsim::split_lines("").empty());
}

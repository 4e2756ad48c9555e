#include "sim/strings.hpp"
#include "sim/lines.hpp"

#include <gtest/gtest.h>

#include <set>

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

TEST(BufferRoom, SmallBuffersKeepTheirSize) {
  for (const std::size_t n : {0, 1, 100, 4095, 4096})
    EXPECT_EQ(mailsim::buffer_room(n), n);
}

// Above 4 KiB, four sizes per doubling: never less than asked, at most a quarter more, and
// every size of a doubling lands on one of four.
TEST(BufferRoom, BigBuffersTakeOneOfFourSizesPerDoubling) {
  EXPECT_EQ(mailsim::buffer_room(4097), 5120u);
  EXPECT_EQ(mailsim::buffer_room(5120), 5120u);
  EXPECT_EQ(mailsim::buffer_room(9000), 10240u);
  EXPECT_EQ(mailsim::buffer_room(16384), 16384u);
  EXPECT_EQ(mailsim::buffer_room(16385), 20480u);
  EXPECT_EQ(mailsim::buffer_room(100'000'000), 100'663'296u);
  std::set<std::size_t> sizes;
  for (std::size_t n = 8193; n <= 16384; ++n) {
    const std::size_t room = mailsim::buffer_room(n);
    ASSERT_GE(room, n);
    ASSERT_LE(room, n + n / 4);
    sizes.insert(room);
  }
  EXPECT_EQ(sizes, (std::set<std::size_t>{10240, 12288, 14336, 16384}));
}

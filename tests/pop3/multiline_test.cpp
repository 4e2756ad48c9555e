#include "agents/proto/pop3/multiline.hpp"

#include <gtest/gtest.h>

using namespace mailsim::proto::pop3;

TEST(Pop3Multiline, DotStuffingAndTerminator) {
  EXPECT_EQ(dot_stuff(""), ".\r\n");
  EXPECT_EQ(dot_stuff("a\r\n"), "a\r\n.\r\n");
  EXPECT_EQ(dot_stuff(".a\r\n..b\r\n.\r\nc"), "..a\r\n...b\r\n..\r\nc\r\n.\r\n");
  EXPECT_EQ(dot_stuff("bare\nlf\n.x"), "bare\r\nlf\r\n..x\r\n.\r\n");
  EXPECT_EQ(dot_stuff("a.b\r\n"), "a.b\r\n.\r\n");  // only a leading dot is doubled
}

TEST(Pop3Multiline, UnstuffRemovesOneDot) {
  EXPECT_EQ(unstuff_line("..a"), ".a");
  EXPECT_EQ(unstuff_line("..."), "..");
  EXPECT_EQ(unstuff_line(".a"), ".a");  // not stuffed by a correct server; kept
  EXPECT_EQ(unstuff_line("a"), "a");
}

#include "agents/narration/reply_codes.hpp"

#include <gtest/gtest.h>

using namespace mailsim;
using namespace mailsim::agents;

TEST(ReplyCodes, Parse) {
  auto r = parse_reply_code("451 4.7.1 Greylisted, see http://x");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->code, 451);
  EXPECT_EQ(r->enhanced, "4.7.1");
  r = parse_reply_code("250-PIPELINING");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->code, 250);
  EXPECT_EQ(r->enhanced, "");
  EXPECT_EQ(parse_reply_code("220 mx.b.example ESMTP")->enhanced, "");
  EXPECT_EQ(parse_reply_code("550 4.1.1 mismatch")->enhanced, "");  // class must agree
  EXPECT_FALSE(parse_reply_code("hello"));
  EXPECT_FALSE(parse_reply_code("25"));
  EXPECT_FALSE(parse_reply_code("650 x"));
  EXPECT_FALSE(parse_reply_code("2500"));
}

TEST(ReplyCodes, ExplainInBothLanguages) {
  EXPECT_EQ(explain_reply({451, "4.7.1"}, Lang::en),
            "temporary failure: the server is not refusing, it asks the client to come back later "
            "(451 4.7.1: local error in processing; try again later; not authorised: refused by "
            "the server's policy (relaying, spam, greylisting))");
  EXPECT_EQ(explain_reply({550, "5.1.1"}, Lang::fr),
            "échec définitif : réessayer ne servira à rien (550 5.1.1 : refusé : boîte aux lettres "
            "indisponible ou action interdite ; la boîte aux lettres n'existe pas)");
  EXPECT_EQ(explain_reply({250, ""}, Lang::en), "success (250: OK: the request was accepted)");
  EXPECT_EQ(explain_reply({299, ""}, Lang::en), "success (299: success)");
}

#include "agents/narration/reply_codes.hpp"

#include <gtest/gtest.h>

using namespace mailsim;
using namespace mailsim::agents;

TEST(ReplyCodes, Parse) {
  auto r = parse_reply_code("451 4.7.1 Greylisted, see http://x");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->code, 451);
  EXPECT_EQ(r->enhanced, "4.7.1");
  EXPECT_EQ(r->text, "Greylisted, see http://x");
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
  EXPECT_EQ(explain_reply({451, "4.7.1", {}}, Lang::en),
            "temporary failure, the client should try again later: 451 means a local error in "
            "processing, and 4.7.1 means the server's policy refuses it for now, such as "
            "greylisting or a sending limit");
  EXPECT_EQ(explain_reply({550, "5.1.1", {}}, Lang::fr),
            "échec définitif, réessayer ne servira à rien : 550 signifie que la boîte aux lettres "
            "est indisponible ou l'action interdite, et 5.1.1 signifie que la boîte aux lettres "
            "n'existe pas");
  EXPECT_EQ(explain_reply({250, "2.0.0", {}}, Lang::en),
            "success: 250 means the request is accepted");
  EXPECT_EQ(explain_reply({299, "", {}}, Lang::en), "success");
}

TEST(ReplyCodes, AuthenticationRefusalsSayWhatHelps) {
  // Logging in, or the right password, does help: not "retrying will not help".
  EXPECT_EQ(explain_reply({530, "5.7.0", {}}, Lang::en),
            "refused until the client logs in: 530 means authentication is required, and 5.7.0 "
            "means a security or policy reason");
  const std::string wrong = explain_reply({535, "5.7.8", {}}, Lang::fr);
  EXPECT_TRUE(wrong.starts_with("refusé, le bon identifiant et le bon mot de passe")) << wrong;
  EXPECT_EQ(wrong.find("ne servira"), std::string::npos) << wrong;
  EXPECT_TRUE(explain_reply({550, "5.1.1", {}}, Lang::en).starts_with("permanent failure"));
  // Postfix's AUTH before STARTTLS (smtpd_tls_auth_only): STARTTLS lifts it, as RFC 4954's 538.
  const auto early = parse_reply_code(
      "504 5.5.4 Encryption required for requested "
      "authentication mechanism");
  ASSERT_TRUE(early);
  EXPECT_EQ(early->text, "Encryption required for requested authentication mechanism");
  EXPECT_TRUE(explain_reply(*early, Lang::fr)
                  .starts_with("refusé tant que le client n'a pas "
                               "chiffré la connexion avec STARTTLS"));
  EXPECT_TRUE(
      explain_reply(*parse_reply_code("504 5.5.4 Unrecognized authentication type"), Lang::en)
          .starts_with("permanent failure"));
}

TEST(ReplyCodes, OnlyATemporaryPolicyRefusalMayBeGreylisting) {
  EXPECT_EQ(explain_reply({554, "5.7.1", {}}, Lang::en).find("greylisting"), std::string::npos);
  EXPECT_EQ(explain_reply({554, "5.7.1", {}}, Lang::fr).find("liste grise"), std::string::npos);
  EXPECT_NE(explain_reply({450, "4.7.1", {}}, Lang::en).find("greylisting"), std::string::npos);
}

// The narration puts the explanation in parentheses: it must hold none of its own.
TEST(ReplyCodes, ExplanationIsOneClauseWithoutParentheses) {
  for (Lang lang : {Lang::en, Lang::fr})
    for (int code = 200; code < 600; ++code)
      for (const char* detail : {"", ".0.0", ".1.1", ".1.10", ".2.2", ".4.3", ".7.1"}) {
        const std::string enhanced = *detail ? std::to_string(code / 100) + detail : std::string();
        const std::string text = explain_reply({code, enhanced, {}}, lang);
        EXPECT_EQ(text.find_first_of("();"), std::string::npos) << text;
      }
}

#include "agents/mta/spam_filter.hpp"

#include <gtest/gtest.h>

using namespace mailsim::agents;

namespace {
SpamFacts clean_mail() {
  SpamFacts f;
  f.client_address = "192.0.2.25";
  f.spf_result = "pass";
  f.envelope_sender = "alice@a.example";
  f.headers = {{"Date", "Sun, 29 Nov 2026 08:00:00 +0100"},
               {"From", "Alice <alice@a.example>"},
               {"Message-ID", "<1@a.example>"},
               {"Subject", "Cours de mardi"}};
  f.body = "Bonjour Bob, voici le plan du cours.";
  return f;
}
std::string header_value(const SpamVerdict& v, const std::string& name) {
  for (const auto& [n, val] : v.added_headers)
    if (n == name) return val;
  return "";
}
}  // namespace

TEST(SpamFilter, ACleanMailIsAcceptedWithItsHeaders) {
  SpamVerdict v = evaluate_spam(SpamSettings{}, clean_mail());
  EXPECT_EQ(v.action, SpamVerdict::Action::accept);
  EXPECT_EQ(v.score, 0);
  EXPECT_EQ(header_value(v, "X-Spam-Flag"), "NO");
  EXPECT_EQ(header_value(v, "X-Spam-Status"), "No, score=0.0 required=5.0 tests=none");
}

TEST(SpamFilter, AListedHomeServerIsRefusedAtRcptLikePostfix) {
  SpamFacts f = clean_mail();
  f.client_address = "203.0.113.77";
  f.dnsbl_zone = "dul.dnsbl.example";
  auto refusal = dnsbl_rejection(SpamSettings{}, f);
  ASSERT_TRUE(refusal);
  EXPECT_EQ(refusal->wire(),
            "554 5.7.1 Service unavailable; Client host [203.0.113.77] blocked using "
            "dul.dnsbl.example\r\n");
  // With the list's TXT reason, as Postfix appends it.
  f.dnsbl_reason = "Dynamic/residential IP range listed";
  EXPECT_EQ(dnsbl_rejection(SpamSettings{}, f)->wire(),
            "554 5.7.1 Service unavailable; Client host [203.0.113.77] blocked using "
            "dul.dnsbl.example; Dynamic/residential IP range listed\r\n");
  f.dnsbl_reason.clear();
  SpamSettings scored;
  scored.reject_dnsbl_at_rcpt = false;
  EXPECT_FALSE(dnsbl_rejection(scored, f));
  SpamVerdict v = evaluate_spam(scored, f);
  EXPECT_EQ(v.action, SpamVerdict::Action::tag);
  ASSERT_EQ(v.hits.size(), 1u);
  EXPECT_EQ(v.hits[0].rule, "RCVD_IN_DNSBL");
  EXPECT_EQ(v.hits[0].detail, "203.0.113.77 is listed in dul.dnsbl.example");
}

TEST(SpamFilter, SpfAndHeadersAddUp) {
  SpamFacts f = clean_mail();
  f.spf_result = "softfail";
  f.headers = {{"From", "not an address"}};
  SpamVerdict v = evaluate_spam(SpamSettings{}, f);
  // 2.0 softfail + 1.5 Date + 1.5 Message-ID + 2.5 malformed From = 7.5: tagged, not refused.
  EXPECT_DOUBLE_EQ(v.score, 7.5);
  EXPECT_EQ(v.action, SpamVerdict::Action::tag);
  EXPECT_EQ(header_value(v, "X-Spam-Status"),
            "Yes, score=7.5 required=5.0 tests=SPF_SOFTFAIL,MISSING_DATE,MISSING_MESSAGE_ID,"
            "FROM_MALFORMED");
  f.spf_result = "fail";
  v = evaluate_spam(SpamSettings{}, f);
  EXPECT_EQ(v.action, SpamVerdict::Action::reject);
  EXPECT_EQ(v.reply.wire(),
            "550 5.7.1 Message rejected as spam (score 10.5, required 10.0: SPF_FAIL,MISSING_DATE,"
            "MISSING_MESSAGE_ID,FROM_MALFORMED)\r\n");
}

TEST(SpamFilter, KeywordsAndReputation) {
  SpamSettings s;
  s.keywords = {{"LOTTERY", "you have won", 4.0}, {"CASINO", "casino", 3.0}};
  s.reputation = {{"bad.example", 3.0}, {"friend@good.example", -10.0}};
  SpamFacts f = clean_mail();
  f.envelope_sender = "promo@bad.example";
  f.headers.back().second = "YOU HAVE WON!";
  SpamVerdict v = evaluate_spam(s, f);
  EXPECT_DOUBLE_EQ(v.score, 7.0);
  EXPECT_EQ(v.action, SpamVerdict::Action::tag);
  f.envelope_sender = "friend@good.example";
  const std::string body = std::string(f.body) + " casino";
  f.body = body;
  v = evaluate_spam(s, f);
  EXPECT_DOUBLE_EQ(v.score, -3.0);
  EXPECT_EQ(v.action, SpamVerdict::Action::accept);
  EXPECT_EQ(v.hits.back().rule, "SENDER_TRUSTED");
}

TEST(SpamFilter, DisabledChecksNothing) {
  SpamSettings s;
  s.enabled = false;
  SpamFacts f;
  f.dnsbl_zone = "x";
  EXPECT_FALSE(dnsbl_rejection(s, f));
  EXPECT_TRUE(evaluate_spam(s, f).added_headers.empty());
}

#include "agents/msa/submission_policy.hpp"

#include <gtest/gtest.h>

using namespace mailsim::agents;
using namespace std::chrono_literals;
using mailsim::proto::smtp::Reply;

namespace {
SubmissionPolicy provider(std::optional<int> limit = std::nullopt) {
  SubmissionSettings s;
  s.domain = "a.example";
  s.users = {{"alice", "wonderland", {}, std::nullopt},
             {"bob", "builder", {"bob@a.example", "info@a.example"}, std::nullopt}};
  s.daily_limit = limit;
  return SubmissionPolicy(s);
}
std::string wire(const Reply& r) {
  return std::to_string(r.code) + " " + r.enhanced + " " + r.text();
}
}  // namespace

TEST(SubmissionPolicy, Authentication) {
  SubmissionPolicy p = provider();
  EXPECT_EQ(wire(p.check_auth("alice", "wonderland")), "235 2.7.0 Authentication successful");
  EXPECT_EQ(wire(p.check_auth("alice@a.example", "wonderland")),
            "235 2.7.0 Authentication successful");
  EXPECT_EQ(wire(p.check_auth("alice", "Wonderland")),
            "535 5.7.8 Authentication credentials invalid");
  EXPECT_EQ(wire(p.check_auth("mallory", "x")), "535 5.7.8 Authentication credentials invalid");
}

TEST(SubmissionPolicy, SenderMustBelongToTheUser) {
  SubmissionPolicy p = provider();
  EXPECT_EQ(wire(p.check_sender("", "alice@a.example", 0s)), "530 5.7.0 Authentication required");
  EXPECT_EQ(p.check_sender("alice", "alice@a.example", 0s).code, 250);
  EXPECT_EQ(p.check_sender("alice", "Alice@A.example", 0s).code, 250);
  EXPECT_EQ(p.check_sender("alice", "alice", 0s).code, 250);  // qualified to alice@a.example
  EXPECT_EQ(wire(p.check_sender("alice", "bob@a.example", 0s)),
            "550 5.7.1 <bob@a.example>: Sender address rejected: not owned by user alice");
  EXPECT_EQ(p.check_sender("bob", "info@a.example", 0s).code, 250);
  EXPECT_EQ(p.qualify("carol"), "carol@a.example");
  EXPECT_EQ(p.qualify("carol@b.example"), "carol@b.example");
  EXPECT_EQ(p.qualify(""), "");  // the null sender stays null
}

TEST(SubmissionPolicy, DailyLimitOverARolling24Hours) {
  SubmissionPolicy p = provider(3);
  for (int i = 0; i < 3; ++i) {
    ASSERT_EQ(p.check_sender("alice", "alice@a.example", i * 1h).code, 250);
    p.record_sent("alice", i * 1h);
  }
  // The default clock starts at 08:00 UTC: the first message left at 08:00, so the limit lifts
  // tomorrow at 08:00, said as a time of day and not as the simulator's "1d 00:00:00".
  EXPECT_EQ(wire(p.check_sender("alice", "alice@a.example", 5h)),
            "450 4.7.1 Daily sending limit of 3 messages reached, try again tomorrow after "
            "08:00 +0000");
  EXPECT_EQ(p.check_sender("bob", "bob@a.example", 5h).code, 250);  // limits are per user
  EXPECT_EQ(p.check_sender("alice", "alice@a.example", 24h).code,
            250);  // the first left the window
  EXPECT_EQ(p.sent_in_last_day("alice", 24h), 2);
}

// The time of day is the scenario's, in its zone, rounded up to the minute; "tomorrow" only when
// it falls on the next calendar day there.
TEST(SubmissionPolicy, DailyLimitSaysTheTimeOfDayInTheScenariosZone) {
  SubmissionSettings s;
  s.domain = "a.example";
  s.users = {{"alice", "wonderland", {}, std::nullopt}};
  s.daily_limit = 1;
  // 2026-11-30 22:30:00 +01:00
  s.clock = mailsim::proto::imf::ScenarioClock::from_iso8601("2026-11-30T22:30:00+01:00");
  SubmissionPolicy p(s);
  p.record_sent("alice", 1500ms);  // 22:30:01.5: the limit lifts at 22:30:01.5 the next day
  EXPECT_EQ(wire(p.check_sender("alice", "alice@a.example", 1h)),
            "450 4.7.1 Daily sending limit of 1 message reached, try again tomorrow after "
            "22:31 +0100");
  // At 00:30 the next day, the same instant is later today.
  EXPECT_EQ(wire(p.check_sender("alice", "alice@a.example", 2h)),
            "450 4.7.1 Daily sending limit of 1 message reached, try again after 22:31 +0100");
}

// A city's provider: each of hundreds of users is found by login and by login@domain, with
// their own password and addresses only.
TEST(SubmissionPolicy, EachOfManyUsersIsFoundByLogin) {
  SubmissionSettings s;
  s.domain = "d1.example";
  for (int i = 1; i <= 500; ++i)
    s.users.push_back({"user" + std::to_string(i), "pw" + std::to_string(i), {}, std::nullopt});
  s.users.push_back({"user7", "second", {}, std::nullopt});  // a second user7: the first counts
  SubmissionPolicy p(s);
  for (const int i : {1, 250, 500}) {
    const std::string login = "user" + std::to_string(i);
    const std::string password = "pw" + std::to_string(i);
    EXPECT_EQ(p.check_auth(login, password).code, 235) << login;
    EXPECT_EQ(p.check_auth(login + "@D1.example", password).code, 235) << login;
    EXPECT_EQ(p.check_auth(login, "pw0").code, 535) << login;
    EXPECT_EQ(p.check_sender(login, login + "@d1.example", 0s).code, 250) << login;
    EXPECT_EQ(p.check_sender(login, "user2@d1.example", 0s).code, 550) << login;
  }
  EXPECT_EQ(p.check_auth("user7", "pw7").code, 235);
  EXPECT_EQ(p.check_auth("user7", "second").code, 535);
  EXPECT_EQ(p.check_auth("user501", "pw501").code, 535);
  EXPECT_EQ(p.check_auth("user1@other.example", "pw1").code, 535);  // another domain's login
}

// Days of mail: only the last 24 hours count, however long the run.
TEST(SubmissionPolicy, OnlyTheLastDayCountsAfterDaysOfMail) {
  SubmissionPolicy p = provider(30);
  for (int i = 0; i < 24 * 5; ++i) {  // one an hour for five days
    ASSERT_EQ(p.check_sender("alice", "alice@a.example", i * 1h).code, 250) << i;
    p.record_sent("alice", i * 1h);
  }
  EXPECT_EQ(p.sent_in_last_day("alice", 24h * 5 - 1h), 24);
  EXPECT_EQ(p.sent_in_last_day("alice", 24h * 5 + 30min), 23);
  EXPECT_EQ(p.sent_in_last_day("alice", 24h * 7), 0);
  for (int i = 0; i < 30; ++i)  // a burst reaches the limit, and says when it lifts
    p.record_sent("alice", 24h * 5 + 1min);
  EXPECT_EQ(wire(p.check_sender("alice", "alice@a.example", 24h * 5 + 2min)),
            "450 4.7.1 Daily sending limit of 30 messages reached, try again tomorrow after "
            "08:01 +0000");
}

#include "agents/mta/retry_schedule.hpp"

#include <gtest/gtest.h>

#include <algorithm>

using namespace mailsim;
using namespace mailsim::agents;
using namespace std::chrono_literals;

namespace {
// Fails every attempt until `until`, returning the attempt times and whether it gave up.
struct Attempts {
  std::vector<SimTime> attempts;
  bool gave_up = false;
};
Attempts fail_until(const RetrySchedule& schedule, SimTime arrival, SimTime until,
                    SimTime queue_start = SimTime(0)) {
  Attempts run;
  RetryState state;
  state.arrival = arrival;
  SimTime t = arrival;
  while (t <= until) {
    run.attempts.push_back(t);
    RetryDecision d = schedule.on_temporary_failure(state, t, queue_start);
    if (d.give_up) {
      run.gave_up = true;
      break;
    }
    EXPECT_GT(d.next_attempt, t);
    t = d.next_attempt;
  }
  return run;
}
}  // namespace

TEST(PostfixBackoff, FirstThreeHoursToTheMicrosecond) {
  // Age doubles at each try, clamped to 300..4000 s, then rounded up to the next 300 s scan.
  Attempts run = fail_until(RetrySchedule(), SimTime(0), 3h);
  std::vector<SimTime> expected{0s, 300s, 600s, 1200s, 2400s, 4800s, 9000s};  // next: 13200s
  EXPECT_EQ(run.attempts, expected);
  EXPECT_FALSE(run.gave_up);
}

TEST(PostfixBackoff, ScansAreCountedFromTheQueueManagersStart) {
  // The queue manager started at 00:00:07 and the mail arrived at 00:01:00.
  Attempts run = fail_until(RetrySchedule(), 60s, 1h, 7s);
  // 60 -> due 360 -> scan 607; age 547 -> due 1154 -> scan 1207; age 1147 -> due 2354 -> 2407.
  std::vector<SimTime> expected{60s, 607s, 1207s, 2407s};
  EXPECT_EQ(run.attempts, expected);
}

TEST(PostfixBackoff, EveryGapFollowsTheFormulaAndItBouncesAfterFiveDays) {
  PostfixBackoff p;
  RetrySchedule schedule(p);
  RetryState state;
  SimTime t{0};
  int attempts = 0;
  for (;;) {
    ++attempts;
    RetryDecision d = schedule.on_temporary_failure(state, t, SimTime(0));
    if (d.give_up) break;
    const SimTime age = t - state.arrival;
    EXPECT_EQ(d.due, t + std::clamp(age, p.minimal_backoff_time, p.maximal_backoff_time));
    EXPECT_EQ(d.next_attempt.count() % 300000000, 0);
    EXPECT_LT(d.next_attempt - d.due, 300s);
    t = d.next_attempt;
  }
  EXPECT_GT(t, 5 * 24h);
  EXPECT_LE(t, 5 * 24h + 4000s + 300s);  // the first try after the lifetime
  EXPECT_GT(attempts, 100);
}

TEST(EximRules, ParseAndFormat) {
  auto rules = parse_exim_rules("F,2h,15m; G,16h,1h,1.5; F,4d,6h");
  ASSERT_EQ(rules.size(), 3u);
  EXPECT_EQ(rules[0], (EximRule{'F', 2h, 15min, 1.0}));
  EXPECT_EQ(rules[1], (EximRule{'G', 16h, 1h, 1.5}));
  EXPECT_EQ(rules[2], (EximRule{'F', 96h, 6h, 1.0}));
  EXPECT_EQ(format_exim_rules(rules), "F,2h,15m; G,16h,1h,1.5; F,4d,6h");
  EXPECT_EQ(parse_exim_rules("F,1h30m,15min")[0].cutoff, 90min);
  EXPECT_EQ(parse_exim_rules("f, 1w, 1d")[0].cutoff, 7 * 24h);
}

TEST(EximRules, Errors) {
  for (const char* bad : {"", "X,2h,15m", "F,2h", "G,2h,15m", "F,2h,15m,2", "F,2h,15parsecs",
                          "G,2h,15m,0.5", "F,4d,6h; F,2h,15m", "F,-2h,15m"})
    EXPECT_THROW(parse_exim_rules(bad), RetryRuleError) << bad;
  try {
    parse_exim_rules("F,2h,15 minutes");
    FAIL();
  } catch (const RetryRuleError& e) {
    EXPECT_EQ(e.text().render(Lang::en),
              "'15 minutes' in the retry rule 'F,2h,15 minutes' is not a time: use a number and s, "
              "m (minutes), h, d or w, for example 15m or 4d");
  }
}

TEST(EximRetry, RawScheduleWithoutQueueRunDelay) {
  EximRetry e = default_exim_retry();
  e.queue_run_interval = 1us;  // try exactly when due
  Attempts run = fail_until(RetrySchedule(e), SimTime(0), 12h);
  // Every 15 min up to 2 h (the failure at exactly 2 h still uses F), then G from 1 h x 1.5.
  std::vector<SimTime> expected;
  for (int i = 0; i <= 9; ++i)
    expected.push_back(i * 15min);                     // 0 .. 2h15
  expected.push_back(2h + 15min + 1h);                 // lastgap 15m < 1h -> 1h
  expected.push_back(expected.back() + 90min);         // 1h x 1.5
  expected.push_back(expected.back() + 135min);        // 1.5h x 1.5
  expected.push_back(expected.back() + 202min + 30s);  // 2h15 x 1.5
  EXPECT_EQ(run.attempts, expected);
}

TEST(EximRetry, QueueRunsEveryThirtyMinutesStretchTheGaps) {
  Attempts run = fail_until(RetrySchedule(default_exim_retry()), SimTime(0), 8h);
  std::vector<SimTime> expected{0min, 30min, 60min, 90min, 120min, 150min, 210min, 300min, 450min};
  // 2h30: lastgap = min(15m predicted, 30m actual) -> 1h -> 3h30; then 1h -> 1.5h -> 5h;
  // then min(1.5h, 1.5h) x 1.5 = 2h15 -> due 7h15 -> run 7h30.
  EXPECT_EQ(run.attempts, expected);
}

// Exim's ultimate address timeout (retry.c, retry_check_address and retry_update): the first
// queue run that finds the message on the queue longer than F,4d tries it although its 6 h
// retry time has not come, and that failure bounces it: at 4d 00:30, not at the next 6 h try.
TEST(EximRetry, GivesUpAtTheFirstQueueRunAfterTheLastCutoff) {
  Attempts run = fail_until(RetrySchedule(default_exim_retry()), SimTime(0), 10 * 24h);
  EXPECT_TRUE(run.gave_up);
  EXPECT_EQ(run.attempts.back(), 4 * 24h + 30min);
  EXPECT_LT(run.attempts.back() - run.attempts[run.attempts.size() - 2], 6h);
  // Between 16 h and 4 d, tries are 6 h apart (rounded to the 30 min queue runs).
  for (std::size_t i = 1; i + 1 < run.attempts.size(); ++i)
    if (run.attempts[i - 1] > 17h) {
      EXPECT_EQ(run.attempts[i] - run.attempts[i - 1], 6h);
    }
}

TEST(EximRetry, GapsNeverExceedTheGlobalMaximum) {
  EximRetry e;
  e.rules = parse_exim_rules("G,30d,1h,3");
  e.retry_interval_max = 24h;
  e.queue_run_interval = 1us;
  Attempts run = fail_until(RetrySchedule(e), SimTime(0), 20 * 24h);
  for (std::size_t i = 1; i < run.attempts.size(); ++i)
    EXPECT_LE(run.attempts[i] - run.attempts[i - 1], 24h);
  EXPECT_EQ(run.attempts[run.attempts.size() - 1] - run.attempts[run.attempts.size() - 2], 24h);
}

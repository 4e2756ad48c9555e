#pragma once
// When a deferred message is tried again, and when the queue gives up and bounces it.
// Two real schedules: Postfix's queue manager (the default) and Exim's retry rules.
//
// Postfix (qmgr, mail_params.h defaults): after a failed attempt at time t, the next attempt
// is due at t + clamp(age, minimal_backoff_time, maximal_backoff_time), where age is the
// message's age at t; the deferred queue is scanned every queue_run_delay, and a message is
// tried at the first scan at or after its due time. A failed attempt by a message older than
// maximal_queue_lifetime bounces it.
//
// Exim (retry.c): a destination's retry record keeps first_failed, last_try and next_try.
// At a failure at `now`, the rule in force is the first whose cutoff is not yet passed by
// now - first_failed; past the last cutoff the address times out and bounces. F,cutoff,i
// retries after i; G,cutoff,i,m after max(i, lastgap x m) with lastgap = min(predicted gap,
// actual gap) of the previous try; no gap exceeds retry_interval_max (24 h). Queue runners
// start every queue_run_interval and try what is due, and also a message on the queue longer
// than the last cutoff (the ultimate address timeout), whose failure then bounces it.
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "sim/text.hpp"
#include "sim/time.hpp"

namespace mailsim::agents {

using sim::SimTime;

struct PostfixBackoff {
  SimTime queue_run_delay = std::chrono::seconds(300);
  SimTime minimal_backoff_time = std::chrono::seconds(300);
  SimTime maximal_backoff_time = std::chrono::seconds(4000);
  SimTime maximal_queue_lifetime = std::chrono::hours(24 * 5);
};

struct EximRule {
  char kind = 'F';  // 'F' fixed interval, 'G' geometrically increasing
  SimTime cutoff{0};
  SimTime interval{0};
  double multiplier = 1.0;  // 'G' only
  friend bool operator==(const EximRule&, const EximRule&) = default;
};

struct EximRetry {
  std::vector<EximRule> rules;  // default: F,2h,15m; G,16h,1h,1.5; F,4d,6h
  SimTime retry_interval_max = std::chrono::hours(24);
  SimTime queue_run_interval = std::chrono::minutes(30);  // exim -q30m, Debian's default
};

class RetryRuleError : public LocalizedError {
 public:
  using LocalizedError::LocalizedError;
};

// Parses Exim's notation "F,2h,15m; G,16h,1h,1.5; F,4d,6h" (times in MailSim's time syntax;
// Exim's own "2h", "15m" and "4d" forms are accepted too).
std::vector<EximRule> parse_exim_rules(std::string_view text);
std::string format_exim_rules(const std::vector<EximRule>& rules);
EximRetry default_exim_retry();

// What the queue keeps about one deferred message (or destination, for Exim).
struct RetryState {
  SimTime arrival{0};                   // when the message entered the queue
  std::optional<SimTime> first_failed;  // first temporary failure
  SimTime last_try{0};
  SimTime next_try{0};
  int failures = 0;
};

struct RetryDecision {
  bool give_up = false;  // bounce: lifetime or last cutoff exceeded
  SimTime due{0};        // when the schedule allows the next try (not yet quantised)
  // When the queue will actually try: the first run at or after `due` (for Exim, the first run
  // after the last cutoff when that comes earlier: the ultimate address timeout).
  SimTime next_attempt{0};
};

class RetrySchedule {
 public:
  RetrySchedule() : policy_(PostfixBackoff{}) {}
  explicit RetrySchedule(PostfixBackoff p) : policy_(p) {}
  explicit RetrySchedule(EximRetry e) : policy_(std::move(e)) {}

  // Records a temporary failure at `now` in `state` and says what happens next. `queue_start`
  // is when the queue manager started: queue runs happen at queue_start + k x interval.
  RetryDecision on_temporary_failure(RetryState& state, SimTime now, SimTime queue_start) const;

  // When the schedule will give up on a message in `state` (for a delay warning's
  // Will-Retry-Until): Postfix at arrival + maximal_queue_lifetime, Exim at the first failure
  // + the last rule's cutoff.
  SimTime gives_up_at(const RetryState& state) const;

  bool is_postfix() const { return std::holds_alternative<PostfixBackoff>(policy_); }
  SimTime queue_run_interval() const;
  // The first queue run at or after t.
  SimTime first_run_at_or_after(SimTime t, SimTime queue_start) const;

 private:
  std::variant<PostfixBackoff, EximRetry> policy_;
};

}  // namespace mailsim::agents

#include "agents/mta/retry_schedule.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>

#include <fmt/format.h>

#include "agents/mta/messages.hpp"
#include "sim/strings.hpp"

namespace mailsim::agents {
namespace {

// A rule's times are at most 100 years (36500d), as a scenario's: sums of them cannot overflow.
constexpr std::int64_t kMaxRuleSeconds = 36500LL * 86400;

// Exim's time syntax ("15m", "1h30m", "4d", "2w"); MailSim's ("15min", "00:15:00") otherwise.
std::optional<SimTime> parse_exim_time(std::string_view s) {
  std::int64_t seconds = 0;
  std::size_t i = 0;
  while (i < s.size()) {
    std::int64_t n = 0;
    const std::size_t start = i;
    while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i])) && n < 100000000)
      n = n * 10 + (s[i++] - '0');
    if (i == start || i == s.size()) break;
    const std::string_view units = "smhdw";
    const std::int64_t factor[] = {1, 60, 3600, 86400, 7 * 86400};
    const std::size_t u = units.find(s[i]);
    if (u == std::string_view::npos) break;
    seconds += n * factor[u];  // n < 10^9 and at most one part per character: no overflow
    if (seconds > kMaxRuleSeconds) return SimTime::max();  // refused as too long
    ++i;
    if (i == s.size()) return SimTime(seconds * 1000000);
  }
  try {
    return sim::parse_time(s);
  } catch (const sim::TimeParseError&) {
    return std::nullopt;
  }
}

std::string exim_time(SimTime t) {
  std::int64_t s = std::chrono::duration_cast<std::chrono::seconds>(t).count();
  if (s % 86400 == 0 && s != 0) return fmt::format("{}d", s / 86400);
  if (s % 3600 == 0 && s != 0) return fmt::format("{}h", s / 3600);
  if (s % 60 == 0 && s != 0) return fmt::format("{}m", s / 60);
  return fmt::format("{}s", s);
}

}  // namespace

std::vector<EximRule> parse_exim_rules(std::string_view text) {
  std::vector<EximRule> rules;
  for (std::string_view rule_text : split_trimmed(text, ';')) {
    if (rule_text.empty()) continue;
    auto syntax = [&] {
      throw RetryRuleError(Text(msg::kRetryRuleSyntax, {{"rule", std::string(rule_text)}}));
    };
    auto fields = split_trimmed(rule_text, ',');
    if (fields.empty() || fields[0].size() != 1) syntax();
    EximRule rule;
    rule.kind = static_cast<char>(std::toupper(static_cast<unsigned char>(fields[0][0])));
    if ((rule.kind == 'F' && fields.size() != 3) || (rule.kind == 'G' && fields.size() != 4) ||
        (rule.kind != 'F' && rule.kind != 'G'))
      syntax();
    auto time_field = [&](std::string_view v) {
      auto t = parse_exim_time(v);
      if (!t || t->count() < 0)
        throw RetryRuleError(Text(msg::kRetryRuleTime,
                                  {{"value", std::string(v)}, {"rule", std::string(rule_text)}}));
      if (t->count() == 0)
        throw RetryRuleError(Text(msg::kRetryRuleTimeZero,
                                  {{"value", std::string(v)}, {"rule", std::string(rule_text)}}));
      if (*t > std::chrono::seconds(kMaxRuleSeconds))
        throw RetryRuleError(Text(
            msg::kRetryRuleTimeTooLong,
            {{"value", std::string(v)}, {"rule", std::string(rule_text)}, {"limit", "36500d"}}));
      return *t;
    };
    rule.cutoff = time_field(fields[1]);
    rule.interval = time_field(fields[2]);
    if (rule.kind == 'G') {
      std::string factor(fields[3]);
      char* end = nullptr;
      rule.multiplier = std::strtod(factor.c_str(), &end);
      if (factor.empty() || *end != '\0' || !(rule.multiplier >= 1.0) || rule.multiplier > 100)
        syntax();
    }
    if (!rules.empty() && rule.cutoff <= rules.back().cutoff)
      throw RetryRuleError(Text(msg::kRetryRuleOrder, {{"rule", std::string(rule_text)}}));
    rules.push_back(rule);
  }
  if (rules.empty())
    throw RetryRuleError(Text(msg::kRetryRuleSyntax, {{"rule", std::string(text)}}));
  return rules;
}

std::string format_exim_rules(const std::vector<EximRule>& rules) {
  std::string out;
  for (const auto& r : rules) {
    if (!out.empty()) out += "; ";
    out += fmt::format("{},{},{}", r.kind, exim_time(r.cutoff), exim_time(r.interval));
    if (r.kind == 'G') out += fmt::format(",{}", r.multiplier);
  }
  return out;
}

EximRetry default_exim_retry() {
  EximRetry e;
  e.rules = parse_exim_rules("F,2h,15m; G,16h,1h,1.5; F,4d,6h");
  return e;
}

SimTime RetrySchedule::queue_run_interval() const {
  if (const auto* p = std::get_if<PostfixBackoff>(&policy_)) return p->queue_run_delay;
  return std::get<EximRetry>(policy_).queue_run_interval;
}

SimTime RetrySchedule::first_run_at_or_after(SimTime t, SimTime queue_start) const {
  const SimTime interval = queue_run_interval();
  if (t <= queue_start || interval.count() <= 0) return std::max(t, queue_start);
  const auto runs = (t - queue_start + interval - SimTime(1)) / interval;  // ceiling
  return queue_start + runs * interval;
}

RetryDecision RetrySchedule::on_temporary_failure(RetryState& s, SimTime now,
                                                  SimTime queue_start) const {
  RetryDecision d;
  ++s.failures;
  if (!s.first_failed) {
    s.first_failed = now;
    s.last_try = now;
    s.next_try = now;
  }
  if (const auto* p = std::get_if<PostfixBackoff>(&policy_)) {
    const SimTime age = now - s.arrival;
    if (age > p->maximal_queue_lifetime) {
      d.give_up = true;
      s.last_try = now;
      return d;
    }
    d.due = now + std::clamp(age, p->minimal_backoff_time, p->maximal_backoff_time);
  } else {
    const EximRetry& e = std::get<EximRetry>(policy_);
    const SimTime failing = now - *s.first_failed;
    const EximRule* rule = nullptr;
    for (const auto& r : e.rules) {
      if (failing <= r.cutoff) {
        rule = &r;
        break;
      }
    }
    // Past the last cutoff, or on the queue longer than it: the address times out.
    if (rule == nullptr || now - s.arrival > e.rules.back().cutoff) {
      d.give_up = true;
      s.last_try = now;
      return d;
    }
    SimTime gap = rule->interval;
    if (rule->kind == 'G') {
      const SimTime predicted = s.next_try - s.last_try;
      const SimTime actual = now - s.last_try;
      const SimTime last_gap = std::min(predicted, actual);
      if (last_gap >= rule->interval)
        gap = SimTime(static_cast<std::int64_t>(
            std::llround(static_cast<double>(last_gap.count()) * rule->multiplier)));
    }
    gap = std::min(gap, e.retry_interval_max);
    d.due = now + gap;
  }
  s.last_try = now;
  s.next_try = d.due;
  d.next_attempt = first_run_at_or_after(d.due, queue_start);
  if (const auto* e = std::get_if<EximRetry>(&policy_)) {
    // Exim's ultimate address timeout (retry.c, retry_check_address): a queue run that finds
    // the message on the queue longer than the last rule's cutoff tries it although its retry
    // time has not come, and a failure then times the address out: the bounce comes at the
    // first run after the cutoff, not at the retry time after it.
    const SimTime past_cutoff = s.arrival + e->rules.back().cutoff + SimTime(1);
    d.next_attempt = std::min(d.next_attempt, first_run_at_or_after(past_cutoff, queue_start));
  }
  return d;
}

SimTime RetrySchedule::gives_up_at(const RetryState& state) const {
  if (const auto* p = std::get_if<PostfixBackoff>(&policy_))
    return state.arrival + p->maximal_queue_lifetime;
  const auto& e = std::get<EximRetry>(policy_);
  const SimTime last = e.rules.empty() ? SimTime(0) : e.rules.back().cutoff;
  return state.first_failed.value_or(state.arrival) + last;
}

}  // namespace mailsim::agents

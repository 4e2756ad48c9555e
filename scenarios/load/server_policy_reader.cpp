#include "scenarios/load/server_policy_reader.hpp"

#include "agents/mta/retry_schedule.hpp"
#include "scenarios/load/messages.hpp"
#include "scenarios/load/references.hpp"
#include "scenarios/load/yaml_document.hpp"
#include "scenarios/load/yaml_map.hpp"
#include "scenarios/model/scenario_model.hpp"
#include "sim/time.hpp"

namespace mailsim::scenarios {
namespace {

std::optional<RetryModel> read_retry(YamlMap& server, Diagnostics& diag) {
  auto node = server.child("retry");
  if (!node) return std::nullopt;
  YamlMap m(*node, Text(msg::kWhatKey, {{"name", "retry"}}), diag, "mail.servers[].retry");
  if (!m.ok()) return std::nullopt;
  RetryModel r;
  if (auto v = m.choice("schedule", kRetryChoices)) r.schedule = *v;
  r.queue_run_delay = m.time("queue_run_delay");
  r.minimal_backoff_time = m.time("minimal_backoff_time");
  r.maximal_backoff_time = m.time("maximal_backoff_time");
  r.maximal_queue_lifetime = m.time("maximal_queue_lifetime");
  if (auto v = m.text("rules")) {
    r.rules = *v;
    try {
      (void)agents::parse_exim_rules(r.rules);
    } catch (const LocalizedError& e) {
      Text t(msg::kBadValue, {{"key", "rules"}});
      t.with("what", Text(msg::kWhatKey, {{"name", "retry"}}));
      t.with("problem", e.text());
      diag.error(position_of(*m.child("rules")), std::move(t));
    }
  }
  r.queue_run_interval = m.time("queue_run_interval");
  r.retry_interval_max = m.time("retry_interval_max");
  if (r.retry_interval_max && r.retry_interval_max->count() == 0) {
    diag.error(position_of(*m.child("retry_interval_max")),
               m.about(msg::kNotPositive, {{"key", "retry_interval_max"}}));
    r.retry_interval_max.reset();
  }
  const bool postfix_keys = r.queue_run_delay || r.minimal_backoff_time || r.maximal_backoff_time ||
                            r.maximal_queue_lifetime;
  const bool exim_keys = !r.rules.empty() || r.queue_run_interval || r.retry_interval_max;
  if ((r.schedule == RetryKind::postfix && exim_keys) ||
      (r.schedule == RetryKind::exim && postfix_keys))
    diag.error(m.pos(),
               Text(msg::kRetryMixed, {{"schedule", choice_word(kRetryChoices, r.schedule)}}));
  m.finish();
  return r;
}

// delay_warning: one time (Postfix's delay_warning_time, Exim's delay_warning = 24h) or, with
// Exim's schedule, a list of growing times ([4h, 8h, 24h], Exim's 4h:8h:24h).
std::vector<sim::SimTime> read_delay_warning(YamlMap& server,
                                             const std::optional<RetryModel>& retry,
                                             Diagnostics& diag) {
  auto node = server.child("delay_warning");
  if (!node || !node->is_sequence()) {
    auto one = server.time("delay_warning");
    return one ? std::vector<sim::SimTime>{*one} : std::vector<sim::SimTime>{};
  }
  std::vector<sim::SimTime> times;
  std::string previous;
  for (const auto& item : node->items()) {
    const std::string value = item.is_scalar() ? item.scalar() : "";
    std::optional<Text> problem;
    sim::SimTime t{0};
    try {
      if (!item.is_scalar())
        throw LocalizedError(server.about(msg::kExpectedText, {{"key", "delay_warning"}}));
      t = sim::parse_time(value);
    } catch (const LocalizedError& e) {
      problem = server.about(msg::kBadValue, {{"key", "delay_warning"}});
      problem->with("problem", e.text());
    }
    if (!problem && t.count() < 0)
      problem = server.about(msg::kNegativeTime, {{"key", "delay_warning"}, {"value", value}});
    if (!problem && t > kMaxScenarioTime)
      problem = server.about(
          msg::kTimeTooLong,
          {{"key", "delay_warning"}, {"limit", kMaxScenarioTimeText}, {"value", value}});
    if (!problem && !times.empty() && t <= times.back())
      problem = server.about(msg::kDelayWarningOrder, {{"time", value}, {"previous", previous}});
    if (problem) {
      diag.error(position_of(item), std::move(*problem));
      continue;
    }
    times.push_back(t);
    previous = value;
  }
  if (times.size() > 1 && (!retry || retry->schedule == RetryKind::postfix))
    diag.error(position_of(*node), server.about(msg::kDelayWarningOneTime));
  return times;
}

void read_spam(YamlMap& server, MailServerModel& out, Diagnostics& diag) {
  auto node = server.child("spam");
  if (!node) return;
  YamlMap m(*node, Text(msg::kWhatKey, {{"name", "spam"}}), diag, "mail.servers[].spam");
  if (!m.ok()) return;
  out.spam_tag_threshold = m.number("tag_threshold", -1000, 1000);
  out.spam_reject_threshold = m.number("reject_threshold", 0, 1000);
  for (const auto& k : m.list("keywords")) {
    YamlMap rule(k, Text(msg::kWhatKey, {{"name", "keywords"}}), diag,
                 "mail.servers[].spam.keywords[]");
    if (!rule.ok()) continue;
    KeywordModel kw;
    if (auto v = rule.text("name", Need::required)) kw.name = *v;
    if (auto v = rule.text("pattern", Need::required)) kw.pattern = *v;
    if (auto v = rule.number("score", -1000, 1000)) kw.score = *v;
    rule.finish();
    out.spam_keywords.push_back(std::move(kw));
  }
  if (auto rep = m.child("reputation")) {
    YamlMap r(*rep, Text(msg::kWhatKey, {{"name", "reputation"}}), diag,
              "mail.servers[].spam.reputation.*");
    if (r.ok()) {
      for (std::size_t i = 0; i < rep->size(); ++i) {
        const std::string sender = rep->key(i).scalar();
        if (auto score = r.number(sender, -1000, 1000)) out.spam_reputation[sender] = *score;
      }
      r.finish();
    }
  }
  m.finish();
}

void read_filing(YamlMap& server, MailServerModel& out, Diagnostics& diag) {
  for (const auto& f : server.list("filing")) {
    YamlMap rule(f, Text(msg::kWhatKey, {{"name", "filing"}}), diag, "mail.servers[].filing[]");
    if (!rule.ok()) continue;
    FilingRuleModel r;
    if (auto v = rule.text("header", Need::required)) r.header = *v;
    if (auto v = rule.text("contains", Need::required)) r.contains = *v;
    if (auto v = rule.text("folder", Need::required)) r.folder = *v;
    rule.finish();
    out.filing.push_back(std::move(r));
  }
}

}  // namespace

void read_server_policy(YamlMap& r, MailServerModel& out, const NetworkModel& network,
                        Diagnostics& diag) {
  if (auto v = r.boolean("auth")) out.auth = *v;
  out.max_message_size = r.size("max_message_size");
  out.mailbox_quota = r.size("mailbox_quota");
  if (auto v = r.choice("mailbox_full", kMailboxFullChoices)) out.mailbox_full = *v;
  if (auto v = r.text("relayhost")) {
    out.relayhost = *v;
    check_ref(*v, host_names(network), msg::kKindHost, "relayhost", r.pos(), diag);
  }
  out.retry = read_retry(r, diag);
  out.delay_warning = read_delay_warning(r, out.retry, diag);
  // Postfix's ranges: hopcount_limit at least 1, smtp_mx_address_limit 0 (no limit) or more.
  if (auto v = r.integer("hopcount_limit", 1, 1000)) out.hopcount_limit = static_cast<int>(*v);
  if (auto v = r.integer("smtp_mx_address_limit", 0, 1000))
    out.smtp_mx_address_limit = static_cast<int>(*v);
  if (auto v = r.choice("end_of_data", kEndOfDataChoices)) out.end_of_data = *v;
  if (auto node = r.child("timeouts")) {
    YamlMap t(*node, Text(msg::kWhatKey, {{"name", "timeouts"}}), diag, "mail.servers[].timeouts");
    if (t.ok()) {
      out.command_timeout = t.time("command");
      out.data_timeout = t.time("data");
      out.connect_timeout = t.time("connect");
      t.finish();
    }
  }
  read_spam(r, out, diag);
  read_filing(r, out, diag);
}

}  // namespace mailsim::scenarios

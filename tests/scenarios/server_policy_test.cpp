// Server policy keys of a scenario take effect in the run: here the SMTP server's command
// timeout, seen by a person who types EHLO and then nothing.
#include <gtest/gtest.h>

#include "agents/journey/records.hpp"
#include "scenarios/build/expectation_check.hpp"
#include "scenarios/build/scenario_run.hpp"
#include "scenarios/library/builtin.hpp"
#include "scenarios/load/scenario_reader.hpp"

using namespace mailsim;
using namespace mailsim::scenarios;

namespace {

// Whether the idle typist gets "421" within 70 s, with this `timeouts:` line (or none).
bool closed_within_70s(const std::string& timeouts) {
  const std::string text = R"(title: idle
network:
  hosts:
    - {name: alice-pc, address: 192.0.2.10}
    - {name: mx.b.example, address: 198.51.100.25}
  routers: [{name: r}]
  links:
    - {between: [alice-pc, r]}
    - {between: [mx.b.example, r]}
mail:
  servers:
    - host: mx.b.example
      domains: [b.example]
)" + timeouts + R"(timeline:
  - at: 1s
    type: {from: alice-pc, to: mx.b.example, lines: [EHLO alice-pc]}
expect:
  - reply: {from: alice-pc, code: 421, within: 70s}
)";
  auto loaded = load_scenario_text(text, "idle.yaml");
  EXPECT_TRUE(loaded.scenario) << loaded.diagnostics.render(Lang::en);
  if (!loaded.scenario) return false;
  Diagnostics diag("idle.yaml");
  ScenarioRun run(*loaded.scenario, diag);
  ExpectationChecker checker(run.model(), run.network(), run.sim().trace());
  run.run_until(std::chrono::minutes(10));
  return checker.results().at(0).passed;
}

}  // namespace

TEST(ServerPolicy, TheCommandTimeoutClosesAnIdleSession) {
  EXPECT_TRUE(closed_within_70s("      timeouts: {command: 1min}\n"));
  EXPECT_FALSE(closed_within_70s(""));  // RFC 5321's 5 minutes by default
}

namespace {

// Two relays that pass loop.example to each other (each one's relayhost is the other): the
// message goes round until a server refuses it. Returns how many times a server took it, and
// the reply of the refusal.
struct LoopOutcome {
  int accepted = 0;
  std::string refusal;
};
LoopOutcome relay_loop(const std::string& server_keys) {
  const std::string text = R"(title: loop
network:
  hosts:
    - {name: alice-pc, address: 192.0.2.10}
    - {name: relay1.example, address: 192.0.2.25}
    - {name: relay2.example, address: 198.51.100.25}
  routers: [{name: r}]
  links:
    - {between: [alice-pc, r]}
    - {between: [relay1.example, r]}
    - {between: [relay2.example, r]}
mail:
  servers:
    - host: relay1.example
      relay_domains: [loop.example]
      relayhost: relay2.example
)" + server_keys + R"(    - host: relay2.example
      relay_domains: [loop.example]
      relayhost: relay1.example
)" + server_keys + R"(  clients:
    - {name: alice, host: alice-pc, address: alice@a.example, submit: {server: relay1.example}}
timeline:
  - at: 1s
    send: {client: alice, to: someone@loop.example, subject: Round and round, body: Hello.}
)";
  LoopOutcome out;
  auto loaded = load_scenario_text(text, "loop.yaml");
  EXPECT_TRUE(loaded.scenario) << loaded.diagnostics.render(Lang::en);
  if (!loaded.scenario) return out;
  Diagnostics diag("loop.yaml");
  ScenarioRun run(*loaded.scenario, diag);
  const auto sub = run.sim().trace().subscribe([&out](const sim::TraceRecord& r) {
    if (&r.kind() == &agents::kinds::kMailAccepted &&
        static_cast<const agents::MailAcceptedRecord&>(r).stage != agents::Stage::bounce)
      ++out.accepted;
    if (&r.kind() == &agents::kinds::kMailBounced && out.refusal.empty())
      out.refusal = static_cast<const agents::MailOutcomeRecord&>(r).reply;
  });
  run.run_until(std::chrono::minutes(10));
  run.sim().trace().unsubscribe(sub);
  return out;
}

}  // namespace

// Postfix's cleanup refuses when ++hop_count >= hopcount_limit, counting the Received line its
// smtpd has just added: with the default 50, the message is taken 49 times (49 Received lines)
// and the 50th server refuses it.
TEST(ServerPolicy, ARelayLoopIsRefusedAtTheHopPostfixRefusesIt) {
  const LoopOutcome o = relay_loop("");
  EXPECT_EQ(o.accepted, 49);
  EXPECT_EQ(o.refusal, "554 5.4.0 Error: too many hops");
}

TEST(ServerPolicy, HopcountLimitIsAScenarioKey) {
  const LoopOutcome o = relay_loop("      hopcount_limit: 5\n");
  EXPECT_EQ(o.accepted, 4);
  EXPECT_EQ(o.refusal, "554 5.4.0 Error: too many hops");
}

// Exim's defaults on a server that never comes back: a "delayed" notice to Alice each 24 h
// (delay_warning), and the bounce at the first queue run after the F,4d cutoff (the ultimate
// address timeout), not at the next 6-hourly try after it.
TEST(ServerPolicy, EximWarnsEachDayAndBouncesAtTheFirstQueueRunAfterFourDays) {
  auto loaded = load_scenario_text(find_builtin("exim-retry")->text, "exim-retry.yaml");
  ASSERT_TRUE(loaded.scenario) << loaded.diagnostics.render(Lang::en);
  ScenarioModel model = *loaded.scenario;
  for (auto& server : model.mail.servers)
    server.delay_warning.clear();  // Exim's default, 24h (the lesson sets [1h])
  std::erase_if(model.timeline, [](const TimelineEntry& e) {
    const auto* host = std::get_if<SetHostUp>(&e.action);
    return host != nullptr && host->up;
  });
  Diagnostics diag("exim-retry.yaml");
  ScenarioRun run(model, diag);
  ASSERT_TRUE(run.ok()) << diag.render(Lang::en);
  std::vector<sim::SimTime> warnings, bounces;
  const auto sub = run.sim().trace().subscribe([&](const sim::TraceRecord& r) {
    if (&r.kind() == &agents::kinds::kMailDelayWarned) warnings.push_back(r.time());
    if (&r.kind() == &agents::kinds::kMailBounced) bounces.push_back(r.time());
  });
  run.run_until(std::chrono::hours(24 * 5));
  run.sim().trace().unsubscribe(sub);
  using namespace std::chrono_literals;
  ASSERT_EQ(warnings.size(), 3u);  // after 24 h, 48 h and 72 h; at 96 h it bounces instead
  for (std::size_t i = 0; i < warnings.size(); ++i) {
    EXPECT_GE(warnings[i], (i + 1) * 24h);
    EXPECT_LT(warnings[i], (i + 1) * 24h + 6h + 30min);
  }
  ASSERT_EQ(bounces.size(), 1u);
  EXPECT_GT(bounces[0], 4 * 24h + 30min);
  EXPECT_LT(bounces[0], 4 * 24h + 31min);
}

namespace {

LoadResult with_delay_warning(const std::string& retry, const std::string& delay_warning) {
  return load_scenario_text(R"(title: warnings
network:
  hosts:
    - {name: smtp.a.example, address: 192.0.2.25}
mail:
  servers:
    - host: smtp.a.example
      domains: [a.example]
)" + retry +
                                "      delay_warning: " + delay_warning + "\n",
                            "w.yaml");
}

}  // namespace

// Exim's delay_warning is a list of times (4h:8h:24h); the loader keeps it, and says where a
// list does not grow or is given to Postfix's schedule, which warns once.
TEST(ServerPolicy, DelayWarningIsEximsListOfGrowingTimes) {
  using namespace std::chrono_literals;
  const std::string exim = "      retry: {schedule: exim}\n";
  auto ok = with_delay_warning(exim, "[4h, 8h, 24h]");
  ASSERT_TRUE(ok.scenario) << ok.diagnostics.render(Lang::en);
  EXPECT_EQ(ok.scenario->mail.servers[0].delay_warning, (std::vector<sim::SimTime>{4h, 8h, 24h}));
  auto one = with_delay_warning("", "4h");
  ASSERT_TRUE(one.scenario) << one.diagnostics.render(Lang::en);
  EXPECT_EQ(one.scenario->mail.servers[0].delay_warning, (std::vector<sim::SimTime>{4h}));

  auto shrinking = with_delay_warning(exim, "[8h, 4h]");
  EXPECT_FALSE(shrinking.scenario);
  EXPECT_NE(shrinking.diagnostics.render(Lang::en).find(
                "w.yaml:10:27: error: the times of 'delay_warning' in 'servers' must grow, as "
                "Exim reads its list: 4h comes after 8h"),
            std::string::npos)
      << shrinking.diagnostics.render(Lang::en);
  EXPECT_NE(shrinking.diagnostics.render(Lang::fr).find("doivent croître"), std::string::npos)
      << shrinking.diagnostics.render(Lang::fr);

  auto postfix = with_delay_warning("", "[4h, 8h]");
  EXPECT_FALSE(postfix.scenario);
  EXPECT_NE(postfix.diagnostics.render(Lang::en).find(
                "w.yaml:9:22: error: 'delay_warning' in 'servers' takes one time with Postfix's "
                "schedule"),
            std::string::npos)
      << postfix.diagnostics.render(Lang::en);
  EXPECT_NE(postfix.diagnostics.render(Lang::fr).find("prend une seule durée"), std::string::npos);
}

// Server policy keys of a scenario take effect in the run: here the SMTP server's command
// timeout, seen by a person who types EHLO and then nothing.
#include <gtest/gtest.h>

#include "scenarios/build/expectation_check.hpp"
#include "scenarios/build/scenario_run.hpp"
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

// The fault soak: each library scenario run again and again with hosts and links going down
// and up at random times, and DNS records moved or removed for a while (tests/soak/fault_schedule.hpp). Whatever breaks, every message ends,
// for each recipient, exactly once: delivered, relayed, bounced, or still queued with a reason
// (the conservation check, following each message by Message-ID across queue ids; a duplicate
// SMTP cannot prevent is allowed). The same seed gives the same run, byte for byte.
//
// CI runs MAILSIM_SOAK_RUNS runs (default 240); `make soak` runs thousands.
#include <gtest/gtest.h>

#include <cstdlib>
#include <functional>
#include <optional>
#include <sstream>
#include <string>

#include "agents/journey/conservation.hpp"
#include "scenarios/build/scenario_run.hpp"
#include "scenarios/library/builtin.hpp"
#include "scenarios/load/scenario_reader.hpp"
#include "scenarios/write/scenario_writer.hpp"
#include "sim/trace_format.hpp"
#include "tests/soak/fault_schedule.hpp"

using namespace mailsim;
using namespace mailsim::scenarios;

namespace {

std::uint64_t runs_wanted() {
  const char* env = std::getenv("MAILSIM_SOAK_RUNS");
  return env != nullptr ? std::strtoull(env, nullptr, 10) : 240;
}

struct SoakRun {
  std::string faults;
  std::size_t trace_digest = 0;
  std::size_t accepted = 0;
  std::size_t deferred = 0;  // mail.deferred records: the faults made the mail wait
  std::string problems;      // empty when the run kept every message
};

// Messages still queued at the end must say why: deferred with the last error, or held by a
// host that is down.
std::string unexplained_queued(const ScenarioRun& run) {
  std::string out;
  for (const auto& server : run.mail().servers()) {
    const auto& mta = server->mta();
    const bool host_up = run.network().is_up(run.network().node(mta.config().hostname));
    for (const auto* m : mta.queue().messages()) {
      const bool reason =
          m->queue == agents::QueueName::deferred ? !m->last_error.empty() : !host_up;
      if (!reason) out += mta.config().hostname + " holds " + m->queue_id + " without a reason\n";
    }
  }
  return out;
}

// `digest`: also writes the JSON trace to sum it up (the determinism test; it costs time).
SoakRun soak_once(const BuiltinScenario& builtin, std::uint64_t seed, bool digest = false) {
  SoakRun result;
  LoadResult loaded = load_scenario_text(builtin.text, std::string(builtin.name) + ".yaml");
  if (!loaded.scenario) {
    result.problems = loaded.diagnostics.render(Lang::en);
    return result;
  }
  result.faults = soak::add_random_faults(*loaded.scenario, seed);
  Diagnostics diag(std::string(builtin.name));
  ScenarioRun run(*loaded.scenario, diag, seed);
  if (!run.ok()) {
    result.problems = diag.render(Lang::en);
    return result;
  }
  std::ostringstream trace;
  std::optional<sim::TraceWriter> writer;
  if (digest) writer.emplace(run.sim().trace(), trace, sim::TraceFormat::json);
  agents::ConservationChecker conservation(run.sim().trace());
  const auto deferrals = run.sim().trace().subscribe([&result](const sim::TraceRecord& r) {
    if (&r.kind() == &agents::kinds::kMailDeferred) ++result.deferred;
  });
  run.run_to_completion();
  run.sim().trace().unsubscribe(deferrals);
  if (run.failure()) result.problems += "an event threw: " + run.failure()->what + "\n";
  const auto violations = conservation.check(
      [&run](const std::string& agent, const std::string& queue_id, const std::string& rcpt) {
        return run.mail().holds(agent, queue_id, rcpt);
      });
  result.problems += agents::ConservationChecker::describe(violations, Lang::en);
  result.problems += unexplained_queued(run);
  result.accepted = conservation.accepted_count();
  result.trace_digest = std::hash<std::string>{}(trace.str());
  return result;
}

}  // namespace

TEST(Soak, EveryMessageEndsOnceWhateverFails) {
  const auto library = builtin_scenarios();
  const std::uint64_t runs = runs_wanted();
  std::size_t accepted = 0, deferred = 0;
  for (std::uint64_t seed = 0; seed < runs; ++seed) {
    const BuiltinScenario& builtin = library[seed % library.size()];
    const SoakRun run = soak_once(builtin, seed);
    accepted += run.accepted;
    deferred += run.deferred;
    EXPECT_EQ(run.problems, "") << builtin.name << " with seed " << seed << ": " << run.faults;
  }
  // The mail went on being sent, and the faults did make some of it wait.
  EXPECT_GT(accepted, runs);
  EXPECT_GT(deferred, runs / 10);
  RecordProperty("runs", std::to_string(runs));
  RecordProperty("recipients_accepted", std::to_string(accepted));
  RecordProperty("deferrals", std::to_string(deferred));
}

// The faults are scenario text like any teacher's: written out, the file loads again without
// error, so a failing seed can be replayed with `mailsim run`. Among them, DNS changes.
TEST(Soak, TheFaultsAreAValidScenario) {
  const auto library = builtin_scenarios();
  std::size_t dns_faults = 0;
  for (std::uint64_t seed = 0; seed < 4 * library.size(); ++seed) {
    const BuiltinScenario& builtin = library[seed % library.size()];
    LoadResult loaded = load_scenario_text(builtin.text, std::string(builtin.name) + ".yaml");
    ASSERT_TRUE(loaded.scenario) << builtin.name;
    const std::string faults = soak::add_random_faults(*loaded.scenario, seed);
    if (faults.find("DNS ") != std::string::npos) ++dns_faults;
    const LoadResult again = load_scenario_text(write_scenario(*loaded.scenario), "faults.yaml");
    EXPECT_TRUE(again.scenario && again.diagnostics.all().empty())
        << builtin.name << " with seed " << seed << ": " << faults << "\n"
        << again.diagnostics.render(Lang::en);
  }
  EXPECT_GT(dns_faults, library.size() / 2);
}

// Replaying a seed gives the same trace, byte for byte (compared by digest): one seed per
// library scenario, each with its faults.
TEST(Soak, EachRunIsDeterministicForItsSeed) {
  const auto library = builtin_scenarios();
  for (std::uint64_t seed = 0; seed < library.size(); ++seed) {
    const BuiltinScenario& builtin = library[seed];
    const SoakRun first = soak_once(builtin, 1000 + seed, true);
    const SoakRun second = soak_once(builtin, 1000 + seed, true);
    EXPECT_EQ(first.trace_digest, second.trace_digest)
        << builtin.name << " with seed " << 1000 + seed << ": " << first.faults;
  }
}

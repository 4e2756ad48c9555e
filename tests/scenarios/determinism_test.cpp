// Every library scenario is deterministic: run twice with the same seed it gives the same JSON
// trace, byte for byte (every packet, every random draw); run with another seed, the draws
// differ (queue ids, jitter, loss) but what became of the mail does not: the same recipients
// delivered into the same mailboxes, the same bounced.
#include <gtest/gtest.h>

#include <algorithm>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <tuple>

#include "agents/journey/records.hpp"
#include "scenarios/build/scenario_run.hpp"
#include "scenarios/library/builtin.hpp"
#include "scenarios/load/scenario_reader.hpp"
#include "sim/trace_format.hpp"

using namespace mailsim;
using namespace mailsim::scenarios;

namespace {

// (kind, recipient, mailbox) of each mail.delivered and mail.bounced record.
using Outcomes = std::set<std::tuple<std::string, std::string, std::string>>;

struct RunResult {
  std::string json;
  Outcomes outcomes;
};

RunResult run_once(const std::string& name, std::optional<std::uint64_t> seed) {
  const BuiltinScenario* builtin = find_builtin(name);
  EXPECT_NE(builtin, nullptr) << name;
  if (builtin == nullptr) return {};
  LoadResult loaded = load_scenario_text(std::string(builtin->text), name + ".yaml");
  EXPECT_TRUE(loaded.scenario) << loaded.diagnostics.render(Lang::en);
  if (!loaded.scenario) return {};
  Diagnostics diag(name);
  ScenarioRun run(*loaded.scenario, diag, seed);
  EXPECT_TRUE(run.ok()) << diag.render(Lang::en);
  RunResult result;
  std::ostringstream out;
  sim::TraceWriter writer(run.sim().trace(), out, sim::TraceFormat::json);
  const auto outcomes = run.sim().trace().subscribe([&](const sim::TraceRecord& r) {
    const std::string_view kind = r.kind().name;
    if (kind != agents::kinds::kMailDelivered.name && kind != agents::kinds::kMailBounced.name)
      return;
    const auto& o = static_cast<const agents::MailOutcomeRecord&>(r);
    result.outcomes.emplace(std::string(kind), o.recipient, o.mailbox);
  });
  run.run_to_completion();
  run.sim().trace().unsubscribe(outcomes);  // `result` goes before `run` does
  EXPECT_FALSE(run.failure().has_value()) << name;
  result.json = out.str();
  return result;
}

class LibraryScenario : public testing::TestWithParam<std::string> {};

}  // namespace

TEST_P(LibraryScenario, SameSeedSameTraceBytes) {
  const RunResult a = run_once(GetParam(), std::nullopt);
  const RunResult b = run_once(GetParam(), std::nullopt);
  ASSERT_FALSE(a.json.empty());
  // Not EXPECT_EQ: printing two whole traces would bury the message.
  EXPECT_TRUE(a.json == b.json) << GetParam() << ": two runs with the same seed differ";
}

TEST_P(LibraryScenario, AnotherSeedSameOutcomes) {
  const RunResult a = run_once(GetParam(), std::nullopt);
  const RunResult b = run_once(GetParam(), 987654321);
  EXPECT_EQ(a.outcomes, b.outcomes) << GetParam();
}

INSTANTIATE_TEST_SUITE_P(Library, LibraryScenario, testing::ValuesIn(builtin_names()),
                         [](const testing::TestParamInfo<std::string>& info) {
                           std::string name = info.param;
                           std::replace(name.begin(), name.end(), '-', '_');
                           return name;
                         });

#pragma once
// Helpers of the scenario tests that compare models and runs: a model without its source
// positions (two models equal whatever file they came from), and the JSON trace of a whole run.
#include <gtest/gtest.h>

#include <sstream>
#include <string>

#include "scenarios/build/scenario_run.hpp"
#include "scenarios/model/model_edit.hpp"
#include "sim/trace_format.hpp"

namespace mailsim::scenarios::test {

inline ScenarioModel without_source(ScenarioModel s) {
  clear_source(s);
  return s;
}

// The JSON trace of a whole run.
inline std::string trace_of(const ScenarioModel& model) {
  Diagnostics diag(model.file);
  ScenarioRun run(model, diag);
  EXPECT_TRUE(run.ok()) << diag.render(Lang::en);
  std::ostringstream out;
  sim::TraceWriter writer(run.sim().trace(), out, sim::TraceFormat::json);
  run.run_to_completion();
  return out.str();
}

}  // namespace mailsim::scenarios::test

#pragma once
// Where the commands get a scenario: a file when the path exists, else a built-in scenario by
// name, else an error that suggests the closest name.
#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include "scenarios/build/scenario_run.hpp"
#include "scenarios/load/scenario_reader.hpp"
#include "sim/text.hpp"

namespace mailsim::cli {

scenarios::LoadResult load_file_or_builtin(const std::string& arg);

// The scenario, or nullopt after its errors are written to standard error.
std::optional<scenarios::ScenarioModel> load(const std::string& arg, Lang lang);

// The scenario loaded and built, ready to run, or null after the errors of either step are
// written to standard error (`run` and `check` exit with status 2 then).
std::unique_ptr<scenarios::ScenarioRun> start(const std::string& arg,
                                              std::optional<std::uint64_t> seed, Lang lang);
// The same for a scenario already loaded: built, or null after its build errors are written.
std::unique_ptr<scenarios::ScenarioRun> start(const scenarios::ScenarioModel& scenario,
                                              std::optional<std::uint64_t> seed, Lang lang);

// After a run: when an event threw, says so on standard error and returns true (the command
// then exits with status 3).
bool report_failure(const scenarios::ScenarioRun& run, Lang lang);

}  // namespace mailsim::cli

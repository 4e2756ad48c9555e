#pragma once
// Where the commands get a scenario: a file when the path exists, else a built-in scenario by
// name, else an error that suggests the closest name.
#include <optional>
#include <string>

#include "scenarios/load/scenario_reader.hpp"
#include "sim/text.hpp"

namespace mailsim::cli {

scenarios::LoadResult load_file_or_builtin(const std::string& arg);

// The scenario, or nullopt after its errors are written to standard error.
std::optional<scenarios::ScenarioModel> load(const std::string& arg, Lang lang);

}  // namespace mailsim::cli

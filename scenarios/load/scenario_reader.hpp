#pragma once
// Loads a whole scenario file: every error of the file at once, each with its place.
#include <optional>
#include <string>
#include <string_view>

#include "scenarios/load/diagnostics.hpp"
#include "scenarios/model/scenario_model.hpp"

namespace mailsim::scenarios {

struct LoadResult {
  std::optional<ScenarioModel> scenario;  // set only when the file has no error
  Diagnostics diagnostics;
};

LoadResult load_scenario_text(std::string_view text, const std::string& file);
LoadResult load_scenario_file(const std::string& path);

// The keys of the top level, for the schema test.
std::vector<std::string> scenario_keys();

// Simulated 00:00:00 of a scenario without `start`: Monday 2026-01-05 08:00 in Paris.
inline constexpr std::int64_t kDefaultStartUnix = 1767596400;
inline constexpr int kDefaultStartOffsetMinutes = 60;

}  // namespace mailsim::scenarios

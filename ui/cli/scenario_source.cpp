#include "ui/cli/scenario_source.hpp"

#include <filesystem>
#include <iostream>

#include "scenarios/library/builtin.hpp"
#include "ui/cli/cli_text.hpp"

namespace mailsim::cli {

scenarios::LoadResult load_file_or_builtin(const std::string& arg) {
  if (std::filesystem::exists(arg)) return scenarios::load_scenario_file(arg);
  if (const auto* builtin = scenarios::find_builtin(arg))
    return scenarios::load_scenario_text(builtin->text, std::string(builtin->name) + ".yaml");
  scenarios::LoadResult missing{std::nullopt, scenarios::Diagnostics(arg)};
  const std::string suggestion = scenarios::closest_match(arg, scenarios::builtin_names());
  missing.diagnostics.error(
      {}, suggestion.empty()
              ? Text(msg::kNoSuchScenario, {{"name", arg}})
              : Text(msg::kNoSuchScenarioSuggest, {{"name", arg}, {"suggestion", suggestion}}));
  return missing;
}

std::optional<scenarios::ScenarioModel> load(const std::string& arg, Lang lang) {
  scenarios::LoadResult result = load_file_or_builtin(arg);
  if (!result.scenario) {
    std::cerr << result.diagnostics.render(lang);
    return std::nullopt;
  }
  return std::move(result.scenario);
}

std::unique_ptr<scenarios::ScenarioRun> start(const std::string& arg,
                                              std::optional<std::uint64_t> seed, Lang lang) {
  auto scenario = load(arg, lang);
  if (!scenario) return nullptr;
  return start(*scenario, seed, lang);
}

std::unique_ptr<scenarios::ScenarioRun> start(const scenarios::ScenarioModel& scenario,
                                              std::optional<std::uint64_t> seed, Lang lang) {
  scenarios::Diagnostics diag(scenario.file);  // as the loader names it: "first-mail.yaml"
  auto run = std::make_unique<scenarios::ScenarioRun>(scenario, diag, seed);
  if (!run->ok()) {
    std::cerr << diag.render(lang);
    return nullptr;
  }
  return run;
}

bool report_failure(const scenarios::ScenarioRun& run, Lang lang) {
  if (!run.failure()) return false;
  std::cerr << Text(msg::kRunFailed, {{"time", sim::format_time(run.failure()->at, lang)},
                                      {"kind", run.failure()->kind},
                                      {"what", run.failure()->what}})
                   .render(lang)
            << "\n";
  return true;
}

}  // namespace mailsim::cli

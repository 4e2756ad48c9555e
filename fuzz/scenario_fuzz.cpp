// A scenario file end to end as `mailsim validate` takes it: loaded (YAML, every section's
// reader, references), then built into a simulation (network, agents, timeline), not run.
// Every file is a scenario or a list of placed errors; never a crash or an exception.
#include <cstdlib>
#include <string>

#include "scenarios/build/scenario_run.hpp"
#include "scenarios/load/scenario_reader.hpp"

using namespace mailsim;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  scenarios::LoadResult loaded = scenarios::load_scenario_text(text, "fuzz.yaml");
  if (!loaded.scenario) {
    if (loaded.diagnostics.empty()) std::abort();  // refused without saying why
    (void)loaded.diagnostics.render(Lang::fr);
    return 0;
  }
  scenarios::Diagnostics diag("fuzz.yaml");
  scenarios::ScenarioRun run(*loaded.scenario, diag);
  if (run.ok() != diag.empty()) std::abort();  // a build that fails says why, and only then
  (void)diag.render(Lang::en);
  return 0;
}

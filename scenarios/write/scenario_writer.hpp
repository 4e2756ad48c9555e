#pragma once
// Saves a scenario as YAML: a loaded one, one changed in the window, or one whose timeline got
// the actions a person took during a run. The file loads back to an equal ScenarioModel (all
// but the file name and source positions) and replays the same run; it reads like the library's
// files: their section order, flow style for short mappings, block text for zones and long
// descriptions, units on every time, size and bandwidth, and keys at their defaults left out.
// Comments of a loaded file are not kept: the model does not hold them.
#include <string>

#include "scenarios/model/scenario_model.hpp"

namespace mailsim::scenarios {

std::string write_scenario(const ScenarioModel& scenario);

}  // namespace mailsim::scenarios

#pragma once
// Settings that load and run but will not do what their writer likely meant: said as warnings
// by `mailsim validate`, so that a teacher is not surprised in front of the class.
#include "scenarios/load/diagnostics.hpp"
#include "scenarios/model/scenario_model.hpp"

namespace mailsim::scenarios {

void warn_about_settings(const ScenarioModel& scenario, Diagnostics& diag);

}  // namespace mailsim::scenarios

#pragma once
// Changes to a scenario made after loading it: the window records the actions a person takes
// during a run into the timeline, and asks whether two scenarios say the same thing.
#include "scenarios/model/scenario_model.hpp"

namespace mailsim::scenarios {

// Adds `action` at `at` after every entry at or before `at`: the timeline stays in time order,
// and entries at the same time keep the order they were added in, which is the order they run.
TimelineEntry& add_to_timeline(ScenarioModel& scenario, sim::SimTime at, Action action);

// Forgets the file name and every source position, which only say where the text was: two
// scenarios that say the same thing are then equal (==).
void clear_source(ScenarioModel& scenario);

}  // namespace mailsim::scenarios

#pragma once
// The window's clock: "00:05:12.250" on the first day, "day 2  03:00:00.000" after, with
// milliseconds always shown so that packets a few ms apart read as apart.
#include <string>

#include "sim/text.hpp"
#include "sim/time.hpp"

namespace mailsim::gui {

std::string clock_text(sim::SimTime t, Lang lang);
// A countdown or a length, short: "4 min 12 s", "1 h 10 min", "2 d 3 h" ("j" in French).
std::string short_duration(sim::SimTime d, Lang lang);

}  // namespace mailsim::gui

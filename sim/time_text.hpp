#pragma once
// A time in the clock form as a catalog text, for a text built before its reader's language is
// known (an expectation's evidence): rendered in `lang`, it is format_time(t, lang) ("5d
// 00:55:30", "5j 00:55:30").
#include "sim/text.hpp"
#include "sim/time.hpp"

namespace mailsim::sim {

Text time_text(SimTime t);

}  // namespace mailsim::sim

#pragma once
// A journey chart as an SVG picture, with no window library: the window's Export button,
// `mailsim run --journey`, and later the HTML report (inline) write it. Each arrow carries its
// whole line or question as a <title>, which a browser shows on hover.
#include <string>

#include "sim/text.hpp"
#include "ui/report/journey_model.hpp"

namespace mailsim::report {

std::string journey_svg(const JourneyChart& chart, Lang lang);

}  // namespace mailsim::report

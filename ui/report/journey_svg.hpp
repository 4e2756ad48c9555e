#pragma once
// A journey chart as an SVG picture, with no window library: the window's Export button,
// `mailsim run --journey`, and the lesson page (inline, `mailsim report`) write it. Each arrow
// carries its whole line or question as a <title>, which a browser shows on hover.
#include <string>
#include <string_view>

#include "sim/text.hpp"
#include "ui/report/journey_model.hpp"

namespace mailsim::report {

// A file of its own: the XML declaration, then the <svg> element.
std::string journey_svg(const JourneyChart& chart, Lang lang);
// The <svg> element alone, to put inline in a page; `ids` starts the ids it defines (its arrow
// heads), so that several charts in one page keep them apart.
std::string journey_svg_element(const JourneyChart& chart, Lang lang, std::string_view ids);

}  // namespace mailsim::report

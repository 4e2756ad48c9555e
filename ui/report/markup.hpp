#pragma once
// Text made safe inside XML and HTML markup (the journey's SVG, the lesson page): <, >, & and "
// become entities (attributes are written in double quotes), and the control characters XML 1.0
// forbids are left out (spell them first with spell_controls to show them).
#include <string>
#include <string_view>

namespace mailsim::report {

std::string markup_escaped(std::string_view text);

}  // namespace mailsim::report

#pragma once
// A text cut into its lines: kept apart from sim/strings.hpp, which nearly every file includes.
#include <string>
#include <string_view>
#include <vector>

namespace mailsim {

// The lines of `text` without their '\n', empty ones included; a final '\n' ends the last
// line and starts none ("a\n\nb\n" gives {"a", "", "b"}).
std::vector<std::string> split_lines(std::string_view text);

}  // namespace mailsim

#pragma once
// Small string helpers every layer needs (ASCII only: protocol keywords, names, units).
#include <string>
#include <string_view>
#include <vector>

namespace mailsim {

std::string_view trim(std::string_view s);
std::string to_lower(std::string_view s);
std::string to_upper(std::string_view s);
bool iequals(std::string_view a, std::string_view b);
// Splits at every `sep`, trimming each part; "a; b;" gives {"a", "b", ""}.
std::vector<std::string_view> split_trimmed(std::string_view s, char sep);

}  // namespace mailsim

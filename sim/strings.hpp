#pragma once
// Small string helpers every layer needs: ASCII case and splitting (protocol keywords, names,
// units), and the room to reserve for a message's buffer.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace mailsim {

// ASCII case, inline: std::tolower is a call per octet (and reads the locale), and the
// protocols' keywords and names are compared octet by octet on every command.
constexpr char ascii_lower(char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}
constexpr char ascii_upper(char c) {
  return c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c;
}

std::string_view trim(std::string_view s);
std::string to_lower(std::string_view s);
std::string to_upper(std::string_view s);
void upper_in_place(std::string& s);  // to_upper without a new string: a reused buffer
bool iequals(std::string_view a, std::string_view b);
// Splits at every `sep`, trimming each part; "a; b;" gives {"a", "b", ""}.
std::vector<std::string_view> split_trimmed(std::string_view s, char sep);

// The room to reserve for a message's buffer of `octets` that lives a short while: above 4 KiB,
// rounded up to one of four sizes per doubling (at most a quarter more). Messages come in every
// size, and glibc's malloc keeps its freed blocks sorted by size in lists it walks on each big
// request: after a day of a big city, thousands of sizes made each message's buffer cost
// microseconds (bench/README.md, "city"). A few sizes keep those lists short.
std::size_t buffer_room(std::size_t octets);

}  // namespace mailsim

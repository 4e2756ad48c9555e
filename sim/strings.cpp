#include "sim/strings.hpp"

#include <bit>
#include <cctype>

namespace mailsim {
namespace {
bool space(char c) {
  return std::isspace(static_cast<unsigned char>(c)) != 0;
}
}  // namespace

std::string_view trim(std::string_view s) {
  while (!s.empty() && space(s.front()))
    s.remove_prefix(1);
  while (!s.empty() && space(s.back()))
    s.remove_suffix(1);
  return s;
}

std::string to_lower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    c = ascii_lower(c);
  return out;
}

std::string to_upper(std::string_view s) {
  std::string out(s);
  upper_in_place(out);
  return out;
}

void upper_in_place(std::string& s) {
  for (char& c : s)
    c = ascii_upper(c);
}

bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (ascii_lower(a[i]) != ascii_lower(b[i])) return false;
  return true;
}

std::vector<std::string_view> split_trimmed(std::string_view s, char sep) {
  std::vector<std::string_view> parts;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= s.size(); ++i) {
    if (i == s.size() || s[i] == sep) {
      parts.push_back(trim(s.substr(start, i - start)));
      start = i + 1;
    }
  }
  return parts;
}

std::size_t buffer_room(std::size_t octets) {
  constexpr std::size_t kSmall = 4096;  // below, malloc's own size classes are close enough
  if (octets <= kSmall) return octets;
  const std::size_t step = std::bit_floor(octets) / 4;
  return (octets + step - 1) / step * step;
}

}  // namespace mailsim

#include "sim/inert.hpp"

#include <fmt/format.h>

namespace mailsim {

std::string spell_controls(std::string_view bytes, Keep keep, std::size_t max_length) {
  std::string out;
  out.reserve(bytes.size());
  for (std::size_t i = 0; i < bytes.size(); ++i) {
    if (out.size() >= max_length) {
      out += "...";
      break;
    }
    const auto c = static_cast<unsigned char>(bytes[i]);
    const auto next = i + 1 < bytes.size() ? static_cast<unsigned char>(bytes[i + 1]) : 0;
    if ((keep != Keep::nothing && c == '\t') || (keep == Keep::layout && c == '\n')) {
      out += static_cast<char>(c);
    } else if (c == '\r') {
      out += "\\r";
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\t') {
      out += "\\t";
    } else if (c < 0x20 || c == 0x7f) {
      out += fmt::format("\\x{:02X}", c);
    } else if (c == 0xC2 && next >= 0x80 && next <= 0x9F) {  // UTF-8 of U+0080-U+009F
      out += fmt::format("\\u{:04X}", next);
      ++i;
    } else {
      out += static_cast<char>(c);  // an accent stays readable
    }
  }
  return out;
}

}  // namespace mailsim

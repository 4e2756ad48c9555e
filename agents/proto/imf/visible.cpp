#include "agents/proto/imf/visible.hpp"

#include <fmt/format.h>

namespace mailsim::proto::imf {

std::string visible(std::string_view bytes, std::size_t max_length) {
  std::string out;
  for (std::size_t i = 0; i < bytes.size(); ++i) {
    if (out.size() >= max_length) {
      out += "...";
      break;
    }
    const auto c = static_cast<unsigned char>(bytes[i]);
    if (c == '\r')
      out += "\\r";
    else if (c == '\n')
      out += "\\n";
    else if (c == '\t')
      out += "\\t";
    else if (c < 0x20 || c == 0x7f)
      out += fmt::format("\\x{:02X}", c);
    else
      out += static_cast<char>(c);  // UTF-8 passes through: an accent stays readable
  }
  return out;
}

}  // namespace mailsim::proto::imf

#include "agents/proto/pop3/multiline.hpp"

namespace mailsim::proto::pop3 {

std::string dot_stuff(std::string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / 32 + 8);
  bool line_start = true;
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (line_start && c == '.') out += '.';
    line_start = false;
    if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') continue;  // CRLF: at the LF
    if (c == '\n') {
      out += "\r\n";
      line_start = true;
      continue;
    }
    out += c;
  }
  if (!line_start) out += "\r\n";
  out += ".\r\n";
  return out;
}

std::string_view unstuff_line(std::string_view line) {
  if (line.size() >= 2 && line[0] == '.' && line[1] == '.') line.remove_prefix(1);
  return line;
}

}  // namespace mailsim::proto::pop3

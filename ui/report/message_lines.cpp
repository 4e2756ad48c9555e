#include "ui/report/message_lines.hpp"

#include <fmt/format.h>

namespace mailsim::report {

std::vector<std::string_view> message_lines(std::string_view content) {
  std::vector<std::string_view> lines;
  while (!content.empty()) {
    const std::size_t end = content.find("\r\n");
    lines.push_back(content.substr(0, end));
    content = end == std::string_view::npos ? std::string_view{} : content.substr(end + 2);
  }
  return lines;
}

std::string visible_bytes(std::string_view line) {
  std::string out;
  out.reserve(line.size());
  for (char c : line) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte == '\r')
      out += "<CR>";  // the notation of the 354 reply itself
    else if (byte == '\n')
      out += "<LF>";
    else if ((byte < 0x20 && byte != '\t') || byte == 0x7f)
      out += fmt::format("<0x{:02X}>", byte);  // an escape byte would drive the terminal
    else
      out += c;
  }
  return out;
}

ShownMessage shown_message(std::string_view content, bool full) {
  ShownMessage shown;
  const std::vector<std::string_view> lines = message_lines(content);
  std::size_t body_lines = 0;
  bool in_body = false;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (in_body && !full && ++body_lines > kBodyLinesShown) {
      shown.cut = lines.size() - i;
      break;
    }
    if (lines[i].empty()) in_body = true;  // the blank line between the header and the body
    shown.lines.push_back(visible_bytes(lines[i]));
  }
  return shown;
}

}  // namespace mailsim::report

#include "agents/proto/imap/header_fields.hpp"

#include <algorithm>
#include <cctype>

namespace mailsim::proto::imap {
namespace {

char lower(char c) {
  return static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
}

std::size_t header_end(std::string_view message) {
  if (message.rfind("\r\n", 0) == 0) return 2;  // no header at all
  std::size_t blank = message.find("\r\n\r\n");
  return blank == std::string_view::npos ? message.size() : blank + 4;
}

}  // namespace

bool icontains(std::string_view haystack, std::string_view needle) {
  auto it = std::search(haystack.begin(), haystack.end(), needle.begin(), needle.end(),
                        [](char x, char y) { return lower(x) == lower(y); });
  return it != haystack.end() || needle.empty();
}

std::string_view header_section(std::string_view message) {
  return message.substr(0, header_end(message));
}

std::string_view body_section(std::string_view message) {
  return message.substr(header_end(message));
}

imf::Header read_header(std::string_view message) {
  try {
    return imf::parse_header(message);  // stops at the blank line
  } catch (const imf::ParseError&) {
    return {};
  }
}

std::optional<std::string> header_value(std::string_view message, std::string_view name) {
  return read_header(message).value(name);
}

}  // namespace mailsim::proto::imap

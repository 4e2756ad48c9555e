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

bool iequals(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(),
                                            [](char x, char y) { return lower(x) == lower(y); });
}

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

std::vector<HeaderField> header_fields(std::string_view message) {
  std::vector<HeaderField> fields;
  std::string_view header = header_section(message);
  std::size_t pos = 0;
  while (pos < header.size()) {
    // A field runs until a line end not followed by white space (a fold).
    std::size_t end = pos;
    while (true) {
      std::size_t lf = header.find('\n', end);
      if (lf == std::string_view::npos) {
        end = header.size();
        break;
      }
      end = lf + 1;
      if (end >= header.size() || (header[end] != ' ' && header[end] != '\t')) break;
    }
    std::string_view raw = header.substr(pos, end - pos);
    std::size_t colon = raw.find(':');
    if (colon != std::string_view::npos && colon > 0) fields.push_back({raw.substr(0, colon), raw});
    pos = end;
  }
  return fields;
}

std::optional<std::string> header_value(std::string_view message, std::string_view name) {
  for (const HeaderField& f : header_fields(message)) {
    std::string_view fname = f.name;
    while (!fname.empty() && (fname.back() == ' ' || fname.back() == '\t'))
      fname.remove_suffix(1);  // "Subject :" is obsolete syntax, still seen
    if (!iequals(fname, name)) continue;
    std::string value;
    for (char c : f.raw.substr(f.name.size() + 1))
      if (c != '\r' && c != '\n') value += c;
    std::size_t first = value.find_first_not_of(" \t");
    std::size_t last = value.find_last_not_of(" \t");
    return first == std::string::npos ? std::string() : value.substr(first, last - first + 1);
  }
  return std::nullopt;
}

}  // namespace mailsim::proto::imap

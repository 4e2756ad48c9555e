#include "scenarios/write/block_text.hpp"

namespace mailsim::scenarios {
namespace {

// Characters a block scalar holds as they are: no control characters, and none of the
// characters YAML 1.1 also counts as line breaks (U+0085, U+2028, U+2029) or the byte order mark.
bool plain_characters(std::string_view text) {
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c == '\n') continue;
    if (c < 0x20 || c == 0x7f) return false;
    const std::string_view rest = text.substr(i);
    if (rest.starts_with("\xC2\x85") || rest.starts_with("\xE2\x80\xA8") ||
        rest.starts_with("\xE2\x80\xA9") || rest.starts_with("\xEF\xBB\xBF"))
      return false;
  }
  return true;
}

}  // namespace

std::optional<std::string> literal_body(std::string_view text) {
  if (text.size() < 2 || text.back() != '\n' || text[text.size() - 2] == '\n') return std::nullopt;
  if (text.front() == ' ' || !plain_characters(text)) return std::nullopt;
  if (text.find(" \n") != std::string_view::npos) return std::nullopt;
  return std::string(text.substr(0, text.size() - 1));
}

std::optional<std::string> folded_block(std::string_view text, int indent, int width) {
  if (text.empty() || text.find('\n') != std::string_view::npos || text.front() == ' ' ||
      text.back() == ' ' || text.find("  ") != std::string_view::npos || !plain_characters(text))
    return std::nullopt;
  const std::string margin(static_cast<std::size_t>(indent), ' ');
  const std::size_t room = width > indent ? static_cast<std::size_t>(width - indent) : 1;
  std::string out = ">-\n";
  std::string line;
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t end = text.find(' ', pos);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view word = text.substr(pos, end - pos);
    // Counts bytes, not characters: a line with accents ends a little early, never late.
    if (!line.empty() && line.size() + 1 + word.size() > room) {
      out += margin + line + '\n';
      line.clear();
    }
    line += (line.empty() ? "" : " ") + std::string(word);
    pos = end + 1;
  }
  out += margin + line + '\n';
  return out;
}

}  // namespace mailsim::scenarios

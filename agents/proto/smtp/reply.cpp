#include "agents/proto/smtp/reply.hpp"

#include <cctype>
#include <iterator>

namespace mailsim::proto::smtp {

Reply::Reply(int c, std::string enh, std::string text)
    : code(c), enhanced(std::move(enh)), lines{std::move(text)} {}

Reply::Reply(int c, std::string enh, std::vector<std::string> texts)
    : code(c),
      enhanced(std::move(enh)),
      lines(std::make_move_iterator(texts.begin()), std::make_move_iterator(texts.end())) {
  if (lines.empty()) lines.emplace_back();
}

std::string Reply::text() const {
  std::string out;
  for (const auto& line : lines) {
    if (!out.empty()) out += ' ';
    out += line;
  }
  return out;
}

std::string Reply::summary() const {
  return std::to_string(code) + (enhanced.empty() ? "" : " " + enhanced) + " " + text();
}

std::string Reply::wire(bool with_enhanced) const {
  std::string out;
  append_wire(out, with_enhanced);
  return out;
}

void Reply::append_wire(std::string& out, bool with_enhanced) const {
  const std::string code_text = std::to_string(code);
  const bool enh = with_enhanced && !enhanced.empty();
  const std::size_t count = lines.empty() ? 1 : lines.size();
  std::size_t size = 0;
  for (const auto& line : lines)
    size += code_text.size() + 1 + (enh ? enhanced.size() + 1 : 0) + line.size() + 2;
  out.reserve(out.size() + size + code_text.size() + 3);
  for (std::size_t i = 0; i < count; ++i) {
    const std::string_view line = lines.empty() ? std::string_view{} : lines[i];
    out += code_text;
    out += i + 1 < count ? '-' : ' ';
    if (enh) {
      out += enhanced;
      if (!line.empty()) out += ' ';
    }
    out += line;
    out += "\r\n";
  }
}

namespace {

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

// "d.ddd.ddd" (RFC 3463: class, subject 1-3 digits, detail 1-3 digits).
std::size_t enhanced_length(std::string_view s) {
  std::size_t i = 0;
  if (s.empty() || !is_digit(s[0])) return 0;
  i = 1;
  for (int part = 0; part < 2; ++part) {
    if (i >= s.size() || s[i] != '.') return 0;
    ++i;
    std::size_t digits = 0;
    while (i < s.size() && is_digit(s[i]) && digits < 3)
      ++i, ++digits;
    if (digits == 0) return 0;
  }
  if (i < s.size() && s[i] != ' ') return 0;
  return i;
}

}  // namespace

void split_enhanced(int code, std::string& text, std::string& enhanced) {
  const std::size_t n = enhanced_length(text);
  if (n == 0 || text[0] - '0' != code / 100) return;
  enhanced = text.substr(0, n);
  text.erase(0, n < text.size() ? n + 1 : n);
}

std::optional<Reply> ReplyParser::feed(std::string_view line) {
  const bool well_formed = line.size() >= 3 && is_digit(line[0]) && is_digit(line[1]) &&
                           is_digit(line[2]) && line[0] >= '2' && line[0] <= '5' &&
                           (line.size() == 3 || line[3] == ' ' || line[3] == '-');
  const int code = well_formed ? (line[0] - '0') * 100 + (line[1] - '0') * 10 + (line[2] - '0') : 0;
  if (!well_formed || (current_.code != 0 && code != current_.code)) {
    current_ = Reply{};
    throw ReplySyntaxError{std::string(line)};
  }
  std::string text(line.size() > 4 ? line.substr(4) : std::string_view{});
  std::string enhanced;
  split_enhanced(code, text, enhanced);
  if (current_.code == 0) {
    current_.code = code;
    current_.enhanced = enhanced;
    if (line.size() > 3 && line[3] == '-') current_.lines.reserve(8);  // an EHLO list, say
  }
  current_.lines.push_back(std::move(text));
  if (line.size() > 3 && line[3] == '-') return std::nullopt;
  Reply done = std::move(current_);
  current_ = Reply{};
  return done;
}

}  // namespace mailsim::proto::smtp

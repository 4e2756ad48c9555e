#include "agents/proto/imap/arg_parser.hpp"

#include <cctype>
#include <charconv>
#include <cstring>

#include "agents/proto/imap/literal_reader.hpp"

namespace mailsim::proto::imap {
namespace {

bool is_ctl(char c) {
  return static_cast<unsigned char>(c) < 0x20 || c == 0x7f;
}

std::string shown(std::string_view bytes) {
  std::string out;
  for (char c : bytes.substr(0, 24)) {
    if (c == '\r' || c == '\n') break;
    out += std::isprint(static_cast<unsigned char>(c)) ? c : '?';
  }
  return out;
}

}  // namespace

bool is_atom_char(char c) {
  return !is_ctl(c) && static_cast<unsigned char>(c) < 0x80 && !std::strchr("(){ %*\"\\]", c);
}

bool ArgParser::fail(std::string_view expected) {
  error_ = "expected " + std::string(expected) +
           (at_end() ? std::string(" at the end of the line") : " at '" + shown(rest()) + "'");
  return false;
}

bool ArgParser::sp() {
  if (peek() != ' ') return fail("a space");
  ++pos_;
  return true;
}

bool ArgParser::expect(char c) {
  if (at_end() || text_[pos_] != c) return fail(std::string("'") + c + "'");
  ++pos_;
  return true;
}

bool ArgParser::prefix(std::string_view word) {
  if (text_.size() - pos_ < word.size()) return false;
  for (std::size_t i = 0; i < word.size(); ++i)
    if (std::toupper(static_cast<unsigned char>(text_[pos_ + i])) !=
        std::toupper(static_cast<unsigned char>(word[i])))
      return false;
  pos_ += word.size();
  return true;
}

bool ArgParser::keyword(std::string_view word) {
  std::size_t saved = pos_;
  if (!prefix(word)) return false;
  if (!at_end() && is_atom_char(peek())) {
    pos_ = saved;
    return false;
  }
  return true;
}

std::optional<std::string> ArgParser::atom() {
  std::size_t start = pos_;
  while (!at_end() && is_atom_char(text_[pos_]))
    ++pos_;
  if (pos_ == start) {
    fail("an atom");
    return std::nullopt;
  }
  return std::string(text_.substr(start, pos_ - start));
}

std::optional<std::string> ArgParser::tag() {
  std::size_t start = pos_;
  while (!at_end() && (is_atom_char(text_[pos_]) || text_[pos_] == ']') && text_[pos_] != '+')
    ++pos_;
  if (pos_ == start) {
    fail("a tag");
    return std::nullopt;
  }
  return std::string(text_.substr(start, pos_ - start));
}

std::optional<std::string> ArgParser::quoted() {
  if (peek() != '"') {
    fail("a quoted string");
    return std::nullopt;
  }
  std::string out;
  for (std::size_t i = pos_ + 1; i < text_.size(); ++i) {
    char c = text_[i];
    if (c == '"') {
      pos_ = i + 1;
      return out;
    }
    if (c == '\r' || c == '\n') break;
    if (c == '\\') {
      if (i + 1 >= text_.size() || (text_[i + 1] != '"' && text_[i + 1] != '\\')) break;
      c = text_[++i];
    }
    out += c;
  }
  fail("a closed quoted string");
  return std::nullopt;
}

std::optional<std::string> ArgParser::literal() {
  std::size_t crlf = text_.find("\r\n", pos_);
  if (peek() != '{' || crlf == std::string_view::npos) {
    fail("a literal");
    return std::nullopt;
  }
  auto n = trailing_literal_size(text_.substr(pos_, crlf - pos_));
  if (!n || text_.find('}', pos_) + 1 != crlf || text_.size() - (crlf + 2) < *n) {
    fail("a literal");
    return std::nullopt;
  }
  std::string out(text_.substr(crlf + 2, *n));
  pos_ = crlf + 2 + *n;
  return out;
}

std::optional<std::string> ArgParser::string() {
  if (peek() == '"') return quoted();
  if (peek() == '{') return literal();
  fail("a string");
  return std::nullopt;
}

std::optional<std::string> ArgParser::astring() {
  if (peek() == '"' || peek() == '{') return string();
  std::size_t start = pos_;
  while (!at_end() && (is_atom_char(text_[pos_]) || text_[pos_] == ']'))
    ++pos_;
  if (pos_ == start) {
    fail("a string");
    return std::nullopt;
  }
  return std::string(text_.substr(start, pos_ - start));
}

std::optional<std::string> ArgParser::nstring() {
  was_nil_ = false;
  if (keyword("NIL")) {
    was_nil_ = true;
    return std::string();
  }
  return string();
}

std::optional<std::string> ArgParser::list_mailbox() {
  if (peek() == '"' || peek() == '{') return string();
  std::size_t start = pos_;
  while (!at_end() && (is_atom_char(text_[pos_]) || text_[pos_] == ']' || text_[pos_] == '%' ||
                       text_[pos_] == '*'))
    ++pos_;
  if (pos_ == start) {
    fail("a mailbox pattern");
    return std::nullopt;
  }
  return std::string(text_.substr(start, pos_ - start));
}

std::optional<std::uint32_t> ArgParser::number() {
  std::size_t start = pos_;
  while (!at_end() && std::isdigit(static_cast<unsigned char>(text_[pos_])))
    ++pos_;
  std::uint32_t n = 0;
  auto [end, ec] = std::from_chars(text_.data() + start, text_.data() + pos_, n);
  if (pos_ == start || ec != std::errc()) {
    pos_ = start;
    fail("a number");
    return std::nullopt;
  }
  return n;
}

std::string_view ArgParser::word() {
  std::size_t start = pos_;
  while (!at_end() && text_[pos_] != ' ' && text_[pos_] != ')' && text_[pos_] != '(')
    ++pos_;
  return text_.substr(start, pos_ - start);
}

}  // namespace mailsim::proto::imap

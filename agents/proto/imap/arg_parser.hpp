#pragma once
// Reads the arguments of one assembled IMAP command or response (RFC 3501 section 9 grammar):
// atoms, quoted strings, literals ("{n}\r\n" and n bytes), numbers, parenthesised lists.
// Every read either succeeds and advances, or fails, leaves the position alone and records
// what was expected where, so the caller can answer "BAD" naming the offending bytes.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace mailsim::proto::imap {

class ArgParser {
 public:
  explicit ArgParser(std::string_view text) : text_(text) {}

  bool at_end() const { return pos_ >= text_.size(); }
  char peek() const { return at_end() ? '\0' : text_[pos_]; }
  std::string_view rest() const { return text_.substr(pos_); }

  // One space.
  bool sp();
  // One given character, e.g. '(' or ')'.
  bool expect(char c);
  // Case-insensitive keyword followed by a non-atom char or the end ("BODY" does not match
  // "BODYSTRUCTURE").
  bool keyword(std::string_view word);
  // Case-insensitive prefix, no word-boundary check ("BODY.PEEK[").
  bool prefix(std::string_view word);

  std::optional<std::string> atom();          // 1*ATOM-CHAR
  std::optional<std::string> tag();           // 1*(ASTRING-CHAR except "+")
  std::optional<std::string> quoted();        // "..." with \" and \\ escapes
  std::optional<std::string> literal();       // {n}CRLF and n bytes
  std::optional<std::string> string();        // quoted or literal
  std::optional<std::string> astring();       // atom (']' allowed) or string
  std::optional<std::string> nstring();       // NIL or string; "" for NIL (see was_nil())
  std::optional<std::string> list_mailbox();  // LIST pattern: astring plus '%' and '*'
  std::optional<std::uint32_t> number();      // nz or 0, at most 2^32-1
  // Everything up to the next space or the end (sequence sets, etc.).
  std::string_view word();

  bool was_nil() const { return was_nil_; }
  // "expected X at 'bytes'" for the last failure.
  const std::string& error() const { return error_; }
  // Records a failure at the current position.
  bool fail(std::string_view expected);

 private:
  std::string_view text_;
  std::size_t pos_ = 0;
  bool was_nil_ = false;
  std::string error_;
};

bool is_atom_char(char c);

}  // namespace mailsim::proto::imap

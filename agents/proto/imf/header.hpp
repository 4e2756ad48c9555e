#pragma once
// RFC 5322 messages: header fields (name, folded value) in their original order and spelling,
// and the body. Parsing keeps every byte of a field so that a message written back is the
// message read; fields added here are folded at white space near 78 columns (section 2.2.3).
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "sim/text.hpp"

namespace mailsim::proto::imf {

// A message or field that breaks RFC 5322; text() names the line and the offending bytes.
class ParseError : public LocalizedError {
 public:
  using LocalizedError::LocalizedError;
};

inline constexpr std::size_t kMaxLineLength = 998;  // octets, without CRLF (section 2.1.1)
inline constexpr std::size_t kFoldWidth = 78;       // preferred line length (section 2.1.1)

struct Field {
  std::string name;  // as written ("SUBJECT", "Subject")
  std::string raw;   // everything after the colon, folds (CRLF + WSP) kept, no final CRLF

  // Unfolded (every CRLF before white space removed) with outer white space trimmed.
  std::string value() const;
};

class Header {
 public:
  const std::vector<Field>& fields() const { return fields_; }
  bool empty() const { return fields_.empty(); }
  // Room for `n` fields, so that adding them one by one does not move the others each time.
  void reserve(std::size_t n) { fields_.reserve(n); }

  // Lookups ignore ASCII case; the first field is the topmost.
  const Field* find(std::string_view name) const;
  std::vector<const Field*> find_all(std::string_view name) const;
  std::size_t count(std::string_view name) const;
  std::optional<std::string> value(std::string_view name) const;

  // `value` is unfolded text; it is folded here. Throws ParseError for a bad name, a CR or LF
  // in the value, or a word too long to fit a 998-octet line.
  void append(std::string_view name, std::string_view value);
  // Trace fields (Received, Return-Path) go on top of the existing ones (RFC 5321 4.4).
  void prepend(std::string_view name, std::string_view value);
  // An already folded field (checked the same way as a parsed one).
  void append_field(Field field);
  void prepend_field(Field field);
  // Replaces the first field of that name (keeping its place) or appends one.
  void set(std::string_view name, std::string_view value);
  // Removes every field of that name; returns how many.
  std::size_t remove(std::string_view name);

  // Every field as "Name:raw" CRLF, without the blank line that ends a header section.
  std::string to_string() const;
  void append_to(std::string& out) const;  // the same, onto `out`
  std::size_t wire_size() const;           // its octets: to_string().size() without building it

 private:
  std::vector<Field> fields_;
};

struct Message {
  Header header;
  std::string body;  // everything after the blank line, byte for byte

  // Header, blank line, body.
  std::string to_string() const&;
  // The same, made of the body's own buffer (the header moved in front of it): a body of
  // 100 MB is not copied when its buffer has room for the header, as compose() leaves it.
  std::string to_string() &&;
};

// Splits at the first empty line. Lines may end in CRLF or a bare LF (a field read with LF is
// stored with CRLF folds). Without an empty line the whole text is header. Throws ParseError
// for a line without a colon, a bad field name, a continuation line with no field before it
// or a header line longer than 998 octets.
Message parse_message(std::string_view text);
// The same without copying the body: a view into `text`, for a message of 100 MB.
struct MessageView {
  Header header;
  std::string_view body;
};
MessageView parse_message_view(std::string_view text);
Header parse_header(std::string_view text);

// Folds "Name: value" at white space so that lines stay within `width` where the words allow,
// and returns what follows the colon (starting with a space). Throws ParseError if the value
// holds CR or LF, or a word would make a line longer than 998 octets.
std::string fold(std::string_view name, std::string_view value, std::size_t width = kFoldWidth);
// Removes every CRLF (or bare LF) that is followed by white space (section 2.2.3).
std::string unfold(std::string_view raw);

// RFC 5322 3.6: exactly one Date and one From; at most one Sender, Reply-To, To, Cc, Bcc,
// Message-ID, In-Reply-To, References and Subject. Returns one text per problem (empty: fine).
std::vector<Text> check_required(const Header& header);

// A field name is 1*ftext: printable ASCII except the colon (section 3.6.8).
bool is_field_name(std::string_view name);
// An already folded field, checked as append_field() checks it; throws ParseError.
void check_field(const Field& field);

}  // namespace mailsim::proto::imf

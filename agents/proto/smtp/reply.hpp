#pragma once
// An SMTP reply (RFC 5321 4.2): a three-digit code, an optional enhanced status code
// (RFC 3463, "2.1.0") and one or more text lines. The server formats it; the client parses it
// back with ReplyParser, one line at a time.
#include <boost/container/small_vector.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace mailsim::proto::smtp {

// Most replies have one line: it is kept in place, without an allocation of its own.
using ReplyLines = boost::container::small_vector<std::string, 1>;

struct Reply {
  int code = 0;
  std::string enhanced;  // "5.1.1", or empty when there is none
  ReplyLines lines;      // text after the code (and enhanced code), one per line

  Reply() = default;
  Reply(int c, std::string enh, std::string text);
  Reply(int c, std::string enh, std::vector<std::string> texts);

  int klass() const { return code / 100; }  // 2, 3, 4 or 5
  bool positive() const { return klass() == 2; }
  bool intermediate() const { return klass() == 3; }
  bool transient() const { return klass() == 4; }
  bool permanent() const { return klass() == 5; }
  std::string text() const;  // the lines joined by a space
  // "250 2.0.0 Ok: queued as 4B3F21A0C2": code, enhanced code and text on one line, as
  // traces and bounce reports quote a reply.
  std::string summary() const;

  // The bytes on the wire: "250-first\r\n250 last\r\n". The enhanced code is repeated on every
  // line (RFC 2034 section 4) when with_enhanced is true and the reply has one.
  std::string wire(bool with_enhanced = true) const;
  void append_wire(std::string& out, bool with_enhanced = true) const;  // the same, onto `out`

  friend bool operator==(const Reply&, const Reply&) = default;
};

// Reassembles replies from lines received by a client (multi-line replies end with a line
// whose fourth octet is a space). feed() returns a finished reply, nothing while a multi-line
// reply is still open, or throws ReplySyntaxError for a line that is not a reply line.
class ReplyParser {
 public:
  std::optional<Reply> feed(std::string_view line);  // one line, without its CRLF
  bool in_progress() const { return current_.code != 0; }

 private:
  Reply current_;
};

struct ReplySyntaxError {
  std::string line;  // the offending line
};

// Splits "5.1.1 text" into the enhanced code and the text when the text starts with one whose
// class matches the reply code; otherwise leaves the text alone.
void split_enhanced(int code, std::string& text, std::string& enhanced);

}  // namespace mailsim::proto::smtp

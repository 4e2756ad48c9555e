#pragma once
// Assembles IMAP lines that carry literals (RFC 3501 4.3): a line ending in "{n}" is followed
// by exactly n raw bytes, after which the same command or response line goes on. The
// assembled text keeps the wire form ("... {5}\r\nhello ...") so one parser reads quoted
// strings, atoms and literals alike. Bytes may arrive split anywhere, one at a time included.
//
// Used by the server (which must send "+ " before each literal a client may send) and by the
// client (server literals need no continuation).
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "agents/proto/mailbox/line_reader.hpp"

namespace mailsim::proto::imap {

struct LiteralEvent {
  enum class Kind {
    complete,           // text holds one whole command or response
    literal_announced,  // a literal of `size` bytes is awaited: a server answers "+ ..."
    line_too_long,      // a line passed the limit; the partial command (text) is dropped
    literal_too_large,  // the announced literal passed the limit; text holds the line so far,
                        // which is dropped: the client must not send the literal
  };
  Kind kind;
  std::string text;
  std::size_t size = 0;
};

class LiteralReader {
 public:
  LiteralReader(std::size_t max_line, std::size_t max_literal)
      : lines_(max_line), max_literal_(max_literal) {}

  void feed(std::string_view bytes) { lines_.feed(bytes); }
  // The next event, or nullopt when more bytes are needed.
  std::optional<LiteralEvent> next();

 private:
  mailbox::LineReader lines_;
  std::size_t max_literal_;
  std::string pending_;                 // the command assembled so far
  std::optional<std::size_t> awaited_;  // size of the literal being read
};

// "{n}" at the end of a line: n, or nullopt when the line does not announce a literal.
std::optional<std::size_t> trailing_literal_size(std::string_view line);

}  // namespace mailsim::proto::imap

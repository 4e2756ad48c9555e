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

#include "agents/proto/mailbox/dialogue_event.hpp"
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
  // See mailbox::LineReader::allow_long_lines.
  void allow_long_lines(std::string prefix, std::size_t max) {
    lines_.allow_long_lines(std::move(prefix), max);
  }
  // Each line read (line_in) and each literal (content_in) is told to `observer` as it is read.
  void report_to(mailbox::DialogueObserver observer) { observer_ = std::move(observer); }
  // The next event, or nullopt when more bytes are needed.
  std::optional<LiteralEvent> next();

 private:
  mailbox::LineReader lines_;
  std::size_t max_literal_;
  std::string pending_;                 // the command assembled so far
  std::optional<std::size_t> awaited_;  // size of the literal being read
  mailbox::DialogueObserver observer_;
};

// "{n}" at the end of a line: n, or nullopt when the line does not announce a literal.
std::optional<std::size_t> trailing_literal_size(std::string_view line);

// Tells `observer` what `wire`, about to be sent, holds: each line (line_out) and each literal
// (content_out, after a line ending in "{n}"). `literal` is the size of a literal `wire` starts
// with (announced by the line before); returns the size of the literal the next bytes start
// with (0: none).
std::size_t report_sent(const mailbox::DialogueObserver& observer, std::string_view wire,
                        std::size_t literal = 0);

}  // namespace mailsim::proto::imap

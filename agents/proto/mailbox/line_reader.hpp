#pragma once
// Splits a byte stream that arrives in pieces into lines, for the retrieval protocols.
// A line ends at LF; a CR just before it is dropped (clients send CRLF; a bare LF is
// tolerated on reading). A line longer than the limit is returned once, flagged too_long,
// without its text, so a server can answer an error and carry on: never a hang, never
// unbounded memory.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace mailsim::proto::mailbox {

class LineReader {
 public:
  struct Line {
    std::string text;  // without the line end
    bool too_long = false;
  };

  explicit LineReader(std::size_t max_line) : max_line_(max_line) {}

  void feed(std::string_view bytes) { buffer_.append(bytes); }
  // The next complete line, or nullopt when more bytes are needed.
  std::optional<Line> next_line();
  // Exactly n raw bytes (an IMAP literal), or nullopt when fewer are buffered.
  std::optional<std::string> next_bytes(std::size_t n);
  std::size_t buffered() const { return buffer_.size() - start_; }

 private:
  void compact();

  std::size_t max_line_;
  std::string buffer_;
  std::size_t start_ = 0;    // first unread byte
  bool discarding_ = false;  // inside an over-long line, waiting for its end
};

}  // namespace mailsim::proto::mailbox

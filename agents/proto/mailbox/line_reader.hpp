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
  // Lines starting with `prefix` (compared without case) may reach `max` bytes: an answer
  // that lists, such as IMAP's "* SEARCH", grows with the mailbox.
  void allow_long_lines(std::string prefix, std::size_t max) {
    long_prefix_ = std::move(prefix);
    max_long_line_ = max;
  }
  // The next complete line, or nullopt when more bytes are needed.
  std::optional<Line> next_line();
  // Exactly n raw bytes (an IMAP literal), or nullopt when fewer are buffered.
  std::optional<std::string> next_bytes(std::size_t n);
  std::size_t buffered() const { return buffer_.size() - start_; }

 private:
  void compact();
  std::size_t limit() const;  // of the line at start_

  std::size_t max_line_;
  std::string long_prefix_;
  std::size_t max_long_line_ = 0;
  std::string buffer_;
  std::size_t start_ = 0;    // first unread byte
  std::size_t scanned_ = 0;  // no line end before this byte: a long line is searched once
  bool discarding_ = false;  // inside an over-long line, waiting for its end
};

// Guards a session's receive(). An owner that delivers bytes synchronously may call receive()
// again from inside the session's own send callback; that nested call only queues its bytes
// (feed them before making the guard) and returns, and the outer call reads them once the
// command in progress is done: nothing is parsed twice or out of order, and no state changes
// under a loop that is still using it.
class ReceiveGuard {
 public:
  explicit ReceiveGuard(bool& receiving) : receiving_(receiving), outer_(!receiving) {
    receiving_ = true;
  }
  ~ReceiveGuard() {
    if (outer_) receiving_ = false;
  }
  ReceiveGuard(const ReceiveGuard&) = delete;
  ReceiveGuard& operator=(const ReceiveGuard&) = delete;
  bool nested() const { return !outer_; }

 private:
  bool& receiving_;
  bool outer_;
};

}  // namespace mailsim::proto::mailbox

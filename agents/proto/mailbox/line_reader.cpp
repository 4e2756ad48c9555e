#include "agents/proto/mailbox/line_reader.hpp"

namespace mailsim::proto::mailbox {

void LineReader::compact() {
  if (start_ > 4096 && start_ * 2 > buffer_.size()) {
    buffer_.erase(0, start_);
    start_ = 0;
  }
}

std::optional<LineReader::Line> LineReader::next_line() {
  std::size_t lf = buffer_.find('\n', start_);
  if (lf == std::string::npos) {
    if (buffer_.size() - start_ > max_line_) {
      discarding_ = true;  // keep memory bounded: drop what we have, report at the line end
      buffer_.clear();
      start_ = 0;
    }
    return std::nullopt;
  }
  std::size_t end = lf;
  if (end > start_ && buffer_[end - 1] == '\r') --end;
  Line line;
  if (discarding_ || end - start_ > max_line_) {
    line.too_long = true;
  } else {
    line.text.assign(buffer_, start_, end - start_);
  }
  discarding_ = false;
  start_ = lf + 1;
  compact();
  return line;
}

std::optional<std::string> LineReader::next_bytes(std::size_t n) {
  if (buffer_.size() - start_ < n) return std::nullopt;
  std::string bytes = buffer_.substr(start_, n);
  start_ += n;
  compact();
  return bytes;
}

}  // namespace mailsim::proto::mailbox

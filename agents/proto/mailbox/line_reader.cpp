#include "agents/proto/mailbox/line_reader.hpp"

#include <algorithm>
#include <cctype>

namespace mailsim::proto::mailbox {

void LineReader::compact() {
  if (start_ > 4096 && start_ * 2 > buffer_.size()) {
    buffer_.erase(0, start_);
    scanned_ = scanned_ > start_ ? scanned_ - start_ : 0;
    start_ = 0;
  }
}

std::size_t LineReader::limit() const {
  if (long_prefix_.empty() || buffer_.size() - start_ < long_prefix_.size()) return max_line_;
  for (std::size_t i = 0; i < long_prefix_.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(buffer_[start_ + i])) !=
        std::tolower(static_cast<unsigned char>(long_prefix_[i])))
      return max_line_;
  return std::max(max_line_, max_long_line_);
}

std::optional<LineReader::Line> LineReader::next_line() {
  std::size_t lf = buffer_.find('\n', std::max(start_, scanned_));
  if (lf == std::string::npos) {
    scanned_ = buffer_.size();
    if (buffer_.size() - start_ > limit()) {
      discarding_ = true;  // keep memory bounded: drop what we have, report at the line end
      buffer_.clear();
      start_ = 0;
      scanned_ = 0;
    }
    return std::nullopt;
  }
  std::size_t end = lf;
  if (end > start_ && buffer_[end - 1] == '\r') --end;
  Line line;
  if (discarding_ || end - start_ > limit()) {
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

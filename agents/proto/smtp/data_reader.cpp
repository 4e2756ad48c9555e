#include "agents/proto/smtp/data_reader.hpp"

#include <algorithm>
#include <cstdint>
#include <cstring>

#include "sim/strings.hpp"

namespace mailsim::proto::smtp {

std::string_view mode_name(EndOfDataMode mode) {
  switch (mode) {
    case EndOfDataMode::normalize:
      return "normalize";
    case EndOfDataMode::reject:
      return "reject";
    case EndOfDataMode::lenient:
      return "lenient";
    case EndOfDataMode::keep:
      return "keep";
  }
  return "?";
}

DataReader::DataReader(EndOfDataMode mode, DataLimits limits, LinesSeen on_lines)
    : mode_(mode), limits_(limits), on_lines_(std::move(on_lines)) {
  // A line over its limit, or over the message size, is refused anyway: one octet past the
  // limit shows it.
  if (limits_.max_line != 0) keep_ = limits_.max_line + 1;
  if (limits_.max_message != 0) keep_ = std::min(keep_, limits_.max_message + 1);
}

std::size_t DataReader::consume(std::string_view bytes) {
  std::size_t used = 0;
  while (used < bytes.size() && !finished_) {
    if (line_length_ == 0) {
      const std::size_t run = plain_lines(bytes.substr(used));
      used += run;
      if (run > 0) continue;
    }
    const char* start = bytes.data() + used;
    const std::size_t left = bytes.size() - used;
    const void* lf = std::memchr(start, '\n', left);
    const std::size_t piece = lf ? static_cast<const char*>(lf) - start : left;
    // Keep only what is needed to judge the line; the length is counted in full.
    if (line_.size() < keep_) line_.append(start, std::min(piece, keep_ - line_.size()));
    if (piece > 0) last_ = start[piece - 1];
    line_length_ += piece;
    used += piece;
    if (lf) {
      ++used;
      finish_line(line_length_ > 0 && last_ == '\r');
    }
  }
  return used;
}

// The whole lines at the front of `bytes` that end in CRLF, start without a dot, and are kept
// whole within the size limit: what finish_line would do with each, done for the run at once
// (one copy, one call to the observer). Returns their octets.
std::size_t DataReader::plain_lines(std::string_view bytes) {
  const char* const begin = bytes.data();
  const char* const end = begin + bytes.size();
  const char* p = begin;
  while (p < end) {
    const auto* lf = static_cast<const char*>(std::memchr(p, '\n', end - p));
    if (lf == nullptr) break;
    const std::size_t n = lf - p + 1;  // CRLF included
    if (n < 2 || lf[-1] != '\r' || *p == '.' || n - 1 > keep_) break;
    if (limits_.max_message != 0 && size_ + (p - begin) + n > limits_.max_message) break;
    if (limits_.max_line != 0 && n > limits_.max_line) line_too_long_ = true;
    p = lf + 1;
  }
  const std::string_view run(begin, p - begin);
  if (run.empty()) return 0;
  if (on_lines_) on_lines_(run);
  size_ += run.size();
  content_ += run;
  previous_crlf_ = true;
  return run.size();
}

void DataReader::finish_line(bool crlf) {
  const std::size_t content_length = crlf ? line_length_ - 1 : line_length_;
  std::string_view line(line_);
  if (line.size() > content_length) line = line.substr(0, content_length);
  if (on_lines_) {
    seen_.assign(line).append("\r\n");
    on_lines_(seen_);
  }

  const bool dot_line = content_length == 1 && line == ".";
  const bool ends = dot_line && (mode_ == EndOfDataMode::lenient || (crlf && previous_crlf_));
  if (ends) {
    finished_ = true;
  } else {
    if (!crlf) bare_lf_seen_ = true;
    if (limits_.max_line != 0 && content_length + 2 > limits_.max_line) line_too_long_ = true;
    size_ += content_length - line.size();  // octets past what was kept still count
    // Dot-unstuffing; in keep mode only at a line's start, after a CRLF, where the client
    // stuffed (a dot after a bare LF is text).
    const bool line_start = mode_ != EndOfDataMode::keep || previous_crlf_;
    if (line_start && !line.empty() && line.front() == '.') line.remove_prefix(1);
    append(line);
    append(crlf || mode_ != EndOfDataMode::keep ? "\r\n" : "\n");
  }
  previous_crlf_ = crlf;
  line_.clear();
  line_length_ = 0;
  last_ = 0;
}

void DataReader::reserve(std::size_t octets) {
  content_.reserve(buffer_room(octets));
}

void DataReader::append(std::string_view bytes) {
  size_ += bytes.size();
  // Past the limit the message is refused anyway: stop keeping it.
  if (limits_.max_message != 0 && size_ > limits_.max_message) return;
  content_ += bytes;
}

std::string dot_stuff(std::string_view message, bool pass_bare_lf, std::size_t line_limit) {
  std::string out;
  out.reserve(message.size() + message.size() / 64 + 8);
  bool line_start = true;
  std::size_t column = 0;  // octets of the line sent so far, the stuffed dot not counted
  for (std::size_t i = 0; i < message.size(); ++i) {
    const char c = message[i];
    const bool crlf = c == '\r' && i + 1 < message.size() && message[i + 1] == '\n';
    if (line_limit > 0 && column == line_limit && !crlf && c != '\n') {
      out += "\r\n ";  // the rest goes on a continuation line
      column = 1;
      line_start = false;
    }
    if (line_start && c == '.') out += '.';
    line_start = false;
    if (crlf) {
      out += "\r\n";
      ++i;
      line_start = true;
      column = 0;
    } else if (c == '\n') {
      out += pass_bare_lf ? "\n" : "\r\n";
      line_start = !pass_bare_lf;
      column = 0;
    } else {
      out += c != '\r' || pass_bare_lf ? c : ' ';
      ++column;
    }
  }
  if (!out.empty() && !out.ends_with("\r\n")) out += "\r\n";
  out += ".\r\n";
  return out;
}

bool needs_dot_stuffing(std::string_view message, bool pass_bare_lf, std::size_t line_limit) {
  if (!message.empty() && !message.ends_with("\r\n")) return true;
  if (!pass_bare_lf) {
    // Line by line with memchr, as fast as copying the message: every line must end in CRLF,
    // hold no other CR, not start with a dot and fit the limit.
    const char* p = message.data();
    const char* const end = p + message.size();
    while (p < end) {
      const auto* lf = static_cast<const char*>(std::memchr(p, '\n', end - p));
      const std::size_t length = lf - p;  // the message ends in CRLF: there is one
      if (length == 0 || lf[-1] != '\r' || *p == '.') return true;
      if (line_limit != 0 && length - 1 > line_limit) return true;
      if (std::memchr(p, '\r', length - 1) != nullptr) return true;
      p = lf + 1;
    }
    return false;
  }
  // Bare LF and CR pass as they are: only a dot that starts the message or follows a CRLF is
  // stuffed.
  if (lines_longer_than(message, line_limit) > 0) return true;
  return message.starts_with('.') || message.find("\r\n.") != std::string_view::npos;
}

bool has_eight_bit(std::string_view bytes) {
  // Thirty-two octets a round in four independent words: a message is read whole before each
  // transaction, and one word a round spent more in the loop than in the reading.
  std::uint64_t all[4] = {0, 0, 0, 0};
  std::size_t i = 0;
  for (; i + 32 <= bytes.size(); i += 32) {
    for (int k = 0; k < 4; ++k) {
      std::uint64_t word;
      std::memcpy(&word, bytes.data() + i + 8 * k, 8);
      all[k] |= word;
    }
  }
  std::uint64_t any = all[0] | all[1] | all[2] | all[3];
  for (; i < bytes.size(); ++i)
    any |= static_cast<unsigned char>(bytes[i]);
  return (any & 0x8080808080808080ULL) != 0;
}

std::size_t lines_longer_than(std::string_view message, std::size_t line_limit) {
  if (line_limit == 0) return 0;
  // A window of line_limit octets from a line's start that holds a line end holds only short
  // lines up to it: the next window starts after the last line end in it (memrchr finds it
  // near the window's end), so a message of short lines costs a search per line_limit octets
  // instead of one per line.
  std::size_t count = 0;
  const char* p = message.data();
  const char* const end = p + message.size();
  while (p < end) {
    const std::size_t window = std::min<std::size_t>(line_limit, end - p);
    if (const void* lf = memrchr(p, '\n', window)) {
      p = static_cast<const char*>(lf) + 1;
      continue;
    }
    if (window < line_limit) break;  // the last line, without its line end, is short
    // No line end within line_limit octets: this line is long unless it ends right after
    // them with CRLF.
    const auto* lf = static_cast<const char*>(std::memchr(p + window, '\n', end - p - window));
    const char* line_end = lf != nullptr ? lf : end;
    std::size_t length = static_cast<std::size_t>(line_end - p);
    if (length > 0 && line_end[-1] == '\r') --length;
    if (length > line_limit) ++count;
    p = lf != nullptr ? lf + 1 : end;
  }
  return count;
}

}  // namespace mailsim::proto::smtp

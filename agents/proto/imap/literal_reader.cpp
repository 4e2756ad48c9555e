#include "agents/proto/imap/literal_reader.hpp"

#include <charconv>

namespace mailsim::proto::imap {

std::optional<std::size_t> trailing_literal_size(std::string_view line) {
  if (line.size() < 3 || line.back() != '}') return std::nullopt;
  std::size_t open = line.rfind('{');
  if (open == std::string_view::npos || open + 2 > line.size() - 1) return std::nullopt;
  std::string_view digits = line.substr(open + 1, line.size() - open - 2);
  if (digits.size() > 10) return std::nullopt;
  std::size_t n = 0;
  auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), n);
  if (ec != std::errc() || end != digits.data() + digits.size()) return std::nullopt;
  return n;
}

std::size_t report_sent(const mailbox::DialogueObserver& observer, std::string_view wire,
                        std::size_t literal) {
  using Kind = mailbox::DialogueEvent::Kind;
  while (!wire.empty()) {
    if (literal > 0) {
      const std::string_view bytes = wire.substr(0, literal);
      mailbox::report_content(observer, Kind::content_out, bytes);
      literal -= bytes.size();
      wire.remove_prefix(bytes.size());
      continue;
    }
    const auto lf = wire.find('\n');
    if (lf == std::string_view::npos) {  // not a whole line: told as it is
      mailbox::report(observer, Kind::line_out, wire);
      break;
    }
    std::string_view line = wire.substr(0, lf);
    if (line.ends_with('\r')) line.remove_suffix(1);
    mailbox::report(observer, Kind::line_out, line);
    literal = trailing_literal_size(line).value_or(0);
    wire.remove_prefix(lf + 1);
  }
  return literal;
}

std::optional<LiteralEvent> LiteralReader::next() {
  if (awaited_) {
    auto bytes = lines_.next_bytes(*awaited_);
    if (!bytes) return std::nullopt;
    mailbox::report_content(observer_, mailbox::DialogueEvent::Kind::content_in, *bytes);
    pending_ += *bytes;
    awaited_.reset();
  }
  auto line = lines_.next_line();
  if (!line) return std::nullopt;
  if (line->too_long) {
    LiteralEvent e{LiteralEvent::Kind::line_too_long, std::move(pending_)};
    pending_.clear();
    return e;
  }
  mailbox::report(observer_, mailbox::DialogueEvent::Kind::line_in, line->text);
  pending_ += line->text;
  if (auto n = trailing_literal_size(line->text)) {
    if (*n > max_literal_ || pending_.size() + *n > max_literal_) {
      LiteralEvent e{LiteralEvent::Kind::literal_too_large, std::move(pending_), *n};
      pending_.clear();
      return e;
    }
    pending_ += "\r\n";
    awaited_ = *n;
    return LiteralEvent{LiteralEvent::Kind::literal_announced, {}, *n};
  }
  LiteralEvent e{LiteralEvent::Kind::complete, std::move(pending_)};
  pending_.clear();
  return e;
}

}  // namespace mailsim::proto::imap

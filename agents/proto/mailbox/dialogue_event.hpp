#pragma once
// What a POP3 or IMAP session tells an observer (the trace, the window) of its dialogue, as an
// SMTP session does: each line it reads or writes, and each message it writes or reads whole
// (a POP3 RETR or TOP answer between "+OK" and ".", an IMAP literal) with its size, so that no
// observer has to cut the bytes again or guess from the commands what they hold.
#include <cstdint>
#include <functional>
#include <string_view>

namespace mailsim::proto::mailbox {

struct DialogueEvent {
  enum class Kind : std::uint8_t { line_in, line_out, content_in, content_out };
  Kind kind;
  std::string_view text;    // a line, without its line end; content: its bytes when at hand
  std::uint64_t lines = 0;  // content: its lines (a last one without LF counts)
  std::uint64_t bytes = 0;  // content: its octets as on the wire (dot-stuffing, CRLF in)
};
using DialogueObserver = std::function<void(const DialogueEvent&)>;

// The lines in `bytes`: how many, and each of them without its line end (a CR before the LF
// is dropped; a last line without LF is one too).
std::uint64_t count_lines(std::string_view bytes);
template <class F>
void for_each_line(std::string_view bytes, F&& f) {
  while (!bytes.empty()) {
    const auto lf = bytes.find('\n');
    std::string_view line = bytes.substr(0, lf);
    if (lf != std::string_view::npos && line.ends_with('\r')) line.remove_suffix(1);
    f(line);
    bytes.remove_prefix(lf == std::string_view::npos ? bytes.size() : lf + 1);
  }
}

// Tells `observer`, if any: one line, content, or each line of `bytes`.
inline void report(const DialogueObserver& observer, DialogueEvent::Kind kind,
                   std::string_view text) {
  if (observer) observer({kind, text});
}
inline void report_content(const DialogueObserver& observer, DialogueEvent::Kind kind,
                           std::string_view bytes) {
  if (observer) observer({kind, bytes, count_lines(bytes), bytes.size()});
}
inline void report_lines(const DialogueObserver& observer, DialogueEvent::Kind kind,
                         std::string_view bytes) {
  if (observer) for_each_line(bytes, [&](std::string_view line) { observer({kind, line}); });
}

}  // namespace mailsim::proto::mailbox

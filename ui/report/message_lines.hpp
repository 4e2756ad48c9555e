#pragma once
// A stored message as a person reads it, line by line: `mailsim run --show-messages` prints it,
// the lesson page shows it. Control bytes are spelt as the transcript spells them (<CR>, <LF>,
// <0x1B>), and a long body is cut.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace mailsim::report {

// A long body is cut after this many lines unless the whole is asked for (--full-data): a
// photo in base64 is tens of thousands of lines that teach nothing.
inline constexpr std::size_t kBodyLinesShown = 200;

// The lines of a stored message (CRLF ends; a final CRLF ends the last line, not a new one).
std::vector<std::string_view> message_lines(std::string_view content);

// A line's bytes with CR, LF and the other control bytes spelt out, so that a line cannot
// drive a terminal and a bare LF (smuggling) can be seen.
std::string visible_bytes(std::string_view line);

struct ShownMessage {
  std::vector<std::string> lines;  // visible; the blank line between header and body is ""
  std::size_t cut = 0;             // the lines left out after kBodyLinesShown body lines
};
ShownMessage shown_message(std::string_view content, bool full);

}  // namespace mailsim::report

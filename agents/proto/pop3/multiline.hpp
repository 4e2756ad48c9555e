#pragma once
// POP3 multi-line answers (RFC 1939 section 3): every line that starts with "." gets one more
// ".", and a line holding only "." ends the answer.
#include <string>
#include <string_view>

namespace mailsim::proto::pop3 {

// The body of a multi-line answer, dot-stuffed, CRLF line ends, ending with ".\r\n". Bare LF
// in the text become CRLF, and a missing final line end is added, so the terminator is
// always on a line of its own.
std::string dot_stuff(std::string_view text);

// One received line of a multi-line answer with its stuffing removed ("..x" -> ".x").
std::string_view unstuff_line(std::string_view line);

}  // namespace mailsim::proto::pop3

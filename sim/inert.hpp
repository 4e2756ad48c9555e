#pragma once
// Text from a scenario file or from a peer's bytes made inert for a terminal: control characters
// spelt out, so that an ESC in a subject or a host name cannot drive the reader's terminal
// (change colours, move the cursor, set the window title). docs/security.md says where it applies.
#include <cstddef>
#include <string>
#include <string_view>

namespace mailsim {

// \r, \n, \t, \xNN for the other C0 bytes and DEL (ESC is \x1B), and \uNNNN for the C1
// controls U+0080-U+009F (some terminals obey U+009B as ESC [). UTF-8 otherwise passes through.
// With `keep_layout` a tab and a line feed stay as they are. Past `max_length` output bytes the
// rest becomes "...".
std::string spell_controls(std::string_view bytes, bool keep_layout = false,
                           std::size_t max_length = std::string_view::npos);

}  // namespace mailsim

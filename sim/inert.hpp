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
// What stays as it is: nothing, a tab (harmless to a terminal, and a folded header line starts
// with one), or a tab and a line feed (a text's own layout). Past `max_length` output bytes the
// rest becomes "...".
enum class Keep { nothing, tabs, layout };
std::string spell_controls(std::string_view bytes, Keep keep = Keep::nothing,
                           std::size_t max_length = std::string_view::npos);

}  // namespace mailsim

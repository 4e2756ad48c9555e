#pragma once
// Long texts as block scalars, which a person reads and edits more easily than one quoted line.
// Each is used only when the text reads back exactly the same; otherwise the caller lets
// yaml-cpp's emitter quote it.
#include <optional>
#include <string>
#include <string_view>

namespace mailsim::scenarios {

// For a literal block (|): the text without its one final line break, which yaml-cpp's `|`
// ("clip") adds back on reading. Nothing when the text does not end with exactly one line
// break, starts with a space, has tabs, control characters or spaces at a line's end.
std::optional<std::string> literal_body(std::string_view text);

// One long line folded (>-) at spaces into lines of at most `width` columns, each indented by
// `indent`: ">-\n    word word...\n    word...\n". Nothing when the text has line breaks,
// leading, trailing or double spaces, tabs or control characters, which folding would change.
std::optional<std::string> folded_block(std::string_view text, int indent, int width);

}  // namespace mailsim::scenarios

#pragma once
// Reads a text in both languages: `key: text` (the same in both) or `key: {en: ..., fr: ...}`.
#include <string_view>

#include "scenarios/load/yaml_map.hpp"
#include "scenarios/model/localized_text.hpp"

namespace mailsim::scenarios {

// `path` is the key's place in the format ("questions[].ask"), a string literal (key_recorder).
// With `fr` required, only the `{en: ..., fr: ...}` form is accepted: a lesson's question shown
// in French must not fall back to English.
LocalizedText read_localized(YamlMap& m, std::string_view key, Need need, Diagnostics& diag,
                             std::string_view path, Need fr = Need::optional);

}  // namespace mailsim::scenarios

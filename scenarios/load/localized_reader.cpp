#include "scenarios/load/localized_reader.hpp"

#include "scenarios/load/messages.hpp"
#include "scenarios/load/yaml_document.hpp"

namespace mailsim::scenarios {

LocalizedText read_localized(YamlMap& m, std::string_view key, Need need, Diagnostics& diag,
                             std::string_view path, Need fr) {
  LocalizedText t;
  auto node = m.child(key, need);
  if (!node) return t;
  if (node->is_scalar() && fr == Need::optional) {
    t.en = t.fr = node->scalar();
    return t;
  }
  if (node->is_scalar()) {
    diag.error(position_of(*node), Text(msg::kBothLanguages, {{"key", std::string(key)}}));
    return t;
  }
  YamlMap inner(*node, Text(msg::kWhatKey, {{"name", std::string(key)}}), diag, path);
  if (auto en = inner.text("en", Need::required)) t.en = *en;
  if (auto text = inner.text("fr", fr)) t.fr = *text;
  inner.finish();
  return t;
}

}  // namespace mailsim::scenarios

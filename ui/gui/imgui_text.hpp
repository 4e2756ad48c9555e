#pragma once
// Catalog texts as the ImGui panels use them: a label in the person's language with an id that
// does not change with it, and a greyed hint that wraps.
#include <string>
#include <string_view>

#include <imgui.h>

#include "sim/text.hpp"

namespace mailsim::gui {

inline std::string tr(const Message& m, Lang lang) {
  return std::string(m.text(lang));
}

// A label with a stable id, so that changing the language keeps ImGui's state.
inline std::string label(const std::string& text, std::string_view id) {
  return text + "##" + std::string(id);
}
inline std::string label(const Message& m, Lang lang) {
  return label(tr(m, lang), m.id);
}

// Greyed text that wraps at the panel's edge (TextDisabled does not wrap).
inline void hint(const std::string& text) {
  ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
  ImGui::TextWrapped("%s", text.c_str());
  ImGui::PopStyleColor();
}

}  // namespace mailsim::gui

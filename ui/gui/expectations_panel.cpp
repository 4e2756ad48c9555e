#include "ui/gui/expectations_panel.hpp"

#include <imgui.h>

#include "ui/gui/clock_text.hpp"
#include "ui/gui/imgui_text.hpp"
#include "ui/gui/lesson_text.hpp"

namespace mailsim::gui {

namespace {

using scenarios::ExpectationState;

// The mark and the word of a state, in the Okabe-Ito colours of the rest of the window.
void state_line(const scenarios::ExpectationResult& r, ExpectationState state, Lang lang) {
  switch (state) {
    case ExpectationState::met: {
      const std::string word =
          r.met_at ? Text(msg::kExpectMet, {{"time", clock_text(*r.met_at, lang)}}).render(lang)
                   : tr(msg::kExpectMetAtEnd, lang);
      ImGui::TextColored(ImVec4(0.0f, 0.52f, 0.36f, 1), "✓ %s", word.c_str());
      break;
    }
    case ExpectationState::failed:
      ImGui::TextColored(ImVec4(0.84f, 0.33f, 0.0f, 1), "✗ %s",
                         tr(msg::kExpectFailed, lang).c_str());
      break;
    case ExpectationState::pending:
      ImGui::TextDisabled("… %s", tr(msg::kExpectPending, lang).c_str());
      break;
  }
}

}  // namespace

void expectations_panel(const Player& player, Lang lang) {
  const auto results = player.expectations();
  if (results.empty()) {
    hint(tr(msg::kNoExpectation, lang));
    return;
  }
  const bool over = player.finished();
  std::size_t met = 0;
  for (const auto& r : results)
    met += scenarios::state_at(r, player.now(), over) == ExpectationState::met ? 1 : 0;
  ImGui::TextUnformatted(
      counted(msg::kExpectSummary, met, lang, {{"total", std::to_string(results.size())}})
          .render(lang)
          .c_str());
  for (const auto& r : results) {
    ImGui::Separator();
    const ExpectationState state = scenarios::state_at(r, player.now(), over);
    state_line(r, state, lang);
    ImGui::TextWrapped("%s", r.description.render(lang).c_str());
    // The evidence says what was seen; before anything is, it has nothing to say.
    if (state != ExpectationState::pending) hint(r.evidence.render(lang));
  }
}

}  // namespace mailsim::gui

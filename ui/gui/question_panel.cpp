#include "ui/gui/question_panel.hpp"

#include <imgui.h>

#include "ui/gui/imgui_text.hpp"
#include "ui/gui/lesson_text.hpp"

namespace mailsim::gui {

void question_overlay(Player& player, const ImGuiFonts& fonts, Lang lang) {
  const auto open = player.lesson().open();
  if (!open) return;
  const scenarios::Question& q = player.lesson().questions()[*open];
  const ImGuiIO& io = ImGui::GetIO();
  ImGui::SetNextWindowPos(ImVec2(io.DisplaySize.x / 2, io.DisplaySize.y / 2), ImGuiCond_Always,
                          ImVec2(0.5f, 0.5f));
  ImGui::SetNextWindowSize(ImVec2(io.DisplaySize.x * 0.7f, 0));
  ImGui::SetNextWindowBgAlpha(1.0f);
  ImGui::SetNextWindowFocus();  // above the panels, whichever was clicked last
  ImGui::Begin("##question", nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize |
                   ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoMove);
  ImGui::TextDisabled("%s", Text(msg::kQuestionTitle,
                                 {{"number", std::to_string(*open + 1)},
                                  {"total", std::to_string(player.lesson().questions().size())}})
                                .render(lang)
                                .c_str());
  ImGui::PushFont(fonts.clock);  // the large face: read from the back of the room
  ImGui::TextWrapped("%s", q.ask.in(lang).c_str());
  ImGui::PopFont();
  ImGui::Spacing();
  if (player.lesson().answer_shown()) {
    ImGui::Separator();
    ImGui::TextColored(ImVec4(0.0f, 0.45f, 0.70f, 1), "%s", tr(msg::kAnswerTitle, lang).c_str());
    ImGui::PushFont(fonts.clock);
    ImGui::TextWrapped("%s", q.answer.in(lang).c_str());
    ImGui::PopFont();
    ImGui::Spacing();
  } else if (ImGui::Button(label(msg::kShowAnswer, lang).c_str())) {
    player.reveal_answer();
  }
  if (!player.lesson().answer_shown()) ImGui::SameLine();
  if (ImGui::Button(label(msg::kGoOn, lang).c_str())) player.go_on();
  ImGui::End();
}

bool lesson_key(sf::Keyboard::Key key, Player& player) {
  if (!player.lesson().open()) return false;
  switch (key) {
    case sf::Keyboard::A:
    case sf::Keyboard::Enter:
      player.reveal_answer();
      return true;
    case sf::Keyboard::Space:
      player.go_on();
      return true;
    default:
      return false;
  }
}

}  // namespace mailsim::gui

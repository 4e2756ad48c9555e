#include "ui/gui/story_panel.hpp"

#include <imgui.h>

#include "ui/gui/clock_text.hpp"
#include "ui/gui/imgui_text.hpp"
#include "ui/gui/lesson_text.hpp"

namespace mailsim::gui {

void story_panel(const Player& player, Lang lang) {
  const auto& lines = player.story().lines(lang);
  if (lines.empty()) {
    hint(tr(msg::kStoryEmpty, lang));
    return;
  }
  // The current step: the lines told at the latest time (one event may say several things).
  const sim::SimTime current = lines.back().time;
  ImGui::BeginChild("##story_lines");
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const ImVec4 past = ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled);
  for (const auto& line : lines) {
    const std::string text = clock_text(line.time, lang) + "  " + line.text;
    if (line.time != current) {
      ImGui::PushStyleColor(ImGuiCol_Text, past);
      ImGui::TextWrapped("%s", text.c_str());
      ImGui::PopStyleColor();
      continue;
    }
    // Highlighted: the text over a pale band, drawn behind it once its height is known.
    draw->ChannelsSplit(2);
    draw->ChannelsSetCurrent(1);
    ImGui::TextWrapped("%s", text.c_str());
    draw->ChannelsSetCurrent(0);
    const ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
    draw->AddRectFilled(ImVec2(min.x - 4, min.y - 1),
                        ImVec2(min.x + ImGui::GetContentRegionAvail().x, max.y + 1),
                        IM_COL32(255, 236, 160, 255), 3);
    draw->ChannelsMerge();
  }
  // Follows the story as it grows, unless the reader scrolled up to read the past (the margin:
  // scrolling "here" stops short of the maximum by the window's padding).
  if (ImGui::GetScrollY() >= ImGui::GetScrollMaxY() - 2 * ImGui::GetTextLineHeightWithSpacing())
    ImGui::SetScrollHereY(1.0f);
  ImGui::EndChild();
}

}  // namespace mailsim::gui

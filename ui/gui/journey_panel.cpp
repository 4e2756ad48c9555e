#include "ui/gui/journey_panel.hpp"

#include <algorithm>
#include <fstream>

#include <imgui.h>

#include "ui/gui/clock_text.hpp"
#include "ui/gui/file_names.hpp"
#include "ui/gui/gui_text.hpp"
#include "ui/gui/imgui_text.hpp"
#include "ui/gui/panel_text.hpp"
#include "ui/report/journey_layout.hpp"
#include "ui/report/journey_svg.hpp"

namespace mailsim::gui {

namespace {

using report::ChartLayout;
using report::ChartStep;

ImU32 colour(report::Channel c) {
  const unsigned rgb = report::channel_colour(c);
  return IM_COL32((rgb >> 16) & 0xFF, (rgb >> 8) & 0xFF, rgb & 0xFF, 255);
}

std::string message_label(const report::TracedMessage& m) {
  std::string out = (m.sender.empty() ? "<>" : m.sender) + " → " + m.recipient;
  if (!m.subject.empty()) out += "  « " + m.subject + " »";
  return out;
}

// The chart with ImGui's draw list, at the layout the SVG uses: rows scaled to the font,
// columns narrowed (to two thirds at most) so that the lifelines fit the panel's width.
void draw_chart(const report::JourneyChart& chart, Lang lang) {
  const ChartLayout l = report::layout_chart(chart);
  const float k = std::max(1.0f, ImGui::GetFontSize() / 17.0f);
  const float room = ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ScrollbarSize;
  const float kx = std::clamp(room / l.width, 0.66f * k, 1.25f * k);
  const ImVec2 o = ImGui::GetCursorScreenPos();
  ImDrawList* draw = ImGui::GetWindowDrawList();
  auto at = [&](float x, float y) { return ImVec2(o.x + x * kx, o.y + y * k); };
  const ImU32 ink = IM_COL32(30, 30, 30, 255), grey = IM_COL32(120, 120, 120, 255);
  const float top = ChartLayout::kHeader - 56;  // the title is the panel's, above
  for (std::size_t i = 0; i < chart.lifelines.size(); ++i)
    draw->AddLine(at(l.x[i], top + ChartLayout::kBox), at(l.x[i], l.height - 8 - 56), grey, 1);
  const ImGuiIO& io = ImGui::GetIO();
  const float clip_top = ImGui::GetWindowPos().y, clip_bottom = clip_top + ImGui::GetWindowHeight();
  for (std::size_t i = 0; i < chart.steps.size(); ++i) {
    const ChartStep& s = chart.steps[i];
    const float y = l.y[i] - 56;
    const ImVec2 row = at(0, y);
    if (row.y < clip_top - 40 || row.y > clip_bottom + 40) continue;  // off screen: not drawn
    const float h = ImGui::GetTextLineHeight();
    if (l.timed[i])
      draw->AddText(ImVec2(row.x + 4, row.y - h / 2), grey, clock_text(s.at, lang).c_str());
    const ImU32 c = colour(s.channel);
    switch (s.type) {
      case ChartStep::Type::arrow: {
        const ImVec2 a = at(l.x[s.from], y + 6), b = at(l.x[s.to], y + 6);
        const float dir = b.x > a.x ? 1.0f : -1.0f;
        draw->AddLine(a, ImVec2(b.x - dir * 7, b.y), c, 1.5f);
        draw->AddTriangleFilled(b, ImVec2(b.x - dir * 9, b.y - 4), ImVec2(b.x - dir * 9, b.y + 4),
                                c);
        const float w = ImGui::CalcTextSize(s.label.c_str()).x;
        draw->AddText(ImVec2((a.x + b.x) / 2 - w / 2, a.y - h - 1), c, s.label.c_str());
        break;
      }
      case ChartStep::Type::note: {
        const ImVec2 p = at(l.x[s.from], y);
        draw->AddCircleFilled(p, 3.5f * k, c);
        const float w = ImGui::CalcTextSize(s.label.c_str()).x;
        draw->AddText(ImVec2(report::note_on_left(l, s.from) ? p.x - 8 - w : p.x + 8, p.y - h / 2),
                      c, s.label.c_str());
        break;
      }
      case ChartStep::Type::gap: {
        float last_y = 0;
        for (float x = ChartLayout::kTimeColumn; x < l.width; x += 12) {
          const float zy = y - 10 + (static_cast<int>(x / 12) % 2 ? 3.0f : -3.0f);
          if (x > ChartLayout::kTimeColumn) draw->AddLine(at(x - 12, last_y), at(x, zy), grey);
          last_y = zy;
        }
        const float w = ImGui::CalcTextSize(s.label.c_str()).x;
        const ImVec2 p = at((ChartLayout::kTimeColumn + l.width) / 2, y);
        draw->AddText(ImVec2(p.x - w / 2, p.y - 2), ink, s.label.c_str());
        break;
      }
    }
    // The whole line under the mouse.
    if (!s.detail.empty() && ImGui::IsWindowHovered() && std::abs(io.MousePos.y - row.y) < 10 * k)
      ImGui::SetTooltip("%s\n%s", clock_text(s.at, lang).c_str(), s.detail.c_str());
  }
  // The lifelines' boxes stay at the top of the panel as the chart scrolls under them.
  const float shift = std::max(0.0f, ImGui::GetWindowPos().y - at(0, top).y);
  draw->AddRectFilled(ImVec2(o.x, at(0, top).y + shift - 2),
                      ImVec2(std::max(at(l.width, 0).x, o.x + ImGui::GetWindowWidth()),
                             at(0, top + ChartLayout::kBox).y + shift + 2),
                      ImGui::GetColorU32(ImGuiCol_WindowBg));
  for (std::size_t i = 0; i < chart.lifelines.size(); ++i) {
    const auto& line = chart.lifelines[i];
    const float x = l.x[i];
    ImVec2 a = at(x - ChartLayout::kColumn / 2 + 6, top),
           b = at(x + ChartLayout::kColumn / 2 - 6, top + ChartLayout::kBox);
    a.y += shift;
    b.y += shift;
    draw->AddRectFilled(a, b, IM_COL32(242, 242, 242, 255), 4);
    draw->AddRect(a, b, grey, 4);
    for (const auto& [text, dy, colour_of] :
         {std::tuple{&line.host, 2.0f, ink}, std::tuple{&line.roles, 20.0f, grey}}) {
      const float w = ImGui::CalcTextSize(text->c_str()).x;
      const ImVec2 p = at(x, top + dy);
      draw->AddText(ImVec2(p.x - w / 2, p.y + shift), colour_of, text->c_str());
    }
  }
  ImGui::Dummy(ImVec2(l.width * kx, (l.height - 56) * k));
}

}  // namespace

void journey_panel(const Player& player, JourneyView& view, const std::string& selected,
                   std::string& notice, Lang lang) {
  const auto& log = player.journey_log();
  const auto messages = report::traced_messages(log);
  if (messages.empty()) {
    ImGui::TextDisabled("%s", tr(msg::kNoMessage, lang).c_str());
    return;
  }
  std::string id = view.message_id.empty() ? selected : view.message_id;
  const auto chosen = std::find_if(messages.begin(), messages.end(),
                                   [&](const auto& m) { return m.message_id == id; });
  const report::TracedMessage& current = chosen == messages.end() ? messages.front() : *chosen;
  id = current.message_id;
  ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x * 0.6f);
  if (ImGui::BeginCombo(label(msg::kJourneyMessage, lang).c_str(),
                        message_label(current).c_str())) {
    for (const auto& m : messages) {
      const std::string text = message_label(m) + "##" + m.message_id;
      if (ImGui::Selectable(text.c_str(), m.message_id == id)) view.message_id = id = m.message_id;
      if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", m.message_id.c_str());
    }
    ImGui::EndCombo();
  }
  const bool grew = view.log != &log || view.records != log.records() || view.lang != lang ||
                    view.chart.message_id != id;
  if (grew) {
    view.chart = report::journey_chart(log, id, player.roles(), lang);
    view.log = &log;
    view.records = log.records();
    view.lang = lang;
  }
  ImGui::SameLine();
  if (ImGui::Button(label(msg::kExportSvg, lang).c_str())) {
    const std::string path = free_file_name("journey", ".svg");
    std::ofstream out(path);
    out << report::journey_svg(view.chart, lang);
    notice = out ? Text(msg::kSvgSaved, {{"path", path}}).render(lang)
                 : Text(msg::kCannotWrite, {{"path", path}}).render(lang);
  }
  ImGui::TextDisabled("%s", id.c_str());
  hint(tr(msg::kJourneyHelp, lang));
  ImGui::BeginChild("##journey_chart", ImVec2(0, 0), false, ImGuiWindowFlags_HorizontalScrollbar);
  // Following the run: the newest steps stay in sight until the person scrolls up.
  if (ImGui::GetScrollY() < ImGui::GetScrollMaxY() - 1 && !grew) view.follow = false;
  if (ImGui::GetScrollY() >= ImGui::GetScrollMaxY() - 1) view.follow = true;
  draw_chart(view.chart, lang);
  if (view.follow) ImGui::SetScrollHereY(1.0f);
  ImGui::EndChild();
}

}  // namespace mailsim::gui

#include "ui/gui/queue_panel.hpp"

#include <algorithm>

#include <fmt/format.h>
#include <imgui.h>

#include "ui/gui/clock_text.hpp"
#include "ui/gui/gui_text.hpp"
#include "ui/gui/imgui_text.hpp"
#include "ui/gui/network_view.hpp"
#include "ui/gui/queue_model.hpp"

namespace mailsim::gui {

namespace {

ImU32 im(Rgb c) {
  return IM_COL32(c.r, c.g, c.b, 255);
}

// The tries on a time axis from the message's arrival to its next try: a dot per failed
// attempt, a line at now, a ring at the next try, and the schedule's later tries (should each
// fail) as small rings on a dotted line.
void retry_chart(const QueueEntry& e, sim::SimTime now) {
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const ImVec2 p = ImGui::GetCursorScreenPos();
  const float w = ImGui::GetContentRegionAvail().x - 8, h = ImGui::GetTextLineHeight();
  ImGui::Dummy(ImVec2(w, h));
  sim::SimTime end = std::max(e.next_try.value_or(now), now);
  if (!e.planned.empty()) end = std::max(end, e.planned.back());
  const double span = static_cast<double>((end - e.arrival).count());
  auto x_of = [&](sim::SimTime t) {
    const double f = span > 0 ? static_cast<double>((t - e.arrival).count()) / span : 1.0;
    return p.x + 6 + (w - 12) * static_cast<float>(std::clamp(f, 0.0, 1.0));
  };
  const float y = p.y + h / 2;
  draw->AddLine(ImVec2(p.x, y), ImVec2(p.x + w, y), IM_COL32(160, 160, 160, 255), 1);
  for (sim::SimTime t : e.deferrals)
    draw->AddCircleFilled(ImVec2(x_of(t), y), h * 0.22f, im(packet_colour(PacketClass::dns)));
  draw->AddLine(ImVec2(x_of(now), p.y), ImVec2(x_of(now), p.y + h), IM_COL32(20, 20, 20, 255), 2);
  if (e.next_try)
    draw->AddCircle(ImVec2(x_of(*e.next_try), y), h * 0.3f, im(packet_colour(PacketClass::smtp)), 0,
                    2);
  if (e.next_try && !e.planned.empty()) {
    // Dotted: what the schedule plans, not what happened.
    const float from = x_of(*e.next_try) + h * 0.3f, to = x_of(e.planned.back());
    for (float x = from; x < to; x += 6)
      draw->AddLine(ImVec2(x, y), ImVec2(std::min(x + 2, to), y),
                    im(packet_colour(PacketClass::smtp)), 2);
    for (sim::SimTime t : e.planned)
      draw->AddCircle(ImVec2(x_of(t), y), h * 0.2f, im(packet_colour(PacketClass::smtp)), 0, 1.5f);
  }
}

void entry(const QueueEntry& e, sim::SimTime now, Lang lang) {
  std::string rcpts;
  for (const auto& r : e.pending)
    rcpts += (rcpts.empty() ? "" : ", ") + r;
  ImGui::TextWrapped("%s  %s -> %s", e.queue_id.c_str(), e.sender.empty() ? "<>" : e.sender.c_str(),
                     rcpts.c_str());
  if (e.sender.empty()) ImGui::TextDisabled("%s", tr(msg::kBounceNotice, lang).c_str());
  const std::string status =
      e.next_try && *e.next_try > now
          ? Text(msg::kNextTry, {{"time", short_duration(*e.next_try - now, lang)}}).render(lang)
          : tr(msg::kInProgress, lang);
  ImGui::TextUnformatted(status.c_str());
  if (e.failures > 0)
    ImGui::TextUnformatted(
        Text(msg::kAttempts, {{"count", std::to_string(e.failures)}}).render(lang).c_str());
  if (e.delay_warned)
    ImGui::TextColored(ImVec4(0.6f, 0.3f, 0.0f, 1), "%s", tr(msg::kDelayWarned, lang).c_str());
  if (!e.last_error.empty()) ImGui::TextWrapped("%s", e.last_error.c_str());
  if (e.failures > 0 || e.next_try) retry_chart(e, now);
  ImGui::Spacing();
}

}  // namespace

void queue_panel(const Player& player, Lang lang) {
  const auto entries = queue_entries(player.view(), player.scene());
  if (entries.empty()) {
    ImGui::TextDisabled("%s", tr(msg::kNothingQueued, lang).c_str());
    return;
  }
  std::string server;
  for (const auto& e : entries) {
    if (e.server != server) {
      server = e.server;
      ImGui::Separator();
      ImGui::TextUnformatted(server.c_str());
    }
    ImGui::Indent();
    entry(e, player.now(), lang);
    ImGui::Unindent();
  }
  ImGui::Separator();
  hint(tr(msg::kQueueChartHelp, lang));
}

}  // namespace mailsim::gui

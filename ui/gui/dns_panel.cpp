#include "ui/gui/dns_panel.hpp"

#include <imgui.h>

#include "ui/gui/clock_text.hpp"
#include "ui/gui/gui_text.hpp"
#include "ui/gui/imgui_text.hpp"
#include "ui/gui/panel_text.hpp"

namespace mailsim::gui {

namespace {

constexpr ImGuiTableFlags kTable = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV |
                                   ImGuiTableFlags_Resizable | ImGuiTableFlags_SizingStretchProp;

void headers(std::initializer_list<const Message*> columns, Lang lang) {
  for (const Message* m : columns)
    ImGui::TableSetupColumn(tr(*m, lang).c_str());
  ImGui::TableHeadersRow();
}

void questions(const Player& player, Lang lang) {
  const auto exchanges = dns_exchanges(player.journey_log());
  if (exchanges.empty()) {
    ImGui::TextDisabled("%s", tr(msg::kNoDnsQuestion, lang).c_str());
    return;
  }
  const float height = ImGui::GetContentRegionAvail().y * 0.55f;
  if (!ImGui::BeginTable("##dns_questions", 4, kTable | ImGuiTableFlags_ScrollY, ImVec2(0, height)))
    return;
  ImGui::TableSetupScrollFreeze(0, 1);
  // Following the run: the newest question stays in sight until the person scrolls up.
  const bool follow = ImGui::GetScrollY() >= ImGui::GetScrollMaxY() - 1;
  headers({&msg::kColTime, &msg::kColAsked, &msg::kColQuestion, &msg::kColAnswer}, lang);
  ImGuiListClipper clipper;
  clipper.Begin(static_cast<int>(exchanges.size()));
  while (clipper.Step())
    for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
      const DnsExchange& e = exchanges[static_cast<std::size_t>(i)];
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(clock_text(e.asked, lang).c_str());
      ImGui::TableNextColumn();
      ImGui::TextUnformatted((e.resolver + " → " + e.server).c_str());
      ImGui::TableNextColumn();
      ImGui::TextUnformatted((e.type + "? " + e.name).c_str());
      ImGui::TableNextColumn();
      if (e.answered) {
        ImGui::TextUnformatted(e.answer.c_str());
        if (ImGui::IsItemHovered())
          ImGui::SetTooltip("%s (%s)", clock_text(*e.answered, lang).c_str(),
                            short_duration(*e.answered - e.asked, lang).c_str());
      } else {
        ImGui::TextDisabled("%s",
                            tr(e.timed_out ? msg::kDnsNoAnswer : msg::kDnsWaiting, lang).c_str());
      }
    }
  if (follow) ImGui::SetScrollHereY(1.0f);
  ImGui::EndTable();
}

void caches(const Player& player, Lang lang) {
  const auto all = player.dns_caches().at(player.now());
  if (all.empty()) {
    ImGui::TextDisabled("%s", tr(msg::kNoCacheEntry, lang).c_str());
    return;
  }
  for (const auto& cache : all) {
    ImGui::TextUnformatted(cache.resolver.c_str());
    if (!ImGui::BeginTable(("##cache" + cache.resolver).c_str(), 4, kTable)) continue;
    headers({&msg::kColName, &msg::kColType, &msg::kColData, &msg::kColTtl}, lang);
    for (const auto& e : cache.entries) {
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(e.name.c_str());
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(e.type.c_str());
      ImGui::TableNextColumn();
      ImGui::TextUnformatted((e.data.empty() ? e.entry : e.data).c_str());
      ImGui::TableNextColumn();
      // A bar that empties as the TTL runs out, and the time left.
      const double whole = static_cast<double>((e.expires - e.stored).count());
      const float left = whole > 0 ? static_cast<float>(e.left.count() / whole) : 0;
      ImGui::ProgressBar(left, ImVec2(-1, 0), short_duration(e.left, lang).c_str());
    }
    ImGui::EndTable();
  }
}

}  // namespace

void dns_panel(const Player& player, Lang lang) {
  ImGui::TextUnformatted(tr(msg::kDnsQuestions, lang).c_str());
  questions(player, lang);
  ImGui::Separator();
  ImGui::TextUnformatted(tr(msg::kDnsCaches, lang).c_str());
  caches(player, lang);
  hint(tr(msg::kDnsHelp, lang));
}

}  // namespace mailsim::gui

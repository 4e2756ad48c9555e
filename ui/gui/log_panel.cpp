#include "ui/gui/log_panel.hpp"

#include <imgui.h>

#include "ui/gui/clock_text.hpp"
#include "ui/gui/gui_text.hpp"
#include "ui/gui/imgui_text.hpp"
#include "ui/gui/panel_text.hpp"

namespace mailsim::gui {

namespace {

const Message& stage_text(LogStage s) {
  switch (s) {
    case LogStage::submission:
      return msg::kStageSubmission;
    case LogStage::queue:
      return msg::kStageQueue;
    case LogStage::dns:
      return msg::kStageDns;
    case LogStage::relay:
      return msg::kStageRelay;
    case LogStage::delivery:
      return msg::kStageDelivery;
    case LogStage::retrieval:
      return msg::kStageRetrieval;
    case LogStage::other:
      return msg::kStageOther;
  }
  return msg::kStageOther;
}

// A combo over `choices` with "all" first; `value` empty means all.
void choose(const Message& what, const Message& all, const std::vector<std::string>& choices,
            std::string& value, Lang lang) {
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 11);
  if (!ImGui::BeginCombo(label(what, lang).c_str(),
                         value.empty() ? tr(all, lang).c_str() : value.c_str()))
    return;
  if (ImGui::Selectable(tr(all, lang).c_str(), value.empty())) value.clear();
  for (const auto& c : choices)
    if (ImGui::Selectable(c.c_str(), c == value)) value = c;
  ImGui::EndCombo();
}

void filters(const EventLog& log, LogView& view, Lang lang) {
  LogFilter& f = view.filter;
  choose(msg::kLogHost, msg::kAnyHost, log.hosts(), f.host, lang);
  ImGui::SameLine();
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 11);
  const std::string stage = f.stage ? tr(stage_text(*f.stage), lang) : tr(msg::kAnyStage, lang);
  if (ImGui::BeginCombo(label(msg::kLogStage, lang).c_str(), stage.c_str())) {
    if (ImGui::Selectable(tr(msg::kAnyStage, lang).c_str(), !f.stage)) f.stage.reset();
    for (int i = 0; i < kLogStageCount; ++i) {
      const auto s = static_cast<LogStage>(i);
      if (ImGui::Selectable(tr(stage_text(s), lang).c_str(), f.stage == s)) f.stage = s;
    }
    ImGui::EndCombo();
  }
  choose(msg::kLogKind, msg::kAnyKind, log.kinds(), f.kind, lang);
  ImGui::SameLine();
  ImGui::Checkbox(label(msg::kStoryOnly, lang).c_str(), &f.story_only);
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 16);
  if (ImGui::InputTextWithHint("##log_search", tr(msg::kSearch, lang).c_str(), view.search,
                               sizeof view.search))
    f.search = view.search;
}

}  // namespace

void refresh(LogView& view, const EventLog& log, Lang lang) {
  if (view.log != &log || view.lang != lang || !(view.applied == view.filter) ||
      log.lines().size() < view.scanned) {
    view.log = &log;
    view.lang = lang;
    view.applied = view.filter;
    view.scanned = 0;
    view.shown.clear();
  }
  const auto added = filter_log(log, view.filter, lang, view.scanned);
  view.shown.insert(view.shown.end(), added.begin(), added.end());
  view.scanned = log.lines().size();
}

void log_panel(const Player& player, LogView& view, Lang lang) {
  const EventLog& log = player.event_log();
  filters(log, view, lang);
  refresh(view, log, lang);
  ImGui::SameLine();
  ImGui::TextDisabled("%s", counted(msg::kLogCount, view.shown.size(), lang,
                                    {{"total", std::to_string(log.lines().size())}})
                                .render(lang)
                                .c_str());
  ImGui::Separator();
  ImGui::BeginChild("##log_lines", ImVec2(0, 0), false, ImGuiWindowFlags_HorizontalScrollbar);
  // Following the run: at the bottom, it stays there as lines come.
  const bool follow = ImGui::GetScrollY() >= ImGui::GetScrollMaxY() - 1;
  ImGuiListClipper clipper;
  clipper.Begin(static_cast<int>(view.shown.size()));
  while (clipper.Step())
    for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
      const LogLine& line = log.lines()[view.shown[static_cast<std::size_t>(i)]];
      ImGui::TextDisabled("%s", clock_text(line.at, lang).c_str());
      ImGui::SameLine();
      if (line.story)
        ImGui::TextUnformatted(line.in(lang).c_str());
      else
        ImGui::TextColored(ImVec4(0.3f, 0.3f, 0.3f, 1), "%s", line.in(lang).c_str());
      if (ImGui::IsItemHovered()) {
        // The whole line, which the panel may cut, with its kind and stage.
        ImGui::BeginTooltip();
        ImGui::PushTextWrapPos(ImGui::GetFontSize() * 35);
        ImGui::TextUnformatted(line.in(lang).c_str());
        ImGui::TextDisabled("%s  %s", line.kind.c_str(), tr(stage_text(line.stage), lang).c_str());
        ImGui::PopTextWrapPos();
        ImGui::EndTooltip();
      }
    }
  if (follow) ImGui::SetScrollHereY(1.0f);
  ImGui::EndChild();
}

}  // namespace mailsim::gui

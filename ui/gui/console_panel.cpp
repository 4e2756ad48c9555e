#include "ui/gui/console_panel.hpp"

#include <algorithm>

#include <imgui.h>

#include "agents/roles/typed_session.hpp"
#include "ui/gui/commands.hpp"
#include "ui/gui/console_text.hpp"
#include "ui/gui/dialogue_panel.hpp"
#include "ui/gui/gui_text.hpp"
#include "ui/gui/imgui_text.hpp"
#include "ui/gui/world_menus.hpp"

namespace mailsim::gui {

namespace {

// Its label, then a combo over `names` (a label on the left reads first, as a form does).
void choose(const Message& m, Lang lang, const std::vector<std::string>& names, int& index,
            float label_width) {
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted(tr(m, lang).c_str());
  ImGui::SameLine(label_width);
  index = std::clamp(index, 0, std::max(0, static_cast<int>(names.size()) - 1));
  const char* shown = names.empty() ? "" : names[static_cast<std::size_t>(index)].c_str();
  ImGui::SetNextItemWidth(-1);
  if (!ImGui::BeginCombo(("##" + std::string(m.id)).c_str(), shown)) return;
  for (std::size_t i = 0; i < names.size(); ++i)
    if (ImGui::Selectable(names[i].c_str(), static_cast<int>(i) == index))
      index = static_cast<int>(i);
  ImGui::EndCombo();
}

int index_of(const std::vector<std::string>& names, const std::string& name) {
  const auto it = std::find(names.begin(), names.end(), name);
  return it == names.end() ? 0 : static_cast<int>(it - names.begin());
}

// A first choice a lesson would make: a mail client's host, to the first mail server.
void first_choice(const Player& player, const std::vector<std::string>& hosts,
                  const std::vector<std::string>& targets, ConsoleView& view) {
  const auto& mail = player.model().mail;
  if (!mail.clients.empty()) view.from = index_of(hosts, mail.clients.front().host);
  if (!mail.servers.empty()) view.to = index_of(targets, mail.servers.front().host);
  view.chosen = true;
}

// A saved lesson keeps its console sessions in its timeline: the newest opened by now.
std::string newest_session(const Player& player) {
  std::string name;
  for (const auto& entry : player.model().timeline) {
    if (entry.at > player.now()) break;
    if (const auto* t = std::get_if<scenarios::TypedSessionAction>(&entry.action);
        t != nullptr && !t->session.empty() && !t->from.empty())
      name = t->session;
  }
  return name;
}

}  // namespace

const Dialogue* console_dialogue(const Player& player, const ConsoleView& view) {
  if (view.session.empty()) return nullptr;
  const agents::TypedSession* session = player.view().typed_session(view.session);
  if (session == nullptr || session->conn() == 0) return nullptr;
  for (const auto& d : player.dialogues().all())
    if (d.conn == session->conn()) return &d;
  return nullptr;
}

void console_panel(Player& player, ConsoleView& view, std::string& notice, Lang lang) {
  const auto world = player.view();
  const auto hosts = console_hosts(world);
  const auto targets = console_targets(world);
  if (!view.chosen) first_choice(player, hosts, targets, view);
  if (view.session.empty()) view.session = newest_session(player);

  // Where to connect: a form, labels on the left.
  float label_width = 0;
  for (const Message* m : {&msg::kConsoleFrom, &msg::kConsoleTo, &msg::kConsolePort})
    label_width = std::max(label_width, ImGui::CalcTextSize(tr(*m, lang).c_str()).x);
  label_width += ImGui::GetStyle().ItemSpacing.x * 2;
  choose(msg::kConsoleFrom, lang, hosts, view.from, label_width);
  choose(msg::kConsoleTo, lang, targets, view.to, label_width);
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted(tr(msg::kConsolePort, lang).c_str());
  ImGui::SameLine(label_width);
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 4);
  ImGui::InputText("##console_port", view.port.data(), view.port.size(),
                   ImGuiInputTextFlags_CharsDecimal);
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr(msg::kConsolePorts, lang).c_str());
  ImGui::SameLine();
  if (ImGui::Button(label(msg::kConsoleConnect, lang).c_str()) && !hosts.empty() &&
      !targets.empty()) {
    const Command open =
        open_console(world, hosts[static_cast<std::size_t>(view.from)],
                     targets[static_cast<std::size_t>(view.to)], view.port.data(), lang);
    if (record_command(player, open, lang, view.refusal, notice)) {
      view.session = std::get<scenarios::TypedSessionAction>(*open.action).session;
      view.shown_lines = 0;
    }
  }
  ImGui::Separator();

  const agents::TypedSession* session =
      view.session.empty() ? nullptr : player.view().typed_session(view.session);
  if (session == nullptr) {
    hint(tr(msg::kConsoleNone, lang));
  } else {
    const Message& state = session->ended()       ? msg::kConsoleEnded
                           : session->connected() ? msg::kConsoleConnected
                                                  : msg::kConsoleConnecting;
    ImGui::TextDisabled("%s  %s  (%s)", session->name().c_str(), tr(state, lang).c_str(),
                        view.session.c_str());
    // The lines, the newest in view; the typing line under them.
    const float footer = ImGui::GetFrameHeightWithSpacing() * 1.5f +
                         ImGui::CalcTextSize(tr(msg::kConsoleHelp, lang).c_str(), nullptr, false,
                                             ImGui::GetContentRegionAvail().x)
                             .y +
                         (view.refusal.empty() ? 0 : ImGui::GetTextLineHeightWithSpacing() * 2);
    ImGui::BeginChild("console_lines", ImVec2(0, -footer), true);
    const Dialogue* d = console_dialogue(player, view);
    if (d != nullptr) {
      dialogue_lines(*d, lang);
      if (d->lines.size() != view.shown_lines) ImGui::SetScrollHereY(1.0f);
      view.shown_lines = d->lines.size();
    }
    ImGui::EndChild();
    ImGui::SetNextItemWidth(-1);
    if (ImGui::InputTextWithHint("##console_line", tr(msg::kConsoleLine, lang).c_str(),
                                 view.line.data(), view.line.size(),
                                 ImGuiInputTextFlags_EnterReturnsTrue)) {
      if (record_command(player,
                         type_in_console(player.view(), view.session, view.line.data(), lang), lang,
                         view.refusal, notice))
        view.line[0] = '\0';
      ImGui::SetKeyboardFocusHere(-1);  // the next line is typed at once, as in a terminal
    }
  }
  if (!view.refusal.empty())
    ImGui::TextColored(ImVec4(0.84f, 0.2f, 0.1f, 1), "%s", view.refusal.c_str());
  hint(tr(msg::kConsoleHelp, lang));
}

}  // namespace mailsim::gui

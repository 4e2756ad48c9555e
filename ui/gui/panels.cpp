#include "ui/gui/panels.hpp"

#include <algorithm>
#include <cmath>
#include <utility>

#include <fmt/format.h>
#include <imgui.h>

#include "agents/mta/mta_agent.hpp"
#include "agents/narration/net_sentences.hpp"
#include "sim/net/network.hpp"
#include "ui/gui/clock_text.hpp"
#include "ui/gui/console_text.hpp"
#include "ui/gui/dialogue_panel.hpp"
#include "ui/gui/dns_panel.hpp"
#include "ui/gui/expectations_panel.hpp"
#include "ui/gui/gui_text.hpp"
#include "ui/gui/imgui_text.hpp"
#include "ui/gui/lesson_text.hpp"
#include "ui/gui/mailbox_panel.hpp"
#include "ui/gui/panel_text.hpp"
#include "ui/gui/queue_panel.hpp"
#include "ui/gui/story_panel.hpp"

namespace mailsim::gui {

namespace {

// [SECTION] Small helpers

ImU32 im(Rgb c, int alpha = 255) {
  return IM_COL32(c.r, c.g, c.b, alpha);
}

const Message& mark_text(MarkKind k) {
  switch (k) {
    case MarkKind::accepted:
      return msg::kMarkAccepted;
    case MarkKind::deferred:
      return msg::kMarkDeferred;
    case MarkKind::relayed:
      return msg::kMarkRelayed;
    case MarkKind::delivered:
      return msg::kMarkDelivered;
    case MarkKind::bounced:
      return msg::kMarkBounced;
    case MarkKind::fault:
      return msg::kMarkFault;
    case MarkKind::repair:
      return msg::kMarkRepair;
  }
  return msg::kMarkAccepted;
}

Rgb mark_colour(MarkKind k) {
  switch (k) {
    case MarkKind::accepted:
      return packet_colour(PacketClass::smtp);
    case MarkKind::deferred:
      return packet_colour(PacketClass::dns);
    case MarkKind::relayed:
    case MarkKind::delivered:
      return packet_colour(PacketClass::retrieval);
    case MarkKind::bounced:
      return {204, 121, 167};
    case MarkKind::fault:
      return kDropColour;
    case MarkKind::repair:
      return {86, 180, 233};
  }
  return {0, 0, 0};
}

const Message& class_text(PacketClass c) {
  switch (c) {
    case PacketClass::smtp:
      return msg::kProtoSmtp;
    case PacketClass::dns:
      return msg::kProtoDns;
    case PacketClass::retrieval:
      return msg::kProtoRetrieval;
    case PacketClass::control:
      return msg::kProtoControl;
    case PacketClass::other:
      return msg::kProtoOther;
  }
  return msg::kProtoOther;
}

// The payload as text a person can read: printable ASCII kept, CR LF shown as line ends,
// anything else as \xNN (DNS is binary).
std::string readable(std::span<const std::byte> bytes, std::size_t limit) {
  std::string out;
  for (std::size_t i = 0; i < bytes.size() && i < limit; ++i) {
    const auto c = static_cast<unsigned char>(bytes[i]);
    if (c == '\n')
      out += "\n";
    else if (c == '\r')
      continue;
    else if (c >= 32 && c < 127)
      out += static_cast<char>(c);
    else
      out += fmt::format("\\x{:02x}", c);
  }
  if (bytes.size() > limit) out += "…";
  return out;
}

// [SECTION] Packet and host details

void packet_details(const Player& player, const Flight& f, Lang lang) {
  const auto world = player.view();
  const auto& net = world.network();
  const auto& p = f.packet;
  ImGui::TextUnformatted(
      Text(msg::kPacketTitle, {{"id", std::to_string(p.id)}}).render(lang).c_str());
  ImGui::SameLine();
  ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(im(packet_colour(f.cls))), "%s",
                     tr(class_text(f.cls), lang).c_str());
  const auto link = net.link_view(f.link);
  const auto& from = net.name(f.direction == 0 ? link.a : link.b);
  const auto& to = net.name(f.direction == 0 ? link.b : link.a);
  ImGui::TextWrapped(
      "%s", Text(msg::kOnLink, {{"link", std::string(link.name)}, {"from", from}, {"to", to}})
                .render(lang)
                .c_str());
  ImGui::TextUnformatted(Text(msg::kDeparts, {{"start", clock_text(f.depart, lang)},
                                              {"end", clock_text(f.arrive, lang)}})
                             .render(lang)
                             .c_str());
  ImGui::Separator();
  ImGui::Text("IP  %s -> %s  TTL %u  id %u  %u B", p.ip.src.to_string().c_str(),
              p.ip.dst.to_string().c_str(), p.ip.ttl, p.ip.id, p.ip.total_length);
  if (p.ip.protocol == sim::net::Protocol::tcp) {
    ImGui::Text("TCP %u -> %u  [%s]", p.tcp.src_port, p.tcp.dst_port,
                sim::net::tcp_flags_text(p.tcp.flags).c_str());
    ImGui::Text("    seq %u  ack %u  win %u", p.tcp.seq, p.tcp.ack, p.tcp.window);
  } else {
    ImGui::Text("UDP %u -> %u  len %u", p.udp.src_port, p.udp.dst_port, p.udp.length);
  }
  if (p.payload.length == 0) {
    ImGui::TextUnformatted(tr(msg::kNoPayload, lang).c_str());
    return;
  }
  ImGui::TextUnformatted(
      Text(msg::kPayload, {{"bytes", std::to_string(p.payload.length)}}).render(lang).c_str());
  ImGui::BeginChild("payload", ImVec2(0, 150), true);
  ImGui::TextUnformatted(readable(p.payload.bytes(), 600).c_str());
  ImGui::EndChild();
}

void host_details(const Player& player, sim::net::NodeId node, const NetworkView& view, Lang lang) {
  const auto world = player.view();
  const auto& net = world.network();
  ImGui::TextUnformatted(net.name(node).c_str());
  ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(im(role_colour(view.role(node)))), "%s",
                     tr(role_label(view.role(node)), lang).c_str());
  if (auto a = net.address(node))
    ImGui::TextUnformatted(Text(msg::kAddress, {{"address", a->to_string()}}).render(lang).c_str());
  if (!net.is_up(node))
    ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(im(kDropColour)), "%s",
                       tr(msg::kHostDown, lang).c_str());
}

// [SECTION] Legend

void legend(const NetworkView& view, Lang lang) {
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const float h = ImGui::GetTextLineHeight();
  auto swatch = [&](Rgb c, bool round) {
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const ImVec2 centre(p.x + h / 2, p.y + h / 2);
    if (round)
      draw->AddCircleFilled(centre, h * 0.35f, im(c));
    else
      draw->AddRectFilled(ImVec2(p.x + 2, p.y + 2), ImVec2(p.x + h - 2, p.y + h - 2), im(c));
    ImGui::Dummy(ImVec2(h, h));
    ImGui::SameLine();
  };
  std::vector<bool> shown(kNodeRoleCount, false);
  for (NodeRole r : view.roles())
    shown[static_cast<std::size_t>(r)] = true;
  for (std::size_t i = 0; i < kNodeRoleCount; ++i) {
    if (!shown[i]) continue;
    const auto role = static_cast<NodeRole>(i);
    swatch(role_colour(role), false);
    ImGui::TextUnformatted(tr(role_label(role), lang).c_str());
  }
  ImGui::Separator();
  for (PacketClass c :
       {PacketClass::smtp, PacketClass::dns, PacketClass::retrieval, PacketClass::control}) {
    swatch(packet_colour(c), true);
    ImGui::TextUnformatted(tr(class_text(c), lang).c_str());
  }
  swatch(kDropColour, true);
  ImGui::TextUnformatted(tr(msg::kProtoDropped, lang).c_str());
}

// [SECTION] Messages

void messages(const Player& player, PanelState& state, Lang lang) {
  const auto& journeys = player.scene().journeys();
  if (journeys.empty()) {
    ImGui::TextDisabled("%s", tr(msg::kNoMessage, lang).c_str());
    return;
  }
  for (std::size_t i = 0; i < journeys.size(); ++i) {
    const auto& j = journeys[i];
    std::string rcpts;
    for (const auto& r : j.recipients)
      rcpts += (rcpts.empty() ? "" : ", ") + r;
    const std::string line =
        fmt::format("{} -> {}##journey{}", j.sender.empty() ? "<>" : j.sender, rcpts, i);
    if (ImGui::Selectable(line.c_str(), state.selection.journey == i))
      state.selection.journey = state.selection.journey == i ? std::nullopt : std::optional(i);
    if (state.selection.journey != i) continue;
    ImGui::Indent();
    for (std::size_t h = 0; h < j.hops.size(); ++h) {
      const auto& hop = j.hops[h];
      const std::string stay =
          hop.left ? short_duration(*hop.left - hop.arrived, lang) : std::string("…");
      ImGui::Text("%zu. %s  %s  (%s)", h + 1, hop.agent.c_str(),
                  clock_text(hop.arrived, lang).c_str(), stay.c_str());
    }
    if (!j.outcome.empty()) ImGui::TextWrapped("%s", j.outcome.c_str());
    ImGui::Unindent();
  }
}

// The selection, the messages and the legend.
void details(const Player& player, PanelState& state, const NetworkView& view, Lang lang) {
  if (ImGui::CollapsingHeader(label(msg::kSelection, lang).c_str(),
                              ImGuiTreeNodeFlags_DefaultOpen)) {
    if (state.selection.packet)
      packet_details(player, *state.selection.packet, lang);
    else if (state.selection.node)
      host_details(player, *state.selection.node, view, lang);
    else
      ImGui::TextWrapped("%s", tr(msg::kNothingSelected, lang).c_str());
  }
  if (ImGui::CollapsingHeader(label(msg::kMessages, lang).c_str(), ImGuiTreeNodeFlags_DefaultOpen))
    messages(player, state, lang);
  if (ImGui::CollapsingHeader(label(msg::kLegend, lang).c_str(), ImGuiTreeNodeFlags_DefaultOpen))
    legend(view, lang);
}

}  // namespace

std::string packet_summary(const Flight& f, Lang lang) {
  const auto& p = f.packet;
  std::string out =
      fmt::format("{}  {}:{} -> {}:{}", tr(class_text(f.cls), lang), p.ip.src.to_string(),
                  p.src_port(), p.ip.dst.to_string(), p.dst_port());
  if (p.ip.protocol == sim::net::Protocol::tcp)
    out += " [" + sim::net::tcp_flags_text(p.tcp.flags) + "]";
  out += fmt::format("  {} B", p.ip.total_length);
  if (p.payload.length > 0 && f.cls != PacketClass::dns) {
    std::string first = readable(p.payload.bytes(), 80);
    first = first.substr(0, first.find('\n'));
    if (!first.empty()) out += "  " + first;
  }
  return out;
}

float ui_scale(sf::Vector2u window, bool projector) {
  // As 1280x720 grows, everything grows with it: the panels keep their proportions.
  const float by_size = std::clamp(
      std::min(static_cast<float>(window.x) / 1280.0f, static_cast<float>(window.y) / 720.0f), 1.0f,
      2.0f);
  return std::min(by_size * (projector ? 1.5f : 1.0f), 2.5f);
}

Layout layout_for(sf::Vector2u window, float scale, bool wide) {
  Layout l;
  const auto w = static_cast<float>(window.x), h = static_cast<float>(window.y);
  l.scale = scale;
  l.wide = wide;
  l.toolbar *= scale;
  l.side =
      wide ? std::max(std::min(l.side * scale, w / 2), w * 0.58f) : std::min(l.side * scale, w / 2);
  l.bottom = std::min(l.bottom * scale, h / 3);
  l.network = sf::FloatRect(0, l.toolbar, std::max(w - l.side, 100.0f),
                            std::max(h - l.toolbar - l.bottom, 100.0f));
  return l;
}

// [SECTION] Toolbar

void toolbar(Player& player, PanelState& state, const ImGuiFonts& fonts, Lang lang,
             const Layout& layout) {
  const ImGuiIO& io = ImGui::GetIO();
  ImGui::SetNextWindowPos(ImVec2(0, 0));
  ImGui::SetNextWindowSize(ImVec2(io.DisplaySize.x, layout.toolbar));
  ImGui::Begin("##toolbar", nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                   ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus);
  if (ImGui::Button(label(player.playing ? msg::kPause : msg::kPlay, lang).c_str(),
                    ImVec2(90 * layout.scale, 0)))
    player.playing = !player.playing;
  ImGui::SameLine();
  if (ImGui::Button(label(msg::kStepEvent, lang).c_str())) player.step_event();
  ImGui::SameLine();
  if (ImGui::Button(label(msg::kStepLine, lang).c_str())) player.step_line();
  ImGui::SameLine();
  if (ImGui::Button(label(msg::kRestart, lang).c_str())) player.restart();
  ImGui::SameLine();
  float speed = static_cast<float>(player.speed);
  ImGui::SetNextItemWidth(150 * layout.scale);
  if (ImGui::SliderFloat(
          label(msg::kSpeed, lang).c_str(), &speed, static_cast<float>(Player::kMinSpeed),
          static_cast<float>(Player::kMaxSpeed), "%gx", ImGuiSliderFlags_Logarithmic))
    player.speed = std::clamp(static_cast<double>(speed), Player::kMinSpeed, Player::kMaxSpeed);
  ImGui::SameLine();
  ImGui::Checkbox(label(msg::kSkipIdle, lang).c_str(), &player.skip_idle);
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr(msg::kSkipIdleHelp, lang).c_str());
  ImGui::SameLine();
  state.menus.act_button(player, lang, state.screenshot);

  // The large clock, right-aligned.
  ImGui::PushFont(fonts.clock);
  const std::string clock = clock_text(player.now(), lang);
  const float width = ImGui::CalcTextSize(clock.c_str()).x;
  ImGui::SameLine(std::max(ImGui::GetCursorPosX() + 10, io.DisplaySize.x - width - 16));
  ImGui::SetCursorPosY(layout.toolbar * 0.19f);
  ImGui::TextUnformatted(clock.c_str());
  ImGui::PopFont();
  // The second row: going to a time, then one line of status.
  ImGui::SetCursorPosY(layout.toolbar * 0.53f);
  ImGui::SetNextItemWidth(130 * layout.scale);
  bool go = ImGui::InputTextWithHint("##go_to", tr(msg::kRunToHint, lang).c_str(), state.go_to,
                                     sizeof state.go_to, ImGuiInputTextFlags_EnterReturnsTrue);
  ImGui::SameLine();
  go = ImGui::Button(label(msg::kRunTo, lang).c_str()) || go;
  if (go) {
    try {
      player.seek(sim::parse_time(state.go_to));
      state.go_to_error.clear();
    } catch (const sim::TimeParseError& e) {
      state.go_to_error = Text(msg::kBadTime, {{"error", e.text().render(lang)}}).render(lang);
    }
  }
  ImGui::SameLine();
  if (player.failure()) {
    ImGui::TextColored(ImVec4(0.84f, 0.2f, 0.1f, 1), "%s",
                       Text(msg::kFailed, {{"time", clock_text(player.failure()->at, lang)},
                                           {"kind", player.failure()->kind},
                                           {"what", player.failure()->what}})
                           .render(lang)
                           .c_str());
  } else if (!state.go_to_error.empty()) {
    ImGui::TextColored(ImVec4(0.84f, 0.2f, 0.1f, 1), "%s", state.go_to_error.c_str());
  } else if (player.finished()) {
    ImGui::TextDisabled("%s", tr(msg::kFinished, lang).c_str());
  } else if (!state.notice.empty()) {
    ImGui::TextDisabled("%s", state.notice.c_str());
  }
  ImGui::End();
}

// [SECTION] Side panel

namespace {

const Message& tab_title(SideTab tab) {
  switch (tab) {
    case SideTab::details:
      return msg::kDetails;
    case SideTab::dialogues:
      return msg::kDialogues;
    case SideTab::console:
      return msg::kConsoleTab;
    case SideTab::mailboxes:
      return msg::kMailboxes;
    case SideTab::queues:
      return msg::kQueuesTab;
    case SideTab::story:
      return msg::kStoryTab;
    case SideTab::expectations:
      return msg::kExpectTab;
    case SideTab::journey:
      return msg::kJourneyTab;
    case SideTab::dns:
      return msg::kDnsTab;
    case SideTab::log:
      return msg::kLogTab;
  }
  return msg::kDetails;
}

// One tab's content, in the side panel or in its own window; true when it wants the width
// (the journey chart, the DNS tables, the log).
bool tab_content(SideTab tab, Player& player, PanelState& state, const NetworkView& view,
                 Lang lang) {
  switch (tab) {
    case SideTab::details:
      details(player, state, view, lang);
      return false;
    case SideTab::dialogues:
      dialogue_panel(player, lang);
      return false;
    case SideTab::console:
      console_panel(player, state.console, state.notice, lang);
      return false;
    case SideTab::mailboxes:
      mailbox_panel(player, state.open_message, lang);
      return false;
    case SideTab::queues:
      queue_panel(player, lang);
      return false;
    case SideTab::story:
      story_panel(player, lang);
      return false;
    case SideTab::expectations:
      expectations_panel(player, lang);
      return false;
    case SideTab::journey: {
      const auto& journeys = player.scene().journeys();
      const std::string selected =
          state.selection.journey && *state.selection.journey < journeys.size()
              ? journeys[*state.selection.journey].message_id
              : std::string();
      journey_panel(player, state.journey, selected, state.notice, lang);
      return true;
    }
    case SideTab::dns:
      dns_panel(player, lang);
      return true;
    case SideTab::log:
      log_panel(player, state.log, lang);
      return true;
  }
  return false;
}

// The ImGui name of a popped-out panel's window: its title in the person's language, an id
// that does not change with it (so that it keeps its place and size).
std::string window_name(SideTab tab, Lang lang) {
  return tr(tab_title(tab), lang) + "###pop_" + side_tab_name(tab);
}

// The panels popped out of the tabs, each in a window of its own; closing one docks it again.
void panel_windows(Player& player, PanelState& state, const NetworkView& view, Lang lang,
                   const Layout& layout, std::optional<SideTab> focus) {
  const ImGuiIO& io = ImGui::GetIO();
  float offset = 0;
  for (std::size_t i = 0; i < kSideTabCount; ++i) {
    const auto tab = static_cast<SideTab>(i);
    if (!state.windows.popped(tab)) continue;
    // The first time: over the network, one beside the other.
    offset += 30 * layout.scale;
    ImGui::SetNextWindowPos(ImVec2(offset, layout.toolbar + offset), ImGuiCond_FirstUseEver);
    ImGui::SetNextWindowSize(
        ImVec2(layout.side, (io.DisplaySize.y - layout.toolbar - layout.bottom) * 0.8f),
        ImGuiCond_FirstUseEver);
    if (focus == tab) ImGui::SetNextWindowFocus();
    bool keep = true;
    if (ImGui::Begin(window_name(tab, lang).c_str(), &keep))
      tab_content(tab, player, state, view, lang);
    ImGui::End();
    if (!keep) state.windows.dock(tab);
  }
}

}  // namespace

void side_panel(Player& player, PanelState& state, const NetworkView& view, Lang lang,
                const Layout& layout) {
  const ImGuiIO& io = ImGui::GetIO();
  ImGui::SetNextWindowPos(ImVec2(io.DisplaySize.x - layout.side, layout.toolbar));
  ImGui::SetNextWindowSize(ImVec2(layout.side, io.DisplaySize.y - layout.toolbar - layout.bottom));
  ImGui::Begin("##side", nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                   ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus);
  // A panel put back comes to the front; one asked for (a flag, a key) that is popped out
  // brings its window to the front instead.
  if (auto back = state.windows.take_to_front()) state.open_tab = back;
  std::optional<SideTab> focus;
  if (state.open_tab && state.windows.popped(*state.open_tab))
    focus = std::exchange(state.open_tab, std::nullopt);
  // Ten tabs do not fit a side panel at full width: they keep their names and scroll, and the
  // list button at the left opens any of them by name.
  if (ImGui::BeginTabBar("##side_tabs", ImGuiTabBarFlags_FittingPolicyScroll |
                                            ImGuiTabBarFlags_TabListPopupButton)) {
    bool wide = false;
    std::optional<SideTab> shown;
    for (std::size_t i = 0; i < kSideTabCount; ++i) {
      const auto tab = static_cast<SideTab>(i);
      if (state.windows.popped(tab)) continue;
      // A tab asked for comes to the front once.
      const bool asked = state.open_tab == tab;
      if (asked) state.open_tab.reset();
      const bool open = ImGui::BeginTabItem(label(tab_title(tab), lang).c_str(), nullptr,
                                            asked ? ImGuiTabItemFlags_SetSelected : 0);
      if (ImGui::BeginPopupContextItem()) {  // a right click on the tab
        if (ImGui::MenuItem(label(msg::kPopOut, lang).c_str())) state.windows.pop_out(tab);
        ImGui::EndPopup();
      }
      if (!open) continue;
      shown = tab;
      wide = tab_content(tab, player, state, view, lang);
      ImGui::EndTabItem();
    }
    // At the right end of the tabs: the panel shown, out into its own window.
    if (ImGui::TabItemButton("\u2197##pop_out",
                             ImGuiTabItemFlags_Trailing | ImGuiTabItemFlags_NoTooltip) &&
        shown)
      state.windows.pop_out(*shown);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr(msg::kPopOutHelp, lang).c_str());
    state.wide = wide;
    ImGui::EndTabBar();
  }
  ImGui::End();
  panel_windows(player, state, view, lang, layout, focus);
}

// [SECTION] Queues and timeline

void bottom_panel(Player& player, PanelState& state, Lang lang, const Layout& layout) {
  const ImGuiIO& io = ImGui::GetIO();
  ImGui::SetNextWindowPos(ImVec2(0, io.DisplaySize.y - layout.bottom));
  ImGui::SetNextWindowSize(ImVec2(io.DisplaySize.x, layout.bottom));
  ImGui::Begin("##bottom", nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                   ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus);
  const auto world = player.view();
  const sim::SimTime now = player.now();
  ImDrawList* draw = ImGui::GetWindowDrawList();

  // One strip per mail server: a mark per queued message sliding towards its next try.
  ImGui::BeginChild("queues", ImVec2(0, layout.bottom - 66 * layout.scale), false);
  const float name_width = 190 * layout.scale;  // pixel sizes grow with the text
  for (const auto& server : world.mail_servers()) {
    const auto queued = server.mta->queue().messages();
    ImGui::TextUnformatted(std::string(server.host).c_str());
    ImGui::SameLine(name_width);
    if (queued.empty()) {
      ImGui::TextDisabled("%s", tr(msg::kQueueEmpty, lang).c_str());
      continue;
    }
    for (const auto* m : queued) {
      ImGui::SameLine(name_width);
      const ImVec2 p = ImGui::GetCursorScreenPos();
      const float w = 260 * layout.scale, h = ImGui::GetTextLineHeight();
      draw->AddRectFilled(p, ImVec2(p.x + w, p.y + h), IM_COL32(225, 225, 225, 255), 3);
      std::string status;
      if (m->next_attempt && *m->next_attempt > now) {
        const auto from = m->retry.last_try;
        const double span = static_cast<double>((*m->next_attempt - from).count());
        const float done =
            span > 0 ? static_cast<float>(static_cast<double>((now - from).count()) / span) : 1;
        const float x = p.x + w * std::clamp(done, 0.0f, 1.0f);
        draw->AddRectFilled(p, ImVec2(x, p.y + h), im(packet_colour(PacketClass::dns), 120), 3);
        draw->AddRectFilled(ImVec2(x - 3, p.y), ImVec2(x + 3, p.y + h),
                            im(packet_colour(PacketClass::smtp)));
        status = Text(msg::kNextTry, {{"time", short_duration(*m->next_attempt - now, lang)}})
                     .render(lang);
      } else {
        draw->AddRectFilled(p, ImVec2(p.x + w, p.y + h), im(packet_colour(PacketClass::smtp), 90),
                            3);
        status = tr(msg::kInProgress, lang);
      }
      draw->AddText(ImVec2(p.x + 6, p.y), IM_COL32(30, 30, 30, 255), m->queue_id.c_str());
      ImGui::Dummy(ImVec2(w, h));
      ImGui::SameLine();
      std::string line = status;
      if (m->retry.failures > 0)
        line += "   " +
                Text(msg::kAttempts, {{"count", std::to_string(m->retry.failures)}}).render(lang);
      if (!m->last_error.empty()) line += "   " + m->last_error;
      ImGui::TextUnformatted(line.c_str());
      if (ImGui::IsItemHovered() && !m->last_error.empty())
        ImGui::SetTooltip("%s", m->last_error.c_str());
      ImGui::NewLine();
    }
  }
  ImGui::EndChild();

  // The timeline: every mail event and fault of the whole run; click to go there.
  ImGui::TextUnformatted(tr(msg::kTimeline, lang).c_str());
  ImGui::SameLine();
  const ImVec2 p = ImGui::GetCursorScreenPos();
  const float w = ImGui::GetContentRegionAvail().x - 30, h = 26;
  ImGui::InvisibleButton("##timeline", ImVec2(w, h));
  const TimelineScale& scale = player.timeline();
  auto x_of = [&](sim::SimTime t) { return p.x + w * static_cast<float>(scale.fraction(t)); };
  auto time_under_mouse = [&] {
    return scale.time_at(std::clamp((io.MousePos.x - p.x) / w, 0.0f, 1.0f));
  };
  if (ImGui::IsItemClicked()) {
    const sim::SimTime t = time_under_mouse();
    const bool back = t < now;
    player.seek(t);
    if (back)
      state.notice = Text(msg::kReplayed, {{"ms", fmt::format("{:.0f}", player.last_replay_ms())}})
                         .render(lang);
  }
  draw->AddRectFilled(p, ImVec2(p.x + w, p.y + h), IM_COL32(235, 235, 235, 255), 4);
  draw->AddRectFilled(p, ImVec2(x_of(now), p.y + h), IM_COL32(200, 215, 235, 255), 4);
  for (const auto& m : player.all_marks()) {
    const float x = x_of(m.at);
    const bool fault = m.kind == MarkKind::fault || m.kind == MarkKind::repair;
    draw->AddLine(ImVec2(x, p.y + (fault ? 0 : 5)), ImVec2(x, p.y + h - (fault ? 0 : 5)),
                  im(mark_colour(m.kind)), fault ? 3 : 2);
  }
  draw->AddLine(ImVec2(x_of(now), p.y - 2), ImVec2(x_of(now), p.y + h + 2),
                IM_COL32(20, 20, 20, 255), 2);
  // Times under the axis, since it is not linear.
  const ImU32 grey = IM_COL32(90, 90, 90, 255);
  float last_right = -1e9f;
  for (int i = 0; i <= 6; ++i) {
    const sim::SimTime t = scale.time_at(i / 6.0);
    const std::string text = short_duration(t, lang);
    const float tw = ImGui::CalcTextSize(text.c_str()).x;
    const float x = std::clamp(x_of(t) - tw / 2, p.x, p.x + w - tw);
    if (x < last_right + 8) continue;
    draw->AddLine(ImVec2(x_of(t), p.y + h), ImVec2(x_of(t), p.y + h + 4), grey);
    draw->AddText(ImVec2(x, p.y + h + 4), grey, text.c_str());
    last_right = x + tw;
  }
  if (ImGui::IsItemHovered()) {
    std::string tip = clock_text(time_under_mouse(), lang);
    // The marks under the mouse, within a few pixels.
    int listed = 0;
    for (const auto& m : player.all_marks())
      if (std::abs(x_of(m.at) - io.MousePos.x) < 4 && listed++ < 8)
        tip += "\n" + clock_text(m.at, lang) + "  " + tr(mark_text(m.kind), lang) + "  " + m.what;
    ImGui::SetTooltip("%s", (tip + "\n" + tr(msg::kTimelineHelp, lang)).c_str());
  }
  ImGui::End();
}

// [SECTION] Help

void help_overlay(Lang lang) {
  const ImGuiIO& io = ImGui::GetIO();
  ImGui::SetNextWindowPos(ImVec2(io.DisplaySize.x / 2, io.DisplaySize.y / 2), ImGuiCond_Always,
                          ImVec2(0.5f, 0.5f));
  ImGui::SetNextWindowBgAlpha(1.0f);
  ImGui::Begin("##help", nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize |
                   ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoMove);
  ImGui::TextUnformatted(tr(msg::kHelpTitle, lang).c_str());
  ImGui::Separator();
  const std::pair<std::string, const Message*> rows[] = {
      {tr(msg::kKeySpace, lang), &msg::kHelpPlay},
      {"→", &msg::kHelpStep},
      {"N", &msg::kHelpLine},
      {"+  -", &msg::kHelpSpeed},
      {"S", &msg::kHelpSkip},
      {tr(msg::kKeyHome, lang), &msg::kHelpRestart},
      {"F", &msg::kHelpFit},
      {"A  " + tr(msg::kKeyEnter, lang), &msg::kHelpAnswer},
      {tr(msg::kKeySpace, lang), &msg::kHelpGoOn},
      {"L", &msg::kHelpLang},
      {"P", &msg::kHelpProjector},
      {"C", &msg::kHelpShot},
      {"F1  ?", &msg::kHelpHelp}};
  if (ImGui::BeginTable("##keys", 2)) {
    for (const auto& [key, what] : rows) {
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(key.c_str());
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(tr(*what, lang).c_str());
    }
    ImGui::EndTable();
  }
  ImGui::Separator();
  ImGui::TextDisabled("%s", tr(msg::kHelpClose, lang).c_str());
  ImGui::End();
}

}  // namespace mailsim::gui

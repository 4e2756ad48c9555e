#include "ui/gui/world_menus.hpp"

#include <algorithm>
#include <cstring>

#include <imgui.h>

#include "scenarios/write/quantities.hpp"
#include "ui/gui/capture_text.hpp"
#include "ui/gui/clock_text.hpp"
#include "ui/gui/gui_text.hpp"
#include "ui/gui/imgui_text.hpp"

namespace mailsim::gui {

namespace {

constexpr const char* kMenuId = "##world_menu";
constexpr const char* kDialogId = "##world_dialog";

template <std::size_t N>
void copy(std::array<char, N>& to, std::string_view from) {
  const std::size_t n = std::min(from.size(), N - 1);
  std::memcpy(to.data(), from.data(), n);
  to[n] = '\0';
}

template <std::size_t N>
bool input(const Message& m, Lang lang, std::array<char, N>& buffer) {
  return ImGui::InputText(label(m, lang).c_str(), buffer.data(), N);
}

// The mail clients on a host that can send.
std::vector<std::string> senders_on(const Player& player, const std::string& host) {
  std::vector<std::string> out;
  for (const auto& c : player.model().mail.clients)
    if (c.host == host && c.submit) out.push_back(c.name);
  return out;
}

// Apply and Cancel at the bottom of a dialog; true when Apply was pressed.
bool apply_or_cancel(Lang lang, const Message& apply = msg::kApply) {
  const bool applied = ImGui::Button(label(apply, lang).c_str());
  ImGui::SameLine();
  if (ImGui::Button(label(msg::kCancel, lang).c_str())) ImGui::CloseCurrentPopup();
  return applied;
}

}  // namespace

void WorldMenus::open_host_menu(sim::net::NodeId host) {
  host_ = host;
  link_.reset();
  open_menu_ = true;
}

void WorldMenus::open_link_menu(sim::net::LinkId link) {
  link_ = link;
  host_.reset();
  open_menu_ = true;
}

bool record_command(Player& player, const Command& command, Lang lang, std::string& refusal,
                    std::string& notice) {
  if (!command) {
    refusal = command.refusal;
    return false;
  }
  player.record(*command.action);
  refusal.clear();
  notice = Text(msg::kRecorded, {{"time", clock_text(player.now(), lang)}}).render(lang);
  return true;
}

bool WorldMenus::run(Player& player, const Command& command, Lang lang, std::string& notice) {
  return record_command(player, command, lang, refusal_, notice);
}

void WorldMenus::start_link_dialog(const Player& player, sim::net::LinkId link) {
  const auto view = player.view().network().link_view(link);
  link_name_ = std::string(view.name);
  copy(latency_, scenarios::duration_text(view.params.latency));
  copy(bandwidth_, scenarios::bandwidth_text(view.params.bandwidth_bps));
  copy(loss_, scenarios::number_text(view.params.loss));
  dialog_ = Dialog::link;
  open_dialog_ = true;
  refusal_.clear();
}

void WorldMenus::start_mx_dialog(const Player& player, const std::string& domain) {
  const MxChange mx = current_mx(player.view(), domain);
  domain_ = domain;
  mx_rows_.clear();
  for (const auto& r : mx.exchangers) {
    MxRow row;
    row.preference = r.preference;
    copy(row.exchange, r.exchange);
    mx_rows_.push_back(row);
  }
  ttl_ = static_cast<int>(std::min<std::uint32_t>(mx.ttl, 2147483647u));
  dialog_ = Dialog::mx;
  open_dialog_ = true;
  refusal_.clear();
}

void WorldMenus::start_compose(const std::string& client) {
  client_ = client;
  for (auto* field : {&to_, &cc_, &subject_, &attachment_})
    (*field)[0] = '\0';
  body_[0] = '\0';
  dialog_ = Dialog::compose;
  open_dialog_ = true;
  refusal_.clear();
}

void WorldMenus::act_button(Player& player, Lang lang, bool& screenshot) {
  if (ImGui::Button(label(msg::kWorldMenu, lang).c_str())) ImGui::OpenPopup("##act");
  if (!ImGui::BeginPopup("##act")) return;
  const auto world = player.view();
  for (const auto& zone : dns_zones(world))
    if (ImGui::MenuItem(label(Text(msg::kChangeMx, {{"domain", zone}}).render(lang), zone).c_str()))
      start_mx_dialog(player, zone);
  ImGui::Separator();
  for (const auto& client : sending_clients(world))
    if (ImGui::MenuItem(
            label(Text(msg::kCompose, {{"client", client}}).render(lang), client).c_str()))
      start_compose(client);
  ImGui::Separator();
  if (ImGui::MenuItem(label(msg::kSaveAs, lang).c_str())) {
    dialog_ = Dialog::save;
    open_dialog_ = true;
    refusal_.clear();
    const std::string file = player.model().file;
    copy(path_, file.empty() || file.find('/') == std::string::npos ? "lesson.yaml"
                                                                    : file + ".saved.yaml");
  }
  // A capture is the run played again: a live run's real sessions cannot be, so it is refused.
  if (ImGui::MenuItem(label(msg::kCaptureMenu, lang).c_str(), nullptr, false, !player.live())) {
    dialog_ = Dialog::capture;
    open_dialog_ = true;
    refusal_.clear();
    copy(path_, "run.pcapng");
  }
  if (player.live() && ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled))
    ImGui::SetTooltip("%s", Text(msg::kCaptureLive).render(lang).c_str());
  if (ImGui::MenuItem(label(msg::kScreenshot, lang).c_str(), "C")) screenshot = true;
  ImGui::EndPopup();
}

void WorldMenus::host_menu(Player& player, Lang lang, std::string& notice) {
  const auto world = player.view();
  const auto& net = world.network();
  const std::string name = net.name(*host_);
  ImGui::TextDisabled("%s", name.c_str());
  ImGui::Separator();
  const bool up = net.is_up(*host_);
  if (ImGui::MenuItem(label(up ? msg::kSwitchOff : msg::kSwitchOn, lang).c_str()))
    run(player, set_host_up(world, name, !up, lang), lang, notice);
  for (const auto& client : senders_on(player, name))
    if (ImGui::MenuItem(
            label(Text(msg::kCompose, {{"client", client}}).render(lang), client).c_str()))
      start_compose(client);
  const auto& dns = player.model().mail.dns;
  if (dns && dns->server == name)
    for (const auto& zone : dns_zones(world))
      if (ImGui::MenuItem(
              label(Text(msg::kChangeMx, {{"domain", zone}}).render(lang), zone).c_str()))
        start_mx_dialog(player, zone);
}

void WorldMenus::link_menu(Player& player, Lang lang, std::string& notice) {
  const auto world = player.view();
  const auto view = world.network().link_view(*link_);
  ImGui::TextDisabled("%s", std::string(view.name).c_str());
  ImGui::Separator();
  if (ImGui::MenuItem(label(view.up ? msg::kCutLink : msg::kRestoreLink, lang).c_str()))
    run(player, set_link_up(world, view.name, !view.up, lang), lang, notice);
  if (ImGui::MenuItem(label(msg::kChangeLink, lang).c_str())) start_link_dialog(player, *link_);
}

void WorldMenus::link_dialog(Player& player, Lang lang, std::string& notice) {
  ImGui::TextUnformatted(Text(msg::kChangeLinkTitle, {{"link", link_name_}}).render(lang).c_str());
  ImGui::TextDisabled("%s", tr(msg::kLinkHint, lang).c_str());
  input(msg::kLatency, lang, latency_);
  input(msg::kBandwidth, lang, bandwidth_);
  input(msg::kLoss, lang, loss_);
  if (apply_or_cancel(lang) && run(player,
                                   change_link(player.view(), link_name_, latency_.data(),
                                               bandwidth_.data(), loss_.data(), lang),
                                   lang, notice))
    ImGui::CloseCurrentPopup();
}

void WorldMenus::mx_dialog(Player& player, Lang lang, std::string& notice) {
  ImGui::TextUnformatted(Text(msg::kMxTitle, {{"domain", domain_}}).render(lang).c_str());
  if (mx_rows_.empty()) ImGui::TextDisabled("%s", tr(msg::kNoMx, lang).c_str());
  for (std::size_t i = 0; i < mx_rows_.size(); ++i) {
    ImGui::PushID(static_cast<int>(i));
    ImGui::SetNextItemWidth(90);
    ImGui::InputInt(label(msg::kPreference, lang).c_str(), &mx_rows_[i].preference);
    mx_rows_[i].preference = std::clamp(mx_rows_[i].preference, 0, 65535);
    ImGui::SameLine();
    ImGui::SetNextItemWidth(220);
    input(msg::kExchange, lang, mx_rows_[i].exchange);
    ImGui::SameLine();
    const bool removed = ImGui::SmallButton(label(msg::kRemove, lang).c_str());
    ImGui::PopID();
    if (removed) {
      mx_rows_.erase(mx_rows_.begin() + static_cast<std::ptrdiff_t>(i));
      break;
    }
  }
  if (ImGui::Button(label(msg::kAddMx, lang).c_str())) mx_rows_.emplace_back();
  ImGui::SetNextItemWidth(120);
  ImGui::InputInt(label(msg::kTtl, lang).c_str(), &ttl_);
  ttl_ = std::max(ttl_, 0);
  MxChange change{domain_, {}, static_cast<std::uint32_t>(ttl_)};
  for (const auto& row : mx_rows_)
    change.exchangers.push_back({static_cast<std::uint16_t>(row.preference), row.exchange.data()});
  if (apply_or_cancel(lang) && run(player, change_mx(player.view(), change, lang), lang, notice))
    ImGui::CloseCurrentPopup();
}

void WorldMenus::compose_dialog(Player& player, Lang lang, std::string& notice) {
  ImGui::TextUnformatted(Text(msg::kComposeTitle, {{"client", client_}}).render(lang).c_str());
  input(msg::kTo, lang, to_);
  input(msg::kCc, lang, cc_);
  input(msg::kSubject, lang, subject_);
  ImGui::InputTextMultiline(label(msg::kBody, lang).c_str(), body_.data(), body_.size(),
                            ImVec2(0, ImGui::GetTextLineHeight() * 6));
  input(msg::kAttachment, lang, attachment_);
  if (apply_or_cancel(lang, msg::kSend) &&
      run(player,
          send_mail(player.view(), client_, to_.data(), cc_.data(), subject_.data(), body_.data(),
                    attachment_.data(), lang),
          lang, notice))
    ImGui::CloseCurrentPopup();
}

void WorldMenus::save_dialog(Player& player, Lang lang, std::string& notice) {
  ImGui::SetNextItemWidth(420);
  input(msg::kFile, lang, path_);
  if (!apply_or_cancel(lang, msg::kSave)) return;
  if (auto error = save_scenario(player.model(), path_.data(), lang)) {
    refusal_ = *error;
    return;
  }
  refusal_.clear();
  notice = Text(msg::kSaved, {{"path", path_.data()}}).render(lang);
  ImGui::CloseCurrentPopup();
}

void WorldMenus::capture_dialog(Player& player, Lang lang, std::string& notice) {
  ImGui::TextUnformatted(Text(msg::kCaptureHint).render(lang).c_str());
  ImGui::SetNextItemWidth(420);
  input(msg::kFile, lang, path_);
  if (!apply_or_cancel(lang, msg::kCaptureWrite)) return;
  if (auto error = save_capture(player.model(), player.seed(), player.now(), path_.data(), lang)) {
    refusal_ = *error;
    return;
  }
  refusal_.clear();
  notice = Text(msg::kCaptureWritten,
                {{"time", sim::format_time(player.now(), lang)}, {"path", path_.data()}})
               .render(lang);
  ImGui::CloseCurrentPopup();
}

void WorldMenus::draw(Player& player, Lang lang, std::string& notice) {
  if (open_menu_) {
    ImGui::OpenPopup(kMenuId);
    open_menu_ = false;
  }
  if (ImGui::BeginPopup(kMenuId)) {
    if (host_ && *host_ < player.view().network().node_count())
      host_menu(player, lang, notice);
    else if (link_ && *link_ < player.view().network().link_count())
      link_menu(player, lang, notice);
    ImGui::EndPopup();
  }
  if (open_dialog_) {
    ImGui::OpenPopup(kDialogId);
    open_dialog_ = false;
  }
  const ImGuiIO& io = ImGui::GetIO();
  ImGui::SetNextWindowPos(ImVec2(io.DisplaySize.x / 2, io.DisplaySize.y / 3), ImGuiCond_Appearing,
                          ImVec2(0.5f, 0.5f));
  if (!ImGui::BeginPopup(kDialogId)) return;
  switch (dialog_) {
    case Dialog::link:
      link_dialog(player, lang, notice);
      break;
    case Dialog::mx:
      mx_dialog(player, lang, notice);
      break;
    case Dialog::compose:
      compose_dialog(player, lang, notice);
      break;
    case Dialog::save:
      save_dialog(player, lang, notice);
      break;
    case Dialog::capture:
      capture_dialog(player, lang, notice);
      break;
    case Dialog::none:
      ImGui::CloseCurrentPopup();
      break;
  }
  if (!refusal_.empty()) ImGui::TextColored(ImVec4(0.84f, 0.2f, 0.1f, 1), "%s", refusal_.c_str());
  ImGui::EndPopup();
}

}  // namespace mailsim::gui

#include "ui/gui/mailbox_panel.hpp"

#include <fmt/format.h>
#include <imgui.h>

#include "agents/proto/imf/date.hpp"
#include "ui/gui/clock_text.hpp"
#include "ui/gui/gui_text.hpp"
#include "ui/gui/imgui_text.hpp"

namespace mailsim::gui {

namespace {

// The trace fields (added on the way) apart from the writer's.
const ImVec4 kTraceColour{0.0f, 0.36f, 0.62f, 1.0f};
const ImVec4 kFieldColour{0.35f, 0.35f, 0.35f, 1.0f};
// A long body is cut: the panel is for reading, not for megabytes of attachment.
constexpr std::size_t kBodyShown = 6000;

void section(const Message& m, Lang lang) {
  ImGui::Spacing();
  ImGui::Separator();
  hint(tr(m, lang));
}

void field(const std::string& name, const std::string& value, const ImVec4& colour) {
  ImGui::PushStyleColor(ImGuiCol_Text, colour);
  ImGui::TextWrapped("%s: %s", name.c_str(), value.c_str());
  ImGui::PopStyleColor();
}

void dsn_fields(const proto::imf::ParsedDsn& dsn, Lang lang) {
  section(msg::kDsnFields, lang);
  const ImVec4 black{0.1f, 0.1f, 0.1f, 1.0f};
  field("Reporting-MTA", dsn.report.reporting_mta, black);
  for (const auto& r : dsn.report.recipients) {
    ImGui::Spacing();
    field("Final-Recipient", r.final_recipient, black);
    field("Action", std::string(proto::imf::to_string(r.action)), black);
    field("Status", r.status, black);
    if (!r.remote_mta.empty()) field("Remote-MTA", r.remote_mta, black);
    if (!r.diagnostic_code.empty()) field("Diagnostic-Code", r.diagnostic_code, black);
    if (r.will_retry_until)
      field("Will-Retry-Until", proto::imf::format_date(*r.will_retry_until), black);
  }
  section(msg::kDsnHuman, lang);
  ImGui::TextWrapped("%s", dsn.human_text.c_str());
}

void reading(const Player& player, const MessageRef& ref, Lang lang) {
  const auto* stored = find_message(player.view(), ref);
  if (stored == nullptr) {
    ImGui::TextDisabled("%s", tr(msg::kMessageGone, lang).c_str());
    return;
  }
  const MessageReading m = read_message(stored->content);
  if (m.error) ImGui::TextWrapped("%s", m.error->render(lang).c_str());
  section(msg::kMessageHeader, lang);
  for (const auto& h : m.header)
    field(h.name, h.value, h.trace ? kTraceColour : kFieldColour);
  if (m.dsn) {
    dsn_fields(*m.dsn, lang);
    return;
  }
  section(msg::kMessageBody, lang);
  const std::string body = m.body.size() > kBodyShown ? m.body.substr(0, kBodyShown) + "…" : m.body;
  ImGui::TextWrapped("%s", body.c_str());
}

}  // namespace

void mailbox_panel(const Player& player, std::optional<MessageRef>& open, Lang lang) {
  const auto boxes = mailboxes(player.view());
  if (boxes.empty()) {
    ImGui::TextDisabled("%s", tr(msg::kNoMailbox, lang).c_str());
    return;
  }
  const float list_height = open ? ImGui::GetContentRegionAvail().y * 0.4f : 0.0f;
  ImGui::BeginChild("##mailbox_list", ImVec2(0, list_height));
  for (const auto& box : boxes) {
    const std::string title =
        fmt::format("{}@{}###box_{}_{}", box.user, box.server, box.server, box.user);
    ImGui::SetNextItemOpen(true, ImGuiCond_Once);
    if (!ImGui::TreeNode(title.c_str())) continue;
    for (const auto& folder : box.folders) {
      const std::string name =
          fmt::format("{} ({})###{}", folder.name, folder.messages.size(), folder.name);
      if (folder.messages.empty()) {
        ImGui::BulletText("%s", fmt::format("{} (0)", folder.name).c_str());
        continue;
      }
      ImGui::SetNextItemOpen(true, ImGuiCond_Once);
      if (!ImGui::TreeNode(name.c_str())) continue;
      for (const auto& m : folder.messages) {
        const MessageRef ref{box.server, box.user, folder.name, m.uid};
        const std::string line = fmt::format("{}  {}  {}###msg{}", clock_text(m.delivered, lang),
                                             m.from, m.subject, m.uid);
        if (ImGui::Selectable(line.c_str(), open == ref))
          open = open == ref ? std::nullopt : std::optional(ref);
      }
      ImGui::TreePop();
    }
    ImGui::TreePop();
  }
  ImGui::EndChild();
  if (!open) {
    ImGui::TextDisabled("%s", tr(msg::kMailboxHelp, lang).c_str());
    return;
  }
  ImGui::Separator();
  ImGui::BeginChild("##message");
  reading(player, *open, lang);
  ImGui::EndChild();
}

}  // namespace mailsim::gui

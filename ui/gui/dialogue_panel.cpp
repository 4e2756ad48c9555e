#include "ui/gui/dialogue_panel.hpp"

#include <string>

#include <imgui.h>

#include "agents/narration/field_words.hpp"
#include "agents/narration/reply_codes.hpp"
#include "ui/cli/cli_text.hpp"
#include "ui/gui/clock_text.hpp"
#include "ui/gui/gui_text.hpp"
#include "ui/gui/imgui_text.hpp"

namespace mailsim::gui {

namespace {

// Okabe-Ito blue for the client, a dark vermilion for the server: apart for the colour-blind,
// and dark enough to read on the light theme.
const ImVec4 kClientColour{0.0f, 0.36f, 0.62f, 1.0f};
const ImVec4 kServerColour{0.62f, 0.27f, 0.0f, 1.0f};

const char* protocol_label(agents::DialogueProtocol p) {
  switch (p) {
    case agents::DialogueProtocol::smtp:
      return "SMTP";
    case agents::DialogueProtocol::pop3:
      return "POP3";
    case agents::DialogueProtocol::imap:
      return "IMAP";
    case agents::DialogueProtocol::typed:
      return "telnet";
  }
  return "";
}

}  // namespace

void dialogue_lines(const Dialogue& d, Lang lang) {
  const std::string client = Text(cli::msg::kTranscriptClient).render(lang);
  const std::string server = Text(cli::msg::kTranscriptServer).render(lang);
  for (const auto& line : d.lines) {
    ImGui::PushStyleColor(ImGuiCol_Text, line.client ? kClientColour : kServerColour);
    ImGui::TextWrapped("%s %s", (line.client ? client : server).c_str(), line.in(lang).c_str());
    ImGui::PopStyleColor();
    if (!ImGui::IsItemHovered()) continue;
    std::string tip = clock_text(line.at, lang);
    if (line.reply) tip += "\n" + agents::explain_reply(*line.reply, lang);
    ImGui::SetTooltip("%s", tip.c_str());
  }
}

void dialogue_panel(const Player& player, Lang lang) {
  const auto& all = player.dialogues().all();
  bool any = false;
  for (std::size_t i = 0; i < all.size(); ++i) {
    const Dialogue& d = all[i];
    if (d.lines.empty()) continue;
    any = true;
    const std::string title =
        d.connection + "  (" + protocol_label(d.protocol) + ")###dialogue" + std::to_string(d.conn);
    // The newest connection open, as the one being watched.
    ImGui::SetNextItemOpen(i + 1 == all.size(), ImGuiCond_Once);
    if (ImGui::TreeNode(title.c_str())) {
      if (!d.state.empty())
        ImGui::TextDisabled(
            "%s", Text(msg::kSessionState,
                       {{"state", std::string(agents::narration::state_words(d.state, lang))}})
                      .render(lang)
                      .c_str());
      dialogue_lines(d, lang);
      ImGui::TreePop();
    }
  }
  if (!any) ImGui::TextDisabled("%s", tr(msg::kNoDialogue, lang).c_str());
  hint(tr(msg::kDialogueHelp, lang));
}

}  // namespace mailsim::gui

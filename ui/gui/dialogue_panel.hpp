#pragma once
// The Dialogues panel: each connection's transcript, line by line, the client's lines and the
// server's in two colours, the session's state, and an SMTP reply's code explained on hover in
// the narration's words.
#include "sim/text.hpp"
#include "ui/gui/player.hpp"

namespace mailsim::gui {

void dialogue_panel(const Player& player, Lang lang);
// One connection's lines, client and server in their colours, each reply explained on hover
// (the console shows its session so too).
void dialogue_lines(const Dialogue& dialogue, Lang lang);

}  // namespace mailsim::gui

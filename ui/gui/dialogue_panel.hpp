#pragma once
// The Dialogues panel: each connection's transcript, line by line, the client's lines and the
// server's in two colours, the session's state, and an SMTP reply's code explained on hover in
// the narration's words.
#include "sim/text.hpp"
#include "ui/gui/player.hpp"

namespace mailsim::gui {

void dialogue_panel(const Player& player, Lang lang);

}  // namespace mailsim::gui

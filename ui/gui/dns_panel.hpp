#pragma once
// The DNS panel: every question a resolver sent, to whom, and the answer; then each resolver's
// cache with the time each entry has left (ui/gui/dns_model).
#include "sim/text.hpp"
#include "ui/gui/player.hpp"

namespace mailsim::gui {

void dns_panel(const Player& player, Lang lang);

}  // namespace mailsim::gui

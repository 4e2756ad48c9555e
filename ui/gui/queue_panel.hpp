#pragma once
// The Queues panel: every message waiting in each mail server's queue, with its attempts, its
// last error, the countdown to its next try and a small chart of its tries in time.
#include "sim/text.hpp"
#include "ui/gui/player.hpp"

namespace mailsim::gui {

void queue_panel(const Player& player, Lang lang);

}  // namespace mailsim::gui

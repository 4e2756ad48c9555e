#pragma once
// The Expectations panel: the scenario's `expect:` items as the run goes, each pending, met at a
// time with its evidence, or failed (its time limit passed, or the run over), from the same
// checker as `mailsim check`.
#include "sim/text.hpp"
#include "ui/gui/player.hpp"

namespace mailsim::gui {

void expectations_panel(const Player& player, Lang lang);

}  // namespace mailsim::gui

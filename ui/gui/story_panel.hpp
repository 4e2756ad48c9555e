#pragma once
// The Story panel: the run told in plain sentences, as `mailsim run` tells it at the story
// level, the article's roles beside the host names; the latest step highlighted at the bottom,
// the past above it; in the window's language (L switches it, lines already told included).
#include "sim/text.hpp"
#include "ui/gui/player.hpp"

namespace mailsim::gui {

void story_panel(const Player& player, Lang lang);

}  // namespace mailsim::gui

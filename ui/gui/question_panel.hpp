#pragma once
// Lesson mode on screen: the question the run paused for, large enough to read from the back of
// a classroom, its answer under it once asked for, and the keys that drive it.
#include <SFML/Window/Keyboard.hpp>

#include "sim/text.hpp"
#include "ui/gui/fonts.hpp"
#include "ui/gui/player.hpp"

namespace mailsim::gui {

// Over the network, while a question is open.
void question_overlay(Player& player, const ImGuiFonts& fonts, Lang lang);
// While a question is open: A or Enter shows the answer, Space closes it and plays on. True when
// the key was lesson mode's (the other keys keep their meaning).
bool lesson_key(sf::Keyboard::Key key, Player& player);

}  // namespace mailsim::gui

#pragma once
// The Dear ImGui panels around the network: the time controls and the clock at the top, the
// legend, the selection and the messages on the right, the mail queues and the timeline at the
// bottom. Each reads the Player and the WorldView; none holds simulation state.
#include <string>

#include <SFML/Graphics/Rect.hpp>
#include <SFML/System/Vector2.hpp>

#include "sim/text.hpp"
#include "ui/gui/fonts.hpp"
#include "ui/gui/network_view.hpp"
#include "ui/gui/player.hpp"
#include "ui/gui/world_menus.hpp"

namespace mailsim::gui {

// Where each part goes in a window of a given size.
struct Layout {
  float toolbar = 64;
  float side = 340;
  float bottom = 170;
  sf::FloatRect network;
};
Layout layout_for(sf::Vector2u window);

// What the panels remember between frames.
struct PanelState {
  Selection selection;
  char go_to[32] = "";
  std::string go_to_error;
  std::string notice;  // a one-line message under the controls (how long a replay took)
  WorldMenus menus;
};

// One line about a packet, for the tooltip under the mouse: protocol, addresses and ports, TCP
// flags, size, and the first line of what it carries.
std::string packet_summary(const Flight& flight, Lang lang);

void toolbar(Player& player, PanelState& state, const ImGuiFonts& fonts, Lang lang,
             const Layout& layout);
void side_panel(const Player& player, PanelState& state, const NetworkView& view, Lang lang,
                const Layout& layout);
void bottom_panel(Player& player, PanelState& state, Lang lang, const Layout& layout);

}  // namespace mailsim::gui

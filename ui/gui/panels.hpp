#pragma once
// The Dear ImGui panels around the network: the time controls and the clock at the top, the
// legend, the selection and the messages on the right, the mail queues and the timeline at the
// bottom. Each reads the Player and the WorldView; none holds simulation state.
#include <optional>
#include <string>
#include <vector>

#include <SFML/Graphics/Rect.hpp>
#include <SFML/System/Vector2.hpp>

#include "sim/text.hpp"
#include "ui/gui/console_panel.hpp"
#include "ui/gui/fonts.hpp"
#include "ui/gui/journey_panel.hpp"
#include "ui/gui/log_panel.hpp"
#include "ui/gui/mailbox_model.hpp"
#include "ui/gui/network_view.hpp"
#include "ui/gui/player.hpp"
#include "ui/gui/side_tabs.hpp"
#include "ui/gui/world_menus.hpp"

namespace mailsim::gui {

// Where each part goes in a window of a given size.
struct Layout {
  float toolbar = 64;
  float side = 400;
  float bottom = 170;
  float scale = 1;
  bool wide = false;
  sf::FloatRect network;
};
// `scale` > 1 in projector mode: the panels grow with their larger fonts. `wide`: the side
// panel takes most of the width, for a tab that needs it (the journey chart, the log).
Layout layout_for(sf::Vector2u window, float scale = 1, bool wide = false);
// How large the panels' text is drawn: with the window's size (1 up to 1280x720, 1.5 at
// 1920x1080, at most 2), half as large again in projector mode (at most 2.5), so that a
// full-screen window on a projector is read from the back of the room.
float ui_scale(sf::Vector2u window, bool projector);

// What the panels remember between frames.
struct PanelState {
  std::optional<SideTab> open_tab;  // a tab to bring to the front at the next frame
  Selection selection;
  char go_to[32] = "";
  std::string go_to_error;
  std::string notice;  // a one-line message under the controls (how long a replay took)
  WorldMenus menus;
  std::optional<MessageRef> open_message;  // read in the Mailboxes panel
  bool screenshot = false;                 // asked from the menu: taken after this frame
  JourneyView journey;
  LogView log;
  ConsoleView console;
  PanelWindows windows;  // the tabs popped out into windows of their own
  bool wide = false;     // the tab drawn wants a wide side panel (Layout::wide)
};

// One line about a packet, for the tooltip under the mouse: protocol, addresses and ports, TCP
// flags, size, and the first line of what it carries.
std::string packet_summary(const Flight& flight, Lang lang);

void toolbar(Player& player, PanelState& state, const ImGuiFonts& fonts, Lang lang,
             const Layout& layout);
void side_panel(Player& player, PanelState& state, const NetworkView& view, Lang lang,
                const Layout& layout);
void bottom_panel(Player& player, PanelState& state, Lang lang, const Layout& layout);
// The keyboard shortcuts, over the network, until F1, ? or Escape.
void help_overlay(Lang lang);

}  // namespace mailsim::gui

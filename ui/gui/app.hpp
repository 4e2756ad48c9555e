#pragma once
// The window: one SFML window, the network drawn by SFML under Dear ImGui's panels, a frame
// loop that plays the scenario, and the keyboard and mouse of a teacher at the projector.
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "scenarios/model/scenario_model.hpp"
#include "sim/text.hpp"
#include "sim/time.hpp"

namespace mailsim::gui {

class Player;

struct AppOptions {
  unsigned width = 1280;
  unsigned height = 720;
  Lang lang = Lang::en;
  std::optional<std::uint64_t> seed;
  bool paused = false;
  std::optional<double> speed;
  // Headless capture: run to `until`, render one frame into `screenshot` (PNG) and stop.
  std::optional<sim::SimTime> until;
  std::optional<std::string> screenshot;
  std::string panel;       // the side panel's tab to open first (side_tab_named)
  bool projector = false;  // large fonts, strong contrast (P)
  bool help = false;       // the keyboard shortcuts shown (F1)
  std::string read;        // with --screenshot: the user whose newest message the Mailboxes opens
  bool answer = false;     // with --screenshot: a question shown at --until shows its answer too
  // Real clients bridged in (mailsim-gui --smtp ...): called once the run is built and made live
  // (Player::go_live), it opens the listeners and returns what to call each frame; an empty
  // function stops the window with status 2 (the reason is on standard error).
  std::function<std::function<void()>(Player&)> live;
  std::vector<std::string> pop_out;  // panels in windows of their own (side_tab_named)
  bool full_screen = false;          // opens as F makes it
};

// Exit status: 0, 2 when the scenario cannot be built, 3 when an event failed in a capture,
// 4 when no window could be opened.
int run_window(const scenarios::ScenarioModel& scenario, const AppOptions& options);

}  // namespace mailsim::gui

#pragma once
// The Log panel: the run's narrated lines (ui/gui/event_log), narrowed by host, stage, kind,
// the story level and a text to search.
#include <string>
#include <vector>

#include "sim/text.hpp"
#include "ui/gui/event_log.hpp"
#include "ui/gui/player.hpp"

namespace mailsim::gui {

// The filter chosen and the lines that pass it, kept between frames: only the lines added
// since are filtered again, unless the filter, the language or the run changed.
struct LogView {
  LogFilter filter;
  char search[64] = "";
  std::vector<std::size_t> shown;
  const EventLog* log = nullptr;
  std::size_t scanned = 0;
  Lang lang = Lang::en;
  LogFilter applied;
};

// Brings `view.shown` up to date with the log (what the panel draws).
void refresh(LogView& view, const EventLog& log, Lang lang);

void log_panel(const Player& player, LogView& view, Lang lang);

}  // namespace mailsim::gui

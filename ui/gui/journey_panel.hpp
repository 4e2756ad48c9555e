#pragma once
// The Journey panel: a message chosen from the run's messages, drawn as a sequence chart
// (ui/report/journey_model), with a button that saves it as SVG.
#include <cstdint>
#include <optional>
#include <string>

#include "sim/text.hpp"
#include "ui/gui/player.hpp"
#include "ui/report/journey_model.hpp"

namespace mailsim::gui {

// The chart shown, kept between frames: built again only when the trace has grown, the
// message or the language changed.
struct JourneyView {
  std::string message_id;  // chosen; empty: the one selected in Details, else the first
  report::JourneyChart chart;
  const report::JourneyLog* log = nullptr;
  std::uint64_t records = 0;
  Lang lang = Lang::en;
  bool follow = true;  // scrolled to the newest step as the chart grows
};

// `selected`: the Message-ID of the message selected elsewhere (Details), if any. `notice`
// receives the result of an export.
void journey_panel(const Player& player, JourneyView& view, const std::string& selected,
                   std::string& notice, Lang lang);

}  // namespace mailsim::gui

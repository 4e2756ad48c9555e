#pragma once
// Where each part of a journey chart goes, in pixels: the same layout for the window and for
// the SVG, so that both draw the same picture.
#include <vector>

#include "ui/report/journey_model.hpp"

namespace mailsim::report {

struct ChartLayout {
  static constexpr float kTimeColumn = 118;  // the times, on the left
  static constexpr float kColumn = 176;      // between two lifelines
  static constexpr float kHeader = 66;       // the title and the lifelines' boxes
  static constexpr float kRow = 24;          // an arrow or a note
  static constexpr float kGapRow = 40;       // a gap, with its break mark
  static constexpr float kBox = 40;          // a lifeline's box, under the title

  float width = 0, height = 0;
  std::vector<float> x;     // each lifeline's centre
  std::vector<float> y;     // each step's line (a gap: its middle)
  std::vector<bool> timed;  // whether the time is written beside the step (when it changed)
};

ChartLayout layout_chart(const JourneyChart& chart);
// A note on a lifeline in the right half of the chart is written to its left, inside the page.
bool note_on_left(const ChartLayout& layout, int lifeline);

// The colour of a channel (Okabe-Ito, as the window's packets), as 0xRRGGBB.
unsigned channel_colour(Channel channel);

}  // namespace mailsim::report

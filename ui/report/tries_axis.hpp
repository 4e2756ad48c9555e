#pragma once
// A message's tries on a time axis drawn to scale, under its journey chart: the sequence chart
// folds the hours between tries into gaps, so that a second of dialogue and a day of retries
// both fit; this strip shows how far apart the tries really were (the retry schedule), each
// coloured by how it ended, and when the reader fetched the message.
#include <string>
#include <string_view>
#include <vector>

#include "sim/text.hpp"
#include "sim/time.hpp"
#include "ui/report/journey_model.hpp"

namespace mailsim::report {

struct AxisTick {
  sim::SimTime at{0};
  float x = 0;
};

struct AxisMark {
  ChartStep::Moment moment = ChartStep::Moment::none;   // attempt, bounced or fetch
  ChartStep::Moment outcome = ChartStep::Moment::none;  // a try: how it ended (none: unknown)
  sim::SimTime at{0};
  float x = 0;
  int row = 0;         // the labels of marks too close to each other go on further rows
  int number = 0;      // a try: its number, from 1
  std::string detail;  // who tried whom, or who fetched
};

struct TriesAxis {
  static constexpr float kWidth = 720, kLeft = 40, kRight = 680;
  sim::SimTime from{0}, to{0};
  std::vector<AxisTick> ticks;  // at round times (a second, a minute, an hour, a day...)
  std::vector<AxisMark> marks;
};

// The axis of `chart`, from its first step to its last; no mark when the chart holds no gap
// (everything happened within seconds: the chart alone says it).
TriesAxis tries_axis(const JourneyChart& chart);
// The strip as an inline <svg> element; empty when the axis has no mark.
std::string tries_axis_svg(const JourneyChart& chart, Lang lang);

}  // namespace mailsim::report

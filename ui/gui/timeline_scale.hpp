#pragma once
// The timeline's axis. A run is bursts of activity between long waits (a mail in a second, then
// an hour to its next retry): on a linear axis the bursts shrink to one pixel. This axis gives
// each stretch between two marks a width that grows with the square root of its length, plus
// an equal share for each mark, so that bursts can be clicked and long waits still look long.
// It is monotonic, so a click maps back to one time.
#include <vector>

#include "sim/time.hpp"

namespace mailsim::gui {

class TimelineScale {
 public:
  TimelineScale(sim::SimTime end, std::vector<sim::SimTime> marks);
  // Where `t` lies on the axis, from 0 to 1.
  double fraction(sim::SimTime t) const;
  // The time at a fraction of the axis.
  sim::SimTime time_at(double fraction) const;

 private:
  std::vector<sim::SimTime> knots_;  // sorted, unique, from 0 to the end
  std::vector<double> at_;           // each knot's fraction
};

}  // namespace mailsim::gui

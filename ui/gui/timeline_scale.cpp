#include "ui/gui/timeline_scale.hpp"

#include <algorithm>
#include <cmath>

namespace mailsim::gui {

TimelineScale::TimelineScale(sim::SimTime end, std::vector<sim::SimTime> marks) {
  if (end <= sim::SimTime(0)) end = sim::SimTime(1);
  marks.push_back(sim::SimTime(0));
  marks.push_back(end);
  std::erase_if(marks, [&](sim::SimTime t) { return t < sim::SimTime(0) || t > end; });
  std::sort(marks.begin(), marks.end());
  marks.erase(std::unique(marks.begin(), marks.end()), marks.end());
  knots_ = std::move(marks);
  std::vector<double> width(knots_.size() - 1);
  double total_sqrt = 0;
  for (std::size_t i = 0; i + 1 < knots_.size(); ++i) {
    width[i] = std::sqrt(static_cast<double>((knots_[i + 1] - knots_[i]).count()) / 1e6);
    total_sqrt += width[i];
  }
  const double share = total_sqrt / (4.0 * static_cast<double>(width.size()));
  double sum = 0;
  for (double& w : width)
    sum += (w += share);
  at_.assign(knots_.size(), 0.0);
  for (std::size_t i = 0; i < width.size(); ++i)
    at_[i + 1] = at_[i] + width[i] / sum;
  at_.back() = 1.0;
}

double TimelineScale::fraction(sim::SimTime t) const {
  if (t <= knots_.front()) return 0.0;
  if (t >= knots_.back()) return 1.0;
  const auto i = static_cast<std::size_t>(std::upper_bound(knots_.begin(), knots_.end(), t) -
                                          knots_.begin() - 1);
  const double within = static_cast<double>((t - knots_[i]).count()) /
                        static_cast<double>((knots_[i + 1] - knots_[i]).count());
  return at_[i] + (at_[i + 1] - at_[i]) * within;
}

sim::SimTime TimelineScale::time_at(double f) const {
  if (f <= 0) return knots_.front();
  if (f >= 1) return knots_.back();
  const auto i =
      static_cast<std::size_t>(std::upper_bound(at_.begin(), at_.end(), f) - at_.begin() - 1);
  const double within = (f - at_[i]) / (at_[i + 1] - at_[i]);
  return knots_[i] + sim::SimTime(static_cast<std::int64_t>(std::llround(
                         within * static_cast<double>((knots_[i + 1] - knots_[i]).count()))));
}

}  // namespace mailsim::gui

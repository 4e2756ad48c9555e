#include "ui/report/journey_layout.hpp"

namespace mailsim::report {

ChartLayout layout_chart(const JourneyChart& chart) {
  ChartLayout l;
  for (std::size_t i = 0; i < chart.lifelines.size(); ++i)
    l.x.push_back(ChartLayout::kTimeColumn + ChartLayout::kColumn * (static_cast<float>(i) + 0.5f));
  float y = ChartLayout::kHeader + ChartLayout::kBox + 12;
  // The time is written at the first step of each millisecond: pipelined commands share one.
  std::int64_t shown = -1;
  for (const auto& s : chart.steps) {
    const float h = s.type == ChartStep::Type::gap ? ChartLayout::kGapRow : ChartLayout::kRow;
    l.y.push_back(y + h / 2);
    const std::int64_t ms = s.at.count() / 1000;
    l.timed.push_back(s.type != ChartStep::Type::gap && ms != shown);
    if (s.type != ChartStep::Type::gap) shown = ms;
    y += h;
  }
  l.width =
      ChartLayout::kTimeColumn +
      ChartLayout::kColumn * static_cast<float>(std::max<std::size_t>(chart.lifelines.size(), 1));
  l.height = y + 12;
  return l;
}

bool note_on_left(const ChartLayout& layout, int lifeline) {
  return layout.x[static_cast<std::size_t>(lifeline)] >
         ChartLayout::kTimeColumn + (layout.width - ChartLayout::kTimeColumn) * 0.55f;
}

unsigned channel_colour(Channel channel) {
  switch (channel) {
    case Channel::smtp:
      return 0x0072B2;
    case Channel::dns:
      return 0xE69F00;
    case Channel::retrieval:
      return 0x009E73;
    case Channel::connection:
      return 0x8C8C8C;
    case Channel::note:
      return 0x444444;
    case Channel::failure:
      return 0xD55E00;
  }
  return 0;
}

}  // namespace mailsim::report

#include "scenarios/model/model_edit.hpp"

#include <algorithm>

namespace mailsim::scenarios {

TimelineEntry& add_to_timeline(ScenarioModel& scenario, sim::SimTime at, Action action) {
  auto& timeline = scenario.timeline;
  const auto after =
      std::upper_bound(timeline.begin(), timeline.end(), at,
                       [](sim::SimTime t, const TimelineEntry& entry) { return t < entry.at; });
  return *timeline.insert(after, TimelineEntry{at, std::move(action), SourcePos{}});
}

void clear_source(ScenarioModel& s) {
  s.file.clear();
  auto clear = [](auto& items) {
    for (auto& item : items)
      item.pos = {};
  };
  clear(s.network.hosts);
  clear(s.network.routers);
  clear(s.network.links);
  if (s.mail.dns) {
    s.mail.dns->pos = {};
    clear(s.mail.dns->other_servers);
  }
  clear(s.mail.servers);
  clear(s.mail.clients);
  clear(s.timeline);
  clear(s.expectations);
  clear(s.questions);
  if (s.population) s.population->pos = {};
}

}  // namespace mailsim::scenarios

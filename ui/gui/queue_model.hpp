#pragma once
// What the Queues panel shows, without ImGui: every message waiting in each mail server's
// queue, with its attempts so far (their times from the trace's deferrals), its last error and
// when it is tried next.
#include <optional>
#include <string>
#include <vector>

#include "scenarios/build/world_view.hpp"
#include "ui/gui/scene.hpp"

namespace mailsim::gui {

struct QueueEntry {
  std::string server;  // host
  std::string queue_id;
  std::string sender;                // empty: a bounce (the null reverse-path)
  std::vector<std::string> pending;  // recipients still to deliver
  sim::SimTime arrival{0};
  int failures = 0;
  std::vector<sim::SimTime> deferrals;  // when each failed attempt was deferred
  std::string last_error;
  std::optional<sim::SimTime> next_try;  // none: being delivered now
  // The tries the schedule plans after the next one should each fail too (at most
  // kPlannedTries, none past the point where the queue gives up), for the chart's dotted end.
  std::vector<sim::SimTime> planned;
  bool delay_warned = false;  // its sender got a "delayed" notice
};

inline constexpr int kPlannedTries = 3;

// In the scenario's order of servers, each queue in queue-id order.
std::vector<QueueEntry> queue_entries(const scenarios::WorldView& world, const Scene& scene);

}  // namespace mailsim::gui

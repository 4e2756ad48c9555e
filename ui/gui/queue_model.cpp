#include "ui/gui/queue_model.hpp"

#include "agents/mta/mta_agent.hpp"

namespace mailsim::gui {

namespace {

// The tries after `next`, as the schedule would place them if each failed at the time it is
// made: what a teacher points at before it happens ("and then at 01:05, then at 02:10...").
// `next` is itself a queue run, so the runs after it fall on next + k x the run interval.
std::vector<sim::SimTime> planned_tries(const agents::QueueManager& qmgr, agents::RetryState state,
                                        sim::SimTime next) {
  std::vector<sim::SimTime> out;
  const sim::SimTime runs_from = next;
  for (int i = 0; i < kPlannedTries; ++i) {
    const auto d = qmgr.settings().schedule.on_temporary_failure(state, next, runs_from);
    if (d.give_up) break;
    next = d.next_attempt;
    out.push_back(next);
  }
  return out;
}

}  // namespace

std::vector<QueueEntry> queue_entries(const scenarios::WorldView& world, const Scene& scene) {
  std::vector<QueueEntry> out;
  for (const auto& server : world.mail_servers()) {
    for (const auto* m : server.mta->queue().messages()) {
      QueueEntry e;
      e.server = std::string(server.host);
      e.queue_id = m->queue_id;
      e.sender = m->sender;
      e.pending = m->pending();
      e.arrival = m->arrival;
      e.failures = m->retry.failures;
      e.last_error = m->last_error;
      e.next_try = m->next_attempt;
      e.delay_warned = m->delay_warned;
      if (m->next_attempt && m->retry.failures > 0)
        e.planned = planned_tries(server.mta->queue_manager(), m->retry, *m->next_attempt);
      for (const auto& mark : scene.marks())
        if (mark.kind == MarkKind::deferred && mark.what == m->queue_id)
          e.deferrals.push_back(mark.at);
      out.push_back(std::move(e));
    }
  }
  return out;
}

}  // namespace mailsim::gui

#include "ui/gui/queue_model.hpp"

#include "agents/mta/mta_agent.hpp"

namespace mailsim::gui {

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
      for (const auto& mark : scene.marks())
        if (mark.kind == MarkKind::deferred && mark.what == m->queue_id)
          e.deferrals.push_back(mark.at);
      out.push_back(std::move(e));
    }
  }
  return out;
}

}  // namespace mailsim::gui

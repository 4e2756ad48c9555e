#include "agents/roles/session_timer.hpp"

#include <algorithm>

namespace mailsim::agents {

void SessionTimer::follow(std::optional<sim::SimTime> deadline) {
  if (!deadline) return cancel();
  if (at_ && *at_ <= *deadline) return;  // fires first; the handler re-arms for the rest
  cancel();
  at_ = std::max(*deadline, sim_.now());
  event_ = sim_.schedule_at(*at_, [this] {
    at_.reset();
    event_ = {};
    on_fire_();  // may destroy this timer's owner: nothing after this line
  });
}

void SessionTimer::cancel() {
  if (event_.valid()) sim_.cancel(event_);
  event_ = {};
  at_.reset();
}

}  // namespace mailsim::agents

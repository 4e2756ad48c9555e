#include "sim/simulator.hpp"

#include <stdexcept>

#include "sim/messages.hpp"

namespace mailsim::sim {

void Simulator::throw_in_past(SimTime t) const {
  throw std::logic_error(
      Text(msg::kScheduleInPast, {{"at", format_time(t)}, {"now", format_time(now_)}})
          .render(Lang::en));
}

bool Simulator::step_until(SimTime limit) {
  SimTime t;
  EventCallback* callback = queue_.pop(t, limit);
  if (callback == nullptr) return false;
  now_ = t;
  last_event_ = t;
  ++executed_;
  callback->run_once();
  return true;
}

void Simulator::run_until(SimTime t) {
  stop_requested_ = false;
  while (!stop_requested_ && step_until(t)) {
  }
  if (!stop_requested_ && t > now_) now_ = t;
}

void Simulator::run() {
  stop_requested_ = false;
  while (!stop_requested_ && step()) {
  }
}

}  // namespace mailsim::sim

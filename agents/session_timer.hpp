#pragma once
// The timer of an endpoint's session, on the kernel's Timer (which cancels itself when its
// owner is destroyed): it carries out the timer actions of the session's engine
// (agents/proto/timer_actions.hpp) as one pending event. The engines ignore a timer that fires
// early (on_timer() checks their deadline and asks again), so a later deadline keeps the
// pending event and the handler re-arms: a stream of input moves the deadline thousands of
// times but costs no cancel-and-reschedule per piece.
#include <algorithm>
#include <functional>
#include <optional>
#include <variant>
#include <vector>

#include "agents/proto/timer_actions.hpp"
#include "sim/timer.hpp"

namespace mailsim::agents {

class SessionTimer {
 public:
  SessionTimer(sim::Simulator& sim, std::function<void()> on_fire)
      : timer_(sim, std::move(on_fire)) {}

  // Makes sure the handler runs at or before `deadline` (and not at all for nothing).
  void follow(std::optional<sim::SimTime> deadline) {
    if (!deadline) return cancel();
    if (timer_.pending() && *timer_.when() <= *deadline) return;  // fires first; re-armed then
    timer_.arm_at(std::max(*deadline, timer_.sim().now()));
  }
  void cancel() { timer_.cancel(); }
  std::optional<sim::SimTime> scheduled() const { return timer_.when(); }

  // Carries out the timer actions of an engine with one timer (SMTP, POP3, IMAP: see
  // agents/proto/timer_actions.hpp): StartTimer is follow(at), CancelTimer cancel().
  void carry_out(const proto::TimerActions& actions) {
    for (const auto& action : actions) {
      if (const auto* start = std::get_if<proto::StartTimer>(&action))
        follow(start->at);
      else
        cancel();
    }
  }

 private:
  sim::Timer timer_;
};

}  // namespace mailsim::agents

#pragma once
// The endpoints' session timers, on the kernel's Timer (which cancels itself when its owner is
// destroyed).
//  - SessionTimer turns a protocol session's deadline() into one pending event. The sessions
//    ignore a timer that fires early (their on_timeout() checks the deadline), so a later
//    deadline keeps the pending event and the handler re-arms: a stream of input moves the
//    deadline thousands of times but costs no cancel-and-reschedule per piece.
//  - ActivityTimer is a SessionTimer whose deadline is the last activity plus a limit: it fires
//    once `limit` has passed without activity (touch()), re-arming itself when it finds the
//    stamp moved.
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
  void carry_out(const std::vector<proto::TimerAction>& actions) {
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

class ActivityTimer {
 public:
  ActivityTimer(sim::Simulator& sim, sim::SimTime limit, std::function<void()> on_expired)
      : sim_(sim), limit_(limit), on_expired_(std::move(on_expired)), timer_(sim, [this] {
          if (sim_.now() < last_ + limit_) return timer_.follow(last_ + limit_);
          on_expired_();  // may destroy this timer's owner: nothing after this line
        }) {}

  // Something happened now: the limit counts from here.
  void touch() {
    last_ = sim_.now();
    timer_.follow(last_ + limit_);
  }
  void cancel() { timer_.cancel(); }
  sim::SimTime last() const { return last_; }

 private:
  sim::Simulator& sim_;
  sim::SimTime limit_;
  std::function<void()> on_expired_;
  sim::SimTime last_{0};
  SessionTimer timer_;
};

}  // namespace mailsim::agents

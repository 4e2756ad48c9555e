#pragma once
// What a protocol engine asks its owner to do with time (docs/protocols.md, "One engine
// shape"). Engines have no clock: each input comes with the time, and an engine that needs to
// act later returns StartTimer (timer T should fire at `at`; a timer already running moves
// there) or CancelTimer. The owner runs the timer on the kernel and feeds "timer T fired" back
// with the time. An engine checks its own deadline when told, so an owner whose timer fires
// early costs nothing wrong: the engine asks again for the rest.
#include <cstdint>
#include <utility>
#include <variant>
#include <vector>

#include "sim/time.hpp"

namespace mailsim::proto {

using TimerId = std::uint64_t;

struct StartTimer {
  TimerId timer;
  sim::SimTime at;
};
struct CancelTimer {
  TimerId timer;
};
using TimerAction = std::variant<StartTimer, CancelTimer>;

// The timer of a dialogue that ends after `limit` of silence (a POP3 or IMAP server's idle
// limit, a client's wait for the next answer): each activity restarts it for `limit`. The
// actions it decides wait in take_actions() for the owner.
class SilenceTimer {
 public:
  static constexpr TimerId kId = 1;

  explicit SilenceTimer(sim::SimTime limit) : limit_(limit) {}

  // Something happened at `now`: the limit counts from here.
  void restart(sim::SimTime now) {
    deadline_ = now + limit_;
    running_ = true;
    actions_.push_back(StartTimer{kId, deadline_});
  }
  void stop() {
    if (!running_) return;
    running_ = false;
    actions_.push_back(CancelTimer{kId});
  }
  // The owner's timer `timer` fired at `now`: true once the limit has passed, which stops the
  // timer; false for a stopped timer, or one that fired before the deadline (asked again).
  bool expired(TimerId timer, sim::SimTime now) {
    if (timer != kId || !running_) return false;
    if (now < deadline_) {
      actions_.push_back(StartTimer{kId, deadline_});
      return false;
    }
    running_ = false;
    return true;
  }

  bool running() const { return running_; }
  sim::SimTime deadline() const { return deadline_; }
  sim::SimTime limit() const { return limit_; }
  std::vector<TimerAction> take_actions() { return std::exchange(actions_, {}); }

 private:
  sim::SimTime limit_;
  sim::SimTime deadline_{0};
  bool running_ = false;
  std::vector<TimerAction> actions_;
};

}  // namespace mailsim::proto

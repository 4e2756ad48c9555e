#pragma once
// What a protocol engine asks its owner to do with time (docs/protocols.md, "One engine
// shape"). Engines have no clock: each input comes with the time, and an engine that needs to
// act later returns StartTimer (timer T should fire at `at`; a timer already running moves
// there) or CancelTimer. The owner runs the timer on the kernel and feeds "timer T fired" back
// with the time. An engine checks its own deadline when told, so an owner whose timer fires
// early costs nothing wrong: the engine asks again for the rest.
#include <cstdint>
#include <optional>
#include <utility>
#include <variant>

#include <boost/container/small_vector.hpp>

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
// The actions decided since the owner last took them: mostly one, rarely more than two. They
// stay in place, so taking them after every input of a session allocates nothing.
using TimerActions = boost::container::small_vector<TimerAction, 2>;

// One timer whose deadline its engine sets: the actions it decides wait in take_actions() for
// the owner. An SMTP session runs one (the wait its state allows, RFC 5321 4.5.3.2: one state
// waits at a time, so one timer moves between them); SilenceTimer below is one whose deadline
// is always the last activity plus a limit.
class DeadlineTimer {
 public:
  static constexpr TimerId kId = 1;

  // The timer fires at `at` (a running timer moves there).
  void set(sim::SimTime at) {
    deadline_ = at;
    running_ = true;
    actions_.push_back(StartTimer{kId, deadline_});
  }
  void stop() {
    if (!running_) return;
    running_ = false;
    actions_.push_back(CancelTimer{kId});
  }
  // The deadline the engine computes after each input (none: no timer), asked only when it
  // moved, since the owner's timer already runs for an unchanged one.
  void follow(std::optional<sim::SimTime> at) {
    if (!at) return stop();
    if (!running_ || *at != deadline_) set(*at);
  }
  // The owner's timer `timer` fired at `now`: true once the deadline has passed, which stops
  // the timer; false for a stopped timer, or one that fired before the deadline (asked again).
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
  TimerActions take_actions() { return std::exchange(actions_, {}); }

 private:
  sim::SimTime deadline_{0};
  bool running_ = false;
  TimerActions actions_;
};

// The timer of a dialogue that ends after `limit` of silence (a POP3 or IMAP server's idle
// limit, a client's wait for the next answer): each activity restarts it for `limit`.
class SilenceTimer {
 public:
  static constexpr TimerId kId = DeadlineTimer::kId;

  explicit SilenceTimer(sim::SimTime limit) : limit_(limit) {}

  // Something happened at `now`: the limit counts from here.
  void restart(sim::SimTime now) { timer_.set(now + limit_); }
  void stop() { timer_.stop(); }
  bool expired(TimerId timer, sim::SimTime now) { return timer_.expired(timer, now); }

  bool running() const { return timer_.running(); }
  sim::SimTime deadline() const { return timer_.deadline(); }
  sim::SimTime limit() const { return limit_; }
  TimerActions take_actions() { return timer_.take_actions(); }

 private:
  sim::SimTime limit_;
  DeadlineTimer timer_;
};

}  // namespace mailsim::proto

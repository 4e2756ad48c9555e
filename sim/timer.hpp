#pragma once
// One cancellable simulator event owned by an object: arm it for a time, re-arm it (the earlier
// firing is cancelled), cancel it. Destroying the timer cancels it, so an owner that keeps its
// timers as members is never called once it is gone. The handler runs with the timer disarmed
// and may re-arm it, or destroy the timer's owner (nothing in the timer runs after it).
#include <functional>
#include <optional>
#include <utility>

#include "sim/simulator.hpp"

namespace mailsim::sim {

class Timer {
 public:
  Timer(Simulator& sim, std::function<void()> on_fire) : sim_(sim), on_fire_(std::move(on_fire)) {}
  ~Timer() { cancel(); }
  // Not movable: the pending event points at this object.
  Timer(const Timer&) = delete;
  Timer& operator=(const Timer&) = delete;

  // Fires at `t` (>= now()), in place of any firing already pending.
  void arm_at(SimTime t) {
    cancel();
    at_ = t;
    event_ = sim_.schedule_at(t, [this] {
      event_ = {};
      at_.reset();
      on_fire_();  // may destroy this timer: nothing after this line
    });
  }
  void arm_after(SimTime delay) { arm_at(sim_.now() + delay); }
  void cancel() {
    if (event_.valid()) sim_.cancel(event_);
    event_ = {};
    at_.reset();
  }
  bool pending() const { return at_.has_value(); }
  std::optional<SimTime> when() const { return at_; }
  Simulator& sim() const { return sim_; }

 private:
  Simulator& sim_;
  std::function<void()> on_fire_;
  std::optional<SimTime> at_;
  EventId event_;
};

}  // namespace mailsim::sim

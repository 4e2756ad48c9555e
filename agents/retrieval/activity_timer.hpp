#pragma once
// Fires once `limit` has passed without activity. Activity only moves a time stamp; the one
// pending event re-arms itself for the rest when it finds the stamp moved, so a stream of
// bytes costs no cancel-and-reschedule per piece.
#include <functional>

#include "sim/simulator.hpp"

namespace mailsim::agents {

class ActivityTimer {
 public:
  ActivityTimer(sim::Simulator& sim, sim::SimTime limit, std::function<void()> on_expired)
      : sim_(sim), limit_(limit), on_expired_(std::move(on_expired)) {}
  ~ActivityTimer() { cancel(); }
  ActivityTimer(const ActivityTimer&) = delete;
  ActivityTimer& operator=(const ActivityTimer&) = delete;

  // Something happened now: the limit counts from here.
  void touch() {
    last_ = sim_.now();
    if (!event_.valid()) arm(last_ + limit_);
  }
  void cancel() {
    if (event_.valid()) sim_.cancel(event_);
    event_ = {};
  }
  sim::SimTime last() const { return last_; }

 private:
  void arm(sim::SimTime at) {
    event_ = sim_.schedule_at(at, [this] {
      event_ = {};
      if (sim_.now() < last_ + limit_) return arm(last_ + limit_);
      on_expired_();  // may destroy this timer's owner: nothing after this line
    });
  }

  sim::Simulator& sim_;
  sim::SimTime limit_;
  std::function<void()> on_expired_;
  sim::SimTime last_{0};
  sim::EventId event_;
};

}  // namespace mailsim::agents

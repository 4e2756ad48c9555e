#pragma once
// Turns a protocol session's deadline() into one cancellable simulator timer. The sessions
// ignore a timer that fires early (their on_timeout() checks the deadline), so a later
// deadline keeps the pending event and the handler re-arms: a stream of input moves the
// deadline thousands of times but costs no cancel-and-reschedule per piece.
#include <functional>
#include <optional>

#include "sim/simulator.hpp"

namespace mailsim::agents {

class SessionTimer {
 public:
  SessionTimer(sim::Simulator& sim, std::function<void()> on_fire)
      : sim_(sim), on_fire_(std::move(on_fire)) {}
  ~SessionTimer() { cancel(); }
  SessionTimer(const SessionTimer&) = delete;
  SessionTimer& operator=(const SessionTimer&) = delete;

  // Makes sure the handler runs at or before `deadline` (and not at all for nothing).
  void follow(std::optional<sim::SimTime> deadline);
  void cancel();
  std::optional<sim::SimTime> scheduled() const { return at_; }

 private:
  sim::Simulator& sim_;
  std::function<void()> on_fire_;
  std::optional<sim::SimTime> at_;
  sim::EventId event_;
};

}  // namespace mailsim::agents

#pragma once
// The discrete-event simulator: a virtual clock, the pending events, the named random streams
// and the trace. Events at the same time run in the order they were scheduled, always.
#include <cstdint>
#include <optional>
#include <string_view>
#include <utility>

#include "sim/event_queue.hpp"
#include "sim/random.hpp"
#include "sim/time.hpp"
#include "sim/trace.hpp"

namespace mailsim::sim {

class Simulator {
 public:
  explicit Simulator(std::uint64_t seed = 0) : streams_(seed), trace_(&now_) {}
  Simulator(const Simulator&) = delete;
  Simulator& operator=(const Simulator&) = delete;

  SimTime now() const { return now_; }

  // Schedules `fn` (any callable taking no argument) at absolute time `t` >= now().
  // `lane`: Lane::first for what a scenario's timeline does (see Lane).
  template <class F>
  EventId schedule_at(SimTime t, F&& fn, Lane lane = Lane::normal) {
    if (t < now_) throw_in_past(t);
    return queue_.push(t, std::forward<F>(fn), lane);
  }
  template <class F>
  EventId schedule_after(SimTime delay, F&& fn) {
    return schedule_at(now_ + delay, std::forward<F>(fn));
  }

  // True if the event was still pending; cancelling twice, or after it ran, returns false.
  bool cancel(EventId id) { return queue_.cancel(id); }

  // Runs the earliest pending event; false when there is none.
  bool step() { return step_until(SimTime::max()); }
  // Runs the earliest pending event if it is due at or before `limit`; false otherwise. One
  // look at the queue, where next_event_time() then step() took two.
  bool step_until(SimTime limit);
  // Runs every event at or before `t`, then sets the clock to `t` (never backwards).
  void run_until(SimTime t);
  // Runs until no event is pending or stop() is called.
  void run();
  // Asks run() or run_until() to return after the current event.
  void stop() { stop_requested_ = true; }

  std::optional<SimTime> next_event_time() const { return queue_.next_time(); }
  std::size_t pending() const { return queue_.size(); }
  std::uint64_t events_executed() const { return executed_; }
  // True when an event has already run at now(): something scheduled for now() in the first
  // lane would then run after it, though the same thing read from a file would run before.
  bool ran_at_now() const { return executed_ > 0 && last_event_ == now_; }

  RandomStream& rng(std::string_view name) { return streams_.stream(name); }
  std::uint64_t seed() const { return streams_.seed(); }
  Trace& trace() { return trace_; }

  const EventQueue& queue() const { return queue_; }

 private:
  [[noreturn]] void throw_in_past(SimTime t) const;

  SimTime now_{0};
  EventQueue queue_;
  RandomStreams streams_;
  Trace trace_;
  std::uint64_t executed_ = 0;
  SimTime last_event_{0};
  bool stop_requested_ = false;
};

}  // namespace mailsim::sim

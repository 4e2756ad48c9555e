#pragma once
// A one-shot callback its owner can take back, for asynchronous calls that cannot be stopped
// half-way (a DNS lookup runs to its end: its queries, records and cache entries stay). The
// service that starts the work wraps the owner's callback: it hands callback() to the work
// and returns handle() to the owner, who keeps it as a member (sim::Subscription). Destroying
// or resetting the handle drops the owner's callback (and what it captured) at once: the
// work then ends without calling anyone. The callback runs at most once; a handle taken after
// it ran is inactive.
#include <functional>
#include <memory>
#include <utility>

#include "sim/subscription.hpp"

namespace mailsim::sim {

template <class... Args>
class Cancellable {
 public:
  using Fn = std::function<void(Args...)>;
  explicit Cancellable(Fn fn) : cell_(std::make_shared<Fn>(std::move(fn))) {}

  // What the work calls when it ends: the owner's callback, unless it was cancelled.
  Fn callback() const {
    return [cell = cell_](Args... args) {
      if (!*cell) return;
      Fn fn = std::exchange(*cell, nullptr);  // once; the handle has nothing left to cancel
      fn(std::forward<Args>(args)...);
    };
  }
  // What the owner keeps; inactive when the callback has already run (or was empty).
  Subscription handle() const {
    if (!*cell_) return {};
    return Subscription([weak = std::weak_ptr<Fn>(cell_)] {
      if (auto cell = weak.lock()) *cell = nullptr;
    });
  }

 private:
  std::shared_ptr<Fn> cell_;  // shared by the callback and the handle: either may go first
};

}  // namespace mailsim::sim

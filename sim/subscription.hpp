#pragma once
// A move-only handle on a callback registered somewhere (a host's up/down watcher, a socket's
// callbacks): destroying, resetting or assigning over the handle removes the callback. An owner
// that keeps its handles as members is therefore never called once it is gone, with no flag or
// weak pointer of its own. The registry may go first: the handle then does nothing.
#include <functional>
#include <utility>

namespace mailsim::sim {

class [[nodiscard]] Subscription {
 public:
  Subscription() = default;
  // `remove` takes the callback out of its registry; it runs at most once.
  explicit Subscription(std::function<void()> remove) : remove_(std::move(remove)) {}
  Subscription(Subscription&& other) noexcept : remove_(std::exchange(other.remove_, nullptr)) {}
  Subscription& operator=(Subscription&& other) noexcept {
    if (this != &other) {
      reset();
      remove_ = std::exchange(other.remove_, nullptr);
    }
    return *this;
  }
  Subscription(const Subscription&) = delete;
  Subscription& operator=(const Subscription&) = delete;
  ~Subscription() { reset(); }

  // Removes the callback now (nothing if already removed).
  void reset() {
    if (auto remove = std::exchange(remove_, nullptr)) remove();
  }
  bool active() const { return static_cast<bool>(remove_); }

 private:
  std::function<void()> remove_;
};

}  // namespace mailsim::sim

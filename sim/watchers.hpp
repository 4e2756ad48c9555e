#pragma once
// A list of callbacks told of one event (a host going down, coming back up). add() returns the
// Subscription that removes the callback. notify() runs the callbacks registered before it
// started, in the order they were added, each only if it is still registered when its turn
// comes: a callback may remove itself or others, or add new ones (told from the next event on).
#include <algorithm>
#include <cstdint>
#include <functional>
#include <memory>
#include <utility>
#include <vector>

#include "sim/subscription.hpp"

namespace mailsim::sim {

template <class... Args>
class Watchers {
 public:
  using Fn = std::function<void(Args...)>;

  Subscription add(Fn fn) {
    const std::uint64_t id = next_id_++;
    entries_->push_back(Entry{id, std::make_shared<Fn>(std::move(fn))});
    // The list is shared with the handles so that a handle outliving it does nothing.
    return Subscription([weak = std::weak_ptr<List>(entries_), id] {
      auto list = weak.lock();
      if (!list) return;
      auto it =
          std::find_if(list->begin(), list->end(), [id](const Entry& e) { return e.id == id; });
      if (it != list->end()) list->erase(it);
    });
  }

  void notify(Args... args) {
    std::vector<std::uint64_t> turn;
    turn.reserve(entries_->size());
    for (const Entry& e : *entries_)
      turn.push_back(e.id);
    for (std::uint64_t id : turn) {
      auto it = std::find_if(entries_->begin(), entries_->end(),
                             [id](const Entry& e) { return e.id == id; });
      if (it == entries_->end()) continue;  // removed by an earlier callback
      std::shared_ptr<Fn> fn = it->fn;      // kept while it runs, even if it removes itself
      (*fn)(args...);
    }
  }

  std::size_t size() const { return entries_->size(); }

 private:
  struct Entry {
    std::uint64_t id;
    std::shared_ptr<Fn> fn;
  };
  using List = std::vector<Entry>;
  std::shared_ptr<List> entries_ = std::make_shared<List>();
  std::uint64_t next_id_ = 1;
};

}  // namespace mailsim::sim

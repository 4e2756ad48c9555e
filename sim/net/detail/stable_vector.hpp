#pragma once
// Elements that never move (a deque holds them: records keep string_views into their names)
// and are reached by index in one load: std::deque's own indexing divides the index into a
// block and an offset, and the network indexes its nodes and links several times a hop.
#include <cstddef>
#include <deque>
#include <vector>

namespace mailsim::sim::net::detail {

template <class T>
class StableVector {
 public:
  T& emplace_back() {
    T& item = items_.emplace_back();
    at_.push_back(&item);
    return item;
  }
  T& operator[](std::size_t i) { return *at_[i]; }
  const T& operator[](std::size_t i) const { return *at_[i]; }
  std::size_t size() const { return at_.size(); }
  bool empty() const { return at_.empty(); }
  auto begin() { return items_.begin(); }
  auto end() { return items_.end(); }
  auto begin() const { return items_.begin(); }
  auto end() const { return items_.end(); }

 private:
  std::deque<T> items_;
  std::vector<T*> at_;  // at_[i] == &items_[i]
};

}  // namespace mailsim::sim::net::detail

#include "sim/event_queue.hpp"

#include <algorithm>

namespace mailsim::sim {

std::uint32_t EventQueue::allocate_slot() {
  if (free_head_ != kNoSlot) {
    std::uint32_t slot = free_head_;
    free_head_ = slots_[slot].next_free;
    return slot;
  }
  slots_.emplace_back();
  return static_cast<std::uint32_t>(slots_.size() - 1);
}

void EventQueue::sift_up(std::size_t i) {
  Entry moving = heap_[i];
  while (i > 0) {
    std::size_t parent = (i - 1) / 4;
    if (!before(moving, heap_[parent])) break;
    heap_[i] = heap_[parent];
    i = parent;
  }
  heap_[i] = moving;
}

void EventQueue::sift_down(std::size_t i) {
  const std::size_t n = heap_.size();
  Entry moving = heap_[i];
  for (;;) {
    std::size_t first = 4 * i + 1;
    if (first >= n) break;
    std::size_t best = first;
    std::size_t last = std::min(first + 4, n);
    for (std::size_t c = first + 1; c < last; ++c)
      if (before(heap_[c], heap_[best])) best = c;
    if (!before(heap_[best], moving)) break;
    heap_[i] = heap_[best];
    i = best;
  }
  heap_[i] = moving;
}

void EventQueue::pop_top() {
  heap_.front() = heap_.back();
  heap_.pop_back();
  if (!heap_.empty()) sift_down(0);
}

void EventQueue::drop_dead_top() {
  while (!heap_.empty() && !slots_[heap_.front().slot].callback) {
    free_slot(heap_.front().slot);
    pop_top();
    --dead_;
  }
}

bool EventQueue::cancel(EventId id) {
  if (!id.valid()) return false;
  std::uint32_t slot = static_cast<std::uint32_t>(id.value);
  std::uint32_t seq = static_cast<std::uint32_t>(id.value >> 32);
  if (slot >= slots_.size()) return false;
  Slot& s = slots_[slot];
  if (s.seq != seq || !s.callback) return false;
  s.callback.reset();
  --live_;
  ++dead_;
  if (dead_ > 1024 && dead_ > live_) compact();
  return true;
}

void EventQueue::compact() {
  auto dead = [this](const Entry& e) {
    if (slots_[e.slot].callback) return false;
    free_slot(e.slot);
    return true;
  };
  heap_.erase(std::remove_if(heap_.begin(), heap_.end(), dead), heap_.end());
  dead_ = 0;
  if (heap_.size() > 1)
    for (std::size_t i = (heap_.size() - 2) / 4 + 1; i-- > 0;) sift_down(i);
}

bool EventQueue::pop(SimTime& time, EventCallback& callback) {
  drop_dead_top();
  if (heap_.empty()) return false;
  const Entry top = heap_.front();
  pop_top();
  Slot& s = slots_[top.slot];
  callback = std::move(s.callback);
  free_slot(top.slot);
  --live_;
  time = SimTime(top.time);
  return true;
}

std::optional<SimTime> EventQueue::next_time() {
  drop_dead_top();
  if (heap_.empty()) return std::nullopt;
  return SimTime(heap_.front().time);
}

}  // namespace mailsim::sim

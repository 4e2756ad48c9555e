#include "sim/event_queue.hpp"

#include <algorithm>

namespace mailsim::sim {

std::uint32_t EventQueue::allocate_slot() {
  std::uint32_t slot;
  if (free_head_ != kNoSlot) {
    slot = free_head_;
    free_head_ = slots_[slot].next_free;
  } else {
    slots_.emplace_back();
    slot = static_cast<std::uint32_t>(slots_.size() - 1);
    slots_[slot].generation = 0;
  }
  if (++slots_[slot].generation == 0) slots_[slot].generation = 1;  // 0 would make id 0 valid
  return slot;
}

KeyHeap* EventQueue::earliest_live() {
  for (;;) {
    KeyHeap* heap = far_.empty() || (!near_.empty() && near_.top() < far_.top()) ? &near_ : &far_;
    if (heap->empty()) return nullptr;  // both are
    const std::uint32_t slot = key_slot(heap->top());
    if (slots_[slot].callback) return heap;
    free_slot(slot);
    heap->pop();
    --dead_;
  }
}

bool EventQueue::cancel(EventId id) {
  if (!id.valid()) return false;
  const auto slot = static_cast<std::uint32_t>(id.value);
  const auto generation = static_cast<std::uint32_t>(id.value >> 32);
  if (slot >= slots_.size()) return false;
  Slot& s = slots_[slot];
  if (s.generation != generation || !s.callback) return false;
  s.callback.reset();
  --live_;
  ++dead_;
  if (dead_ > 1024 && dead_ > live_) compact();
  return true;
}

void EventQueue::compact() {
  auto dead = [this](Key k) {
    if (slots_[key_slot(k)].callback) return false;
    free_slot(key_slot(k));
    return true;
  };
  near_.erase_if(dead);
  far_.erase_if(dead);
  dead_ = 0;
}

// The 31-bit sequence ran out: number the pending keys 1..n in their current order across both
// heaps, each keeping its lane and its heap, so that every later key still sorts after them.
// Keys pushed in ascending order need no sifting.
void EventQueue::renumber() {
  std::vector<std::pair<Key, bool>> keys;  // each key, and whether it is far
  keys.reserve(near_.size() + far_.size());
  for (std::size_t i = 0; i < near_.size(); ++i)
    keys.emplace_back(near_[i], false);
  for (std::size_t i = 0; i < far_.size(); ++i)
    keys.emplace_back(far_[i], true);
  std::sort(keys.begin(), keys.end());
  near_.clear();
  far_.clear();
  std::uint32_t seq = 0;
  for (const auto& [k, far] : keys)
    (far ? far_ : near_).push(make_key(key_time(k), key_lane(k), ++seq, key_slot(k)));
  seq_ = seq + 1;
}

EventCallback* EventQueue::pop(SimTime& time, SimTime limit) {
  KeyHeap* heap = earliest_live();
  if (heap == nullptr) return nullptr;
  const Key top = heap->top();
  if (key_time(top) > limit) return nullptr;
  heap->pop();
  const std::uint32_t slot = key_slot(top);
  free_slot(slot);  // touches next_free only; the callback is moved out before any reuse
  --live_;
  time = key_time(top);
  now_ = time;
  // The next two pops will most likely look at the slots of the new top and of its smallest
  // child: start loading them now, the slab is too large for the cache.
  if (!heap->empty()) __builtin_prefetch(&slots_[key_slot(heap->top())]);
  if (heap->size() > 4) __builtin_prefetch(&slots_[key_slot(heap->least_child_of_top())]);
  return &slots_[slot].callback;
}

std::optional<SimTime> EventQueue::next_time() const {
  next_time_examined_ = 0;
  const std::optional<Key> near = earliest_live_key(near_);
  const std::optional<Key> far = earliest_live_key(far_);
  if (!near && !far) return std::nullopt;
  return key_time(!far || (near && *near < *far) ? *near : *far);
}

std::optional<EventQueue::Key> EventQueue::earliest_live_key(const KeyHeap& heap) const {
  if (heap.empty()) return std::nullopt;
  if (slots_[key_slot(heap.top())].callback) return heap.top();
  // The top was cancelled: look past it without dropping it, since a reader must not change
  // the queue (pop() drops dead keys when it reaches them). A live key is the least of its
  // subtree, so only the children of dead keys need a look: the search costs the dead keys at
  // the top, not the whole heap (a scan of every pending key made a run with 100,000 sends
  // waiting in the timeline quadratic).
  std::optional<Key> best;
  std::vector<std::size_t>& open = next_time_open_;
  open.assign(1, 0);
  while (!open.empty()) {
    const std::size_t i = open.back();
    open.pop_back();
    ++next_time_examined_;
    const Key k = heap[i];
    if (best && !(k < *best)) continue;  // neither it nor its subtree can be earlier
    if (slots_[key_slot(k)].callback) {
      best = k;
      continue;
    }
    for (std::size_t c = 4 * i + 1; c < std::min(4 * i + 5, heap.size()); ++c)
      open.push_back(c);
  }
  return best;
}

}  // namespace mailsim::sim

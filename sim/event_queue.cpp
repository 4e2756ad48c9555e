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

void EventQueue::sift_up(std::size_t i) {
  const Key moving = at(i);
  while (i > 0) {
    const std::size_t parent = (i - 1) / 4;
    if (!(moving < at(parent))) break;
    at(i) = at(parent);
    i = parent;
  }
  at(i) = moving;
}

// Bottom-up deletion (Wegener): walk the hole down along the smallest children to a leaf,
// then sift the last key up from there. The last key almost always belongs near the bottom,
// so this saves a comparison per level over the classic top-down walk.
void EventQueue::remove_top() {
  const Key last = heap_.back();
  heap_.pop_back();
  const std::size_t n = size_of_heap();
  if (n == 0) return;
  Key* h = heap_.data() + kPad;
  std::size_t i = 0;
  for (;;) {
    const std::size_t first = 4 * i + 1;
    if (first + 3 < n) {
      // The grandchildren are 16 consecutive keys (four cache lines): fetch them while this
      // level is compared, so that the walk down overlaps its memory latency.
      const std::size_t grand = 4 * first + 1;
      if (grand < n) {
        const char* g = reinterpret_cast<const char*>(h + grand);
        __builtin_prefetch(g);
        __builtin_prefetch(g + 64);
        __builtin_prefetch(g + 128);
        __builtin_prefetch(g + 192);
      }
      // Full block of four: branch-free minimum.
      // Index arithmetic on comparison results (setb) instead of ?:, which GCC sometimes
      // turns into a branch that mispredicts half of the time.
      const std::size_t a = first + static_cast<std::size_t>(h[first + 1] < h[first]);
      const std::size_t b = first + 2 + static_cast<std::size_t>(h[first + 3] < h[first + 2]);
      const std::size_t take_b = 0 - static_cast<std::size_t>(h[b] < h[a]);
      const std::size_t best = a ^ ((a ^ b) & take_b);
      h[i] = h[best];
      i = best;
    } else {
      if (first < n) {
        std::size_t best = first;
        for (std::size_t c = first + 1; c < n; ++c)
          if (h[c] < h[best]) best = c;
        h[i] = h[best];
        i = best;
      }
      break;
    }
  }
  while (i > 0) {
    const std::size_t parent = (i - 1) / 4;
    if (!(last < h[parent])) break;
    h[i] = h[parent];
    i = parent;
  }
  h[i] = last;
}

void EventQueue::drop_dead_top() {
  while (size_of_heap() > 0 && !slots_[key_slot(at(0))].callback) {
    free_slot(key_slot(at(0)));
    remove_top();
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

void EventQueue::heapify() {
  const std::size_t n = size_of_heap();
  if (n < 2) return;
  for (std::size_t start = (n - 2) / 4 + 1; start-- > 0;) {
    // Classic top-down sift for heap construction.
    std::size_t i = start;
    const Key moving = at(i);
    for (;;) {
      const std::size_t first = 4 * i + 1;
      if (first >= n) break;
      std::size_t best = first;
      for (std::size_t c = first + 1; c < std::min(first + 4, n); ++c)
        if (at(c) < at(best)) best = c;
      if (!(at(best) < moving)) break;
      at(i) = at(best);
      i = best;
    }
    at(i) = moving;
  }
}

void EventQueue::compact() {
  auto dead = [this](Key k) {
    if (slots_[key_slot(k)].callback) return false;
    free_slot(key_slot(k));
    return true;
  };
  heap_.erase(std::remove_if(heap_.begin() + kPad, heap_.end(), dead), heap_.end());
  dead_ = 0;
  heapify();
}

// The 31-bit sequence ran out: number the pending keys 1..n in their current order (a sorted
// array is a valid heap), each keeping its lane, so that every later key still sorts after them.
void EventQueue::renumber() {
  std::sort(heap_.begin() + kPad, heap_.end());
  std::uint32_t seq = 0;
  for (std::size_t i = 0; i < size_of_heap(); ++i)
    at(i) = make_key(key_time(at(i)), key_lane(at(i)), ++seq, key_slot(at(i)));
  seq_ = seq + 1;
}

EventCallback* EventQueue::pop(SimTime& time, SimTime limit) {
  drop_dead_top();
  if (size_of_heap() == 0) return nullptr;
  const Key top = at(0);
  if (key_time(top) > limit) return nullptr;
  remove_top();
  const std::uint32_t slot = key_slot(top);
  free_slot(slot);  // touches next_free only; the callback is moved out before any reuse
  --live_;
  time = key_time(top);
  // The next two pops will most likely look at the slots of the new top and of its smallest
  // child: start loading them now, the slab is too large for the cache.
  const std::size_t n = size_of_heap();
  if (n > 0) __builtin_prefetch(&slots_[key_slot(at(0))]);
  if (n > 4) {
    const Key* c = &at(1);
    const Key a = c[1] < c[0] ? c[1] : c[0];
    const Key b = c[3] < c[2] ? c[3] : c[2];
    __builtin_prefetch(&slots_[key_slot(b < a ? b : a)]);
  }
  return &slots_[slot].callback;
}

std::optional<SimTime> EventQueue::next_time() const {
  if (size_of_heap() == 0) return std::nullopt;
  if (slots_[key_slot(at(0))].callback) return key_time(at(0));
  // The top was cancelled: look past it without dropping it, since a reader must not change
  // the queue (pop() drops dead keys when it reaches them). A live key is the least of its
  // subtree, so only the children of dead keys need a look: the search costs the dead keys at
  // the top, not the whole heap (a scan of every pending key made a run with 100,000 sends
  // waiting in the timeline quadratic).
  std::optional<Key> best;
  std::vector<std::size_t>& open = next_time_open_;
  open.assign(1, 0);
  next_time_examined_ = 0;
  while (!open.empty()) {
    const std::size_t i = open.back();
    open.pop_back();
    ++next_time_examined_;
    const Key k = at(i);
    if (best && !(k < *best)) continue;  // neither it nor its subtree can be earlier
    if (slots_[key_slot(k)].callback) {
      best = k;
      continue;
    }
    for (std::size_t c = 4 * i + 1; c < std::min(4 * i + 5, size_of_heap()); ++c)
      open.push_back(c);
  }
  if (!best) return std::nullopt;
  return key_time(*best);
}

}  // namespace mailsim::sim

#pragma once
// The pending-event set: a 4-ary min-heap of 16-byte entries (time, sequence, slot) over a slab
// of 32-byte slots holding the callbacks. 48 bytes per pending event in all; four children
// share one cache line. Cancellation is lazy: the slot is emptied and its heap entry skipped
// when it reaches the top (or dropped by a compaction when dead entries outnumber live ones).
#include <cstdint>
#include <optional>
#include <utility>
#include <vector>

#include "sim/event_callback.hpp"
#include "sim/time.hpp"

namespace mailsim::sim {

// Identifies a scheduled event for cancel(). Default-constructed ids are invalid.
struct EventId {
  std::uint64_t value = 0;
  bool valid() const { return value != 0; }
  friend bool operator==(EventId, EventId) = default;
};

class EventQueue {
 public:
  struct Entry {
    std::int64_t time;   // microseconds
    std::uint32_t seq;   // scheduling order, compared modulo 2^32
    std::uint32_t slot;  // index into slots_
  };
  struct Slot {
    EventCallback callback;  // empty once cancelled or run
    std::uint32_t seq;       // seq of the event that owns the slot
    std::uint32_t next_free;
  };
  static constexpr std::size_t kBytesPerPendingEvent = sizeof(Entry) + sizeof(Slot);

  template <class F>
  EventId push(SimTime t, F&& f) {
    std::uint32_t slot = allocate_slot();
    Slot& s = slots_[slot];
    s.callback.emplace(std::forward<F>(f));
    std::uint32_t seq = next_seq();
    s.seq = seq;
    heap_.push_back(Entry{t.count(), seq, slot});
    sift_up(heap_.size() - 1);
    ++live_;
    return EventId{(static_cast<std::uint64_t>(seq) << 32) | slot};
  }

  // Returns true if the event was pending and is now cancelled.
  bool cancel(EventId id);

  // Removes the earliest live event; false when none is left.
  bool pop(SimTime& time, EventCallback& callback);

  std::optional<SimTime> next_time();
  std::size_t size() const { return live_; }
  bool empty() const { return live_ == 0; }

  // Bytes held by the queue's storage (entries and slots, by capacity).
  std::size_t allocated_bytes() const {
    return heap_.capacity() * sizeof(Entry) + slots_.capacity() * sizeof(Slot);
  }

 private:
  static bool before(const Entry& a, const Entry& b) {
    return a.time < b.time ||
           (a.time == b.time && static_cast<std::int32_t>(a.seq - b.seq) < 0);
  }
  std::uint32_t next_seq() {
    if (++seq_counter_ == 0) ++seq_counter_;  // 0 never names an event
    return seq_counter_;
  }
  std::uint32_t allocate_slot();
  void free_slot(std::uint32_t slot) {
    slots_[slot].next_free = free_head_;
    free_head_ = slot;
  }
  void sift_up(std::size_t i);
  void sift_down(std::size_t i);
  void pop_top();
  void drop_dead_top();
  void compact();

  static constexpr std::uint32_t kNoSlot = 0xffffffffu;
  std::vector<Entry> heap_;
  std::vector<Slot> slots_;
  std::uint32_t free_head_ = kNoSlot;
  std::uint32_t seq_counter_ = 0;
  std::size_t live_ = 0;
  std::size_t dead_ = 0;  // cancelled entries still in heap_
};

static_assert(sizeof(EventQueue::Entry) == 16);
static_assert(sizeof(EventQueue::Slot) == 32);

}  // namespace mailsim::sim

#pragma once
// The pending-event set: a 4-ary min-heap of 16-byte keys over a slab of 32-byte slots that
// hold the callbacks; 48 bytes per pending event in all. A key packs (time, sequence, slot)
// into one 128-bit integer, so ordering is a single comparison; the heap is laid out so that
// the four children of a node share one 64-byte cache line. Cancellation is lazy: the slot is
// emptied and its key skipped when it reaches the top (or dropped by a compaction when dead
// keys outnumber live ones).
#include <cstdint>
#include <new>
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

namespace detail {
// std::allocator with cache-line alignment, for the heap's layout.
template <class T>
struct CacheAligned {
  using value_type = T;
  CacheAligned() = default;
  template <class U>
  CacheAligned(const CacheAligned<U>&) {}
  T* allocate(std::size_t n) {
    return static_cast<T*>(::operator new(n * sizeof(T), std::align_val_t(64)));
  }
  void deallocate(T* p, std::size_t n) {
    ::operator delete(p, n * sizeof(T), std::align_val_t(64));
  }
  friend bool operator==(const CacheAligned&, const CacheAligned&) { return true; }
};
}  // namespace detail

// Events at the same time run by lane, then in scheduling order. The first lane holds what a
// scenario's timeline does (a person's action, a planned fault): it runs before anything the run
// itself scheduled for that microsecond, so that an action recorded during a run and the same
// action read back from the saved file take effect at the same point.
enum class Lane : std::uint8_t { first = 0, normal = 1 };

class EventQueue {
 public:
  // Bits 127..64: time + 2^63 (so that unsigned order is time order); 63: the lane; 62..32:
  // scheduling sequence; 31..0: slot index.
  using Key = unsigned __int128;
  static constexpr std::uint32_t kSequenceEnd = 1u << 31;
  struct Slot {
    EventCallback callback;    // empty once cancelled or run
    std::uint32_t generation;  // bumped each time the slot is reused; part of EventId
    std::uint32_t next_free;
  };
  static constexpr std::size_t kBytesPerPendingEvent = sizeof(Key) + sizeof(Slot);

  EventQueue() : heap_(kPad) {}

  template <class F>
  EventId push(SimTime t, F&& f, Lane lane = Lane::normal) {
    const std::uint32_t slot = allocate_slot();
    Slot& s = slots_[slot];
    s.callback.emplace(std::forward<F>(f));
    if (++seq_ == kSequenceEnd) renumber();
    heap_.push_back(make_key(t, lane, seq_, slot));
    sift_up(size_of_heap() - 1);
    ++live_;
    return EventId{(static_cast<std::uint64_t>(s.generation) << 32) | slot};
  }

  // Returns true if the event was pending and is now cancelled.
  bool cancel(EventId id);

  // Removes the earliest live event and returns its callback, ready for run_once(); the
  // pointer is valid until the next push. nullptr when no event is left, or when the earliest
  // is after `limit` (it then stays).
  EventCallback* pop(SimTime& time, SimTime limit = SimTime::max());

  std::optional<SimTime> next_time() const;
  // For tests: the keys the last next_time() looked at past a cancelled top.
  std::size_t next_time_keys_examined() const { return next_time_examined_; }
  std::size_t size() const { return live_; }
  bool empty() const { return live_ == 0; }

  // Bytes held by the queue's storage (keys and slots, by capacity).
  std::size_t allocated_bytes() const {
    return heap_.capacity() * sizeof(Key) + slots_.capacity() * sizeof(Slot);
  }

  // For tests: continue numbering from `seq` to exercise the wrap-around renumbering.
  void set_sequence_for_test(std::uint32_t seq) { seq_ = seq; }

 private:
  // Node i lives at heap_[i + kPad]; with a 64-byte aligned buffer, the children 4i+1..4i+4
  // then start on a cache-line boundary.
  static constexpr std::size_t kPad = 3;
  static constexpr std::uint32_t kNoSlot = 0xffffffffu;

  static Key make_key(SimTime t, Lane lane, std::uint32_t seq, std::uint32_t slot) {
    const auto biased = static_cast<std::uint64_t>(t.count()) ^ (std::uint64_t{1} << 63);
    return (static_cast<Key>(biased) << 64) | (static_cast<Key>(lane) << 63) |
           (static_cast<Key>(seq) << 32) | slot;
  }
  static Lane key_lane(Key k) { return static_cast<Lane>((k >> 63) & 1); }
  static SimTime key_time(Key k) {
    return SimTime(
        static_cast<std::int64_t>(static_cast<std::uint64_t>(k >> 64) ^ (std::uint64_t{1} << 63)));
  }
  static std::uint32_t key_slot(Key k) { return static_cast<std::uint32_t>(k); }

  std::size_t size_of_heap() const { return heap_.size() - kPad; }
  Key& at(std::size_t i) { return heap_[i + kPad]; }
  Key at(std::size_t i) const { return heap_[i + kPad]; }

  std::uint32_t allocate_slot();
  void free_slot(std::uint32_t slot) {
    slots_[slot].next_free = free_head_;
    free_head_ = slot;
  }
  void sift_up(std::size_t i);
  void remove_top();
  void drop_dead_top();
  void compact();
  void renumber();
  void heapify();

  std::vector<Key, detail::CacheAligned<Key>> heap_;
  std::vector<Slot> slots_;
  std::uint32_t free_head_ = kNoSlot;
  std::uint32_t seq_ = 0;
  std::size_t live_ = 0;
  std::size_t dead_ = 0;  // cancelled keys still in heap_
  // next_time()'s search past cancelled keys (kept to reuse its storage) and its count.
  mutable std::vector<std::size_t> next_time_open_;
  mutable std::size_t next_time_examined_ = 0;
};

static_assert(sizeof(EventQueue::Key) == 16);
static_assert(sizeof(EventQueue::Slot) == 32);

}  // namespace mailsim::sim

#pragma once
// The pending-event set: two 4-ary min-heaps of 16-byte keys (sim/key_heap.hpp) over a slab
// of 32-byte slots that hold the callbacks; 48 bytes per pending event in all. A key packs
// (time, sequence, slot) into one 128-bit integer, so ordering is a single comparison.
// Events due within kFarHorizon of the last one run go in the near heap, later ones in the far
// heap: the traffic's events (a packet's transmission, propagation, processing) are
// microseconds to milliseconds apart, while protocol timers (SMTP and IMAP timeouts, DNS
// expiries, queue retries, TIME-WAIT) wait minutes to hours and are mostly cancelled before
// they are due. Kept apart, those timers do not deepen the heap that every event goes through
// (a mail city keeps about 50 events within 10 s and 1,000 beyond, half of them cancelled). A
// pop takes the lesser of the two tops, so the order is that of a single heap. Cancellation is
// lazy: the slot is emptied and its key skipped when it reaches a top (or dropped by a
// compaction when dead keys outnumber live ones).
#include <cstdint>
#include <optional>
#include <utility>
#include <vector>

#include "sim/event_callback.hpp"
#include "sim/key_heap.hpp"
#include "sim/time.hpp"

namespace mailsim::sim {

// Identifies a scheduled event for cancel(). Default-constructed ids are invalid.
struct EventId {
  std::uint64_t value = 0;
  bool valid() const { return value != 0; }
  friend bool operator==(EventId, EventId) = default;
};

// Events at the same time run by lane, then in scheduling order. The first lane holds what a
// scenario's timeline does (a person's action, a planned fault): it runs before anything the run
// itself scheduled for that microsecond, so that an action recorded during a run and the same
// action read back from the saved file take effect at the same point.
enum class Lane : std::uint8_t { first = 0, normal = 1 };

class EventQueue {
 public:
  // Bits 127..64: time + 2^63 (so that unsigned order is time order); 63: the lane; 62..32:
  // scheduling sequence; 31..0: slot index.
  using Key = KeyHeap::Key;
  static constexpr std::uint32_t kSequenceEnd = 1u << 31;
  struct Slot {
    EventCallback callback;    // empty once cancelled or run
    std::uint32_t generation;  // bumped each time the slot is reused; part of EventId
    std::uint32_t next_free;
  };
  static constexpr std::size_t kBytesPerPendingEvent = sizeof(Key) + sizeof(Slot);
  // Ten seconds: past TCP's first retransmission timeout (1 s) and the network's delays, short
  // of the protocols' timeouts. Events of the kernel's hold model (mean 1 s) stay near.
  static constexpr SimTime kFarHorizon = SimTime(10'000'000);

  template <class F>
  EventId push(SimTime t, F&& f, Lane lane = Lane::normal) {
    const std::uint32_t slot = allocate_slot();
    Slot& s = slots_[slot];
    s.callback.emplace(std::forward<F>(f));
    if (++seq_ == kSequenceEnd) renumber();
    (is_far(t) ? far_ : near_).push(make_key(t, lane, seq_, slot));
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
    return (near_.capacity() + far_.capacity()) * sizeof(Key) + slots_.capacity() * sizeof(Slot);
  }
  // For tests: the keys, cancelled ones included, in the heap of the far future.
  std::size_t far_keys() const { return far_.size(); }

  // For tests: continue numbering from `seq` to exercise the wrap-around renumbering.
  void set_sequence_for_test(std::uint32_t seq) { seq_ = seq; }

 private:
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

  // Whether `t` is more than kFarHorizon after the last event popped (unsigned, so that
  // extreme times cannot overflow).
  bool is_far(SimTime t) const {
    return t > now_ &&
           static_cast<std::uint64_t>(t.count()) - static_cast<std::uint64_t>(now_.count()) >
               static_cast<std::uint64_t>(kFarHorizon.count());
  }

  std::uint32_t allocate_slot();
  void free_slot(std::uint32_t slot) {
    slots_[slot].next_free = free_head_;
    free_head_ = slot;
  }
  // The heap whose top is the earliest live event, after dropping the cancelled keys on both
  // tops that come before it; nullptr when no event is left.
  KeyHeap* earliest_live();
  std::optional<Key> earliest_live_key(const KeyHeap& heap) const;
  void compact();
  void renumber();

  KeyHeap near_;
  KeyHeap far_;
  SimTime now_{0};  // time of the last event popped
  std::vector<Slot> slots_;
  std::uint32_t free_head_ = kNoSlot;
  std::uint32_t seq_ = 0;
  std::size_t live_ = 0;
  std::size_t dead_ = 0;  // cancelled keys still in a heap
  // next_time()'s search past cancelled keys (kept to reuse its storage) and its count over
  // both heaps.
  mutable std::vector<std::size_t> next_time_open_;
  mutable std::size_t next_time_examined_ = 0;
};

static_assert(sizeof(EventQueue::Key) == 16);
static_assert(sizeof(EventQueue::Slot) == 32);

}  // namespace mailsim::sim

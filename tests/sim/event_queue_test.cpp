#include "sim/event_queue.hpp"

#include <gtest/gtest.h>

#include <map>
#include <memory>
#include <string>
#include <tuple>
#include <vector>

#include "sim/random.hpp"

using namespace mailsim::sim;

namespace {
// Runs every pending event in order; returns their times.
std::vector<SimTime> drain(EventQueue& q) {
  std::vector<SimTime> times;
  SimTime t;
  while (EventCallback* cb = q.pop(t)) {
    times.push_back(t);
    cb->run_once();
  }
  return times;
}
}  // namespace

TEST(EventQueue, FootprintIs48BytesPerPendingEvent) {
  EXPECT_EQ(EventQueue::kBytesPerPendingEvent, 48u);
}

TEST(EventQueue, PopsInTimeThenSchedulingOrder) {
  EventQueue q;
  std::vector<int> order;
  q.push(SimTime(5), [&] { order.push_back(3); });
  q.push(SimTime(1), [&] { order.push_back(1); });
  q.push(SimTime(5), [&] { order.push_back(4); });
  q.push(SimTime(1), [&] { order.push_back(2); });
  std::vector<SimTime> times = drain(q);
  EXPECT_EQ(order, (std::vector<int>{1, 2, 3, 4}));
  EXPECT_EQ(times, (std::vector<SimTime>{SimTime(1), SimTime(1), SimTime(5), SimTime(5)}));
}

TEST(EventQueue, MatchesAStableSortOnRandomInput) {
  EventQueue q;
  RandomStream rng(7);
  struct Item {
    std::int64_t t;
    int id;
  };
  std::vector<Item> items;
  std::vector<int> popped;
  for (int i = 0; i < 20000; ++i) {
    std::int64_t t = static_cast<std::int64_t>(rng.below(500));  // many ties
    items.push_back({t, i});
    q.push(SimTime(t), [&popped, i] { popped.push_back(i); });
  }
  std::stable_sort(items.begin(), items.end(), [](auto& a, auto& b) { return a.t < b.t; });
  drain(q);
  ASSERT_EQ(popped.size(), items.size());
  for (std::size_t i = 0; i < items.size(); ++i)
    ASSERT_EQ(popped[i], items[i].id) << i;
}

TEST(EventQueue, CancelAndStaleIds) {
  EventQueue q;
  int ran = 0;
  EventId a = q.push(SimTime(1), [&] { ++ran; });
  EventId b = q.push(SimTime(2), [&] { ran += 10; });
  EXPECT_EQ(q.size(), 2u);
  EXPECT_TRUE(q.cancel(a));
  EXPECT_FALSE(q.cancel(a));
  EXPECT_FALSE(q.cancel(EventId{}));
  EXPECT_EQ(q.size(), 1u);
  EXPECT_EQ(q.next_time(), SimTime(2));
  SimTime t;
  EventCallback* cb = q.pop(t);
  ASSERT_NE(cb, nullptr);
  cb->run_once();
  EXPECT_EQ(ran, 10);
  EXPECT_FALSE(q.cancel(b));  // already ran
  // The freed slot is reused; the old id must not cancel the new event.
  EventId c = q.push(SimTime(3), [&] { ran += 100; });
  EXPECT_FALSE(q.cancel(b));
  EXPECT_FALSE(q.cancel(a));
  EXPECT_TRUE(q.cancel(c));
  EXPECT_TRUE(q.empty());
  EXPECT_EQ(q.pop(t), nullptr);
}

// A limit leaves a later event where it is, past any cancelled ones before it.
TEST(EventQueue, PopWithALimitTakesOnlyWhatIsDue) {
  EventQueue q;
  std::vector<int> ran;
  const EventId dead = q.push(SimTime(1), [&] { ran.push_back(1); });
  q.push(SimTime(5), [&] { ran.push_back(5); });
  q.push(SimTime(9), [&] { ran.push_back(9); });
  q.cancel(dead);
  SimTime t;
  EXPECT_EQ(q.pop(t, SimTime(4)), nullptr);
  EXPECT_EQ(q.size(), 2u);
  EventCallback* cb = q.pop(t, SimTime(5));  // due exactly at the limit
  ASSERT_NE(cb, nullptr);
  EXPECT_EQ(t, SimTime(5));
  cb->run_once();
  EXPECT_EQ(q.pop(t, SimTime(8)), nullptr);
  EXPECT_EQ(q.next_time(), SimTime(9));
  q.pop(t)->run_once();
  EXPECT_EQ(ran, (std::vector<int>{5, 9}));
  EXPECT_TRUE(q.empty());
}

TEST(EventQueue, CompactionKeepsOrderAndLiveEvents) {
  EventQueue q;
  std::vector<EventId> ids;
  std::vector<int> popped;
  for (int i = 0; i < 5000; ++i)
    ids.push_back(q.push(SimTime(5000 - i), [&popped, i] { popped.push_back(i); }));
  for (int i = 0; i < 5000; ++i)
    if (i % 5 != 0) {
      EXPECT_TRUE(q.cancel(ids[i]));
    }
  EXPECT_EQ(q.size(), 1000u);
  drain(q);
  ASSERT_EQ(popped.size(), 1000u);
  for (std::size_t k = 0; k < popped.size(); ++k)
    EXPECT_EQ(popped[k], 4995 - 5 * static_cast<int>(k));
}

TEST(EventCallback, LargeAndMoveOnlyCallablesAndDestruction) {
  auto counter = std::make_shared<int>(0);
  {
    EventQueue q;
    std::string big(100, 'x');
    q.push(SimTime(1), [counter, big] { *counter += static_cast<int>(big.size()); });
    auto owned = std::make_unique<int>(7);
    q.push(SimTime(2), [counter, p = std::move(owned)] { *counter += *p; });
    q.push(SimTime(3), [counter] { *counter += 1000; });  // never run: destroyed with the queue
    SimTime t;
    q.pop(t)->run_once();
    q.pop(t)->run_once();
    EXPECT_EQ(*counter, 107);
    EXPECT_EQ(counter.use_count(), 2);  // only the unrun callback still holds a copy
  }
  EXPECT_EQ(counter.use_count(), 1);  // every copy held by a callback was destroyed
}

TEST(EventQueue, SequenceWrapKeepsSchedulingOrderAndIds) {
  EventQueue q;
  std::vector<int> order;
  q.set_sequence_for_test(EventQueue::kSequenceEnd - 3);
  q.push(SimTime(10), [&] { order.push_back(1); });
  EventId second = q.push(SimTime(10), [&] { order.push_back(2); });
  q.push(SimTime(10), [&] { order.push_back(3); });  // wraps: renumbered here
  q.push(SimTime(10), [&] { order.push_back(4); });
  q.push(SimTime(5), [&] { order.push_back(0); });
  EXPECT_TRUE(q.cancel(second));  // ids survive the renumbering
  drain(q);
  EXPECT_EQ(order, (std::vector<int>{0, 1, 3, 4}));
}

TEST(EventQueue, NegativeAndExtremeTimesOrderCorrectly) {
  EventQueue q;
  std::vector<SimTime> in{SimTime::max(), SimTime(-5), SimTime(0), SimTime::min(), SimTime(7)};
  for (SimTime t : in)
    q.push(t, [] {});
  std::vector<SimTime> out = drain(q);
  std::sort(in.begin(), in.end());
  EXPECT_EQ(out, in);
}

TEST(EventQueue, CallbackMayScheduleWhileItRunsFromItsOwnSlot) {
  EventQueue q;
  int runs = 0;
  struct Again {
    EventQueue* q;
    int* runs;
    void operator()() const {
      if (++*runs < 100) q->push(SimTime(*runs), *this);  // reuses the slot being run
    }
  };
  q.push(SimTime(0), Again{&q, &runs});
  drain(q);
  EXPECT_EQ(runs, 100);
}

// The window reads the next event's time through a const queue: looking past cancelled events
// must not change the queue, and must find the earliest live one wherever it is in the heap.
TEST(EventQueue, NextTimeIsConstAndSkipsCancelledEvents) {
  EventQueue q;
  std::vector<EventId> ids;
  for (int i = 1; i <= 50; ++i)
    ids.push_back(q.push(SimTime(i), [] {}));
  // Fewer dead than live: no compaction, the cancelled keys stay at the top of the heap.
  for (int i = 0; i < 5; ++i)
    q.cancel(ids[i]);
  const EventQueue& reader = q;
  EXPECT_EQ(reader.next_time(), SimTime(6));
  EXPECT_EQ(reader.size(), 45u);
  SimTime t;
  ASSERT_NE(q.pop(t), nullptr);
  EXPECT_EQ(t, SimTime(6));
  for (int i = 5; i < 50; ++i)
    q.cancel(ids[i]);
  EXPECT_EQ(reader.next_time(), std::nullopt);
}

// Looking past cancelled keys costs what is cancelled at the top, not the whole heap: a run with
// 100,000 sends waiting in its timeline asks next_time() after every event, often with a
// cancelled timer on top, and a scan of every pending key made it quadratic.
TEST(EventQueue, NextTimePastCancelledKeysLooksOnlyBelowThem) {
  EventQueue q;
  std::vector<EventId> ids;
  for (int i = 1; i <= 100000; ++i)
    ids.push_back(q.push(SimTime(i), [] {}));
  for (int i = 0; i < 3; ++i)
    q.cancel(ids[i]);
  const EventQueue& reader = q;
  EXPECT_EQ(reader.next_time(), SimTime(4));
  EXPECT_LE(reader.next_time_keys_examined(), 64u);
  SimTime t;
  ASSERT_NE(q.pop(t), nullptr);
  EXPECT_EQ(t, SimTime(4));
}

// What a scenario's timeline does runs before what the run scheduled for the same microsecond,
// whatever the order they were scheduled in; within a lane, scheduling order.
TEST(EventQueue, TheFirstLaneRunsFirstWithinAMicrosecond) {
  EventQueue q;
  std::vector<int> order;
  q.push(SimTime(10), [&] { order.push_back(3); });
  q.push(
      SimTime(10), [&] { order.push_back(1); }, Lane::first);
  q.push(SimTime(9), [&] { order.push_back(0); });
  q.push(SimTime(10), [&] { order.push_back(4); });
  q.push(
      SimTime(10), [&] { order.push_back(2); }, Lane::first);
  q.push(
      SimTime(11), [&] { order.push_back(5); }, Lane::first);
  drain(q);
  EXPECT_EQ(order, (std::vector<int>{0, 1, 2, 3, 4, 5}));
}

TEST(EventQueue, RenumberingKeepsTheLanes) {
  EventQueue q;
  std::vector<int> order;
  q.set_sequence_for_test(EventQueue::kSequenceEnd - 2);
  q.push(SimTime(10), [&] { order.push_back(2); });
  q.push(SimTime(10), [&] { order.push_back(3); });  // renumbered here
  q.push(
      SimTime(10), [&] { order.push_back(1); }, Lane::first);  // still first
  drain(q);
  EXPECT_EQ(order, (std::vector<int>{1, 2, 3}));
}

// Timers far ahead wait in a heap of their own, so that they do not deepen the one the traffic
// goes through; a pop takes the lesser of the two tops, so the order is still that of one
// queue. A hold model whose delays cross the horizon both ways, with cancellations, runs in
// exactly the order of a sorted reference.
TEST(EventQueue, EventsOnBothSidesOfTheHorizonRunInOneOrder) {
  EventQueue q;
  RandomStream rng(11);
  // What is pending in the reference: (time, lane, scheduling number) -> id of the event.
  std::map<std::tuple<std::int64_t, int, int>, int> pending;
  std::vector<EventId> ids;
  std::vector<std::tuple<std::int64_t, int, int>> where;
  std::vector<int> ran;
  SimTime now(0);
  int scheduled = 0;
  const std::int64_t horizon = EventQueue::kFarHorizon.count();
  auto schedule = [&] {
    // Half within a millisecond, a quarter up to the horizon, a quarter up to 100 horizons
    // ahead, and exactly at the horizon and one past it now and then.
    const std::uint64_t pick = rng.below(16);
    std::int64_t delay = pick < 8    ? static_cast<std::int64_t>(rng.below(1000))
                         : pick < 12 ? static_cast<std::int64_t>(rng.below(horizon))
                         : pick < 15 ? static_cast<std::int64_t>(rng.below(100 * horizon))
                                     : horizon + static_cast<std::int64_t>(rng.below(2));
    const Lane lane = rng.below(8) == 0 ? Lane::first : Lane::normal;
    const int id = scheduled++;
    ids.push_back(q.push(
        now + SimTime(delay), [&ran, id] { ran.push_back(id); }, lane));
    where.emplace_back(now.count() + delay, static_cast<int>(lane), id);
    pending.emplace(where.back(), id);
  };
  for (int i = 0; i < 2000; ++i)
    schedule();
  std::vector<int> expected;
  std::size_t far_seen = 0;
  while (!pending.empty()) {
    far_seen = std::max(far_seen, q.far_keys());
    // Now and then cancel a pending event, or try a stale id.
    if (rng.below(4) == 0) {
      const int victim = static_cast<int>(rng.below(static_cast<std::uint64_t>(scheduled)));
      const bool was_pending = pending.erase(where[static_cast<std::size_t>(victim)]) == 1;
      EXPECT_EQ(q.cancel(ids[static_cast<std::size_t>(victim)]), was_pending) << victim;
      if (pending.empty()) break;
    }
    ASSERT_EQ(q.size(), pending.size());
    ASSERT_EQ(q.next_time(), SimTime(std::get<0>(pending.begin()->first)));
    SimTime t;
    EventCallback* cb = q.pop(t);
    ASSERT_NE(cb, nullptr);
    expected.push_back(pending.begin()->second);
    ASSERT_EQ(t, SimTime(std::get<0>(pending.begin()->first)));
    pending.erase(pending.begin());
    now = t;
    cb->run_once();
    if (scheduled < 20000) schedule();
  }
  EXPECT_EQ(ran, expected);
  EXPECT_TRUE(q.empty());
  EXPECT_GT(far_seen, 100u);  // the far heap was used
  EXPECT_GT(ran.size(), 10000u);
}

// A renumbering orders the keys of both heaps together: an event far ahead scheduled before
// the wrap still runs before one scheduled after it for the same microsecond.
TEST(EventQueue, RenumberingSpansBothHeaps) {
  EventQueue q;
  std::vector<int> order;
  const SimTime far = EventQueue::kFarHorizon * 3;
  q.set_sequence_for_test(EventQueue::kSequenceEnd - 4);
  q.push(far, [&] { order.push_back(1); });
  q.push(SimTime(5), [&] { order.push_back(0); });
  q.push(far, [&] { order.push_back(2); });
  EXPECT_EQ(q.far_keys(), 2u);
  q.push(far, [&] { order.push_back(3); });  // wraps: renumbered here
  q.push(
      SimTime(5), [&] { order.push_back(-1); }, Lane::first);
  EXPECT_EQ(q.far_keys(), 3u);
  drain(q);
  EXPECT_EQ(order, (std::vector<int>{-1, 0, 1, 2, 3}));
}

#include "sim/event_queue.hpp"

#include <gtest/gtest.h>

#include <memory>
#include <string>
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

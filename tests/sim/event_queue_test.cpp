#include "sim/event_queue.hpp"

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "sim/random.hpp"

using namespace mailsim::sim;

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
  SimTime t;
  EventCallback cb;
  std::vector<SimTime> times;
  while (q.pop(t, cb)) {
    times.push_back(t);
    cb();
  }
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
  SimTime t;
  EventCallback cb;
  while (q.pop(t, cb)) cb();
  ASSERT_EQ(popped.size(), items.size());
  for (std::size_t i = 0; i < items.size(); ++i) ASSERT_EQ(popped[i], items[i].id) << i;
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
  EventCallback cb;
  ASSERT_TRUE(q.pop(t, cb));
  cb();
  EXPECT_EQ(ran, 10);
  EXPECT_FALSE(q.cancel(b));  // already ran
  // The freed slot is reused; the old id must not cancel the new event.
  EventId c = q.push(SimTime(3), [&] { ran += 100; });
  EXPECT_FALSE(q.cancel(b));
  EXPECT_FALSE(q.cancel(a));
  EXPECT_TRUE(q.cancel(c));
  EXPECT_TRUE(q.empty());
  EXPECT_FALSE(q.pop(t, cb));
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
  SimTime t;
  EventCallback cb;
  while (q.pop(t, cb)) cb();
  ASSERT_EQ(popped.size(), 1000u);
  for (std::size_t k = 0; k < popped.size(); ++k) EXPECT_EQ(popped[k], 4995 - 5 * static_cast<int>(k));
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
    EventCallback cb;
    ASSERT_TRUE(q.pop(t, cb));
    cb();
    ASSERT_TRUE(q.pop(t, cb));
    cb();
    EXPECT_EQ(*counter, 107);
    EXPECT_GE(counter.use_count(), 2);
  }
  EXPECT_EQ(counter.use_count(), 1);  // every copy held by a callback was destroyed
}

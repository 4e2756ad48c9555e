#include "sim/subscription.hpp"

#include <gtest/gtest.h>

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "sim/watchers.hpp"

using namespace mailsim::sim;

TEST(Subscription, DestroyingTheHandleRemovesTheWatcher) {
  Watchers<> watchers;
  int calls = 0;
  {
    Subscription s = watchers.add([&] { ++calls; });
    watchers.notify();
    EXPECT_EQ(calls, 1);
  }
  watchers.notify();
  EXPECT_EQ(calls, 1);
  EXPECT_EQ(watchers.size(), 0u);
}

TEST(Subscription, MovingKeepsOneLiveHandleAndAssigningOverRemovesTheOldWatcher) {
  Watchers<int> watchers;
  std::vector<std::string> log;
  Subscription a = watchers.add([&](int n) { log.push_back("a" + std::to_string(n)); });
  Subscription moved = std::move(a);
  EXPECT_FALSE(a.active());  // NOLINT: the moved-from handle is empty and removes nothing
  a.reset();
  watchers.notify(1);
  EXPECT_EQ(log, (std::vector<std::string>{"a1"}));
  // Assigning another subscription over it removes the first watcher.
  moved = watchers.add([&](int n) { log.push_back("b" + std::to_string(n)); });
  watchers.notify(2);
  EXPECT_EQ(log, (std::vector<std::string>{"a1", "b2"}));
  moved.reset();
  watchers.notify(3);
  EXPECT_EQ(log, (std::vector<std::string>{"a1", "b2"}));
}

TEST(Subscription, AWatcherRemovedByAnEarlierOneWhileWatchersRunIsNotCalled) {
  Watchers<> watchers;
  std::vector<std::string> log;
  std::optional<Subscription> second;
  Subscription first = watchers.add([&] {
    log.push_back("first");
    second.reset();  // its owner goes: it must not be called in this round
  });
  second = watchers.add([&] { log.push_back("second"); });
  Subscription third = watchers.add([&] { log.push_back("third"); });
  watchers.notify();
  EXPECT_EQ(log, (std::vector<std::string>{"first", "third"}));
}

TEST(Subscription, AWatcherMayRemoveItselfAndAddOthersToldFromTheNextRound) {
  Watchers<> watchers;
  int self_calls = 0, added_calls = 0;
  auto self = std::make_unique<Subscription>();
  Subscription added;
  *self = watchers.add([&] {
    ++self_calls;
    self.reset();  // destroys the handle, and with it this very callback's registration
    added = watchers.add([&] { ++added_calls; });
  });
  watchers.notify();
  EXPECT_EQ(self_calls, 1);
  EXPECT_EQ(added_calls, 0);
  watchers.notify();
  EXPECT_EQ(self_calls, 1);
  EXPECT_EQ(added_calls, 1);
}

TEST(Subscription, AHandleOutlivingItsWatchersDoesNothing) {
  Subscription s;
  {
    Watchers<> watchers;
    s = watchers.add([] {});
  }
  EXPECT_TRUE(s.active());
  s.reset();  // the list is gone: nothing to remove, no crash (ASan build)
  EXPECT_FALSE(s.active());
}

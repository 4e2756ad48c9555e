#include "sim/cancellable.hpp"

#include <gtest/gtest.h>

#include <memory>
#include <string>

using namespace mailsim::sim;

TEST(Cancellable, TheCallbackRunsOnceWhileTheHandleIsKept) {
  std::string got;
  const Cancellable<const std::string&> c([&](const std::string& s) { got += s; });
  const Subscription handle = c.handle();
  const auto callback = c.callback();
  EXPECT_TRUE(handle.active());
  callback("a");
  callback("b");  // once only
  EXPECT_EQ(got, "a");
}

TEST(Cancellable, ResettingTheHandleDropsTheCallbackAndWhatItCapturedAtOnce) {
  auto owner = std::make_shared<int>(7);
  std::weak_ptr<int> watch = owner;
  int calls = 0;
  const Cancellable<int> c([owner, &calls](int) { ++calls; });
  owner.reset();
  Subscription handle = c.handle();
  const auto callback = c.callback();  // held by the work, which goes on
  handle.reset();
  EXPECT_TRUE(watch.expired());  // the captures went with the cancellation
  callback(1);
  EXPECT_EQ(calls, 0);
}

TEST(Cancellable, AHandleTakenAfterTheCallbackRanIsInactive) {
  int calls = 0;
  const Cancellable<> c([&] { ++calls; });
  c.callback()();  // the work answered at once, from inside the call
  EXPECT_FALSE(c.handle().active());
  EXPECT_EQ(calls, 1);
}

TEST(Cancellable, TheHandleMayOutliveTheWorkAndTheCallbackMayResetItsOwnHandle) {
  Subscription handle;
  int calls = 0;
  {
    const Cancellable<> c([&] {
      ++calls;
      handle.reset();  // the owner forgets the finished lookup from inside its callback
    });
    handle = c.handle();
    c.callback()();
  }
  EXPECT_EQ(calls, 1);
  {
    const Cancellable<> c([&] { ++calls; });
    handle = c.handle();
  }  // the work (and its callback) gone first
  handle.reset();
  EXPECT_EQ(calls, 1);
}

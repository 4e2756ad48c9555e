#include "sim/timer.hpp"

#include <gtest/gtest.h>

#include <memory>
#include <vector>

using namespace mailsim::sim;
using namespace std::chrono_literals;

TEST(Timer, FiresOnceAtTheTimeItWasArmedFor) {
  Simulator sim;
  std::vector<SimTime> fired;
  Timer t(sim, [&] { fired.push_back(sim.now()); });
  t.arm_at(5s);
  EXPECT_TRUE(t.pending());
  EXPECT_EQ(t.when(), SimTime(5s));
  sim.run();
  EXPECT_EQ(fired, (std::vector<SimTime>{5s}));
  EXPECT_FALSE(t.pending());
}

TEST(Timer, ReArmingReplacesThePendingFiring) {
  Simulator sim;
  std::vector<SimTime> fired;
  Timer t(sim, [&] { fired.push_back(sim.now()); });
  t.arm_at(5s);
  t.arm_at(2s);
  t.arm_after(7s);
  sim.run();
  EXPECT_EQ(fired, (std::vector<SimTime>{7s}));
  EXPECT_EQ(sim.events_executed(), 1u);
}

TEST(Timer, CancelledTimerDoesNotFire) {
  Simulator sim;
  int fired = 0;
  Timer t(sim, [&] { ++fired; });
  t.arm_after(1s);
  t.cancel();
  EXPECT_FALSE(t.pending());
  sim.run();
  EXPECT_EQ(fired, 0);
  EXPECT_EQ(sim.pending(), 0u);
}

TEST(Timer, TheHandlerMayReArmItsOwnTimer) {
  Simulator sim;
  std::vector<SimTime> fired;
  std::unique_ptr<Timer> t;
  t = std::make_unique<Timer>(sim, [&] {
    fired.push_back(sim.now());
    if (fired.size() < 3) t->arm_after(1s);
  });
  t->arm_at(1s);
  sim.run();
  EXPECT_EQ(fired, (std::vector<SimTime>{1s, 2s, 3s}));
}

TEST(Timer, DestroyingTheOwnerCancelsThePendingFiring) {
  Simulator sim;
  int fired = 0;
  struct Owner {
    Owner(Simulator& sim, int& fired) : timer(sim, [&fired] { ++fired; }) { timer.arm_after(1s); }
    Timer timer;
  };
  auto owner = std::make_unique<Owner>(sim, fired);
  EXPECT_EQ(sim.pending(), 1u);
  owner.reset();
  EXPECT_EQ(sim.pending(), 0u);
  sim.run();
  EXPECT_EQ(fired, 0);
}

TEST(Timer, TheHandlerMayDestroyTheTimersOwner) {
  Simulator sim;
  struct Owner {
    explicit Owner(Simulator& sim, std::unique_ptr<Owner>& self)
        : timer(sim, [&self] { self.reset(); }) {}
    Timer timer;
  };
  std::unique_ptr<Owner> owner;
  owner = std::make_unique<Owner>(sim, owner);
  owner->timer.arm_after(1s);
  sim.run();
  EXPECT_EQ(owner, nullptr);
}

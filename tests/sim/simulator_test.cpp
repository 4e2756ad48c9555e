#include "sim/simulator.hpp"

#include <gtest/gtest.h>

#include <stdexcept>
#include <vector>

using namespace mailsim::sim;
using namespace std::chrono_literals;

TEST(Simulator, SameTimeEventsRunInSchedulingOrderEvenWhenScheduledFromEvents) {
  Simulator sim;
  std::vector<std::string> log;
  sim.schedule_at(10s, [&] {
    log.push_back("a");
    sim.schedule_at(10s, [&] { log.push_back("c"); });  // same time, after b
  });
  sim.schedule_at(10s, [&] { log.push_back("b"); });
  sim.schedule_at(5s, [&] { log.push_back("first"); });
  sim.run();
  EXPECT_EQ(log, (std::vector<std::string>{"first", "a", "b", "c"}));
  EXPECT_EQ(sim.now(), 10s);
  EXPECT_EQ(sim.events_executed(), 4u);
}

TEST(Simulator, ScheduleAfterIsRelativeToNow) {
  Simulator sim;
  SimTime seen{-1};
  sim.schedule_at(3s, [&] { sim.schedule_after(250ms, [&] { seen = sim.now(); }); });
  sim.run();
  EXPECT_EQ(seen, 3250ms);
}

TEST(Simulator, CancelFromInsideAnotherEventAtTheSameTime) {
  Simulator sim;
  int ran = 0;
  EventId victim;
  sim.schedule_at(1s, [&] { EXPECT_TRUE(sim.cancel(victim)); });
  victim = sim.schedule_at(1s, [&] { ++ran; });
  sim.schedule_at(1s, [&] { ran += 10; });
  EXPECT_EQ(sim.pending(), 3u);
  sim.run();
  EXPECT_EQ(ran, 10);
  EXPECT_FALSE(sim.cancel(victim));
}

TEST(Simulator, AnEventCanCancelItselfHarmlessly) {
  Simulator sim;
  EventId self;
  bool cancelled = true;
  self = sim.schedule_at(1s, [&] { cancelled = sim.cancel(self); });
  sim.run();
  EXPECT_FALSE(cancelled);  // it is running, no longer pending
}

TEST(Simulator, RunUntilIncludesTheBoundaryAndAdvancesTheClock) {
  Simulator sim;
  std::vector<int> ran;
  sim.schedule_at(5s, [&] { ran.push_back(5); });
  sim.schedule_at(10s, [&] { ran.push_back(10); });
  sim.schedule_at(10s + 1us, [&] { ran.push_back(11); });
  sim.run_until(10s);
  EXPECT_EQ(ran, (std::vector<int>{5, 10}));
  EXPECT_EQ(sim.now(), 10s);
  EXPECT_EQ(sim.next_event_time(), 10s + 1us);
  sim.run_until(1min);
  EXPECT_EQ(ran.size(), 3u);
  EXPECT_EQ(sim.now(), 1min);  // idle time passes too
  EXPECT_FALSE(sim.next_event_time().has_value());
  sim.run_until(30s);  // never backwards
  EXPECT_EQ(sim.now(), 1min);
}

TEST(Simulator, StepRunsOneEvent) {
  Simulator sim;
  int n = 0;
  sim.schedule_at(1s, [&] { ++n; });
  sim.schedule_at(2s, [&] { ++n; });
  EXPECT_TRUE(sim.step());
  EXPECT_EQ(n, 1);
  EXPECT_EQ(sim.now(), 1s);
  EXPECT_EQ(sim.pending(), 1u);
  EXPECT_TRUE(sim.step());
  EXPECT_FALSE(sim.step());
}

TEST(Simulator, StepUntilRunsOnlyAnEventDueByTheLimitAndLeavesTheClock) {
  Simulator sim;
  int n = 0;
  sim.schedule_at(1s, [&] { ++n; });
  sim.schedule_at(3s, [&] { ++n; });
  EXPECT_TRUE(sim.step_until(1s));
  EXPECT_FALSE(sim.step_until(2s));
  EXPECT_EQ(n, 1);
  EXPECT_EQ(sim.now(), 1s);  // unlike run_until, the clock stays at the last event
  EXPECT_EQ(sim.events_executed(), 1u);
  EXPECT_TRUE(sim.step_until(3s));
  EXPECT_FALSE(sim.step_until(10s));
  EXPECT_EQ(n, 2);
}

TEST(Simulator, StopEndsRunAfterTheCurrentEvent) {
  Simulator sim;
  int n = 0;
  for (int i = 1; i <= 5; ++i)
    sim.schedule_at(SimTime(i), [&] {
      if (++n == 2) sim.stop();
    });
  sim.run();
  EXPECT_EQ(n, 2);
  sim.run();
  EXPECT_EQ(n, 5);
}

TEST(Simulator, SchedulingInThePastIsAnError) {
  Simulator sim;
  sim.schedule_at(10s, [] {});
  sim.run();
  try {
    sim.schedule_at(5s, [] {});
    FAIL();
  } catch (const std::logic_error& e) {
    EXPECT_STREQ(e.what(), "an event was scheduled at 00:00:05, before the current time 00:00:10");
  }
}

TEST(Simulator, NamedStreamsComeFromTheSeed) {
  Simulator a(1), b(1), c(2);
  EXPECT_EQ(a.rng("link:r1-r2")(), b.rng("link:r1-r2")());
  EXPECT_NE(Simulator(1).rng("link:r1-r2")(), c.rng("link:r1-r2")());
  EXPECT_EQ(&a.rng("x"), &a.rng("x"));
}

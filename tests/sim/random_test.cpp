#include "sim/random.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <numeric>
#include <vector>

using namespace mailsim::sim;
using namespace std::chrono_literals;

TEST(Random, SplitMix64ReferenceValues) {
  // First outputs of splitmix64 seeded with 0 (Vigna's reference implementation).
  SplitMix64 sm{0};
  EXPECT_EQ(sm.next(), 0xe220a8397b1dcdafULL);
  EXPECT_EQ(sm.next(), 0x6e789e6aa1b965f4ULL);
}

TEST(Random, StreamsAreIndependentOfEachOther) {
  // Drawing from one stream, or creating another, does not change what a stream draws.
  RandomStreams quiet(99), busy(99);
  std::vector<std::uint64_t> expected, got;
  for (int i = 0; i < 5; ++i)
    expected.push_back(quiet.stream("mta:a")());
  for (int i = 0; i < 1000; ++i)
    busy.stream("link:r1-r2")();
  busy.stream("a new agent");
  for (int i = 0; i < 5; ++i)
    got.push_back(busy.stream("mta:a")());
  EXPECT_EQ(expected, got);
}

TEST(Random, DifferentNamesAndSeedsGiveDifferentStreams) {
  RandomStreams s(1);
  EXPECT_NE(s.stream("a")(), s.stream("b")());
  EXPECT_NE(RandomStreams(1).stream("a")(), RandomStreams(2).stream("a")());
}

TEST(Random, SameSeedSameSequence) {
  RandomStream a(5), b(5);
  for (int i = 0; i < 100; ++i)
    ASSERT_EQ(a(), b());
}

TEST(Random, DistributionsStayInRange) {
  RandomStream r(3);
  std::vector<int> counts(6, 0);
  for (int i = 0; i < 60000; ++i) {
    double u = r.uniform01();
    ASSERT_GE(u, 0.0);
    ASSERT_LT(u, 1.0);
    auto v = r.between(-2, 3);
    ASSERT_GE(v, -2);
    ASSERT_LE(v, 3);
    ++counts[static_cast<std::size_t>(v + 2)];
  }
  for (int c : counts)
    EXPECT_NEAR(c, 10000, 600);
  EXPECT_FALSE(r.chance(0.0));
  EXPECT_TRUE(r.chance(1.0));
}

TEST(Random, ExponentialHasTheRightMean) {
  RandomStream r(11);
  double sum = 0;
  const int n = 200000;
  for (int i = 0; i < n; ++i) {
    SimTime d = r.exponential(1s);
    ASSERT_GE(d.count(), 0);
    sum += static_cast<double>(d.count());
  }
  EXPECT_NEAR(sum / n, 1e6, 1e4);
}

TEST(Random, ShuffleIsAPermutationAndDeterministic) {
  std::vector<int> a(50), b;
  std::iota(a.begin(), a.end(), 0);
  b = a;
  RandomStream r1(8), r2(8);
  r1.shuffle(a.begin(), a.end());
  r2.shuffle(b.begin(), b.end());
  EXPECT_EQ(a, b);
  std::vector<int> sorted = a;
  std::sort(sorted.begin(), sorted.end());
  for (int i = 0; i < 50; ++i)
    EXPECT_EQ(sorted[static_cast<std::size_t>(i)], i);
}

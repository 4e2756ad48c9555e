#pragma once
// Seeded randomness. Every consumer draws from its own named stream, derived from the scenario
// seed and the stream's name, so adding an agent never changes what another one draws.
#include <cmath>
#include <cstdint>
#include <limits>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>

#include "sim/time.hpp"

namespace mailsim::sim {

// splitmix64 (Steele, Lea, Flood 2014): a tiny generator, used to seed and by the benchmark.
struct SplitMix64 {
  std::uint64_t state;
  std::uint64_t next() {
    std::uint64_t z = (state += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
  }
};

// 64-bit FNV-1a of a stream name.
std::uint64_t hash_name(std::string_view name);

// xoshiro256** (Blackman, Vigna): the generator behind every stream. Implements
// UniformRandomBitGenerator, but use the member distributions: std's differ across libraries.
class RandomStream {
 public:
  using result_type = std::uint64_t;
  explicit RandomStream(std::uint64_t seed);

  static constexpr result_type min() { return 0; }
  static constexpr result_type max() { return std::numeric_limits<result_type>::max(); }
  result_type operator()();

  double uniform01();                                      // [0, 1)
  std::uint64_t below(std::uint64_t n);                    // [0, n), unbiased; n > 0
  std::int64_t between(std::int64_t lo, std::int64_t hi);  // [lo, hi]
  bool chance(double p);                                   // true with probability p
  SimTime exponential(SimTime mean);                       // rounded to the microsecond

  template <class It>
  void shuffle(It first, It last) {
    auto n = last - first;
    for (decltype(n) i = n - 1; i > 0; --i)
      std::swap(first[i],
                first[static_cast<decltype(n)>(below(static_cast<std::uint64_t>(i) + 1))]);
  }

 private:
  std::uint64_t s_[4];
};

// The named streams of one run.
class RandomStreams {
 public:
  explicit RandomStreams(std::uint64_t seed) : seed_(seed) {}
  std::uint64_t seed() const { return seed_; }
  // The same name always returns the same stream, continuing where it stopped.
  RandomStream& stream(std::string_view name);

 private:
  std::uint64_t seed_;
  std::unordered_map<std::string, RandomStream> streams_;
};

}  // namespace mailsim::sim

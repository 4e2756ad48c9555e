#include "agents/proto/dns/cache.hpp"

#include <gtest/gtest.h>

#include <map>

#include <fmt/format.h>

#include "sim/random.hpp"

using namespace mailsim::proto::dns;
using mailsim::sim::SimTime;
using namespace std::chrono_literals;

namespace {

ResourceRecord a_record(const Name& name, std::uint32_t ttl) {
  return make_record(name, ttl, parse_rdata(RecordType::A, "192.0.2.1"));
}

ResourceRecord soa_record(std::uint32_t ttl, std::uint32_t minimum) {
  return make_record(
      Name::parse("example."), ttl,
      parse_rdata(RecordType::SOA,
                  fmt::format("ns.example. host.example. 1 7200 900 1209600 {}", minimum)));
}

// What the cache said to its observer, one line per event.
struct Heard {
  std::vector<std::string> lines;
  void operator()(const CacheEvent& e) {
    lines.push_back(fmt::format("{} {} {} {}", cache_event_name(e.kind), e.name.to_string(),
                                static_cast<int>(e.type), e.expires_at.count()));
  }
};

}  // namespace

TEST(Cache, ASweepReportsWhatIsDueInKeyOrderAndKeepsTheRest) {
  Cache cache;
  Heard heard;
  cache.set_observer(std::ref(heard));
  cache.store({a_record(Name::parse("c.example."), 5)}, SimTime(0));
  cache.store({a_record(Name::parse("a.example."), 20)}, SimTime(0));
  cache.store({a_record(Name::parse("b.example."), 10)}, SimTime(0));
  EXPECT_EQ(cache.next_expiry(), SimTime(5s));
  heard.lines.clear();
  cache.expire(SimTime(15s));
  // c (due at 5 s) and b (due at 10 s) go in name order, not in the order they fell due.
  EXPECT_EQ(heard.lines, (std::vector<std::string>{"expired b.example. 1 10000000",
                                                   "expired c.example. 1 5000000"}));
  EXPECT_EQ(cache.size(), 1u);
  EXPECT_EQ(cache.next_expiry(), SimTime(20s));
}

TEST(Cache, AStoreThatReplacesAnEntryMovesItsExpiry) {
  Cache cache;
  const Name name = Name::parse("a.example.");
  cache.store({a_record(name, 100)}, SimTime(0));
  cache.store({a_record(name, 10)}, SimTime(0));
  EXPECT_EQ(cache.next_expiry(), SimTime(10s));
  cache.store_negative(name, RecordType::MX, true, soa_record(60, 60), SimTime(0));
  cache.store({a_record(name, 30)}, SimTime(0));  // ends the NXDOMAIN and replaces the A
  EXPECT_EQ(cache.size(), 1u);
  EXPECT_EQ(cache.next_expiry(), SimTime(30s));
  cache.expire(SimTime(30s));
  EXPECT_EQ(cache.size(), 0u);
  EXPECT_EQ(cache.next_expiry(), std::nullopt);
}

// Against a plain model (a map looked at whole, as the cache did before it kept an index by
// expiry): thousands of random stores, lookups and sweeps give the same events, size and next
// expiry.
TEST(Cache, AgreesWithAWholeMapModelOnRandomStoresLookupsAndSweeps) {
  Cache cache;
  Heard heard;
  cache.set_observer(std::ref(heard));
  std::map<std::pair<std::string, int>, SimTime> model;  // (name, type) -> expiry
  mailsim::sim::SplitMix64 rng(7);
  SimTime now(0);
  for (int step = 0; step < 20000; ++step) {
    now += SimTime(static_cast<std::int64_t>(rng.next() % 3'000'000));
    const Name name = Name::parse(fmt::format("h{}.example.", rng.next() % 40));
    const auto ttl = static_cast<std::uint32_t>(rng.next() % 20);
    heard.lines.clear();
    std::vector<std::string> expected;
    auto report_due = [&](auto first, auto last) {
      for (auto it = first; it != last;) {
        if (it->second <= now) {
          expected.push_back(fmt::format("expired {} {} {}", it->first.first, it->first.second,
                                         it->second.count()));
          it = model.erase(it);
        } else {
          ++it;
        }
      }
    };
    switch (rng.next() % 4) {
      case 0: {
        cache.store({a_record(name, ttl)}, now);
        model.erase({name.key(), 0});
        if (ttl > 0) {
          expected.push_back(
              fmt::format("stored {} 1 {}", name.key(), (now + std::chrono::seconds(ttl)).count()));
          model[{name.key(), 1}] = now + std::chrono::seconds(ttl);
        }
        break;
      }
      case 1: {
        cache.store_negative(name, RecordType::MX, true, soa_record(ttl, ttl), now);
        if (ttl > 0) {
          expected.push_back(
              fmt::format("stored {} 0 {}", name.key(), (now + std::chrono::seconds(ttl)).count()));
          model[{name.key(), 0}] = now + std::chrono::seconds(ttl);
        }
        break;
      }
      case 2:
        cache.lookup(name, RecordType::A, now);
        // The lookup drops what it meets expired on its way; its hits are checked elsewhere.
        for (int type : {0, 1, 5}) {
          auto it = model.find({name.key(), type});
          if (it == model.end()) continue;
          if (it->second > now) break;
          report_due(it, std::next(it));
        }
        std::erase_if(heard.lines, [](const std::string& l) { return l.starts_with("hit"); });
        break;
      default:
        cache.expire(now);
        report_due(model.begin(), model.end());
        break;
    }
    ASSERT_EQ(heard.lines, expected) << "step " << step;
    ASSERT_EQ(cache.size(), model.size()) << "step " << step;
    std::optional<SimTime> next;
    for (const auto& [key, at] : model)
      if (!next || at < *next) next = at;
    ASSERT_EQ(cache.next_expiry(), next) << "step " << step;
  }
}

// The resolver engine driven by hand, with no simulator and no network: each input carries
// the time, and the actions it returns say when each query times out, which answer cancels
// which timer, when the cache sweep runs, and which query ids were drawn from the owner's
// random stream.
#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

#include "agents/proto/dns/authoritative.hpp"
#include "agents/proto/dns/resolver.hpp"
#include "sample_zones.hpp"
#include "sim/random.hpp"
#include "tests/proto_common/timer_text.hpp"

using namespace mailsim::proto::dns;
using namespace mailsim::proto::dns::test;
using namespace std::chrono_literals;
using mailsim::sim::RandomStream;
using Texts = std::vector<std::string>;

namespace {

Server S(const char* address) {
  return Server{parse_ip(address), Name()};
}

struct Driven {
  explicit Driven(std::vector<Server> servers, std::uint64_t seed = 7) : rng(seed) {
    ResolverConfig c;
    c.servers = std::move(servers);
    c.timeout = 2s;
    c.rounds = 1;
    resolver.emplace(std::move(c), rng);
  }
  // The actions decided since the last call, as text; the queries kept in `sent`.
  Texts actions() {
    Texts out;
    for (auto& a : resolver->take_actions()) {
      if (auto* q = std::get_if<SendQuery>(&a)) {
        out.push_back("send " + std::to_string(q->exchange) + " to " + to_string(q->server));
        sent.push_back(*q);
      } else if (auto* t = std::get_if<StartTimer>(&a)) {
        out.push_back(mailsim::test::timer_text(*t));
      } else {
        out.push_back(mailsim::test::timer_text(std::get<CancelTimer>(a)));
      }
    }
    return out;
  }

  RandomStream rng;
  std::optional<Resolver> resolver;
  std::vector<SendQuery> sent;
};

}  // namespace

TEST(ResolverTimers, EachQueryTimesOutAtTheTimeOfItsInputPlusTheTimeout) {
  Driven d({S("192.0.2.1"), S("192.0.2.2")});
  std::optional<LookupResult> out;
  d.resolver->resolve(
      {Name::parse("b.example"), RecordType::MX}, [&](const LookupResult& r) { out = r; }, 10s);
  EXPECT_EQ(d.actions(), (Texts{"send 1 to 192.0.2.1", "start 1 at 12s"}));
  d.resolver->on_timer(1, 12s);  // the next server, timed from this input
  EXPECT_EQ(d.actions(), (Texts{"send 2 to 192.0.2.2", "start 2 at 14s"}));
  EXPECT_FALSE(out);
  d.resolver->on_timer(2, 14s);
  ASSERT_TRUE(out);
  EXPECT_EQ(out->status, LookupStatus::timeout);
  EXPECT_EQ(d.actions(), Texts{});
}

TEST(ResolverTimers, AnAnswerCancelsItsTimerAndTheCacheSweepCountsFromItsTime) {
  Driven d({S("192.0.2.1")});
  std::optional<LookupResult> out;
  d.resolver->resolve(
      {Name::parse("b.example"), RecordType::MX}, [&](const LookupResult& r) { out = r; }, 10s);
  d.actions();
  ASSERT_EQ(d.sent.size(), 1u);
  const Message answer = answer_query(all_zones(), d.sent[0].message);
  d.resolver->on_response(parse_ip("192.0.2.1"), Transport::udp, encode(answer), 10500ms);
  ASSERT_TRUE(out);
  EXPECT_EQ(out->status, LookupStatus::ok);
  // The MX RRset's TTL is 3600 s: the sweep is due 3600 s after the answer came.
  EXPECT_EQ(d.actions(), (Texts{"cancel 1", "start 0 at 3610500000us"}));
  // Asked again 1.5 s before that time, the cache answers with the whole seconds that remain.
  std::optional<LookupResult> again;
  d.resolver->resolve(
      {Name::parse("b.example"), RecordType::MX}, [&](const LookupResult& r) { again = r; }, 3609s);
  ASSERT_TRUE(again);
  EXPECT_TRUE(again->from_cache);
  EXPECT_EQ(again->records.front().ttl, 1u);
}

TEST(ResolverTimers, QueryIdsAreDrawnFromTheOwnersStream) {
  Driven d({S("192.0.2.1"), S("192.0.2.2")}, 1234);
  d.resolver->resolve(
      {Name::parse("b.example"), RecordType::MX}, [](const LookupResult&) {}, 0s);
  d.actions();
  d.resolver->on_timer(1, 2s);
  d.actions();
  ASSERT_EQ(d.sent.size(), 2u);
  RandomStream same(1234);
  EXPECT_EQ(d.sent[0].message.header.id, same.below(0x10000));
  EXPECT_EQ(d.sent[1].message.header.id, same.below(0x10000));
}

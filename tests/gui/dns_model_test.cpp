// The DNS panel's model, without a display: the questions each resolver sent and their
// answers, and each cache whose TTLs count down with the simulated clock.
#include <gtest/gtest.h>

#include "tests/gui/gui_model.hpp"
#include "ui/gui/dns_model.hpp"

namespace mailsim::gui {
namespace {

using namespace std::chrono_literals;

const CachedEntry* find(const std::vector<ResolverCache>& caches, const std::string& resolver,
                        const std::string& name, const std::string& type) {
  for (const auto& c : caches)
    if (c.resolver == resolver)
      for (const auto& e : c.entries)
        if (e.name == name && e.type == type) return &e;
  return nullptr;
}

TEST(DnsModel, TheRelayAsksTheNameServerForTheMxAndGetsItsAnswer) {
  auto p = test::player_of("first-mail");
  p->seek(2s);
  const auto exchanges = dns_exchanges(p->journey_log());
  ASSERT_GE(exchanges.size(), 2u);
  const DnsExchange& mx = exchanges[0];
  EXPECT_EQ(mx.resolver, "smtp.a.example");
  EXPECT_EQ(mx.server, "ns.example");
  EXPECT_EQ(mx.name, "b.example.");
  EXPECT_EQ(mx.type, "MX");
  ASSERT_TRUE(mx.answered.has_value());
  EXPECT_GT(*mx.answered, mx.asked);
  EXPECT_EQ(mx.answer, "MX 10 mx.b.example.");
  EXPECT_EQ(exchanges[1].type, "A");
}

TEST(DnsModel, ACachedAnswerCountsDownAndLeavesWhenItsTtlIsUp) {
  auto p = test::player_of("first-mail");
  // The MX record has a TTL of 300 s, stored at about 1.13 s.
  p->seek(60s);
  const auto at_60 = p->dns_caches().at(p->now());
  const CachedEntry* e = find(at_60, "smtp.a.example", "b.example.", "MX");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->data, "10 mx.b.example.");
  EXPECT_EQ(e->entry, "records");
  EXPECT_EQ(e->left, e->expires - 60s);
  EXPECT_GT(e->left, 240s);
  EXPECT_LT(e->left, 242s);
  p->seek(200s);
  const auto at_200 = p->dns_caches().at(p->now());
  const CachedEntry* later = find(at_200, "smtp.a.example", "b.example.", "MX");
  ASSERT_NE(later, nullptr);
  EXPECT_EQ(e->left - later->left, 140s);  // the clock moved 140 s, the TTL as much
  p->seek(302s);
  EXPECT_EQ(find(p->dns_caches().at(p->now()), "smtp.a.example", "b.example.", "MX"), nullptr);
}

}  // namespace
}  // namespace mailsim::gui

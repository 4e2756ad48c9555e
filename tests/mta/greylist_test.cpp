#include "agents/mta/greylist.hpp"

#include <gtest/gtest.h>

using namespace mailsim::agents;
using namespace std::chrono_literals;

namespace {
GreylistRequest request(std::string ip = "198.51.100.25", std::string name = "mx.a.example") {
  return GreylistRequest{std::move(ip), std::move(name), "alice@a.example", "bob@b.example"};
}
}  // namespace

TEST(Greylist, FirstDeferThenPassAfterTheDelay) {
  Greylist g;
  auto v = g.check(request(), 0s);
  EXPECT_TRUE(v.defer);
  EXPECT_EQ(v.reason, "new triplet");
  EXPECT_EQ(v.remaining, 300s);
  EXPECT_EQ(v.reply_text, "Greylisted, see http://postgrey.schweikert.ch/help/b.example.html");
  EXPECT_EQ(v.key, "198.51.100.0/alice@a.example/bob@b.example");

  v = g.check(request(), 299s);
  EXPECT_TRUE(v.defer);
  EXPECT_EQ(v.reason, "retried too early");
  EXPECT_EQ(v.remaining, 1s);

  v = g.check(request(), 300s);  // Postfix's first retry with default backoff: exactly 300 s
  EXPECT_FALSE(v.defer);
  EXPECT_EQ(v.prepend_header, "X-Greylist: delayed 300 seconds by postgrey-compatible policy");

  v = g.check(request(), 2h);  // later mails of the same triplet pass without a header
  EXPECT_FALSE(v.defer);
  EXPECT_EQ(v.reason, "triplet already passed");
  EXPECT_TRUE(v.prepend_header.empty());
}

TEST(Greylist, KeysUseTheSubnetAndNormaliseTheSender) {
  Greylist g;
  EXPECT_EQ(g.client_key(request("198.51.100.25", "mx.a.example")), "198.51.100.0");
  EXPECT_EQ(g.client_key(request("198.51.100.25", "unknown")), "198.51.100.25");
  EXPECT_EQ(g.client_key(request("198.51.100.25", "dsl-100-25.isp.example")), "198.51.100.25");
  EXPECT_EQ(Greylist::sender_key("list+bounces-42@lists.example"), "list@lists.example");
  EXPECT_EQ(Greylist::sender_key("bounce-12345-678@lists.example"), "bounce-#-#@lists.example");
  EXPECT_EQ(Greylist::sender_key("user2000@a.example"), "user2000@a.example");
  EXPECT_EQ(Greylist::sender_key(""), "");
  // A retry from another host of the same /24 counts as the same client (server farms).
  g.check(request("198.51.100.25"), 0s);
  EXPECT_FALSE(g.check(request("198.51.100.26"), 400s).defer);
}

TEST(Greylist, ARetryAfterTheWindowStartsAgain) {
  Greylist g;
  g.check(request(), 0s);
  auto v = g.check(request(), 49h);  // only one sighting, older than the 2-day window
  EXPECT_TRUE(v.defer);
  EXPECT_EQ(v.remaining, 300s);
  EXPECT_FALSE(g.check(request(), 49h + 300s).defer);
}

TEST(Greylist, ForgetsTripletsAfterMaxAge) {
  Greylist g;
  g.check(request(), 0s);
  g.check(request(), 300s);
  EXPECT_FALSE(g.check(request(), 10 * 24h).defer);
  EXPECT_TRUE(g.check(request(), 10 * 24h + 36 * 24h).defer);
}

TEST(Greylist, AutoWhitelistsAClientAfterFivePassesAnHourApart) {
  Greylist g;
  auto pass_for = [&](const std::string& rcpt, SimTime t) {
    GreylistRequest r = request();
    r.recipient = rcpt;
    g.check(r, t);
    return g.check(r, t + 300s);
  };
  for (int i = 0; i < 5; ++i)
    EXPECT_FALSE(pass_for("u" + std::to_string(i) + "@b.example", i * 2h).defer);
  EXPECT_TRUE(g.client_whitelisted("198.51.100.0"));
  GreylistRequest fresh = request();
  fresh.recipient = "new@b.example";
  auto v = g.check(fresh, 20h);
  EXPECT_FALSE(v.defer);
  EXPECT_EQ(v.reason, "client whitelisted (auto)");
}

TEST(Greylist, PassesWithinTheSameHourCountOnce) {
  GreylistSettings s;
  s.auto_whitelist_clients = 2;
  Greylist g(s);
  for (int i = 0; i < 4; ++i) {
    GreylistRequest r = request();
    r.recipient = "u" + std::to_string(i) + "@b.example";
    g.check(r, 0s);
    g.check(r, 300s + SimTime(i));
  }
  EXPECT_FALSE(g.client_whitelisted("198.51.100.0"));
}

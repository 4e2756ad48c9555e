#include "agents/mta/inbound_policy.hpp"

#include <gtest/gtest.h>

using namespace mailsim::agents;
using mailsim::sim::net::Ipv4Address;

namespace {
InboundSettings mx_b() {
  InboundSettings s;
  s.local_domains = {"b.example"};
  s.local_users = {"bob", "carol"};
  s.relay_domains = {"c.example"};
  s.trusted_networks = {*Ipv4Network::parse("198.51.100.0/24")};
  return s;
}
const Ipv4Address kStranger = Ipv4Address::parse("203.0.113.77");
std::string wire(const RecipientDecision& d) {
  return std::to_string(d.reply.code) + " " + d.reply.enhanced + " " + d.reply.text();
}
}  // namespace

TEST(InboundPolicy, LocalUsersUnknownUsersAndPostmaster) {
  EXPECT_EQ(decide_recipient(mx_b(), kStranger, false, "bob@b.example").route,
            RecipientRoute::local);
  EXPECT_EQ(decide_recipient(mx_b(), kStranger, false, "Bob@B.EXAMPLE").route,
            RecipientRoute::local);
  EXPECT_EQ(decide_recipient(mx_b(), kStranger, false, "PostMaster@b.example").route,
            RecipientRoute::local);
  EXPECT_EQ(decide_recipient(mx_b(), kStranger, false, "Postmaster").route, RecipientRoute::local);
  auto unknown = decide_recipient(mx_b(), kStranger, false, "zed@b.example");
  EXPECT_EQ(wire(unknown),
            "550 5.1.1 <zed@b.example>: Recipient address rejected: User unknown in local "
            "recipient table");
  EXPECT_EQ(unknown.reason, "unknown user");
}

TEST(InboundPolicy, RelayingIsForRelayDomainsTrustedOrAuthenticatedClients) {
  EXPECT_EQ(decide_recipient(mx_b(), kStranger, false, "x@c.example").reason, "relay domain");
  auto denied = decide_recipient(mx_b(), kStranger, false, "victim@d.example");
  EXPECT_EQ(wire(denied), "554 5.7.1 <victim@d.example>: Relay access denied");
  EXPECT_EQ(
      decide_recipient(mx_b(), Ipv4Address::parse("198.51.100.9"), false, "x@d.example").reason,
      "trusted network");
  EXPECT_EQ(decide_recipient(mx_b(), kStranger, true, "x@d.example").reason, "authenticated");
  InboundSettings open = mx_b();
  open.open_relay = true;
  EXPECT_EQ(decide_recipient(open, kStranger, false, "victim@d.example").reason, "open relay");
}

// Postfix's cleanup: ++hop_count >= hopcount_limit (50), counting the Received line smtpd has
// just added; so 48 Received lines pass, 49 (50 with this server's own) are refused.
TEST(InboundPolicy, HopCountCountsItsOwnReceivedLineAsPostfixDoes) {
  EXPECT_FALSE(check_hop_count(mx_b(), 48));
  auto r = check_hop_count(mx_b(), 49);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->summary(), "554 5.4.0 Error: too many hops");
  InboundSettings low = mx_b();
  low.hopcount_limit = 3;
  EXPECT_FALSE(check_hop_count(low, 1));
  EXPECT_TRUE(check_hop_count(low, 2));
}

TEST(Ipv4Network, Parse) {
  auto n = Ipv4Network::parse("192.0.2.0/24");
  ASSERT_TRUE(n);
  EXPECT_TRUE(n->contains(Ipv4Address::parse("192.0.2.200")));
  EXPECT_FALSE(n->contains(Ipv4Address::parse("192.0.3.1")));
  EXPECT_TRUE(Ipv4Network::parse("0.0.0.0/0")->contains(Ipv4Address::parse("8.8.8.8")));
  EXPECT_TRUE(Ipv4Network::parse("192.0.2.7")->contains(Ipv4Address::parse("192.0.2.7")));
  EXPECT_FALSE(Ipv4Network::parse("192.0.2.7")->contains(Ipv4Address::parse("192.0.2.8")));
  for (const char* bad : {"192.0.2.0/33", "192.0.2/24", "x/8", "192.0.2.0/", "192.0.2.0/-1"})
    EXPECT_FALSE(Ipv4Network::parse(bad)) << bad;
}

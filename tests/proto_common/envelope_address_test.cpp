// One split for every envelope address: the last '@' separates the local part from the domain,
// and an address without '@' is a local part with no domain (RFC 5321 4.5.1's <Postmaster>).
#include "agents/proto/envelope_address.hpp"

#include <gtest/gtest.h>

using mailsim::proto::domain_of;
using mailsim::proto::split_address;

TEST(EnvelopeAddress, SplitsAtTheLastAt) {
  const auto p = split_address("\"a@b\"@c.example");
  EXPECT_EQ(p.local, "\"a@b\"");
  EXPECT_EQ(p.domain, "c.example");
  EXPECT_EQ(split_address("bob@B.Example").domain, "B.Example");  // as written
}

TEST(EnvelopeAddress, AnAddressWithoutAtIsAllLocalPartAndHasNoDomain) {
  const auto p = split_address("Postmaster");
  EXPECT_EQ(p.local, "Postmaster");
  EXPECT_EQ(p.domain, "");
  EXPECT_EQ(domain_of("Postmaster"), "");
  EXPECT_EQ(domain_of(""), "");  // the null reverse-path <>
}

TEST(EnvelopeAddress, EmptyPartsStayEmpty) {
  EXPECT_EQ(split_address("@b.example").local, "");
  EXPECT_EQ(split_address("@b.example").domain, "b.example");
  EXPECT_EQ(split_address("bob@").local, "bob");
  EXPECT_EQ(split_address("bob@").domain, "");
}

TEST(EnvelopeAddress, TheDomainToCompareIsInLowerCase) {
  EXPECT_EQ(domain_of("Bob@B.EXAMPLE"), "b.example");
}

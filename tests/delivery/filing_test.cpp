// The filing rules alone: spam tag first, then the rules in order, INBOX otherwise.
#include "agents/delivery/filing.hpp"

#include <gtest/gtest.h>

using namespace mailsim::agents;
namespace imf = mailsim::proto::imf;

namespace {
imf::Header header(std::string_view text) {
  return imf::parse_header(text);
}
}  // namespace

TEST(Filing, TaggedSpamGoesToJunkBeforeAnyRule) {
  FilingConfig c;
  c.rules = {{"Subject", "offer", "Offers"}};
  auto h = header("Subject: Great offer\r\nX-Spam-Flag: yes\r\n");
  auto d = decide_folder(c, &h);
  EXPECT_EQ(d.folder, "Junk");
  EXPECT_EQ(d.reason, "spam_tagged");
}

TEST(Filing, SpamFlagNoIsNotSpam) {
  FilingConfig c;
  auto h = header("Subject: hi\r\nX-Spam-Flag: NO\r\n");
  EXPECT_EQ(decide_folder(c, &h).folder, "INBOX");
}

TEST(Filing, TheFirstMatchingRuleWinsAndCaseIsIgnored) {
  FilingConfig c;
  c.rules = {{"List-Id", "lessons", "Lists"},
             {"subject", "INVOICE", "Bills"},
             {"Subject", "invoice", "Other"}};
  auto h = header("Subject: Your Invoice for March\r\n");
  auto d = decide_folder(c, &h);
  EXPECT_EQ(d.folder, "Bills");
  EXPECT_EQ(d.reason, "rule 2: subject contains 'INVOICE'");
}

TEST(Filing, JunkFilingCanBeTurnedOffAndAnUnreadableHeaderGoesToInbox) {
  FilingConfig c;
  c.junk_tagged_spam = false;
  auto h = header("X-Spam-Flag: YES\r\n");
  EXPECT_EQ(decide_folder(c, &h).folder, "INBOX");
  EXPECT_EQ(decide_folder(c, nullptr).reason, "header_unreadable");
}

// The MDA: Return-Path at final delivery, quotas (temporary and permanent), filing into Junk
// and rule folders, unknown users, the records it emits and the conservation invariant.
#include "agents/delivery/mda.hpp"

#include <gtest/gtest.h>

#include "agents/delivery/delivery_records.hpp"
#include "agents/journey/conservation.hpp"
#include "agents/proto/mailbox/mail_store.hpp"
#include "sim/trace_format.hpp"

using namespace mailsim;
using namespace mailsim::agents;
namespace mailbox = mailsim::proto::mailbox;

namespace {

const std::string kMessage =
    "From: alice@a.example\r\nTo: bob@b.example\r\nSubject: Hello\r\n\r\nHi Bob\r\n";

struct MdaWorld {
  sim::Simulator sim{1};
  mailbox::MailStore store;
  Mda mda;
  std::vector<std::string> records;  // "kind fields" lines

  explicit MdaWorld(MdaConfig config = base_config()) : mda(sim, store, std::move(config)) {
    store.add_account("bob", "secret");
    mda.add_user("bob");
    sim.trace().subscribe(
        [this](const sim::TraceRecord& r) { records.push_back(sim::format_text(r)); });
  }
  static MdaConfig base_config() {
    MdaConfig c;
    c.agent = "mx.b.example";
    c.domains = {"b.example"};
    return c;
  }
  DeliveryReply deliver(std::string sender, std::string content = kMessage,
                        std::string rcpt = "bob@b.example", std::string qid = "4A1") {
    return mda.deliver({qid, std::move(sender), std::move(rcpt), std::move(content)});
  }
  std::span<const mailbox::StoredMessage> folder(std::string_view name) {
    return store.messages("bob", name);
  }
  bool has_record(std::string_view text) const {
    for (const auto& r : records)
      if (r.find(text) != std::string::npos) return true;
    return false;
  }
};

}  // namespace

TEST(Mda, AddsReturnPathOnTopAndKeepsEveryOtherByte) {
  MdaWorld w;
  auto reply = w.deliver("alice@a.example");
  EXPECT_TRUE(reply.delivered());
  EXPECT_EQ(reply.line(), "250 2.0.0 <bob@b.example> Delivered to INBOX");
  EXPECT_EQ(reply.mailbox, "bob@b.example/INBOX");
  ASSERT_EQ(w.folder("INBOX").size(), 1u);
  EXPECT_EQ(w.folder("INBOX")[0].content, "Return-Path: <alice@a.example>\r\n" + kMessage);
  EXPECT_TRUE(w.folder("INBOX")[0].flags.has(mailbox::Flag::recent));
  EXPECT_EQ(w.mda.delivered_count(), 1u);
}

TEST(Mda, ABounceGetsAnEmptyReturnPathAndAnOldOneIsReplaced) {
  MdaWorld w;
  w.deliver("", "Return-Path: <forged@x.example>\r\n" + kMessage);
  ASSERT_EQ(w.folder("INBOX").size(), 1u);
  EXPECT_EQ(w.folder("INBOX")[0].content, "Return-Path: <>\r\n" + kMessage);
}

TEST(Mda, AHeaderThatDoesNotParseIsStillDeliveredWithItsReturnPath) {
  MdaWorld w;
  const std::string broken = "this line has no colon\r\n\r\nbody\r\n";
  EXPECT_TRUE(w.deliver("alice@a.example", broken).delivered());
  EXPECT_EQ(w.folder("INBOX")[0].content, "Return-Path: <alice@a.example>\r\n" + broken);
}

TEST(Mda, OverQuotaIsTemporaryByDefault) {
  auto config = MdaWorld::base_config();
  MdaWorld w(config);
  const std::uint64_t one = ("Return-Path: <alice@a.example>\r\n" + kMessage).size();
  w.mda.set_quota("bob", 2 * one);
  EXPECT_TRUE(w.deliver("alice@a.example").delivered());
  EXPECT_TRUE(w.deliver("alice@a.example").delivered());  // exactly at the limit
  auto reply = w.deliver("alice@a.example", kMessage, "bob@b.example", "4A3");
  EXPECT_TRUE(reply.temporary());
  EXPECT_EQ(reply.line(), "452 4.2.2 <bob@b.example>: Mailbox full");
  EXPECT_EQ(w.folder("INBOX").size(), 2u);
  EXPECT_TRUE(w.has_record("delivery.over_quota"));
  EXPECT_TRUE(w.has_record("queue_id=4A3"));
  EXPECT_TRUE(w.has_record("reason=\"over quota, temporary\""));
}

TEST(Mda, OverQuotaIsPermanentWhenConfigured) {
  auto config = MdaWorld::base_config();
  config.over_quota_permanent = true;
  config.default_quota = 10;
  MdaWorld w(config);  // bob added after: the default quota applies
  auto reply = w.deliver("alice@a.example");
  EXPECT_TRUE(reply.permanent());
  EXPECT_EQ(reply.line(), "552 5.2.2 <bob@b.example>: Mailbox full");
  EXPECT_TRUE(w.folder("INBOX").empty());
}

TEST(Mda, TaggedSpamIsFiledInJunk) {
  MdaWorld w;
  auto reply =
      w.deliver("spammer@x.example", "X-Spam-Flag: YES\r\nX-Spam-Score: 7.1\r\n" + kMessage);
  EXPECT_EQ(reply.mailbox, "bob@b.example/Junk");
  EXPECT_TRUE(w.folder("INBOX").empty());
  ASSERT_EQ(w.folder("Junk").size(), 1u);
  EXPECT_TRUE(w.has_record("delivery.filed"));
  EXPECT_TRUE(w.has_record("reason=spam_tagged"));
}

TEST(Mda, AHeaderRuleFilesIntoAFolderCreatedWhenMissing) {
  auto config = MdaWorld::base_config();
  config.filing.rules = {{"Subject", "hello", "Greetings"}};
  MdaWorld w(config);
  EXPECT_FALSE(w.store.folder_ids("bob", "Greetings"));
  auto reply = w.deliver("alice@a.example");
  EXPECT_EQ(reply.mailbox, "bob@b.example/Greetings");
  ASSERT_EQ(w.folder("Greetings").size(), 1u);
  EXPECT_TRUE(w.has_record("delivery.folder_created"));
  // The second one finds the folder there: no second creation.
  w.records.clear();
  w.deliver("alice@a.example");
  EXPECT_EQ(w.folder("Greetings").size(), 2u);
  EXPECT_FALSE(w.has_record("delivery.folder_created"));
}

TEST(Mda, AnUnknownUserIsRefusedWith550) {
  MdaWorld w;
  EXPECT_FALSE(w.mda.knows("carol@b.example"));
  EXPECT_TRUE(w.mda.knows("Bob@B.Example"));
  auto reply = w.deliver("alice@a.example", kMessage, "carol@b.example");
  EXPECT_TRUE(reply.permanent());
  EXPECT_EQ(reply.line(), "550 5.1.1 <carol@b.example>: Recipient address rejected: User unknown");
  EXPECT_TRUE(w.has_record("delivery.unknown_user"));
  // Case does not matter, and the mailbox keeps one name.
  EXPECT_EQ(w.deliver("alice@a.example", kMessage, "BOB@B.Example").mailbox, "bob@b.example/INBOX");
  // Another domain is not ours.
  EXPECT_EQ(w.deliver("alice@a.example", kMessage, "bob@c.example").code, 550);
}

// RFC 5321 4.5.1: "RCPT TO:<Postmaster>" without a domain means this server's postmaster. The
// MTA accepts it as local (inbound_policy), so the MDA must deliver it, not refuse it as
// unknown; its mailbox is named with the MDA's first domain.
TEST(Mda, AnAddressWithoutDomainIsALocalUser) {
  MdaWorld w;
  EXPECT_TRUE(w.mda.knows("Bob"));
  const auto reply = w.deliver("alice@a.example", kMessage, "bob");
  EXPECT_TRUE(reply.delivered()) << reply.line();
  EXPECT_EQ(reply.mailbox, "bob@b.example/INBOX");
  EXPECT_FALSE(w.mda.knows("carol"));
}

TEST(Mda, RecordsWhereItFiledTheMessageButLeavesTheJourneyToTheQueue) {
  MdaWorld w;
  w.deliver("alice@a.example");
  EXPECT_TRUE(w.has_record("delivery.filed"));
  EXPECT_FALSE(w.has_record("mail.delivered"));  // the queue manager settles and records it
  EXPECT_TRUE(w.has_record("agent=mx.b.example"));
  EXPECT_TRUE(w.has_record("mailbox=bob@b.example/INBOX"));
}

TEST(Mda, ShowsItsMailboxesForTheWindow) {
  auto config = MdaWorld::base_config();
  config.filing.rules = {{"Subject", "hello", "Greetings"}};
  MdaWorld w(config);
  w.mda.set_quota("bob", 100000);
  w.deliver("alice@a.example");
  w.deliver("spam@x.example", "X-Spam-Flag: YES\r\n" + kMessage);
  auto views = w.mda.mailboxes();
  ASSERT_EQ(views.size(), 1u);
  EXPECT_EQ(views[0].address, "bob@b.example");
  EXPECT_EQ(views[0].quota, 100000u);
  ASSERT_EQ(views[0].folders.size(), 3u);  // INBOX, Junk, Greetings
  EXPECT_EQ(views[0].folders[0].name, "INBOX");
  EXPECT_EQ(views[0].folders[0].messages, 0u);
  EXPECT_EQ(views[0].folders[1].messages, 1u);
  EXPECT_EQ(views[0].folders[2].messages, 1u);
  EXPECT_EQ(views[0].folders[2].unseen, 1u);
  EXPECT_EQ(views[0].used, views[0].folders[1].bytes + views[0].folders[2].bytes);
}

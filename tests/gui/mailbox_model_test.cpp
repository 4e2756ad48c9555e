// The Mailboxes panel's model, without a display: each user's folders and messages, and a
// message read whole, header as stored (newest Received line first), then body; a bounce's
// machine-readable fields.
#include <gtest/gtest.h>

#include "tests/gui/gui_model.hpp"
#include "ui/gui/mailbox_model.hpp"

namespace mailsim::gui {
namespace {

const Mailbox* box_of(const std::vector<Mailbox>& boxes, std::string_view user) {
  for (const auto& b : boxes)
    if (b.user == user) return &b;
  return nullptr;
}

TEST(MailboxModel, ListsEachUsersFoldersAndMessages) {
  auto p = test::player_of("first-mail");
  auto boxes = mailboxes(p->view());
  const Mailbox* bob = box_of(boxes, "bob");
  ASSERT_NE(bob, nullptr);
  EXPECT_EQ(bob->server, "mx.b.example");
  ASSERT_FALSE(bob->folders.empty());
  EXPECT_EQ(bob->folders[0].name, "INBOX");
  EXPECT_TRUE(bob->folders[0].messages.empty());  // nothing delivered yet
  p->seek(p->end());
  boxes = mailboxes(p->view());
  bob = box_of(boxes, "bob");
  ASSERT_EQ(bob->folders[0].messages.size(), 1u);
  const auto& m = bob->folders[0].messages[0];
  EXPECT_EQ(m.subject, "Bonjour Bob");
  EXPECT_EQ(m.from, "Alice <alice@a.example>");
  EXPECT_GT(m.delivered, std::chrono::seconds(1));
  EXPECT_TRUE(m.seen);  // Bob's client fetched it by IMAP
}

TEST(MailboxModel, FirstMailsDeliveredCopyShowsItsReceivedLinesNewestFirst) {
  auto p = test::player_of("first-mail");
  p->seek(p->end());
  const auto boxes = mailboxes(p->view());
  const Mailbox* bob = box_of(boxes, "bob");
  ASSERT_NE(bob, nullptr);
  const MessageRef ref{"mx.b.example", "bob", "INBOX", bob->folders[0].messages.at(0).uid};
  const auto* stored = find_message(p->view(), ref);
  ASSERT_NE(stored, nullptr);
  const MessageReading m = read_message(stored->content);
  EXPECT_FALSE(m.error);
  // mx.b.example added its line last, on top; smtp.a.example's, from Alice's submission, below.
  ASSERT_EQ(m.received.size(), 2u);
  EXPECT_NE(m.received[0].find("by mx.b.example"), std::string::npos) << m.received[0];
  EXPECT_NE(m.received[0].find("from smtp.a.example"), std::string::npos) << m.received[0];
  EXPECT_NE(m.received[1].find("by smtp.a.example"), std::string::npos) << m.received[1];
  EXPECT_EQ(m.return_path, "<alice@a.example>");
  // The header as stored: the trace fields on top, then the writer's.
  ASSERT_GE(m.header.size(), 4u);
  EXPECT_TRUE(m.header[0].trace);
  EXPECT_FALSE(m.header.back().trace);
  EXPECT_EQ(m.body, "Comment vas-tu ?\r\n");
  EXPECT_FALSE(m.dsn);
  EXPECT_EQ(find_message(p->view(), {"mx.b.example", "bob", "INBOX", 999}), nullptr);
}

TEST(MailboxModel, ABounceShowsItsMachineReadableFields) {
  auto p = test::player_of("unknown-recipient");
  p->seek(p->end());
  for (const auto& box : mailboxes(p->view()))
    for (const auto& folder : box.folders)
      for (const auto& msg : folder.messages) {
        const auto* stored = find_message(p->view(), {box.server, box.user, folder.name, msg.uid});
        ASSERT_NE(stored, nullptr);
        const MessageReading m = read_message(stored->content);
        if (!m.dsn) continue;
        ASSERT_FALSE(m.dsn->report.recipients.empty());
        EXPECT_EQ(m.dsn->report.recipients[0].status.substr(0, 2), "5.");
        EXPECT_FALSE(m.dsn->human_text.empty());
        return;
      }
  FAIL() << "no delivery status notification in any mailbox";
}

}  // namespace
}  // namespace mailsim::gui

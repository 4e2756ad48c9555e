#include "agents/proto/mailbox/mail_store.hpp"

#include <gtest/gtest.h>

#include "agents/proto/mailbox/line_reader.hpp"
#include "tests/mailbox/sample_store.hpp"

using namespace mailsim::proto::mailbox;
using namespace std::chrono_literals;

TEST(MailStore, AccountsHaveInboxAndJunkWithTheirOwnUidValidity) {
  MailStore store = mailsim::test::make_sample_store();
  EXPECT_EQ(store.folders("alice"), (std::vector<std::string>{"INBOX", "Junk"}));
  EXPECT_TRUE(store.folders("nobody").empty());
  auto inbox = store.folder_ids("alice", "inbox");  // INBOX is case-insensitive
  auto junk = store.folder_ids("alice", "Junk");
  ASSERT_TRUE(inbox && junk);
  EXPECT_NE(inbox->uid_validity, junk->uid_validity);
  EXPECT_EQ(inbox->uid_next, 4u);
  EXPECT_FALSE(store.folder_ids("alice", "junk"));  // other names are case-sensitive
  EXPECT_TRUE(store.check_password("alice", "secret"));
  EXPECT_FALSE(store.check_password("alice", "Secret"));
  EXPECT_FALSE(store.check_password("nobody", ""));
}

TEST(MailStore, CreateFlagExpungeRemoveAppend) {
  MailStore store = mailsim::test::make_sample_store();
  EXPECT_TRUE(store.create_folder("alice", "Archive"));
  EXPECT_FALSE(store.create_folder("alice", "Archive"));
  EXPECT_FALSE(store.create_folder("alice", "INBOX"));
  EXPECT_FALSE(store.create_folder("nobody", "X"));
  EXPECT_TRUE(store.set_flags("alice", "INBOX", 2, Flags(Flag::deleted) | Flag::seen));
  EXPECT_FALSE(store.set_flags("alice", "INBOX", 9, Flag::seen));
  EXPECT_EQ(store.expunge("alice", "INBOX"), std::vector<std::uint32_t>{2});
  ASSERT_EQ(store.messages("alice", "INBOX").size(), 2u);
  std::uint32_t three = 3;
  EXPECT_EQ(store.remove("alice", "INBOX", std::span(&three, 1)), 1u);
  EXPECT_EQ(store.append("alice", "INBOX", "x\r\n", 5s, {}), 4u);  // UIDs are never reused
  EXPECT_EQ(store.append("alice", "Nope", "x\r\n", 5s, {}), std::nullopt);
  EXPECT_EQ(store.messages("alice", "INBOX").back().uid, 4u);
}

TEST(MailStore, SuperiorsAreNoselectAndBecomeFoldersWhenCreated) {
  MailStore store = mailsim::test::make_sample_store();
  EXPECT_TRUE(store.create_folder("alice", "Work/Projects/2026"));
  EXPECT_EQ(store.folders("alice"),
            (std::vector<std::string>{"INBOX", "Junk", "Work/Projects/2026"}));
  EXPECT_EQ(store.noselect_folders("alice"), (std::vector<std::string>{"Work", "Work/Projects"}));
  EXPECT_FALSE(store.folder_ids("alice", "Work"));
  EXPECT_EQ(store.append("alice", "Work", "x\r\n", 5s, {}), std::nullopt);
  EXPECT_TRUE(store.create_folder("alice", "Work"));  // the \Noselect name becomes a folder
  EXPECT_TRUE(store.folder_ids("alice", "Work"));
  EXPECT_EQ(store.noselect_folders("alice"), std::vector<std::string>{"Work/Projects"});
  EXPECT_FALSE(store.create_folder("alice", "Work"));
}

TEST(MailStore, DeleteKeepsTheNameAsNoselectWhenAsked) {
  MailStore store = mailsim::test::make_sample_store();
  store.create_folder("alice", "Work");
  store.append("alice", "Work", "x\r\n", 5s, {});
  EXPECT_TRUE(store.delete_folder("alice", "Work", true));
  EXPECT_EQ(store.noselect_folders("alice"), std::vector<std::string>{"Work"});
  EXPECT_TRUE(store.messages("alice", "Work").empty());
  EXPECT_TRUE(store.delete_folder("alice", "Work", false));
  EXPECT_TRUE(store.noselect_folders("alice").empty());
  EXPECT_FALSE(store.delete_folder("alice", "Work", false));
}

TEST(MailStore, RenameKeepsIdsAndRenamingInboxMovesItsMessages) {
  MailStore store = mailsim::test::make_sample_store();
  const auto junk = store.folder_ids("alice", "Junk");
  EXPECT_TRUE(store.rename_folder("alice", "Junk", "Old/Spam"));
  EXPECT_EQ(store.folder_ids("alice", "Old/Spam")->uid_validity, junk->uid_validity);
  EXPECT_EQ(store.noselect_folders("alice"), std::vector<std::string>{"Old"});
  EXPECT_FALSE(store.rename_folder("alice", "Nothing", "X"));
  EXPECT_FALSE(store.rename_folder("alice", "INBOX", "Old"));  // the new name exists
  const auto inbox = store.folder_ids("alice", "INBOX");
  EXPECT_TRUE(store.rename_folder("alice", "inbox", "Saved"));
  EXPECT_EQ(store.messages("alice", "Saved").size(), 3u);
  EXPECT_EQ(store.messages("alice", "Saved").front().uid, 1u);
  EXPECT_TRUE(store.messages("alice", "INBOX").empty());
  EXPECT_EQ(store.folder_ids("alice", "INBOX")->uid_validity, inbox->uid_validity);
  EXPECT_EQ(store.append("alice", "INBOX", "x\r\n", 5s, {}), 4u);  // no UID given twice
  EXPECT_NE(store.folder_ids("alice", "Saved")->uid_validity, inbox->uid_validity);
}

TEST(MailStore, SubscriptionsAreNamesExistingOrNot) {
  MailStore store = mailsim::test::make_sample_store();
  EXPECT_EQ(store.subscriptions("alice"), (std::vector<std::string>{"INBOX", "Junk"}));
  EXPECT_TRUE(store.subscribe("alice", "Later"));
  EXPECT_TRUE(store.subscribe("alice", "Later"));
  EXPECT_EQ(store.subscriptions("alice"), (std::vector<std::string>{"INBOX", "Junk", "Later"}));
  EXPECT_TRUE(store.unsubscribe("alice", "Junk"));
  EXPECT_FALSE(store.unsubscribe("alice", "Junk"));
  EXPECT_FALSE(store.subscribe("nobody", "INBOX"));
  EXPECT_EQ(store.subscriptions("alice"), (std::vector<std::string>{"INBOX", "Later"}));
}

TEST(Flags, NamesParseAndFormat) {
  EXPECT_EQ(parse_flag("\\SEEN"), Flag::seen);
  EXPECT_EQ(parse_flag("\\Deleted"), Flag::deleted);
  EXPECT_EQ(parse_flag("$Junk"), std::nullopt);
  EXPECT_EQ(format_flags(Flags(Flag::seen) | Flag::answered | Flag::recent),
            "\\Answered \\Seen \\Recent");
  EXPECT_EQ(format_flags({}), "");
}

TEST(LineReader, SplitsAcrossChunksAndBoundsLongLines) {
  LineReader reader(8);
  reader.feed("ab");
  EXPECT_FALSE(reader.next_line());
  reader.feed("c\r\nde\nxxxxxxxxxxxxxxxxxxxxxxxxxxxx");
  EXPECT_EQ(reader.next_line()->text, "abc");
  EXPECT_EQ(reader.next_line()->text, "de");
  EXPECT_FALSE(reader.next_line());
  EXPECT_LT(reader.buffered(), 9u);  // the over-long line is not kept
  reader.feed("yyy\r\nok\r\n{3}");
  auto too_long = reader.next_line();
  ASSERT_TRUE(too_long);
  EXPECT_TRUE(too_long->too_long);
  EXPECT_EQ(reader.next_line()->text, "ok");
  EXPECT_FALSE(reader.next_bytes(4));
  EXPECT_EQ(reader.next_bytes(3), "{3}");
}

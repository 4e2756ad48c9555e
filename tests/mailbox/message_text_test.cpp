// The arena that keeps stored messages' bytes: texts laid one after the other in shared chunks,
// each text alive as long as any copy of it, whatever happens to the others.
#include "agents/proto/mailbox/message_text.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <string>
#include <vector>

#include "agents/proto/mailbox/mail_store.hpp"

namespace mailsim::proto::mailbox {
namespace {

TEST(MessageText, JoinsItsPartsAndComparesAsText) {
  TextArena arena;
  const MessageText t = arena.make({"Return-Path: <a@b>\r\n", "", "Subject: x\r\n\r\nhi\r\n"});
  EXPECT_EQ(t, "Return-Path: <a@b>\r\nSubject: x\r\n\r\nhi\r\n");
  EXPECT_EQ(t.size(), 38u);
  EXPECT_EQ(t.str(), t.view());
  EXPECT_TRUE(arena.make({"", ""}).empty());
  EXPECT_TRUE(MessageText().empty());
  EXPECT_EQ(MessageText(), "");
}

// Small texts share a chunk, one after the other; each stays readable after the arena and every
// other text are gone, since it holds its chunk.
TEST(MessageText, SmallTextsShareAChunkAndOutliveTheArena) {
  std::vector<MessageText> kept;
  {
    TextArena arena;
    for (int i = 0; i < 100; ++i)
      kept.push_back(arena.make({"message ", std::to_string(i)}));
    EXPECT_EQ(kept[1].data(), kept[0].data() + kept[0].size());
  }
  const MessageText last = kept.back();
  kept.clear();
  EXPECT_EQ(last, "message 99");
}

// A text larger than a quarter chunk has a block of its own; the texts around it keep sharing
// their chunk, and a text that no longer fits starts a new chunk without overlapping the last.
TEST(MessageText, ALargeTextIsAloneAndAFullChunkMakesRoomInANewOne) {
  TextArena arena;
  const MessageText a = arena.make({"a"});
  const std::string big(TextArena::kChunk / 4 + 1, 'x');
  const MessageText large = arena.make({big});
  const MessageText b = arena.make({"b"});
  EXPECT_EQ(large, big);
  EXPECT_EQ(b.data(), a.data() + 1);
  const std::string quarter(TextArena::kChunk / 4, 'q');
  std::vector<MessageText> fill;
  for (int i = 0; i < 4; ++i)
    fill.push_back(arena.make({quarter}));  // the fourth no longer fits after "a" and "b"
  EXPECT_EQ(fill[0].data(), b.data() + 1);
  EXPECT_EQ(fill[2].data(), fill[0].data() + 2 * quarter.size());
  const auto first = reinterpret_cast<std::uintptr_t>(a.data());
  const auto fourth = reinterpret_cast<std::uintptr_t>(fill[3].data());
  EXPECT_TRUE(fourth < first || fourth >= first + TextArena::kChunk);
  for (const MessageText& f : fill)
    EXPECT_EQ(f, quarter);
  EXPECT_EQ(a, "a");
  EXPECT_EQ(b, "b");
}

// The store writes a message's parts as one text; a copy of a stored message keeps its bytes
// after the store removed it (POP3's RETR reads its copy while the flags change).
TEST(MessageText, AStoredMessageCopyOutlivesItsRemoval) {
  MailStore store;
  store.add_account("bob", "pw");
  ASSERT_TRUE(store.append_parts("bob", "INBOX", {"Return-Path: <>\r\n", "body\r\n"},
                                 sim::SimTime(5), Flags()));
  ASSERT_TRUE(store.append("bob", "INBOX", std::string("second\r\n"), sim::SimTime(6), Flags()));
  const StoredMessage copy = store.messages("bob", "INBOX")[0];
  EXPECT_EQ(copy.content, "Return-Path: <>\r\nbody\r\n");
  const std::uint32_t uids[] = {1, 2};
  EXPECT_EQ(store.remove("bob", "INBOX", uids), 2u);
  EXPECT_TRUE(store.messages("bob", "INBOX").empty());
  EXPECT_EQ(copy.content, "Return-Path: <>\r\nbody\r\n");
  EXPECT_EQ(copy.size(), 23u);
}

}  // namespace
}  // namespace mailsim::proto::mailbox

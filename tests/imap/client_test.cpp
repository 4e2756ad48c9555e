#include "agents/proto/imap/client_session.hpp"

#include <gtest/gtest.h>

#include "agents/proto/imap/server_session.hpp"
#include "tests/mailbox/dialogue_log.hpp"
#include "tests/mailbox/loopback.hpp"
#include "tests/mailbox/sample_store.hpp"
#include "tests/mailbox/test_time.hpp"
#include "tests/mailbox/transcript.hpp"

using namespace mailsim;
using proto::imap::ClientJob;
using proto::imap::ClientSession;
using proto::imap::ClientStep;
using proto::imap::ServerSession;
using proto::mailbox::Flag;

namespace {

ClientJob job(std::string user, std::string password) {
  ClientJob j;
  j.user = std::move(user);
  j.password = std::move(password);
  return j;
}

void run(proto::mailbox::MailStore& store, ClientSession& client, test::Loopback& net,
         std::size_t chunk = 0) {
  net.chunk = chunk;
  ServerSession server(store, {}, net.server_send());
  server.start(test::kT0);
  net.pump(client, server);
  EXPECT_TRUE(server.closed()) << net.transcript;
}

}  // namespace

TEST(ImapClient, FetchesUnseenMessagesAndMarksThemSeen) {
  for (std::size_t chunk : {0, 1, 5}) {
    auto store = test::make_sample_store();
    test::Loopback net;
    ClientSession client(job("alice", "secret"), net.client_send());
    run(store, client, net, chunk);
    ASSERT_EQ(client.step(), ClientStep::done) << net.transcript;
    ASSERT_EQ(client.messages().size(), 2u);
    EXPECT_EQ(client.messages()[0].uid, 1u);
    EXPECT_EQ(client.messages()[0].content, test::kMessage1);
    EXPECT_EQ(client.messages()[1].content, test::kMessage2);
    EXPECT_TRUE(client.messages()[1].flags.has(Flag::recent));
    EXPECT_FALSE(client.messages()[1].flags.has(Flag::seen));
    EXPECT_EQ(client.uid_validity(), 1u);
    EXPECT_EQ(client.exists(), 3u);
    for (const auto& m : store.messages("alice", "INBOX"))
      EXPECT_TRUE(m.flags.has(Flag::seen)) << m.uid;
    EXPECT_NE(net.transcript.find("C: m3 UID SEARCH UNSEEN\n"), std::string::npos);
    EXPECT_NE(net.transcript.find("C: m4 UID FETCH 1:2 (UID FLAGS BODY.PEEK[])\n"),
              std::string::npos);
  }
}

TEST(ImapClient, FetchAllThenDeleteAndExpunge) {
  auto store = test::make_sample_store();
  test::Loopback net;
  ClientJob j = job("alice", "secret");
  j.only_unseen = false;
  j.delete_after_fetch = true;
  j.folder = "Junk";
  ClientSession client(j, net.client_send());
  run(store, client, net);
  ASSERT_EQ(client.step(), ClientStep::done) << net.transcript;
  ASSERT_EQ(client.messages().size(), 1u);
  EXPECT_EQ(client.messages()[0].content, test::kJunk);
  EXPECT_TRUE(store.messages("alice", "Junk").empty());
  EXPECT_EQ(store.messages("alice", "INBOX").size(), 3u);
}

TEST(ImapClient, SendsNonAsciiCredentialsAsLiteralsOneByteAtATime) {
  auto store = test::make_sample_store();
  store.add_account("zoé", "mot de passe été");
  test::Loopback net;
  ClientSession client(job("zoé", "mot de passe été"), net.client_send());
  run(store, client, net, 1);
  EXPECT_EQ(client.step(), ClientStep::done) << net.transcript;
  EXPECT_NE(net.transcript.find("C: m1 LOGIN {4}\nS: + Ready for literal data\nC: zoé {18}\n"),
            std::string::npos)
      << net.transcript;
  EXPECT_TRUE(client.messages().empty());  // empty INBOX: straight to LOGOUT
}

TEST(ImapClient, WholeConversationMatchesItsGoldenTranscript) {
  auto store = test::make_sample_store();
  store.append("alice", "INBOX", "Subject: late\r\n\r\nx\r\n", std::chrono::seconds(9), {});
  test::Loopback net;
  ClientJob j = job("alice", "secret");
  j.delete_after_fetch = true;
  ClientSession client(j, net.client_send());
  run(store, client, net);
  EXPECT_EQ(client.step(), ClientStep::done);
  test::check_golden("imap_client_conversation.txt", net.transcript);
}

TEST(ImapClient, QuotesPasswordsWithQuotesAndBackslashes) {
  auto store = test::make_sample_store();
  store.add_account("eve", "a \"b\" \\c");
  test::Loopback net;
  ClientSession client(job("eve", "a \"b\" \\c"), net.client_send());
  run(store, client, net);
  EXPECT_EQ(client.step(), ClientStep::done) << net.transcript;
}

TEST(ImapClient, WrongPasswordFailsWithTheServerLine) {
  auto store = test::make_sample_store();
  test::Loopback net;
  ClientSession client(job("alice", "nope"), net.client_send());
  ServerSession server(store, {}, net.server_send());
  server.start(test::kT0);
  net.pump(client, server);
  EXPECT_EQ(client.step(), ClientStep::failed);
  EXPECT_EQ(client.failed_step(), ClientStep::login);
  EXPECT_EQ(client.failure(), proto::imap::ClientFailure::refused);
  EXPECT_EQ(client.error_line(), "m1 NO [AUTHENTICATIONFAILED] Invalid user name or password");
}

TEST(ImapClient, MissingFolderFailsAndLogsOut) {
  auto store = test::make_sample_store();
  test::Loopback net;
  ClientJob j = job("alice", "secret");
  j.folder = "Nowhere";
  ClientSession client(j, net.client_send());
  run(store, client, net);
  EXPECT_EQ(client.step(), ClientStep::failed);
  EXPECT_EQ(client.failed_step(), ClientStep::select);
  EXPECT_NE(net.transcript.find("C: m3 LOGOUT"), std::string::npos);
}

TEST(ImapClient, ReadsFetchResponsesWithOtherItemsAndSplitLiterals) {
  test::Loopback net;
  ClientSession client(job("u", "p"), net.client_send());
  const std::string server =
      "* OK hi\r\nm1 OK\r\n* 1 EXISTS\r\n* OK [UIDVALIDITY 9] x\r\nm2 OK\r\n* SEARCH 7\r\nm3 OK\r\n"
      "* 1 FETCH (INTERNALDATE \"01-Jan-2024 00:00:00 +0000\" ENVELOPE (NIL \"s\" NIL NIL NIL NIL "
      "NIL "
      "NIL NIL NIL) FLAGS (\\Seen $Label) UID 7 BODY[] {5}\r\nab\r\nc)\r\nm4 OK\r\nm5 OK\r\n"
      "* BYE\r\nm6 OK\r\n";
  for (char c : server)
    client.receive(std::string_view(&c, 1), test::kT0);
  ASSERT_EQ(client.step(), ClientStep::done) << net.to_server;
  ASSERT_EQ(client.messages().size(), 1u);
  EXPECT_EQ(client.messages()[0].uid, 7u);
  EXPECT_EQ(client.messages()[0].content, "ab\r\nc");
  EXPECT_TRUE(client.messages()[0].flags.has(Flag::seen));
  EXPECT_EQ(client.uid_validity(), 9u);
}

TEST(ImapClient, ByeInTheGreetingFails) {
  test::Loopback net;
  ClientSession client(job("u", "p"), net.client_send());
  client.receive("* BYE too busy\r\n", test::kT0);
  EXPECT_EQ(client.step(), ClientStep::failed);
  EXPECT_EQ(client.failure(), proto::imap::ClientFailure::refused);
  EXPECT_EQ(client.error_line(), "BYE too busy");
  EXPECT_TRUE(net.to_server.empty());
}

TEST(ImapClient, CompactUidSets) {
  EXPECT_EQ(proto::imap::compact_uid_set({5, 1, 2, 3, 9, 10}), "1:3,5,9:10");
  EXPECT_EQ(proto::imap::compact_uid_set({4}), "4");
}

TEST(ImapClient, UidSetBatchesStayUnderTheirLength) {
  std::vector<std::uint32_t> odd;
  for (std::uint32_t uid = 1; uid < 20; uid += 2)
    odd.push_back(uid);
  EXPECT_EQ(proto::imap::uid_set_batches(odd, 8),
            (std::vector<std::string>{"1,3,5,7", "9,11,13", "15,17,19"}));
  EXPECT_EQ(proto::imap::uid_set_batches({1, 2, 3, 4}, 2), std::vector<std::string>{"1:4"});
  EXPECT_TRUE(proto::imap::uid_set_batches({}, 8).empty());
}

// 15,000 unseen messages: the "* SEARCH" answer (about 90 KB) passes the 64 KiB of any other
// line, and every message is still fetched and marked seen.
TEST(ImapClient, FetchesAMailboxWhoseSearchAnswerIsLong) {
  proto::mailbox::MailStore store;
  store.add_account("bob", "pw");
  for (int i = 0; i < 15000; ++i)
    store.append("bob", "INBOX", "Subject: " + std::to_string(i) + "\r\n\r\nhi\r\n",
                 std::chrono::seconds(i), {});
  test::Loopback net;
  ClientSession client(job("bob", "pw"), net.client_send());
  run(store, client, net, 1460);
  ASSERT_EQ(client.step(), ClientStep::done) << client.error_line();
  EXPECT_EQ(client.messages().size(), 15000u);
  for (const auto& m : store.messages("bob", "INBOX"))
    ASSERT_TRUE(m.flags.has(Flag::seen)) << m.uid;
}

// Every other message unseen: the UID set has no ranges, so it goes in several commands, each
// under the 8,192 octets a server reads on one line.
TEST(ImapClient, FetchesAScatteredSetInCommandsTheServerAccepts) {
  proto::mailbox::MailStore store;
  store.add_account("bob", "pw");
  for (int i = 0; i < 6000; ++i) {
    proto::mailbox::Flags flags;
    if (i % 2) flags.add(Flag::seen);
    store.append("bob", "INBOX", "Subject: x\r\n\r\nhi\r\n", std::chrono::seconds(i), flags);
  }
  test::Loopback net;
  ClientSession client(job("bob", "pw"), net.client_send());
  run(store, client, net);
  ASSERT_EQ(client.step(), ClientStep::done) << client.error_line();
  EXPECT_EQ(client.messages().size(), 3000u);
  for (const auto& m : store.messages("bob", "INBOX"))
    ASSERT_TRUE(m.flags.has(Flag::seen)) << m.uid;
  std::size_t fetches = 0;
  for (std::size_t at = 0; (at = net.transcript.find(" UID FETCH ", at)) != std::string::npos; ++at)
    ++fetches;
  EXPECT_GT(fetches, 1u);
}

TEST(ImapClient, AnAnswerWithTheWrongTagIsMalformed) {
  test::Loopback net;
  ClientSession client(job("u", "p"), net.client_send());
  client.receive("* OK hi\r\nzz OK LOGIN completed\r\n", test::kT0);
  EXPECT_EQ(client.step(), ClientStep::failed);
  EXPECT_EQ(client.failure(), proto::imap::ClientFailure::malformed);
  EXPECT_EQ(client.error_line(), "zz OK LOGIN completed");
}

TEST(ImapClient, WorksWhenEachSideCallsTheOtherBackDirectly) {
  auto store = test::make_sample_store();
  store.add_account("zoé", "mot de passe été");  // literals: the "+" comes back inside send
  store.append("zoé", "INBOX", std::string(test::kMessage1), std::chrono::seconds(1), {});
  test::DirectWire wire;
  ClientJob j = job("zoé", "mot de passe été");
  j.delete_after_fetch = true;
  ClientSession client(j, wire.client_send());
  ServerSession server(store, {}, wire.server_send());
  wire.to_client = [&](std::string_view b) { client.receive(b, test::kT0); };
  wire.to_server = [&](std::string_view b) { server.receive(b, test::kT0); };
  server.start(test::kT0);  // the whole conversation happens inside this call
  EXPECT_EQ(client.step(), ClientStep::done) << wire.transcript;
  EXPECT_TRUE(server.closed());
  ASSERT_EQ(client.messages().size(), 1u);
  EXPECT_EQ(client.messages()[0].content, test::kMessage1);
  EXPECT_TRUE(store.messages("zoé", "INBOX").empty());
}

// Both sides tell each line and each literal whole, with its size, in any split: the client's
// literals (a non-ASCII login) as the server reads them, the messages as the client reads them.
TEST(ImapClient, BothSidesTellEachLiteralWhole) {
  for (std::size_t chunk : {0, 1, 5}) {
    auto store = test::make_sample_store();
    store.add_account("zoé", "mot de passe été");
    test::Loopback net;
    net.chunk = chunk;
    test::DialogueLog client_log, server_log;
    ClientSession client(job("zoé", "mot de passe été"), net.client_send());
    ServerSession server(store, {}, net.server_send());
    test::run_observed(net, client, server, client_log, server_log);
    ASSERT_EQ(client.step(), ClientStep::done) << net.transcript;
    EXPECT_EQ(client_log.contents(),
              (std::vector<std::string>{">content 1 lines 4 bytes", ">content 1 lines 18 bytes"}));
    EXPECT_EQ(server_log.contents(), client_log.mirrored_contents());
    EXPECT_EQ(client_log.events[1], "> m1 LOGIN {4}");
    EXPECT_EQ(server_log.events[1], "< m1 LOGIN {4}");
  }
  auto store = test::make_sample_store();  // alice's messages come as literals
  test::Loopback net;
  test::DialogueLog client_log, server_log;
  ClientSession client(job("alice", "secret"), net.client_send());
  ServerSession server(store, {}, net.server_send());
  test::run_observed(net, client, server, client_log, server_log);
  ASSERT_EQ(client.step(), ClientStep::done) << net.transcript;
  ASSERT_FALSE(client_log.contents().empty());
  EXPECT_EQ(client_log.contents(), server_log.mirrored_contents());
}

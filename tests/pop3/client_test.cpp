#include "agents/proto/pop3/client_session.hpp"

#include <gtest/gtest.h>

#include "agents/proto/pop3/server_session.hpp"
#include "tests/mailbox/dialogue_log.hpp"
#include "tests/mailbox/loopback.hpp"
#include "tests/mailbox/sample_store.hpp"
#include "tests/mailbox/test_time.hpp"
#include "tests/mailbox/transcript.hpp"

using namespace mailsim;
using proto::pop3::ClientJob;
using proto::pop3::ClientSession;
using proto::pop3::ClientStep;
using proto::pop3::ServerSession;

namespace {

ClientJob job(std::string user, std::string password) {
  ClientJob j;
  j.user = std::move(user);
  j.password = std::move(password);
  return j;
}

void run(proto::mailbox::MailStore& store, ClientSession& client, std::size_t chunk,
         test::Loopback& net) {
  net.chunk = chunk;
  ServerSession server(store, {"pop.example.com"}, net.server_send());
  server.start(test::kT0);
  net.pump(client, server);
  EXPECT_TRUE(server.closed()) << net.transcript;
}

}  // namespace

TEST(Pop3Client, RetrievesEverythingAndLeavesItOnTheServer) {
  for (std::size_t chunk : {0, 1, 7}) {
    auto store = test::make_sample_store();
    test::Loopback net;
    ClientSession client(job("alice", "secret"), net.client_send());
    run(store, client, chunk, net);
    ASSERT_EQ(client.step(), ClientStep::done) << net.transcript;
    ASSERT_EQ(client.messages().size(), 3u);
    EXPECT_EQ(client.messages()[0].content, test::kMessage1);
    EXPECT_EQ(client.messages()[1].content, test::kMessage2);  // dot-stuffing undone
    EXPECT_EQ(client.messages()[2].unique_id, "1.3");
    EXPECT_EQ(store.messages("alice", "INBOX").size(), 3u);
  }
}

TEST(Pop3Client, SkipsKnownMessagesAndDeletesWhatItRetrieved) {
  auto store = test::make_sample_store();
  test::Loopback net;
  ClientJob job = ::job("alice", "secret");
  job.delete_after_retrieve = true;
  job.known_ids = {"1.1"};
  ClientSession client(job, net.client_send());
  run(store, client, 0, net);
  ASSERT_EQ(client.step(), ClientStep::done) << net.transcript;
  ASSERT_EQ(client.messages().size(), 2u);
  EXPECT_EQ(client.messages()[0].number, 2u);
  auto left = store.messages("alice", "INBOX");
  ASSERT_EQ(left.size(), 1u);  // only the known message stays
  EXPECT_EQ(left[0].uid, 1u);
  EXPECT_NE(net.transcript.find("C: DELE 3\n"), std::string::npos);
}

TEST(Pop3Client, WholeConversationMatchesItsGoldenTranscript) {
  auto store = test::make_sample_store();
  test::Loopback net;
  ClientJob j = job("alice", "secret");
  j.delete_after_retrieve = true;
  j.known_ids = {"1.2"};
  ClientSession client(j, net.client_send());
  run(store, client, 0, net);
  EXPECT_EQ(client.step(), ClientStep::done);
  test::check_golden("pop3_client_conversation.txt", net.transcript);
}

TEST(Pop3Client, WrongPasswordFailsWithTheServerLineAndQuits) {
  auto store = test::make_sample_store();
  test::Loopback net;
  ClientSession client(job("alice", "oops"), net.client_send());
  run(store, client, 0, net);
  EXPECT_EQ(client.step(), ClientStep::failed);
  EXPECT_EQ(client.failed_step(), ClientStep::pass);
  EXPECT_EQ(client.failure(), proto::pop3::ClientFailure::refused);
  EXPECT_EQ(client.error_line(), "-ERR [AUTH] invalid user name or password");
}

TEST(Pop3Client, FallsBackToListWithoutUidl) {
  test::Loopback net;
  ClientSession client(job("u", "p"), net.client_send());
  // A minimal old server that knows no UIDL, played by hand.
  client.receive("+OK hi\r\n+OK\r\n+OK\r\n-ERR unknown command\r\n", test::kT0);
  client.receive("+OK 1 messages\r\n1 5\r\n.\r\n+OK 5 octets\r\n..x\r\n.\r\n+OK bye\r\n",
                 test::kT0);
  EXPECT_EQ(client.step(), ClientStep::done);
  ASSERT_EQ(client.messages().size(), 1u);
  EXPECT_EQ(client.messages()[0].content, ".x\r\n");
  EXPECT_EQ(net.to_server, "USER u\r\nPASS p\r\nUIDL\r\nLIST\r\nRETR 1\r\nQUIT\r\n");
}

TEST(Pop3Client, GarbageFromTheServerFails) {
  test::Loopback net;
  ClientSession client(job("u", "p"), net.client_send());
  client.receive("HTTP/1.1 400 Bad Request\r\n", test::kT0);
  EXPECT_EQ(client.step(), ClientStep::failed);
  EXPECT_EQ(client.failure(), proto::pop3::ClientFailure::malformed);
  EXPECT_EQ(client.error_line(), "HTTP/1.1 400 Bad Request");
}

TEST(Pop3Client, AnEndlessLineFailsWithoutKeepingIt) {
  test::Loopback net;
  ClientSession client(job("u", "p"), net.client_send());
  for (int i = 0; i < 100; ++i)
    client.receive(std::string(1000, '+'), test::kT0);
  client.receive("\r\n", test::kT0);
  EXPECT_EQ(client.step(), ClientStep::failed);
  EXPECT_EQ(client.failure(), proto::pop3::ClientFailure::answer_too_long);
  EXPECT_EQ(client.error_line(), "");
}

TEST(Pop3Client, WorksWhenEachSideCallsTheOtherBackDirectly) {
  auto store = test::make_sample_store();
  test::DirectWire wire;
  ClientJob j = job("alice", "secret");
  j.delete_after_retrieve = true;
  ClientSession client(j, wire.client_send());
  ServerSession server(store, {}, wire.server_send());
  wire.to_client = [&](std::string_view b) { client.receive(b, test::kT0); };
  wire.to_server = [&](std::string_view b) { server.receive(b, test::kT0); };
  server.start(test::kT0);  // the whole conversation happens inside this call
  EXPECT_EQ(client.step(), ClientStep::done) << wire.transcript;
  EXPECT_TRUE(server.closed());
  ASSERT_EQ(client.messages().size(), 3u);
  EXPECT_EQ(client.messages()[1].content, test::kMessage2);
  EXPECT_TRUE(store.messages("alice", "INBOX").empty());
}

// The client tells each line, and each message it retrieves whole, with the size the server
// told for it, however the bytes were split on the way.
TEST(Pop3Client, TellsEachMessageWholeAsTheServerDoes) {
  for (std::size_t chunk : {0, 1, 7}) {
    auto store = test::make_sample_store();
    test::Loopback net;
    net.chunk = chunk;
    test::DialogueLog client_log, server_log;
    ClientSession client(job("alice", "secret"), net.client_send());
    ServerSession server(store, {"pop.example.com"}, net.server_send());
    test::run_observed(net, client, server, client_log, server_log);
    ASSERT_EQ(client.step(), ClientStep::done) << net.transcript;
    EXPECT_EQ(client_log.contents(),
              (std::vector<std::string>{"<content 9 lines 238 bytes", "<content 12 lines 206 bytes",
                                        "<content 5 lines 111 bytes"}));
    EXPECT_EQ(client_log.contents(), server_log.mirrored_contents());
    EXPECT_EQ(client_log.events.front(), "< +OK pop.example.com POP3 server ready");
    EXPECT_EQ(client_log.events[1], "> USER alice");
    EXPECT_EQ(client_log.events.back(),
              "< +OK pop.example.com POP3 server signing off (3 messages left)");
  }
}

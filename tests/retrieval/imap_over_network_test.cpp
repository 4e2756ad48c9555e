// IMAP across the virtual network: a fetch dialogue as a golden transcript, the bytes intact,
// a wrong password, the idle limit, the server's host going down, and the same trace twice.
#include <gtest/gtest.h>

#include "agents/retrieval/retrieval_records.hpp"
#include "raw_connection.hpp"
#include "retrieval_world.hpp"
#include "tests/mailbox/transcript.hpp"

using namespace retrieval_test;
using namespace mailsim::agents;
namespace net = mailsim::sim::net;

TEST(ImapOverNetwork, FetchesAcrossRoutersExactlyWhatWasDeliveredWithItsReturnPath) {
  RetrievalWorld w;
  const std::string first = w.deliver(kMessage, "4B1");
  const std::string second = w.deliver(long_message(5000), "4B2");
  ASSERT_EQ(first.rfind("Return-Path: <alice@a.example>\r\n", 0), 0u);
  auto out = w.imap(bob_imap());
  ASSERT_TRUE(out);
  ASSERT_TRUE(out->ok()) << fetch_failure_name(out->failure) << " " << out->error_line;
  EXPECT_EQ(out->port, 143);
  ASSERT_EQ(out->messages.size(), 2u);
  EXPECT_EQ(out->messages[0].content, first);
  EXPECT_EQ(out->messages[1].content, second);
  EXPECT_EQ(out->messages[0].id, "1.1");
  // Marked \Seen: a second fetch of the unseen ones finds none.
  auto again = w.imap(bob_imap());
  ASSERT_TRUE(again && again->ok());
  EXPECT_TRUE(again->messages.empty());
  EXPECT_EQ(w.imap_server->ended(), (std::vector<RetrievalServerEnd>{RetrievalServerEnd::closed,
                                                                     RetrievalServerEnd::closed}));
}

TEST(ImapOverNetwork, OneFetchDialogueAsAGoldenTranscript) {
  RetrievalWorld w;
  w.deliver(kMessage);
  TraceLog log(w.sim.trace(), "retrieval.");
  auto out = w.imap(bob_imap());
  ASSERT_TRUE(out && out->ok());
  mailsim::test::check_golden("imap_fetch.txt", log.text());
}

TEST(ImapOverNetwork, TheBytesSurviveAOneByteMssAndFivePercentLoss) {
  {
    RetrievalWorld w(7, {}, {.mss = 1});
    const std::string stored = w.deliver(long_message(1500));
    auto out = w.imap(bob_imap());
    ASSERT_TRUE(out && out->ok());
    ASSERT_EQ(out->messages.size(), 1u);
    EXPECT_EQ(out->messages[0].content, stored);
  }
  {
    RetrievalWorld w(13, {.latency = 10ms, .loss = 0.05});
    const std::string stored = w.deliver(long_message(60000));
    auto out = w.imap(bob_imap());
    ASSERT_TRUE(out && out->ok()) << fetch_failure_name(out->failure);
    ASSERT_EQ(out->messages.size(), 1u);
    EXPECT_EQ(out->messages[0].content, stored);
  }
}

// The answer to a FETCH of ten messages goes in as few segments as its size allows (here
// one), not one segment per line: the server sends what it answers to one input at once.
TEST(ImapOverNetwork, AFetchOfTenMessagesFillsItsSegments) {
  RetrievalWorld w;
  for (int i = 0; i < 10; ++i)
    w.deliver(kMessage, "4C" + std::to_string(i));
  RawConnection c(w, 143);
  c.send("a1 LOGIN bob secret\r\na2 SELECT INBOX\r\n");
  w.sim.run_until(w.sim.now() + 2s);
  ASSERT_NE(c.received.find("a2 OK"), std::string::npos) << c.received;
  const std::uint64_t before = w.net.packets_sent();
  const std::size_t had = c.received.size();
  c.send("a3 FETCH 1:10 (UID RFC822.SIZE BODY.PEEK[HEADER.FIELDS (Subject)])\r\n");
  w.sim.run_until(w.sim.now() + 2s);
  const std::string answer = c.received.substr(had);
  ASSERT_NE(answer.find("a3 OK FETCH completed"), std::string::npos) << answer;
  ASSERT_LT(answer.size(), 1400u);  // fits one segment
  // The command (1 segment), its ACK carried or delayed (1), the answer (1), its ACK (1).
  EXPECT_LE(w.net.packets_sent() - before, 4u);
}

TEST(ImapOverNetwork, AWrongPasswordGivesTheServersExactNo) {
  RetrievalWorld w;
  auto job = bob_imap();
  job.password = "guess";
  auto out = w.imap(job);
  ASSERT_TRUE(out);
  EXPECT_EQ(out->failure, FetchFailure::refused);
  EXPECT_EQ(out->failed_step, "login");
  EXPECT_EQ(out->error_line, "m1 NO [AUTHENTICATIONFAILED] Invalid user name or password");
}

TEST(ImapOverNetwork, AnIdleClientGetsByeAfterThirtyMinutes) {
  RetrievalWorld w;
  RawConnection c(w, 143);
  w.sim.run_until(10min);
  c.send("a1 NOOP\r\n");  // activity restarts the count
  w.sim.run_until(39min);
  EXPECT_FALSE(c.ended);
  w.sim.run_until(40min + 1s);
  EXPECT_TRUE(c.ended);
  EXPECT_NE(c.received.find("a1 OK"), std::string::npos);
  EXPECT_TRUE(c.received.ends_with("* BYE Autologout; idle for too long\r\n")) << c.received;
  ASSERT_EQ(w.imap_server->ended().size(), 1u);
  EXPECT_EQ(w.imap_server->ended()[0], RetrievalServerEnd::idle_timeout);
}

TEST(ImapOverNetwork, TheServerHostGoingDownThenTheClientsOutcome) {
  RetrievalWorld w(7, {.latency = 10ms, .bandwidth_bps = 200'000});
  w.deliver(long_message(200000));
  std::optional<FetchOutcome> out;
  w.client->fetch_imap(kServerAddress, bob_imap(), [&out](const FetchOutcome& o) { out = o; });
  w.sim.run_until(2s);
  ASSERT_FALSE(out);
  w.net.set_host_up(w.server, false);
  // The host comes back 30 s later, but it has forgotten the connection, and the client,
  // waiting for the rest of the FETCH answer, sends nothing that would meet a reset: it
  // learns nothing until its own response timeout.
  w.sim.run_until(30s);
  w.net.set_host_up(w.server, true);
  EXPECT_TRUE(w.imap_server->listening());
  w.sim.run_until(1h);
  ASSERT_TRUE(out);
  EXPECT_FALSE(out->ok());
  EXPECT_TRUE(out->messages.empty());
  EXPECT_EQ(out->failed_step, "fetch");
  EXPECT_EQ(out->failure, FetchFailure::timed_out);
  EXPECT_GE(out->finished, 2s + 5min);
  // The message is still there, unseen, for the next fetch.
  auto again = w.imap(bob_imap());
  ASSERT_TRUE(again && again->ok());
  EXPECT_EQ(again->messages.size(), 1u);
}

TEST(ImapOverNetwork, TheSameRunGivesTheSameTraceBytes) {
  auto run = [] {
    RetrievalWorld w(21, {.latency = 5ms, .loss = 0.05});
    TraceLog log(w.sim.trace());
    w.deliver(long_message(20000), "4B1");
    w.deliver(kMessage, "4B2");
    auto imap = w.imap(bob_imap());
    auto pop3 = w.pop3(bob_pop3(true));
    EXPECT_TRUE(imap && imap->ok());
    EXPECT_TRUE(pop3 && pop3->ok());
    return log.text();
  };
  const std::string first = run();
  EXPECT_GT(first.size(), 10000u);
  EXPECT_EQ(first, run());
}

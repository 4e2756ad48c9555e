// POP3 across the virtual network: the server endpoint on mail.b.example serving what the MDA
// delivered, the client endpoint on bob's PC fetching it, through routers, tiny segments,
// loss, a wrong password, the server's host going down, deletions at QUIT, idle clients.
#include <gtest/gtest.h>

#include "agents/delivery/mda_delivery.hpp"
#include "agents/journey/conservation.hpp"
#include "agents/mta/queue_manager.hpp"
#include "agents/retrieval/retrieval_records.hpp"
#include "raw_connection.hpp"
#include "retrieval_world.hpp"

using namespace retrieval_test;
using namespace mailsim::agents;
namespace net = mailsim::sim::net;

TEST(Pop3OverNetwork, FetchesAcrossRoutersExactlyWhatWasDeliveredWithItsReturnPath) {
  RetrievalWorld w;
  const std::string stored = w.deliver(kMessage);
  ASSERT_EQ(stored, "Return-Path: <alice@a.example>\r\n" + kMessage);
  auto out = w.pop3(bob_pop3());
  ASSERT_TRUE(out);
  EXPECT_TRUE(out->ok()) << fetch_failure_name(out->failure) << " " << out->error_line;
  ASSERT_EQ(out->messages.size(), 1u);
  EXPECT_EQ(out->messages[0].content, stored);
  EXPECT_EQ(out->server, "mail.b.example");
  EXPECT_EQ(out->port, 110);
  // Left on the server (no deletion asked); the server closed after QUIT.
  EXPECT_EQ(w.store.messages("bob", "INBOX").size(), 1u);
  ASSERT_EQ(w.pop3_server->ended().size(), 1u);
  EXPECT_EQ(w.pop3_server->ended()[0], RetrievalServerEnd::closed);
  EXPECT_TRUE(w.pop3_server->connections().empty());
  EXPECT_TRUE(w.client->in_progress().empty());
}

TEST(Pop3OverNetwork, TheBytesSurviveAOneByteMss) {
  RetrievalWorld w(7, {}, {.mss = 1});
  const std::string stored = w.deliver(long_message(2000));
  auto out = w.pop3(bob_pop3());
  ASSERT_TRUE(out);
  ASSERT_TRUE(out->ok()) << fetch_failure_name(out->failure);
  ASSERT_EQ(out->messages.size(), 1u);
  EXPECT_EQ(out->messages[0].content, stored);
}

TEST(Pop3OverNetwork, TheBytesSurviveFivePercentLoss) {
  RetrievalWorld w(11, {.latency = 10ms, .loss = 0.05});
  const std::string first = w.deliver(long_message(60000), "4B1");
  const std::string second = w.deliver(kMessage, "4B2");
  auto out = w.pop3(bob_pop3());
  ASSERT_TRUE(out);
  ASSERT_TRUE(out->ok()) << fetch_failure_name(out->failure);
  ASSERT_EQ(out->messages.size(), 2u);
  EXPECT_EQ(out->messages[0].content, first);
  EXPECT_EQ(out->messages[1].content, second);
}

TEST(Pop3OverNetwork, AWrongPasswordGivesTheServersExactRefusal) {
  RetrievalWorld w;
  w.deliver(kMessage);
  auto job = bob_pop3();
  job.password = "guess";
  auto out = w.pop3(job);
  ASSERT_TRUE(out);
  EXPECT_EQ(out->failure, FetchFailure::refused);
  EXPECT_EQ(out->failed_step, "pass");
  EXPECT_EQ(out->error_line, "-ERR [AUTH] invalid user name or password");
  EXPECT_TRUE(out->messages.empty());
}

TEST(Pop3OverNetwork, DeletionsAtQuitAreSeenByTheNextSession) {
  RetrievalWorld w;
  w.deliver(kMessage, "4B1");
  w.deliver(kMessage, "4B2");
  auto first = w.pop3(bob_pop3(true));
  ASSERT_TRUE(first && first->ok());
  EXPECT_EQ(first->messages.size(), 2u);
  EXPECT_TRUE(w.store.messages("bob", "INBOX").empty());
  auto second = w.pop3(bob_pop3());
  ASSERT_TRUE(second && second->ok());
  EXPECT_TRUE(second->messages.empty());
}

TEST(Pop3OverNetwork,
     TheServerHostGoingDownMidSessionLeavesTheClientWithATimeoutAndDeletesNothing) {
  RetrievalWorld w(7, {.latency = 10ms, .bandwidth_bps = 200'000});
  w.deliver(long_message(200000));
  std::optional<FetchOutcome> out;
  w.client->fetch_pop3(kServerAddress, bob_pop3(true), [&out](const FetchOutcome& o) { out = o; });
  // Two seconds in, RETR is streaming 200 kB at 200 kbit/s: the server's host goes down.
  w.sim.run_until(2s);
  ASSERT_FALSE(out);
  ASSERT_EQ(w.pop3_server->connections().size(), 1u);
  w.net.set_host_up(w.server, false);
  EXPECT_FALSE(w.pop3_server->listening());
  ASSERT_EQ(w.pop3_server->ended().size(), 1u);
  EXPECT_EQ(w.pop3_server->ended()[0], RetrievalServerEnd::host_down);
  w.sim.run_until(1h);
  ASSERT_TRUE(out);
  // The client was waiting for the rest of the message: what the routers still held drains in
  // (their queues hold a few seconds at 200 kbit/s), then nothing more comes, and five
  // minutes (the response timeout) after the last byte it gives up.
  EXPECT_EQ(out->failure, FetchFailure::timed_out);
  EXPECT_EQ(out->failed_step, "retr");
  EXPECT_GE(out->finished, 2s + 5min);
  EXPECT_LT(out->finished, 2s + 5min + 5s);
  EXPECT_TRUE(out->messages.empty());
  // Nothing was deleted: there was no QUIT. When the host is back, the next fetch gets it.
  w.net.set_host_up(w.server, true);
  EXPECT_TRUE(w.pop3_server->listening());
  auto again = w.pop3(bob_pop3());
  ASSERT_TRUE(again && again->ok());
  EXPECT_EQ(again->messages.size(), 1u);
}

TEST(Pop3OverNetwork, NothingListeningIsAConnectionRefused) {
  RetrievalWorld w;
  w.pop3_server->stop();
  auto out = w.pop3(bob_pop3());
  ASSERT_TRUE(out);
  EXPECT_EQ(out->failure, FetchFailure::connection);
  EXPECT_EQ(out->connection_error, net::ConnError::refused);
}

TEST(Pop3OverNetwork, AnIdleClientIsDisconnectedAfterTenMinutesWithoutAWord) {
  RetrievalWorld w;
  RawConnection c(w, 110);
  w.sim.run_until(9min + 59s);
  EXPECT_FALSE(c.ended);
  EXPECT_EQ(c.received, "+OK mail.b.example POP3 server ready\r\n");
  w.sim.run_until(10min + 1s);
  EXPECT_TRUE(c.ended);
  EXPECT_EQ(c.received, "+OK mail.b.example POP3 server ready\r\n");  // no goodbye in POP3
  ASSERT_EQ(w.pop3_server->ended().size(), 1u);
  EXPECT_EQ(w.pop3_server->ended()[0], RetrievalServerEnd::idle_timeout);
}

TEST(Pop3OverNetwork, AClientThatResetsIsForgotten) {
  RetrievalWorld w;
  RawConnection c(w, 110);
  w.sim.run_until(100ms);
  c.send("USER bob\r\n");
  w.sim.run_until(200ms);
  EXPECT_EQ(w.pop3_server->connections().size(), 1u);
  EXPECT_EQ(w.pop3_server->connections()[0].state, "AUTHORIZATION");
  c.socket.abort();
  w.sim.run_until(1s);
  EXPECT_TRUE(w.pop3_server->connections().empty());
  ASSERT_EQ(w.pop3_server->ended().size(), 1u);
  EXPECT_EQ(w.pop3_server->ended()[0], RetrievalServerEnd::reset);
}

TEST(Pop3OverNetwork, AcceptedDeliveredAndFetchedMessagesLeaveNoConservationViolation) {
  RetrievalWorld w;
  ConservationChecker checker(w.sim.trace());
  // Accepted into a queue and delivered by the queue manager through the MDA, as an MTA does.
  agents::MdaDelivery local(*w.mda);
  sim::RandomStream ids(4);
  agents::MailQueue queue(ids);
  proto::imf::ScenarioClock clock;
  agents::QueueManagerSettings settings;
  settings.agent = "mail.b.example";
  settings.hostname = "mail.b.example";
  agents::QueueManager qmgr(w.sim, queue, settings, clock,
                            [&](const std::string&) -> agents::DeliveryAgent& { return local; });
  qmgr.start();
  for (int i = 0; i < 2; ++i) {
    const std::string qid =
        queue.enqueue("alice@a.example", {"bob@b.example"},
                      std::make_shared<const std::string>(kMessage), "", w.sim.now());
    MailAcceptedRecord accepted;
    accepted.agent = "mail.b.example";
    accepted.queue_id = qid;
    accepted.sender = "alice@a.example";
    accepted.recipients = {"bob@b.example"};
    w.sim.trace().publish(accepted);
    qmgr.take(qid);
  }
  w.sim.run_until(w.sim.now() + 1s);
  auto out = w.pop3(bob_pop3(true));
  ASSERT_TRUE(out && out->ok());
  EXPECT_EQ(out->messages.size(), 2u);
  EXPECT_EQ(checker.accepted_count(), 2u);
  auto violations = checker.check([&](const std::string&, const std::string& q,
                                      const std::string& r) { return queue.holds(q, r); });
  EXPECT_TRUE(violations.empty()) << ConservationChecker::describe(violations, mailsim::Lang::en);
}

TEST(Pop3OverNetwork, AClientThatHangsUpWithoutQuitDeletesNothing) {
  RetrievalWorld w;
  w.deliver(kMessage);
  RawConnection c(w, 110);
  w.sim.run_until(100ms);
  c.send("USER bob\r\nPASS secret\r\nDELE 1\r\n");
  w.sim.run_until(300ms);
  EXPECT_NE(c.received.find("+OK message 1 deleted"), std::string::npos) << c.received;
  c.socket.close();
  w.sim.run_until(1s);
  ASSERT_EQ(w.pop3_server->ended().size(), 1u);
  EXPECT_EQ(w.pop3_server->ended()[0], RetrievalServerEnd::client_left);
  EXPECT_EQ(w.store.messages("bob", "INBOX").size(), 1u);
}

TEST(Pop3OverNetwork, TheClientsOwnHostGoingDownEndsItsFetch) {
  RetrievalWorld w(7, {.latency = 10ms, .bandwidth_bps = 200'000});
  w.deliver(long_message(100000));
  std::optional<FetchOutcome> out;
  w.client->fetch_pop3(kServerAddress, bob_pop3(), [&out](const FetchOutcome& o) { out = o; });
  w.sim.run_until(1s);
  ASSERT_FALSE(out);
  EXPECT_EQ(w.client->in_progress().size(), 1u);
  w.net.set_host_up(w.pc, false);
  ASSERT_TRUE(out);  // at once: the client's host knows it went down
  EXPECT_EQ(out->failure, FetchFailure::connection);
  EXPECT_EQ(out->connection_error, net::ConnError::host_down);
  EXPECT_TRUE(w.client->in_progress().empty());
  // The server, sending the message to a host that no longer answers, retransmits until its
  // transport gives up, and forgets the session; nothing is deleted.
  w.sim.run_until(1h);
  ASSERT_EQ(w.pop3_server->ended().size(), 1u);
  EXPECT_EQ(w.pop3_server->ended()[0], RetrievalServerEnd::timed_out);
  EXPECT_EQ(w.store.messages("bob", "INBOX").size(), 1u);
}

// The socket, timer and host callbacks outlive the endpoints: once one is gone they find
// nothing. A client destroyed mid-fetch never reports, and the server sees a reset; a server
// destroyed mid-session does not listen again when its host comes back.
TEST(Pop3OverNetwork, DestroyingEitherEndpointMidSessionIsSafe) {
  RetrievalWorld w(7, {.latency = 10ms, .bandwidth_bps = 200'000});
  w.deliver(long_message(100000));
  bool done = false;
  w.client->fetch_pop3(kServerAddress, bob_pop3(true),
                       [&done](const FetchOutcome&) { done = true; });
  w.sim.run_until(1s);
  ASSERT_EQ(w.pop3_server->connections().size(), 1u);
  w.client.reset();
  w.net.set_host_up(w.pc, false);
  w.net.set_host_up(w.pc, true);
  w.sim.run_until(2s);
  EXPECT_FALSE(done);
  ASSERT_EQ(w.pop3_server->ended().size(), 1u);
  EXPECT_EQ(w.pop3_server->ended()[0], RetrievalServerEnd::reset);
  EXPECT_EQ(w.store.messages("bob", "INBOX").size(), 1u);

  w.client.emplace(w.net, w.pc);
  w.client->fetch_pop3(kServerAddress, bob_pop3(), [&done](const FetchOutcome&) { done = true; });
  w.sim.run_until(3s);
  ASSERT_EQ(w.pop3_server->connections().size(), 1u);
  w.pop3_server.reset();
  w.net.set_host_up(w.server, false);
  w.net.set_host_up(w.server, true);
  w.sim.run_until(1h);
  // The client hears the abort (a reset), and nothing listens on port 110 any more.
  EXPECT_TRUE(done);
  std::optional<FetchOutcome> again = w.pop3(bob_pop3());
  ASSERT_TRUE(again);
  EXPECT_EQ(again->connection_error, net::ConnError::refused);
}

#include "agents/mta/mail_queue.hpp"

#include <gtest/gtest.h>

#include "agents/journey/conservation.hpp"
#include "sim/simulator.hpp"

using namespace mailsim;
using namespace mailsim::agents;
using namespace std::chrono_literals;

namespace {
std::shared_ptr<const std::string> body() {
  return std::make_shared<const std::string>("From: alice@a.example\r\n\r\nHello\r\n");
}
}  // namespace

TEST(MailQueue, DeterministicIdsAndStates) {
  sim::RandomStream a(1), b(1);
  MailQueue qa(a), qb(b);
  const std::string id = qa.enqueue("alice@a.example", {"bob@b.example"}, body(), "<1@a>", 5s);
  EXPECT_EQ(id, qb.enqueue("alice@a.example", {"bob@b.example"}, body(), "<1@a>", 5s));
  EXPECT_EQ(id.size(), 10u);
  EXPECT_EQ(id.find_first_not_of("0123456789ABCDEF"), std::string::npos);
  EXPECT_EQ(qa.find(id)->queue, QueueName::incoming);
  qa.move(id, QueueName::active);
  EXPECT_EQ(qa.size(QueueName::active), 1u);
  qa.defer(id, "451 4.7.1 Greylisted", 10min);
  EXPECT_EQ(qa.size(QueueName::deferred), 1u);
  EXPECT_TRUE(qa.due(9min).empty());
  EXPECT_EQ(qa.due(10min), std::vector<std::string>{id});
  qa.move(id, QueueName::hold);
  EXPECT_TRUE(qa.due(1h).empty());  // held messages are not retried
  EXPECT_FALSE(qa.find(id)->next_attempt);
}

TEST(MailQueue, AMessageLeavesWhenEveryRecipientIsSettled) {
  sim::RandomStream ids(2);
  MailQueue q(ids);
  const std::string id =
      q.enqueue("alice@a.example", {"bob@b.example", "carol@c.example"}, body(), "<2@a>", 0s);
  q.settle(id, "bob@b.example", RecipientState::relayed, "250 2.0.0 Ok: queued as 7C");
  EXPECT_TRUE(q.holds(id, "carol@c.example"));
  EXPECT_FALSE(q.holds(id, "bob@b.example"));
  EXPECT_EQ(q.find(id)->pending(), std::vector<std::string>{"carol@c.example"});
  EXPECT_THROW(q.settle(id, "bob@b.example", RecipientState::relayed, ""), std::logic_error);
  q.settle(id, "carol@c.example", RecipientState::bounced, "550 5.1.1 unknown");
  EXPECT_EQ(q.size(), 0u);
  EXPECT_FALSE(q.holds(id, "carol@c.example"));
}

TEST(MailQueue, DueMessagesOldestFirst) {
  sim::RandomStream ids(3);
  MailQueue q(ids);
  const std::string late = q.enqueue("a@a.example", {"x@x.example"}, body(), "<3@a>", 2min);
  const std::string early = q.enqueue("a@a.example", {"y@y.example"}, body(), "<4@a>", 1min);
  q.defer(late, "timeout", 5min);
  q.defer(early, "timeout", 5min);
  EXPECT_EQ(q.due(5min), (std::vector<std::string>{early, late}));
}

TEST(MailQueue, TheConservationCheckerReadsTheQueue) {
  sim::Simulator sim;
  ConservationChecker checker(sim.trace());
  sim::RandomStream ids(4);
  MailQueue q(ids);
  const std::string id = q.enqueue("alice@a.example", {"bob@b.example"}, body(), "<5@a>", 0s);
  MailAcceptedRecord accepted;
  accepted.agent = "smtp.a.example";
  accepted.queue_id = id;
  accepted.sender = "alice@a.example";
  accepted.recipients = {"bob@b.example"};
  sim.trace().publish(accepted);
  auto held = [&](const std::string&, const std::string& qid, const std::string& rcpt) {
    return q.holds(qid, rcpt);
  };
  EXPECT_TRUE(checker.check(held).empty());
  // A queue that forgets a message is caught, by name.
  q.settle(id, "bob@b.example", RecipientState::discarded, "");
  const auto violations = checker.check(held);
  ASSERT_EQ(violations.size(), 1u);
  EXPECT_EQ(violations[0].queue_id, id);
}

// Postfix's cleanup removes duplicate recipients: bob listed twice gets one copy. The domain is
// case-insensitive; the local part is its owner's, so "Bob" is kept apart.
TEST(MailQueue, EachRecipientIsQueuedOnce) {
  sim::RandomStream ids(5);
  MailQueue q(ids);
  const std::string id = q.enqueue(
      "alice@a.example",
      {"bob@b.example", "carol@b.example", "bob@b.example", "bob@B.Example", "Bob@b.example"},
      body(), "<6@a>", 0s);
  EXPECT_EQ(q.find(id)->pending(),
            (std::vector<std::string>{"bob@b.example", "carol@b.example", "Bob@b.example"}));
}

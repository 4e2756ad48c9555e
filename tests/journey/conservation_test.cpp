#include "agents/journey/conservation.hpp"

#include <gtest/gtest.h>

#include <set>

#include "agents/journey/dialogue_records.hpp"
#include "agents/journey/messages.hpp"
#include "sim/simulator.hpp"
#include "sim/trace_format.hpp"

using namespace mailsim;
using namespace mailsim::agents;

namespace {
class Journey : public ::testing::Test {
 protected:
  sim::Simulator sim;
  ConservationChecker checker{sim.trace()};
  // What the story would add after each delivery ("agent/queue id: text"), asked of the checker
  // by a subscriber that comes after it, as `mailsim run`'s does.
  std::vector<std::string> told_again;
  sim::Trace::SubscriptionId teller = sim.trace().subscribe([this](const sim::TraceRecord& r) {
    if (auto again = checker.delivered_again(r)) {
      const auto& o = static_cast<const MailOutcomeRecord&>(r);
      told_again.push_back(o.agent + "/" + o.queue_id + ": " + again->render(Lang::en));
    }
  });
  std::set<std::tuple<std::string, std::string, std::string>> queued;

  void accept(const std::string& agent, const std::string& qid, const std::string& sender,
              std::vector<std::string> rcpts, const std::string& message_id = "") {
    MailAcceptedRecord r;
    r.agent = agent;
    r.queue_id = qid;
    r.sender = sender;
    r.recipients = rcpts;
    r.message_id = message_id.empty() ? "<" + qid + "@" + agent + ">" : message_id;
    sim.trace().publish(r);
    for (const auto& rc : rcpts)
      queued.insert({agent, qid, rc});
  }
  void outcome(const sim::TraceKind& kind, const std::string& agent, const std::string& qid,
               const std::string& rcpt, const std::string& next_agent = "",
               const std::string& next_qid = "", const std::string& dsn = "") {
    MailOutcomeRecord r(kind);
    r.agent = agent;
    r.queue_id = qid;
    r.recipient = rcpt;
    r.next_agent = next_agent;
    r.next_queue_id = next_qid;
    r.dsn_queue_id = dsn;
    sim.trace().publish(r);
    if (&kind != &kinds::kMailDeferred) queued.erase({agent, qid, rcpt});
  }
  // The sender's SMTP client read the server's 250 after the final dot.
  void client_read_250(const std::string& server, const std::string& qid) {
    DialogueParties parties;
    parties.server = server;
    const std::string line = "250 2.0.0 Ok: queued as " + qid;
    DialogueLineRecord record(kSmtpClientReceived, parties, line);
    sim.trace().publish(record);
  }
  static constexpr sim::TraceKind kSmtpClientReceived{"smtp.client.received", "smtp"};
  // msa.a.example relays message `id` to mx.b.example, which accepts it as B7 and delivers it;
  // the sender defers it (whether or not it read B7's 250) and relays it again, as B8.
  void sent_twice(const std::string& id, bool sender_read_first_250) {
    accept("msa.a.example", "A1", "alice@a.example", {"bob@b.example"}, id);
    client_read_250("msa.a.example", "A1");  // the mail client got its 250
    accept("mx.b.example", "B7", "alice@a.example", {"bob@b.example"}, id);
    if (sender_read_first_250) client_read_250("mx.b.example", "B7");
    outcome(kinds::kMailDeferred, "msa.a.example", "A1", "bob@b.example");
    outcome(kinds::kMailDelivered, "mx.b.example", "B7", "bob@b.example");
    accept("mx.b.example", "B8", "alice@a.example", {"bob@b.example"}, id);
    client_read_250("mx.b.example", "B8");
    outcome(kinds::kMailRelayed, "msa.a.example", "A1", "bob@b.example", "mx.b.example", "B8");
    outcome(kinds::kMailDelivered, "mx.b.example", "B8", "bob@b.example");
  }
  std::vector<ConservationChecker::Violation> check() {
    return checker.check([this](const std::string& a, const std::string& q, const std::string& r) {
      return queued.count({a, q, r}) > 0;
    });
  }
  std::string report(Lang lang = Lang::en) { return ConservationChecker::describe(check(), lang); }
};
}  // namespace

TEST_F(Journey, TheArticlesJourneyHoldsTheInvariant) {
  accept("msa.a.example", "A1", "alice@a.example", {"bob@b.example", "carol@a.example"});
  outcome(kinds::kMailDelivered, "msa.a.example", "A1", "carol@a.example");
  outcome(kinds::kMailDeferred, "msa.a.example", "A1", "bob@b.example");
  accept("mx.b.example", "B7", "alice@a.example", {"bob@b.example"});
  outcome(kinds::kMailRelayed, "msa.a.example", "A1", "bob@b.example", "mx.b.example", "B7");
  outcome(kinds::kMailDelivered, "mx.b.example", "B7", "bob@b.example");
  EXPECT_EQ(report(), "");
  EXPECT_EQ(checker.accepted_count(), 3u);
  EXPECT_TRUE(told_again.empty());  // one delivery each: nothing to add to the story
}

TEST_F(Journey, StillQueuedAtTheEndIsFine) {
  accept("smtp.a.example", "A1", "alice@a.example", {"bob@b.example"});
  outcome(kinds::kMailDeferred, "smtp.a.example", "A1", "bob@b.example");
  EXPECT_EQ(report(), "");
}

TEST_F(Journey, ADroppedQueuedMessageIsReportedByName) {
  accept("smtp.a.example", "A1", "alice@a.example", {"bob@b.example"});
  outcome(kinds::kMailDeferred, "smtp.a.example", "A1", "bob@b.example");
  queued.clear();  // the queue lost it, as a buggy crash recovery would
  EXPECT_EQ(report(),
            "smtp.a.example accepted A1 for bob@b.example, but it was neither delivered, relayed "
            "nor bounced, and is no longer queued: the mail was lost\n");
  EXPECT_EQ(report(Lang::fr),
            "smtp.a.example a accepté A1 pour bob@b.example, mais il n'a été ni distribué, ni "
            "relayé, ni renvoyé, et n'est plus en file d'attente : le courrier est perdu\n");
}

TEST_F(Journey, BouncesMustBeQueuedAndNeverBeBounced) {
  accept("smtp.a.example", "A1", "alice@a.example", {"bob@b.example"});
  accept("smtp.a.example", "A2", "", {"alice@a.example"});  // the DSN, from <>
  outcome(kinds::kMailBounced, "smtp.a.example", "A1", "bob@b.example", "", "", "A2");
  outcome(kinds::kMailDelivered, "smtp.a.example", "A2", "alice@a.example");
  EXPECT_EQ(report(), "");

  accept("smtp.a.example", "A3", "alice@a.example", {"zed@c.example"});
  outcome(kinds::kMailBounced, "smtp.a.example", "A3", "zed@c.example", "", "", "A9");
  accept("smtp.a.example", "A4", "", {"ghost@d.example"});
  accept("smtp.a.example", "A5", "", {"postmaster@a.example"});
  outcome(kinds::kMailBounced, "smtp.a.example", "A4", "ghost@d.example", "", "", "A5");
  outcome(kinds::kMailDelivered, "smtp.a.example", "A5", "postmaster@a.example");
  accept("smtp.a.example", "A6", "alice@a.example", {"x@e.example"});
  outcome(kinds::kMailDoubleBounceDiscarded, "smtp.a.example", "A6", "x@e.example");
  EXPECT_EQ(
      report(),
      "smtp.a.example bounced A3 for zed@c.example, but the bounce A9 was never queued\n"
      "smtp.a.example sent a bounce about the bounce A4: a bounce about a bounce must never be "
      "sent (RFC 5321 4.5.5)\n"
      "smtp.a.example discarded A6 for x@e.example as a double bounce, but it is not a "
      "bounce\n");
}

TEST_F(Journey, AnUndeliverableBounceGoesToThePostmaster) {
  accept("smtp.a.example", "A1", "", {"alice@a.example"});  // a bounce, from <>
  accept("smtp.a.example", "A2", "", {"postmaster@a.example"});
  outcome(kinds::kMailDoubleBounced, "smtp.a.example", "A1", "alice@a.example", "", "", "A2");
  outcome(kinds::kMailDoubleBounceDiscarded, "smtp.a.example", "A2", "postmaster@a.example");
  EXPECT_EQ(report(), "");
  accept("smtp.a.example", "A3", "alice@a.example", {"bob@b.example"});
  outcome(kinds::kMailDoubleBounced, "smtp.a.example", "A3", "bob@b.example", "", "", "A9");
  EXPECT_EQ(report(),
            "smtp.a.example discarded A3 for bob@b.example as a double bounce, but it is not a "
            "bounce\n"
            "smtp.a.example bounced A3 for bob@b.example, but the bounce A9 was never queued\n");
}

TEST_F(Journey, DoubleOutcomesUnknownMessagesAndPhantomRelays) {
  accept("smtp.a.example", "A1", "alice@a.example", {"bob@b.example"});
  outcome(kinds::kMailDelivered, "smtp.a.example", "A1", "bob@b.example");
  outcome(kinds::kMailDelivered, "smtp.a.example", "A1", "bob@b.example");
  outcome(kinds::kMailDelivered, "smtp.a.example", "Z9", "bob@b.example");
  accept("smtp.a.example", "A2", "alice@a.example", {"bob@b.example"});
  outcome(kinds::kMailRelayed, "smtp.a.example", "A2", "bob@b.example", "mx.b.example", "B1");
  queued.insert({"smtp.a.example", "A2", "bob@b.example"});
  EXPECT_EQ(report(),
            "smtp.a.example reports delivered for Z9 (bob@b.example), which it never accepted\n"
            "A1 at smtp.a.example for bob@b.example ended twice: delivered and delivered\n"
            "A2 at smtp.a.example for bob@b.example ended (relayed) but is still in the queue\n"
            "smtp.a.example says it relayed A2 for bob@b.example to mx.b.example as B1, but "
            "mx.b.example never accepted it\n");
}

// The article's journey, but the 250 after mx.b.example took the message never reached the
// sender, which sent it again later: two copies at mx.b.example (B7, B8), one the sender knows
// of. SMTP cannot prevent that; the check says so and passes.
TEST_F(Journey, ALost250AfterTheDotIsAnSmtpDuplicateNotAViolation) {
  sent_twice("<1@a.example>", false);
  // Told at the second delivery, for the story; not at the first.
  ASSERT_EQ(told_again.size(), 1u);
  EXPECT_EQ(told_again[0], "mx.b.example/B8: " + checker.smtp_duplicates()[0].render(Lang::en));
  EXPECT_EQ(report(), "");
  ASSERT_EQ(checker.smtp_duplicates().size(), 1u);
  EXPECT_EQ(checker.smtp_duplicates()[0].render(Lang::en),
            "the message <1@a.example> was delivered 2 times to bob@b.example: a server took it, "
            "but its 250 reply after the final dot never reached the sender, which sent it "
            "again. SMTP cannot prevent this (RFC 5321 section 6.1, RFC 1047)");
  EXPECT_EQ(checker.smtp_duplicates()[0].render(Lang::fr),
            "le message <1@a.example> a été distribué 2 fois à bob@b.example : un serveur l'a "
            "pris, mais sa réponse 250 après le point final n'est jamais parvenue à "
            "l'expéditeur, qui l'a renvoyé. SMTP ne peut pas l'empêcher (RFC 5321 section 6.1, "
            "RFC 1047)");
}

// The same, but the sender did read the 250 for B7 and sent the message again anyway (as a
// sender that recorded the hand-over only after 221 did when it crashed in between): each copy
// has a queue id of its own, and the check still sees one message delivered twice.
TEST_F(Journey, ASecondDeliveryUnderANewQueueIdIsCaught) {
  sent_twice("<2@a.example>", true);
  ASSERT_EQ(told_again.size(), 1u);
  EXPECT_EQ(told_again[0],
            "mx.b.example/B8: the message <2@a.example> was delivered 2 times to bob@b.example, "
            "and no lost reply explains it: the mail was duplicated");
  EXPECT_EQ(report(),
            "the message <2@a.example> was delivered 2 times to bob@b.example, and no lost reply "
            "explains it: the mail was duplicated\n");
  EXPECT_EQ(report(Lang::fr),
            "le message <2@a.example> a été distribué 2 fois à bob@b.example, sans qu'aucune "
            "réponse perdue ne l'explique : le courrier a été dupliqué\n");
  EXPECT_TRUE(checker.smtp_duplicates().empty());
}

TEST(JourneyRecords, TextFormatCarriesTheStage) {
  MailAcceptedRecord r;
  r.stage = Stage::submission;
  r.agent = "msa.a.example";
  r.queue_id = "4B3F21A0C2";
  r.message_id = "<1@a.example>";
  r.recipients = {"bob@b.example", "carol@b.example"};
  r.size = 1234;
  r.origin = "submission alice";
  EXPECT_EQ(sim::format_text(r),
            "00:00:00 mail.accepted stage=submission agent=msa.a.example queue_id=4B3F21A0C2 "
            "message_id=<1@a.example> sender=<> recipients=bob@b.example,carol@b.example size=1234 "
            "origin=\"submission alice\"");
}

TEST(JourneyMessages, BothLanguages) {
  for (const Message* m : msg::kJourneyAll) {
    EXPECT_FALSE(m->en.empty()) << m->id;
    EXPECT_FALSE(m->fr.empty()) << m->id;
  }
}

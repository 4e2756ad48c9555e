// Local delivery through the queue manager: accepted messages end in the mailbox, a full
// mailbox defers, an unknown user bounces back to the sender's own mailbox, and the
// conservation checker finds nothing lost.
#include "agents/delivery/mda_delivery.hpp"

#include <gtest/gtest.h>

#include "agents/journey/conservation.hpp"
#include "agents/mta/queue_manager.hpp"
#include "agents/proto/imf/dsn.hpp"
#include "agents/proto/mailbox/mail_store.hpp"

using namespace mailsim;
using namespace mailsim::agents;
using namespace std::chrono_literals;

namespace {

const std::string kMessage =
    "From: alice@b.example\r\nTo: bob@b.example\r\nSubject: Hello\r\nMessage-ID: <1@b.example>\r\n"
    "Date: Mon, 5 Jan 2026 08:00:00 +0100\r\n\r\nHi Bob\r\n";

struct LocalMta {
  sim::Simulator sim{1};
  proto::mailbox::MailStore store;
  Mda mda{sim, store, config()};
  MdaDelivery local{mda};
  sim::RandomStream ids{9};
  MailQueue queue{ids};
  proto::imf::ScenarioClock clock;
  ConservationChecker checker{sim.trace()};
  QueueManager qmgr{sim, queue, settings(), clock,
                    [this](const std::string&) -> DeliveryAgent& { return local; }};

  LocalMta() {
    for (const char* user : {"alice", "bob", "postmaster"}) {
      store.add_account(user, "secret");
      mda.add_user(user);
    }
    qmgr.start();
  }
  static MdaConfig config() {
    MdaConfig c;
    c.agent = "mail.b.example";
    c.domains = {"b.example"};
    return c;
  }
  static QueueManagerSettings settings() {
    QueueManagerSettings s;
    s.agent = "mail.b.example";
    s.hostname = "mail.b.example";
    s.postmaster = "postmaster@b.example";
    return s;
  }
  std::string accept(const std::string& rcpt) {
    const std::string id =
        queue.enqueue("alice@b.example", {rcpt}, std::make_shared<const std::string>(kMessage),
                      "<1@b.example>", sim.now());
    MailAcceptedRecord r;
    r.agent = "mail.b.example";
    r.queue_id = id;
    r.sender = "alice@b.example";
    r.recipients = {rcpt};
    sim.trace().publish(r);
    qmgr.take(id);
    return id;
  }
  std::string violations() {
    return ConservationChecker::describe(
        checker.check([this](const std::string&, const std::string& q, const std::string& r) {
          return queue.holds(q, r);
        }),
        Lang::en);
  }
};

}  // namespace

TEST(MdaDelivery, AcceptedMessagesEndInTheMailbox) {
  LocalMta m;
  m.accept("bob@b.example");
  m.accept("bob@b.example");
  m.sim.run_until(1min);
  EXPECT_EQ(m.store.messages("bob", "INBOX").size(), 2u);
  EXPECT_EQ(m.queue.size(), 0u);
  EXPECT_EQ(m.violations(), "");
}

TEST(MdaDelivery, AFullMailboxDefersUntilThereIsRoom) {
  LocalMta m;
  m.mda.set_quota("bob", 10);
  const std::string id = m.accept("bob@b.example");
  m.sim.run_until(1min);
  ASSERT_NE(m.queue.find(id), nullptr);
  EXPECT_EQ(m.queue.find(id)->queue, QueueName::deferred);
  EXPECT_EQ(m.queue.find(id)->last_error, "452 4.2.2 <bob@b.example>: Mailbox full");
  m.mda.set_quota("bob", 0);  // the user made room
  m.sim.run_until(2h);
  EXPECT_EQ(m.store.messages("bob", "INBOX").size(), 1u);
  EXPECT_EQ(m.violations(), "");
}

TEST(MdaDelivery, AnUnknownUserBouncesToTheSendersMailbox) {
  LocalMta m;
  m.accept("zed@b.example");
  m.sim.run_until(1min);
  ASSERT_EQ(m.store.messages("alice", "INBOX").size(), 1u);
  const auto dsn = proto::imf::parse_dsn(m.store.messages("alice", "INBOX")[0].content);
  EXPECT_EQ(dsn.report.recipients[0].final_recipient, "zed@b.example");
  EXPECT_EQ(dsn.report.recipients[0].status, "5.1.1");
  EXPECT_EQ(m.violations(), "");
}

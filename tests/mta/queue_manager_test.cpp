#include "agents/mta/queue_manager.hpp"

#include <gtest/gtest.h>

#include <deque>
#include <functional>

#include "agents/journey/conservation.hpp"
#include "agents/proto/imf/dsn.hpp"
#include "sim/trace_format.hpp"

using namespace mailsim;
using namespace mailsim::agents;
using namespace std::chrono_literals;
using Kind = RecipientOutcome::Kind;

namespace {

// A delivery agent whose answers the test writes: a function of the recipient and the time.
class ScriptedAgent final : public DeliveryAgent {
 public:
  using Script = std::function<RecipientOutcome(const std::string& rcpt, sim::SimTime now)>;
  ScriptedAgent(sim::Simulator& sim, Script script) : sim_(sim), script_(std::move(script)) {}
  void deliver(const QueuedMessage& m, std::vector<std::string> rcpts, Done done,
               HandedOver) override {
    attempts.push_back(sim_.now());
    last_content = *m.content;
    std::vector<RecipientOutcome> out;
    for (const auto& r : rcpts)
      out.push_back(script_(r, sim_.now()));
    // Answers come back a second later, as an SMTP session would.
    sim_.schedule_after(1s, [done, out] { done(out); });
  }
  std::vector<sim::SimTime> attempts;
  std::string last_content;

 private:
  sim::Simulator& sim_;
  Script script_;
};

RecipientOutcome outcome(const std::string& rcpt, Kind kind, std::string reply) {
  RecipientOutcome o;
  o.recipient = rcpt;
  o.kind = kind;
  o.reply = std::move(reply);
  if (kind == Kind::delivered) o.mailbox = rcpt + "/INBOX";
  if (kind == Kind::relayed) {
    o.next_agent = "mx.b.example";
    o.next_queue_id = "B7";
  }
  o.remote_mta = "mx.b.example";
  return o;
}

const char* kMail =
    "From: Alice <alice@a.example>\r\nTo: bob@b.example\r\nSubject: Hello\r\n"
    "Message-ID: <1@a.example>\r\nDate: Mon, 5 Jan 2026 08:00:00 +0100\r\n\r\nHi Bob\r\n";

// An MTA's queue with a local agent (a.example) and a remote one (everything else).
struct Mta {
  sim::Simulator sim{1};
  sim::RandomStream ids{5};
  MailQueue queue{ids};
  proto::imf::ScenarioClock clock;
  ConservationChecker checker{sim.trace()};
  ScriptedAgent local;
  ScriptedAgent remote;
  QueueManager qmgr;

  explicit Mta(ScriptedAgent::Script remote_script, QueueManagerSettings s = defaults())
      : local(sim, [](const std::string& r,
                      sim::SimTime) { return outcome(r, Kind::delivered, "250 2.0.0 Ok"); }),
        remote(sim, std::move(remote_script)),
        qmgr(sim, queue, std::move(s), clock, [this](const std::string& rcpt) -> DeliveryAgent& {
          return rcpt.ends_with("@a.example") ? static_cast<DeliveryAgent&>(local)
                                              : static_cast<DeliveryAgent&>(remote);
        }) {}

  static QueueManagerSettings defaults() {
    QueueManagerSettings s;
    s.agent = "smtp.a.example";
    s.hostname = "smtp.a.example";
    s.postmaster = "postmaster@a.example";
    return s;
  }

  std::string submit(std::string sender, std::vector<std::string> rcpts) {
    const std::string id = queue.enqueue(sender, rcpts, std::make_shared<const std::string>(kMail),
                                         "<1@a.example>", sim.now());
    MailAcceptedRecord r;
    r.agent = "smtp.a.example";
    r.queue_id = id;
    r.sender = sender;
    r.recipients = rcpts;
    sim.trace().publish(r);
    qmgr.take(id);
    return id;
  }
  // The next hop, mx.b.example, is not simulated here: what it accepted it still holds.
  std::string violations() {
    return ConservationChecker::describe(
        checker.check([this](const std::string& agent, const std::string& q, const std::string& r) {
          return agent == "mx.b.example" || queue.holds(q, r);
        }),
        Lang::en);
  }
  void next_hop_accepts(const std::string& rcpt) {
    MailAcceptedRecord r;
    r.agent = "mx.b.example";
    r.queue_id = "B7";
    r.recipients = {rcpt};
    sim.trace().publish(r);
  }
};

}  // namespace

TEST(QueueManager, DeliversAtOnce) {
  Mta mta([](const std::string& r, sim::SimTime) {
    return outcome(r, Kind::relayed, "250 2.0.0 Ok: queued as B7");
  });
  mta.qmgr.start();
  const std::string id = mta.submit("alice@a.example", {"bob@b.example", "carol@a.example"});
  mta.sim.run_until(1min);
  EXPECT_EQ(mta.queue.size(), 0u);
  EXPECT_EQ(mta.remote.attempts, std::vector<sim::SimTime>{0s});
  EXPECT_EQ(mta.local.attempts, std::vector<sim::SimTime>{0s});
  // Relayed to a next hop that never said it accepted the message: the checker objects.
  EXPECT_EQ(mta.violations(), "smtp.a.example says it relayed " + id +
                                  " for bob@b.example to mx.b.example as B7, but mx.b.example "
                                  "never accepted it\n");
  mta.next_hop_accepts("bob@b.example");
  EXPECT_EQ(mta.violations(), "");
}

TEST(QueueManager, RetriesOnPostfixsScheduleToTheMicrosecond) {
  // Down for two hours, then accepting.
  Mta mta([](const std::string& r, sim::SimTime now) {
    return now < 2h ? outcome(r, Kind::deferred,
                              "connect to mx.b.example[198.51.100.25]:25: Connection timed out")
                    : outcome(r, Kind::delivered, "250 2.0.0 Ok");
  });
  mta.qmgr.start();
  mta.submit("alice@a.example", {"bob@b.example"});
  mta.sim.run_until(5h);
  // Tried at 0; each failure is known 1 s later, at age a; the next try is due at
  // failure + clamp(a, 300 s, 4000 s), taken at the first 300 s scan at or after it:
  // 1+300 -> 600; 601+601 -> 1500; 1501+1501 -> 3300; 3301+3301 -> 6900; 6901+4000 -> 11100.
  const std::vector<sim::SimTime> expected{0s, 600s, 1500s, 3300s, 6900s, 11100s};
  EXPECT_EQ(mta.remote.attempts, expected);
  EXPECT_EQ(mta.queue.size(), 0u);
  EXPECT_EQ(mta.violations(), "");
}

TEST(QueueManager, ExpiredMessagesBounceWithADsnToTheSender) {
  Mta mta([](const std::string& r, sim::SimTime) {
    return outcome(r, Kind::deferred,
                   "connect to mx.b.example[198.51.100.25]:25: Connection timed out");
  });
  std::ostringstream trace;
  sim::TraceWriter writer(mta.sim.trace(), trace, sim::TraceFormat::text);
  mta.qmgr.start();
  const std::string id = mta.submit("alice@a.example", {"bob@b.example"});
  mta.sim.run_until(6 * 24h);
  EXPECT_EQ(mta.queue.size(), 0u);  // bounced, and the bounce delivered to alice
  EXPECT_GT(mta.remote.attempts.back(), 5 * 24h);
  EXPECT_LE(mta.remote.attempts.back(), 5 * 24h + 4300s);
  const auto dsn = proto::imf::parse_dsn(mta.local.last_content);
  ASSERT_EQ(dsn.report.recipients.size(), 1u);
  EXPECT_EQ(dsn.report.recipients[0].final_recipient, "bob@b.example");
  EXPECT_EQ(dsn.report.recipients[0].status, "4.4.1");
  // No SMTP server said it: the MTA's own type, as Postfix's bounces write it.
  EXPECT_EQ(dsn.report.recipients[0].diagnostic_type, "X-Postfix");
  EXPECT_NE(mta.local.last_content.find("Diagnostic-Code: X-Postfix; connect to mx.b.example"),
            std::string::npos);
  EXPECT_EQ(dsn.report.reporting_mta, "smtp.a.example");
  EXPECT_EQ(mta.violations(), "");
  EXPECT_NE(trace.str().find("mail.bounced stage=bounce agent=smtp.a.example queue_id=" + id),
            std::string::npos);
}

TEST(QueueManager, ADelayWarningGoesToTheSenderOnceAfterTheWarningTime) {
  QueueManagerSettings s = Mta::defaults();
  s.delay_warning = {1h};  // Postfix's delay_warning_time
  Mta mta(
      [](const std::string& r, sim::SimTime now) {
        return now < 3h ? outcome(r, Kind::deferred,
                                  "connect to mx.b.example[198.51.100.25]:25: Connection timed out")
                        : outcome(r, Kind::delivered, "250 2.0.0 Ok");
      },
      s);
  std::ostringstream trace;
  sim::TraceWriter writer(mta.sim.trace(), trace, sim::TraceFormat::text);
  mta.qmgr.start();
  const std::string id = mta.submit("alice@a.example", {"bob@b.example"});
  mta.sim.run_until(5h);
  // Failures at 1 s, 601 s, 1501 s, 3301 s (age < 1 h: no warning), 6901 s (warned), 11101 s.
  ASSERT_EQ(mta.local.attempts.size(), 1u);  // the one notice, delivered to alice
  EXPECT_EQ(mta.local.attempts[0], 6901s);
  const auto dsn = proto::imf::parse_dsn(mta.local.last_content);
  ASSERT_EQ(dsn.report.recipients.size(), 1u);
  EXPECT_EQ(dsn.report.recipients[0].action, proto::imf::DsnAction::delayed);
  EXPECT_EQ(dsn.report.recipients[0].status, "4.4.1");
  ASSERT_TRUE(dsn.report.recipients[0].will_retry_until);
  EXPECT_EQ(*dsn.report.recipients[0].will_retry_until, mta.clock.at(5 * 24h));  // the lifetime
  EXPECT_NE(mta.local.last_content.find("Subject: Delayed Mail (still being retried)"),
            std::string::npos);
  EXPECT_NE(trace.str().find("mail.delay_warned stage=retry agent=smtp.a.example queue_id=" + id),
            std::string::npos)
      << trace.str();
  EXPECT_EQ(mta.queue.size(), 0u);  // then delivered
  EXPECT_EQ(mta.violations(), "");
}

// Exim's delay_warning (24 h by default): a "delayed" notice each time the message has waited
// another 24 h, checked when a try fails (deliver.c), so at the first failed try after 24 h and
// after 48 h; never for a bounce (sender <>).
TEST(QueueManager, EximWarnsTheSenderOncePerDelayWarningInterval) {
  QueueManagerSettings s = Mta::defaults();
  s.schedule = RetrySchedule(default_exim_retry());
  s.delay_warning = {24h};
  auto script = [](const std::string& r, sim::SimTime now) {
    return now < 60h ? outcome(r, Kind::deferred,
                               "connect to mx.b.example[198.51.100.25]:25: Connection timed out")
                     : outcome(r, Kind::delivered, "250 2.0.0 Ok");
  };
  Mta mta(script, s);
  mta.qmgr.start();
  mta.submit("alice@a.example", {"bob@b.example"});
  mta.sim.run_until(3 * 24h);
  // Tries are 6 h apart after 16 h (F,4d,6h): each notice within one gap of its 24 h mark.
  ASSERT_EQ(mta.local.attempts.size(), 2u);
  EXPECT_GE(mta.local.attempts[0], 24h);
  EXPECT_LT(mta.local.attempts[0], 30h + 30min);
  EXPECT_GE(mta.local.attempts[1], 48h);
  EXPECT_LT(mta.local.attempts[1], 54h + 30min);
  const auto dsn = proto::imf::parse_dsn(mta.local.last_content);
  ASSERT_EQ(dsn.report.recipients.size(), 1u);
  EXPECT_EQ(dsn.report.recipients[0].action, proto::imf::DsnAction::delayed);
  EXPECT_EQ(mta.violations(), "");

  Mta bounce(script, s);
  bounce.qmgr.start();
  bounce.submit("", {"bob@b.example"});
  bounce.sim.run_until(3 * 24h);
  EXPECT_TRUE(bounce.local.attempts.empty());
}

// Exim's delay_warning list (deliver.c): a warning at each time, then every gap between the
// last two; one time alone repeats itself.
TEST(QueueManager, EximDelayWarningListRepeatsItsLastGap) {
  const std::vector<sim::SimTime> list{4h, 8h, 24h};
  const auto due = [&](sim::SimTime waited) {
    const auto d = exim_delay_warnings_due(list, waited);
    return std::pair(d.count, d.shown);
  };
  EXPECT_EQ(due(3h), std::pair(0, sim::SimTime(0)));
  EXPECT_EQ(due(4h), std::pair(1, sim::SimTime(4h)));
  EXPECT_EQ(due(9h), std::pair(2, sim::SimTime(8h)));
  EXPECT_EQ(due(24h), std::pair(3, sim::SimTime(24h)));
  EXPECT_EQ(due(39h), std::pair(3, sim::SimTime(24h)));
  EXPECT_EQ(due(40h), std::pair(4, sim::SimTime(40h)));  // every 16 h after 24 h
  EXPECT_EQ(due(57h), std::pair(5, sim::SimTime(56h)));
  const std::vector<sim::SimTime> one{24h};
  EXPECT_EQ(exim_delay_warnings_due(one, 47h).count, 1);
  EXPECT_EQ(exim_delay_warnings_due(one, 48h).shown, sim::SimTime(48h));
}

// With Exim's schedule the notices read like Exim's (deliver.c's default texts): the warning's
// subject names the queue id and the delay_warning time reached, its body the message and the
// delay reason; the bounce is "Mail delivery failed", with X-Failed-Recipients, and a
// temporary failure that expired ends in "retry timeout exceeded".
TEST(QueueManager, EximNoticesUseEximsWords) {
  QueueManagerSettings s = Mta::defaults();
  s.schedule = RetrySchedule(default_exim_retry());
  s.delay_warning = {24h};
  const std::string timed_out = "connect to mx.b.example[198.51.100.25]:25: Connection timed out";
  Mta mta([&](const std::string& r, sim::SimTime) { return outcome(r, Kind::deferred, timed_out); },
          s);
  std::vector<std::string> notices;
  mta.qmgr.start();
  const std::string id = mta.submit("alice@a.example", {"bob@b.example"});
  for (sim::SimTime t = 1h; t <= 5 * 24h; t += 1h) {
    mta.sim.run_until(t);
    if (notices.size() < mta.local.attempts.size()) notices.push_back(mta.local.last_content);
  }
  ASSERT_GE(notices.size(), 3u);  // 24 h, 48 h, 72 h, then the bounce after 4 days
  const std::string& warning = notices[1];
  EXPECT_NE(warning.find("Subject: Warning: message " + id + " delayed 48 hours\r\n"),
            std::string::npos)
      << warning;
  EXPECT_NE(warning.find("From: Mail Delivery System <Mailer-Daemon@smtp.a.example>"),
            std::string::npos);
  for (const std::string& line :
       {std::string("This message was created automatically by mail delivery software.\r\n"
                    "A message that you sent has not yet been delivered to one or more of its"),
        "after more than 48 hours on the queue on smtp.a.example.\r\n\r\n"
        "The message identifier is:     " +
            id +
            "\r\nThe subject of the message is: Hello\r\n"
            "The date of the message is:    Mon, 5 Jan 2026 08:00:00 +0100\r\n\r\n"
            "The address to which the message has not yet been delivered is:\r\n\r\n"
            "  bob@b.example\r\n    Delay reason: " +
            timed_out,
        std::string("No action is required on your part.")})
    EXPECT_NE(warning.find(line), std::string::npos) << line << "\n" << warning;
  const std::string& bounce = notices.back();
  EXPECT_NE(bounce.find("Subject: Mail delivery failed: returning message to sender"),
            std::string::npos)
      << bounce;
  EXPECT_NE(bounce.find("X-Failed-Recipients: bob@b.example"), std::string::npos);
  EXPECT_NE(bounce.find("The following address failed:\r\n\r\n  bob@b.example\r\n    " + timed_out +
                        ": retry timeout exceeded"),
            std::string::npos)
      << bounce;
  EXPECT_EQ(proto::imf::parse_dsn(bounce).report.recipients[0].action,
            proto::imf::DsnAction::failed);

  // In French, the sender's language, with the catalog's plural rules.
  s.bounce_lang = Lang::fr;
  Mta fr([&](const std::string& r, sim::SimTime) { return outcome(r, Kind::deferred, timed_out); },
         s);
  fr.qmgr.start();
  fr.submit("alice@a.example", {"bob@b.example"});
  fr.sim.run_until(30h);
  ASSERT_EQ(fr.local.attempts.size(), 1u);
  // Lines wrapped at 72 columns: the words are looked for in one line.
  std::string flat;
  for (const char c : fr.local.last_content)
    if (c == '\n' || (c == ' ' && !flat.empty() && flat.back() == ' '))
      continue;
    else
      flat += c == '\r' ? ' ' : c;
  for (const char* words : {"après plus de 24 heures dans la file d'attente de smtp.a.example.",
                            "L'adresse à laquelle le message n'a pas encore été remis est :",
                            "Raison du retard : connect to", "Vous n'avez rien à faire."})
    EXPECT_NE(flat.find(words), std::string::npos) << words << "\n" << fr.local.last_content;
}

TEST(QueueManager, PermanentFailureBouncesAtOnce) {
  Mta mta([](const std::string& r, sim::SimTime) {
    return outcome(r, Kind::bounced,
                   "550 5.1.1 <zed@b.example>: Recipient address rejected: User unknown");
  });
  mta.qmgr.start();
  mta.submit("alice@a.example", {"zed@b.example"});
  mta.sim.run_until(1min);
  EXPECT_EQ(mta.remote.attempts.size(), 1u);
  const auto dsn = proto::imf::parse_dsn(mta.local.last_content);
  EXPECT_EQ(dsn.report.recipients[0].status, "5.1.1");
  EXPECT_EQ(dsn.report.recipients[0].diagnostic_code,
            "550 5.1.1 <zed@b.example>: Recipient address rejected: User unknown");
  EXPECT_EQ(dsn.report.recipients[0].diagnostic_type, "smtp");  // the remote server's reply
  EXPECT_EQ(mta.violations(), "");
}

// With Exim's schedule, the bounce of a recipient the next hop refused at RCPT names the host,
// its address and the command, as Exim's bounces do (deliver.c, transports/smtp.c).
TEST(QueueManager, EximsBounceNamesTheHostAndTheCommandTheReplyAnswered) {
  QueueManagerSettings s = Mta::defaults();
  s.schedule = RetrySchedule(default_exim_retry());
  Mta mta(
      [](const std::string& r, sim::SimTime) {
        RecipientOutcome o =
            outcome(r, Kind::bounced,
                    "550 5.1.1 <zed@b.example>: Recipient address rejected: User unknown");
        o.remote_address = "198.51.100.25";
        o.after = "RCPT TO:<zed@b.example>";
        return o;
      },
      s);
  mta.qmgr.start();
  mta.submit("alice@a.example", {"zed@b.example"});
  mta.sim.run_until(1min);
  EXPECT_NE(mta.local.last_content.find(
                "  zed@b.example\r\n"
                "    host mx.b.example [198.51.100.25]\r\n"
                "    SMTP error from remote mail server after RCPT TO:<zed@b.example>:\r\n"
                "    550 5.1.1 <zed@b.example>: Recipient address rejected: User unknown\r\n"),
            std::string::npos)
      << mta.local.last_content;
}

TEST(QueueManager, ABounceIsNeverBouncedItGoesToThePostmasterOrIsDiscarded) {
  // Everything fails, local delivery included: the sender's own mailbox is gone.
  Mta mta([](const std::string& r, sim::SimTime) {
    return outcome(r, Kind::bounced, "550 5.1.1 no such user");
  });
  mta.qmgr.start();
  mta.submit("", {"zed@b.example"});  // a bounce from elsewhere, passing through
  mta.sim.run_until(1min);
  // The copy for the postmaster was delivered locally.
  EXPECT_EQ(mta.local.attempts.size(), 1u);
  EXPECT_EQ(mta.queue.size(), 0u);
  EXPECT_EQ(mta.violations(), "");

  QueueManagerSettings s = Mta::defaults();
  s.double_bounce_to_postmaster = false;
  Mta quiet([](const std::string& r,
               sim::SimTime) { return outcome(r, Kind::bounced, "550 5.1.1 no such user"); },
            s);
  quiet.qmgr.start();
  quiet.submit("", {"zed@b.example"});
  quiet.sim.run_until(1min);
  EXPECT_TRUE(quiet.local.attempts.empty());
  EXPECT_EQ(quiet.queue.size(), 0u);
  EXPECT_EQ(quiet.violations(), "");
}

TEST(QueueManager, AHostCrashLosesNothing) {
  Mta mta([](const std::string& r, sim::SimTime now) {
    return now < 30min ? outcome(r, Kind::deferred, "451 4.3.0 try later")
                       : outcome(r, Kind::delivered, "250 2.0.0 Ok");
  });
  mta.qmgr.start();
  const std::string id = mta.submit("alice@a.example", {"bob@b.example"});
  mta.sim.run_until(500ms);  // the attempt is in flight
  mta.qmgr.stop();           // the host goes down
  mta.sim.run_until(1h);     // the late answer is ignored; nothing is tried while down
  EXPECT_EQ(mta.remote.attempts.size(), 1u);
  ASSERT_NE(mta.queue.find(id), nullptr);
  EXPECT_EQ(mta.queue.find(id)->queue, QueueName::incoming);
  EXPECT_EQ(mta.violations(), "");  // still queued: not lost
  mta.qmgr.start();                 // the host is back
  mta.sim.run_until(2h);
  EXPECT_EQ(mta.queue.size(), 0u);
  EXPECT_EQ(mta.violations(), "");
}

// No mail lost, none duplicated, whole scenarios end to end: a recipient listed twice, more
// recipients than a server takes in one message, a sender that goes down between the 250 after
// the final dot and the end of its session.
#include <gtest/gtest.h>

#include <string>

#include "agents/journey/conservation.hpp"
#include "agents/journey/dialogue_records.hpp"
#include "agents/proto/dns/trace_records.hpp"
#include "scenarios/build/scenario_run.hpp"
#include "scenarios/library/builtin.hpp"
#include "scenarios/load/scenario_reader.hpp"

namespace mailsim::scenarios {
namespace {

using namespace std::chrono_literals;

ScenarioModel across_the_internet() {
  auto loaded = load_scenario_text(find_builtin("mail-across-the-internet")->text,
                                   "mail-across-the-internet.yaml");
  EXPECT_TRUE(loaded.scenario.has_value()) << loaded.diagnostics.render(Lang::en);
  return *loaded.scenario;
}

SendMailAction& the_send(ScenarioModel& s) {
  return std::get<SendMailAction>(s.timeline.front().action);
}

// Runs to the end with the conservation check; returns its violations in words, and counts
// the deliveries into mailboxes.
struct Outcome {
  std::string violations;
  std::size_t delivered = 0;
  std::size_t smtp_duplicates = 0;
};
Outcome run_and_check(const ScenarioModel& model,
                      const std::function<void(ScenarioRun&)>& before = {}) {
  Diagnostics diag(model.file);
  ScenarioRun run(model, diag);
  EXPECT_TRUE(run.ok()) << diag.render(Lang::en);
  agents::ConservationChecker conservation(run.sim().trace());
  Outcome out;
  const auto counter = run.sim().trace().subscribe([&out](const sim::TraceRecord& r) {
    if (&r.kind() == &agents::kinds::kMailDelivered) ++out.delivered;
  });
  if (before) before(run);
  run.run_to_completion();
  run.sim().trace().unsubscribe(counter);
  EXPECT_FALSE(run.failure().has_value()) << run.failure()->what;
  out.violations = agents::ConservationChecker::describe(
      conservation.check([&run](const std::string& a, const std::string& q, const std::string& r) {
        return run.mail().holds(a, q, r);
      }),
      Lang::en);
  out.smtp_duplicates = conservation.smtp_duplicates().size();
  return out;
}

TEST(NoMailLost, ARecipientListedTwiceGetsOneCopy) {
  ScenarioModel s = across_the_internet();
  the_send(s).to = {"bob@b.example", "bob@b.example"};
  const Outcome o = run_and_check(s);
  EXPECT_EQ(o.violations, "");
  EXPECT_EQ(o.delivered, 1u);
}

// Postfix's smtpd takes 1000 recipients per message (smtpd_recipient_limit) and says 452 4.5.3
// to the rest: the mail client, then smtp.a.example, send the message again to those in
// further transactions. Each of the 5,000 gets it once.
TEST(NoMailLost, FiveThousandRecipientsAllGetIt) {
  ScenarioModel s = across_the_internet();
  auto& bob_server = s.mail.servers[1];
  ASSERT_EQ(bob_server.host, "mx.b.example");
  std::vector<std::string> to;
  for (int i = 1; i <= 5000; ++i) {
    const std::string user = "user" + std::to_string(i);
    bob_server.users[user] = "secret";
    to.push_back(user + "@b.example");
  }
  the_send(s).to = to;
  const Outcome o = run_and_check(s);
  EXPECT_EQ(o.violations, "");
  EXPECT_EQ(o.delivered, 5000u);
}

// smtp.a.example goes down just after it read mx.b.example's 250 after the final dot, before
// QUIT and 221: the hand-over is recorded at the 250, so when it comes back up it does not send
// the message again.
TEST(NoMailLost, ASenderDownAfterThe250DoesNotSendItAgain) {
  const Outcome o = run_and_check(across_the_internet(), [](ScenarioRun& run) {
    auto& net = run.network();
    const auto sender = net.node("smtp.a.example");
    run.sim().trace().subscribe([&run, &net, sender](const sim::TraceRecord& r) {
      if (r.kind().name != std::string_view("smtp.client.received")) return;
      const auto& line = static_cast<const agents::DialogueLineRecord&>(r);
      if (line.parties.client != "smtp.a.example" || !line.line.starts_with("250 2.0.0 Ok: queued"))
        return;
      run.sim().schedule_after(sim::SimTime(0), [&net, sender] { net.set_host_up(sender, false); });
      run.sim().schedule_after(10min, [&net, sender] { net.set_host_up(sender, true); });
    });
  });
  EXPECT_EQ(o.violations, "");
  EXPECT_EQ(o.smtp_duplicates, 0u);
  EXPECT_EQ(o.delivered, 1u);
}

// smtp.a.example crashes while it asks DNS where mail for b.example goes (the soak found it,
// seed 2544), and is back a second later: the crash killed that delivery, the queue manager
// starts a new one, and Bob gets the message once. Before, the old delivery went on when the
// resolver's retry was answered, and Bob got it twice.
TEST(NoMailLost, ACrashDuringTheMxLookupDoesNotDeliverTwice) {
  const Outcome o = run_and_check(across_the_internet(), [](ScenarioRun& run) {
    auto& net = run.network();
    const auto sender = net.node("smtp.a.example");
    auto crashed = std::make_shared<bool>(false);
    run.sim().trace().subscribe([&run, &net, sender, crashed](const sim::TraceRecord& r) {
      if (*crashed || &r.kind() != &proto::dns::kinds::kQuerySent ||
          static_cast<const proto::dns::ResolverRecord&>(r).agent() != "smtp.a.example")
        return;
      *crashed = true;
      run.sim().schedule_after(sim::SimTime(1000),
                               [&net, sender] { net.set_host_up(sender, false); });
      run.sim().schedule_after(std::chrono::seconds(1),
                               [&net, sender] { net.set_host_up(sender, true); });
    });
  });
  EXPECT_EQ(o.violations, "");
  EXPECT_EQ(o.delivered, 1u);
}

}  // namespace
}  // namespace mailsim::scenarios

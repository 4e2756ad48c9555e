// A mail client never retries (only an MTA queues): a message its server did not take is shown
// to its user as an error and stays in the client's outbox. The checker says so: "not sent,
// kept in the outbox", not lost and not silently missing.
#include <gtest/gtest.h>

#include "scenarios/build/expectation_check.hpp"
#include "scenarios/build/scenario_run.hpp"
#include "scenarios/library/builtin.hpp"
#include "scenarios/load/scenario_reader.hpp"

namespace mailsim::scenarios {
namespace {

using namespace std::chrono_literals;

TEST(MailClientOutbox, AMessageTheServerDidNotTakeIsNotSentAndKeptInTheOutbox) {
  auto loaded = load_scenario_text(find_builtin("wrong-smtp-server")->text, "wrong.yaml");
  ASSERT_TRUE(loaded.scenario) << loaded.diagnostics.render(Lang::en);
  ScenarioModel model = *loaded.scenario;
  model.expectations.clear();
  model.expectations.push_back({MailExpectation{"bob@b.example", "not_sent", 1min}, {}});
  model.expectations.push_back({MailExpectation{"bob@b.example", "delivered", {}}, {}});
  model.expectations.push_back({NoMailLostExpectation{}, {}});
  Diagnostics diag("wrong.yaml");
  ScenarioRun run(model, diag);
  ASSERT_TRUE(run.ok()) << diag.render(Lang::en);
  ExpectationChecker checker(run.model(), run.network(), run.sim().trace());
  run.run_to_completion();
  const auto results = checker.results();
  ASSERT_EQ(results.size(), 3u);
  EXPECT_TRUE(results[0].passed) << results[0].evidence.render(Lang::en);
  EXPECT_EQ(results[0].description.render(Lang::en),
            "a message for bob@b.example is not sent, kept in the mail client's outbox within "
            "00:01:00");
  EXPECT_FALSE(results[1].passed);
  // Not "nothing happened": the evidence tells what the user saw.
  EXPECT_NE(results[1].evidence.render(Lang::en).find("not sent, kept in the mail client's outbox"),
            std::string::npos)
      << results[1].evidence.render(Lang::en);
  EXPECT_NE(results[1].evidence.render(Lang::fr).find("non envoyé, gardé dans la boîte d'envoi"),
            std::string::npos)
      << results[1].evidence.render(Lang::fr);
  EXPECT_TRUE(results[2].passed) << results[2].evidence.render(Lang::en);
}

TEST(MailClientOutbox, NotSentIsAnOutcomeAScenarioMayExpect) {
  auto loaded = load_scenario_text(R"(title: t
network:
  hosts: [{name: alice-pc, address: 192.0.2.10}]
expect:
  - mail: {to: bob@b.example, outcome: not_sent}
)",
                                   "t.yaml");
  ASSERT_TRUE(loaded.scenario) << loaded.diagnostics.render(Lang::en);
  EXPECT_EQ(std::get<MailExpectation>(loaded.scenario->expectations.at(0).what).outcome,
            "not_sent");
}

}  // namespace
}  // namespace mailsim::scenarios

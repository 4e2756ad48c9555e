// A choice in a scenario file is read once, into the engine's own value: a wrong word is
// reported at its place in both languages with a "did you mean", and every value of each table
// has a word for the writer.
#include "scenarios/model/choices.hpp"

#include <gtest/gtest.h>

#include "scenarios/load/scenario_reader.hpp"

using namespace mailsim;
using namespace mailsim::scenarios;

namespace {

std::string server_with(const std::string& line) {
  return R"(title: choices
network:
  hosts:
    - {name: mx.b.example, address: 198.51.100.25}
mail:
  servers:
    - host: mx.b.example
      domains: [b.example]
)" + line;
}

}  // namespace

TEST(Choices, TheLoaderKeepsTheEnginesValue) {
  auto loaded = load_scenario_text(
      server_with("      spf: score\n      end_of_data: lenient\n      mailbox_full: permanent\n"),
      "c.yaml");
  ASSERT_TRUE(loaded.scenario) << loaded.diagnostics.render(Lang::en);
  const MailServerModel& s = loaded.scenario->mail.servers.front();
  EXPECT_EQ(s.spf, agents::SpfPolicy::score);
  EXPECT_EQ(s.end_of_data, proto::smtp::EndOfDataMode::lenient);
  EXPECT_EQ(s.mailbox_full, MailboxFull::permanent);
}

TEST(Choices, AWrongWordIsReportedAtItsPlaceWithASuggestion) {
  auto loaded = load_scenario_text(server_with("      spf: rejct\n"), "c.yaml");
  EXPECT_FALSE(loaded.scenario);
  EXPECT_EQ(loaded.diagnostics.render(Lang::en),
            "c.yaml:9:12: error: 'spf' in 'servers' must be one of off, score, reject, not "
            "'rejct'; did you mean 'reject'?\n");
  EXPECT_NE(loaded.diagnostics.render(Lang::fr).find("c.yaml:9:12:"), std::string::npos);
  EXPECT_NE(loaded.diagnostics.render(Lang::fr).find("vouliez-vous dire « reject »"),
            std::string::npos)
      << loaded.diagnostics.render(Lang::fr);
}

TEST(Choices, EveryValueHasItsWord) {
  for (auto v : {agents::SpfPolicy::off, agents::SpfPolicy::score, agents::SpfPolicy::reject_fail})
    EXPECT_EQ(choice_value(kSpfChoices, choice_word(kSpfChoices, v)), v);
  for (auto v : {proto::smtp::EndOfDataMode::normalize, proto::smtp::EndOfDataMode::reject,
                 proto::smtp::EndOfDataMode::lenient, proto::smtp::EndOfDataMode::keep})
    EXPECT_EQ(choice_value(kEndOfDataChoices, choice_word(kEndOfDataChoices, v)), v);
  for (auto v : {agents::RetrievalProtocol::pop3, agents::RetrievalProtocol::imap})
    EXPECT_EQ(choice_value(kFetchProtocolChoices, choice_word(kFetchProtocolChoices, v)), v);
  for (auto v : {sim::net::FilterProtocol::tcp, sim::net::FilterProtocol::udp,
                 sim::net::FilterProtocol::any})
    EXPECT_EQ(choice_value(kFilterProtocolChoices, choice_word(kFilterProtocolChoices, v)), v);
  for (auto v : {sim::net::RoutingPolicy::shortest, sim::net::RoutingPolicy::least_busy})
    EXPECT_EQ(choice_value(kRoutingChoices, choice_word(kRoutingChoices, v)), v);
}

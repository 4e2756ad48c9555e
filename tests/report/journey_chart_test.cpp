// A message's sequence chart, built from the trace of a library scenario run to its end: the
// hosts in the order they took part, the exchanges in time order, waits as gaps, and the SVG.
#include <cstdlib>
#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>

#include "scenarios/build/scenario_run.hpp"
#include "scenarios/library/builtin.hpp"
#include "scenarios/load/scenario_reader.hpp"
#include "scenarios/model/roles.hpp"
#include "ui/report/journey_model.hpp"
#include "ui/report/journey_svg.hpp"

namespace mailsim::report {
namespace {

struct TracedRun {
  explicit TracedRun(std::string_view name) {
    const auto* found = scenarios::find_builtin(name);
    EXPECT_NE(found, nullptr) << name;
    auto loaded = scenarios::load_scenario_text(found->text, std::string(name) + ".yaml");
    model = *loaded.scenario;
    scenarios::Diagnostics diag("");
    run = std::make_unique<scenarios::ScenarioRun>(model, diag, std::nullopt);
    log = std::make_unique<JourneyLog>(run->sim().trace());
    run->run_to_completion();
  }
  JourneyChart chart(Lang lang = Lang::en) const {
    const auto messages = traced_messages(*log);
    EXPECT_FALSE(messages.empty());
    return journey_chart(*log, messages.front().message_id, scenarios::article_roles(model), lang);
  }
  scenarios::ScenarioModel model;
  std::unique_ptr<scenarios::ScenarioRun> run;
  std::unique_ptr<JourneyLog> log;
};

std::vector<std::string> hosts(const JourneyChart& c) {
  std::vector<std::string> out;
  for (const auto& l : c.lifelines)
    out.push_back(l.host);
  return out;
}

std::vector<std::string> labels(const JourneyChart& c, int from, int to) {
  std::vector<std::string> out;
  for (const auto& s : c.steps)
    if (s.type == ChartStep::Type::arrow && s.from == from && s.to == to) out.push_back(s.label);
  return out;
}

bool has(const std::vector<std::string>& v, const std::string& s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

TEST(JourneyChart, TheFirstMailGoesFromAlicesClientToBobsInTimeOrder) {
  const TracedRun r("first-mail");
  const JourneyChart c = r.chart();
  // Alice's client, her provider's server, the name server, Bob's server, Bob's client.
  EXPECT_EQ(hosts(c), (std::vector<std::string>{"alice-pc", "smtp.a.example", "ns.example",
                                                "mx.b.example", "bob-pc"}));
  EXPECT_EQ(c.lifelines[0].roles, "MUA");
  EXPECT_EQ(c.lifelines[1].roles, "MSA, MTA, MDA");
  EXPECT_EQ(c.lifelines[2].roles, "DNS");
  EXPECT_EQ(c.lifelines[3].roles, "MTA, MDA");
  for (std::size_t i = 1; i < c.steps.size(); ++i)
    EXPECT_LE(c.steps[i - 1].at, c.steps[i].at) << i;
  // The submission, command by command, and its replies.
  const auto submission = labels(c, 0, 1);
  for (const char* verb : {"EHLO", "STARTTLS", "AUTH", "MAIL FROM", "RCPT TO", "DATA", "QUIT"})
    EXPECT_TRUE(has(submission, verb)) << verb;
  EXPECT_TRUE(has(labels(c, 1, 0), "250"));
  EXPECT_TRUE(has(labels(c, 1, 0), "354"));
  // The MX question and its answer, then the relay.
  EXPECT_TRUE(has(labels(c, 1, 2), "MX?"));
  EXPECT_TRUE(has(labels(c, 2, 1), "MX"));
  EXPECT_TRUE(has(labels(c, 1, 3), "MAIL FROM"));
  // Bob fetches it.
  EXPECT_FALSE(labels(c, 4, 3).empty());
  // One arrow per line: the multi-line EHLO reply is one arrow at its last line.
  EXPECT_EQ(std::count(submission.begin(), submission.end(), "EHLO"), 2);
}

TEST(JourneyChart, ARetryScenarioShowsEachWaitAsAGap) {
  const TracedRun r("recipient-down-two-hours");
  const JourneyChart c = r.chart(Lang::fr);
  int gaps = 0, deferred = 0;
  sim::SimTime longest{0};
  for (const auto& s : c.steps) {
    if (s.type == ChartStep::Type::gap) {
      ++gaps;
      longest = std::max(longest, s.gap);
      EXPECT_TRUE(s.label.starts_with("…")) << s.label;
    }
    if (s.type == ChartStep::Type::note && s.label.starts_with("différé")) ++deferred;
  }
  EXPECT_GE(deferred, 4);
  EXPECT_GE(gaps, deferred);
  EXPECT_GE(longest, std::chrono::hours(1));
  // Each failed attempt is a connection to mx.b.example that got no answer.
  const auto& names = hosts(c);
  const auto mx = std::find(names.begin(), names.end(), "mx.b.example") - names.begin();
  const auto relay = std::find(names.begin(), names.end(), "smtp.a.example") - names.begin();
  const auto connects = labels(c, static_cast<int>(relay), static_cast<int>(mx));
  EXPECT_GE(std::count(connects.begin(), connects.end(), "connexion"), deferred + 1);
}

TEST(JourneyChart, TheSvgIsWellFormedXmlAndNamesEveryLifeline) {
  const TracedRun r("first-mail");
  const JourneyChart c = r.chart();
  const std::string svg = journey_svg(c, Lang::en);
  for (const auto& l : c.lifelines)
    EXPECT_NE(svg.find(">" + l.host + "<"), std::string::npos) << l.host;
  EXPECT_NE(svg.find("MAIL FROM"), std::string::npos);
  EXPECT_NE(svg.find("&lt;alice@a.example&gt;"), std::string::npos);  // escaped in a <title>
  const auto path = std::filesystem::temp_directory_path() / "mailsim-journey-test.svg";
  std::ofstream(path) << svg;
  const std::string check =
      "python3 -c \"import sys, xml.etree.ElementTree as E; "
      "r = E.parse(sys.argv[1]).getroot(); "
      "sys.exit(0 if r.tag == '{http://www.w3.org/2000/svg}svg' else 1)\" " +
      path.string();
  EXPECT_EQ(std::system(check.c_str()), 0);
}

// A chart with one lifeline (a bounce filed by the server that wrote it) is still wide enough
// for its title, which names the message.
TEST(JourneyChart, TheSvgOfOneLifelineIsWideEnoughForItsTitle) {
  JourneyChart c;
  c.message_id = "<20261130090001.362522.1@smtp.a.example>";
  c.lifelines.push_back({"smtp.a.example", "MTA, MDA"});
  const std::string svg = journey_svg(c, Lang::fr);
  EXPECT_NE(svg.find("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"560\" "), std::string::npos)
      << svg.substr(0, 200);
}

TEST(JourneyChart, LabelsAreTheVerbOrTheReplyCode) {
  using P = agents::DialogueProtocol;
  EXPECT_EQ(line_label(P::smtp, true, "MAIL FROM:<alice@a.example> SIZE=275"), "MAIL FROM");
  EXPECT_EQ(line_label(P::smtp, true, "rcpt to:<bob@b.example>"), "RCPT TO");
  EXPECT_EQ(line_label(P::smtp, false, "250 2.1.5 Ok"), "250");
  EXPECT_EQ(line_label(P::pop3, true, "RETR 1"), "RETR");
  EXPECT_EQ(line_label(P::pop3, false, "+OK 2 messages"), "+OK");
  EXPECT_EQ(line_label(P::imap, true, "a3 FETCH 1 BODY[]"), "FETCH");
  EXPECT_EQ(line_label(P::imap, false, "* 3 EXISTS"), "* EXISTS");
  EXPECT_EQ(line_label(P::imap, false, "a3 OK FETCH completed"), "OK");
}

}  // namespace
}  // namespace mailsim::report

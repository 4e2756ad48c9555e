// The `population:` section: a crowd in a few lines, generated from the seed, checked as written
// things are, written back as the section, and expanded (mailsim show --expand) into a plain
// file that loads and runs the same.
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <sstream>

#include "scenarios/build/scenario_run.hpp"
#include "scenarios/load/scenario_reader.hpp"
#include "scenarios/model/model_edit.hpp"
#include "scenarios/population/population.hpp"
#include "scenarios/write/scenario_writer.hpp"
#include "sim/trace_format.hpp"
#include "tests/scenarios/model_run.hpp"

using namespace mailsim;
using namespace mailsim::scenarios;
using namespace std::chrono_literals;
using scenarios::test::trace_of;
using scenarios::test::without_source;

namespace {

const char* kTown = R"(title: A town
seed: 5
start: 2026-11-30 08:00:00 +01:00
population:
  domains: 3
  users: 7
  traffic:
    messages: 12
    peaks: ["09:00:00"]
    hours: ["08:00:00", "18:00:00"]
    recipients: {same_domain: 40%, other_domains: 40%, unknown: 20%}
    size: {median: 2kB, max: 20kB}
  faults: {mx_down: 34%, at: 1h, for: 30min}
)";

ScenarioModel load(const std::string& text) {
  LoadResult r = load_scenario_text(text, "town.yaml");
  EXPECT_TRUE(r.scenario) << r.diagnostics.render(Lang::en) << text;
  return r.scenario ? *r.scenario : ScenarioModel{};
}

std::string errors(const std::string& text, Lang lang = Lang::en) {
  return load_scenario_text(text, "town.yaml").diagnostics.render(lang);
}

std::size_t count_sends(const ScenarioModel& s) {
  return static_cast<std::size_t>(std::count_if(s.timeline.begin(), s.timeline.end(), [](auto& e) {
    return std::holds_alternative<SendMailAction>(e.action);
  }));
}

}  // namespace

TEST(Population, MakesDomainsUsersAndTheirDay) {
  const ScenarioModel s = load(kTown);
  ASSERT_TRUE(s.population);
  EXPECT_EQ(s.mail.servers.size(), 3u);
  EXPECT_EQ(s.mail.clients.size(), 7u);
  ASSERT_TRUE(s.mail.dns);
  EXPECT_EQ(s.mail.dns->server, kPopulationDnsServer);
  EXPECT_EQ(s.mail.dns->zones.size(), 3u);
  EXPECT_NE(s.mail.dns->zones.at("d2.example.").find("MX 10 mx.d2.example."), std::string::npos);
  EXPECT_EQ(s.network.hosts.size(), 1u + 3u + 7u);  // the DNS server, the MXs, the PCs
  EXPECT_EQ(count_sends(s), 12u);
  // One MX of three (34%) down at 1h and up at 1h30.
  std::vector<std::pair<sim::SimTime, bool>> faults;
  for (const auto& e : s.timeline)
    if (const auto* h = std::get_if<SetHostUp>(&e.action)) faults.emplace_back(e.at, h->up);
  EXPECT_EQ(faults, (std::vector<std::pair<sim::SimTime, bool>>{{1h, false}, {90min, true}}));
  // Between 08:00 and 18:00 local, the start being 08:00: the first ten simulated hours.
  for (const auto& e : s.timeline)
    EXPECT_LT(e.at, 10h);
  EXPECT_TRUE(std::is_sorted(s.timeline.begin(), s.timeline.end(),
                             [](auto& a, auto& b) { return a.at < b.at; }));
}

TEST(Population, TheSameSeedMakesTheSameWorldAnotherSeedAnother) {
  EXPECT_TRUE(load(kTown) == load(kTown));
  std::string other = kTown;
  other.replace(other.find("seed: 5"), 7, "seed: 6");
  EXPECT_FALSE(without_source(load(kTown)).timeline == without_source(load(other)).timeline);
}

TEST(Population, MostMailFallsAroundThePeaks) {
  const ScenarioModel s = load(R"(title: Peaks
population:
  domains: 2
  users: 10
  traffic: {messages: 3000, peaks: ["14:00:00"]}
)");
  // The start is 08:00 local: 14:00 is 6h in. Two thirds spread around it (95% of those within
  // two hours), the rest all day (4 hours of 24): about 69% of 3,000 within two hours.
  const auto near = std::count_if(s.timeline.begin(), s.timeline.end(),
                                  [](auto& e) { return e.at >= 4h && e.at < 8h; });
  EXPECT_GT(near, 1950);
  EXPECT_LT(near, 2200);
}

TEST(Population, WrittenBackAsTheSectionAndLoadedAgainTheSame) {
  const ScenarioModel s = load(kTown);
  const std::string written = write_scenario(s);
  EXPECT_NE(written.find("population:"), std::string::npos) << written;
  EXPECT_EQ(written.find("pc1.d1.example"), std::string::npos) << written;
  EXPECT_EQ(written.find("network:"), std::string::npos) << written;
  EXPECT_TRUE(without_source(s) == without_source(load(written))) << written;
}

TEST(Population, ExpandedIntoAPlainFileThatRunsTheSame) {
  const ScenarioModel s = load(kTown);
  const std::string plain = write_scenario(expanded(s));
  EXPECT_EQ(plain.find("population:"), std::string::npos);
  EXPECT_NE(plain.find("pc1.d1.example"), std::string::npos);
  const ScenarioModel again = load(plain);
  EXPECT_FALSE(again.population);
  EXPECT_TRUE(without_source(expanded(s)) == without_source(again));
  const std::string trace = trace_of(s);
  EXPECT_NE(trace.find("mail.delivered"), std::string::npos);
  EXPECT_EQ(trace, trace_of(again));
}

TEST(Population, WrittenSectionsNameWhatItMakes) {
  const ScenarioModel s = load(std::string(kTown) + R"(timeline:
  - at: 11h
    fetch: pc1.d1.example
expect:
  - fetched: {client: pc1.d1.example}
)");
  EXPECT_EQ(s.timeline.back().at, 11h);
  EXPECT_EQ(
      write_scenario(s).find("- at: 11:00:00\n    fetch: pc1.d1.example") != std::string::npos,
      true)
      << write_scenario(s);
}

TEST(Population, ANameTheFileAlreadyUsesIsReportedAtTheSection) {
  const std::string text = std::string(kTown) + R"(network:
  hosts:
    - {name: mx.d2.example, address: 192.0.2.25}
)";
  EXPECT_NE(errors(text).find("town.yaml:5:3: error: the population makes a host, router, link, "
                              "mail client or DNS zone named 'mx.d2.example', which the file "
                              "already names on line 16"),
            std::string::npos)
      << errors(text);
  EXPECT_NE(errors(text, Lang::fr).find("la population crée un hôte"), std::string::npos);
}

TEST(Population, WrongValuesAreReportedAtTheirPlaceInBothLanguages) {
  const std::string text = R"(title: Wrong
population:
  domains: 0
  users: 5
  traffic:
    messages: 2000000
    days: 2
    hours: ["17:00:00", "08:00:00"]
    peaks: ["25:00:00"]
    recipients: {same_domain: 0, other_domains: 0, unknown: 0}
)";
  const std::string en = errors(text);
  EXPECT_NE(en.find("town.yaml:3:12: error: 'domains' in the population must be a whole number "
                    "from 1 to 100000"),
            std::string::npos)
      << en;
  EXPECT_NE(en.find("town.yaml:6:5: error: 'traffic' sends 4000000 messages in all"),
            std::string::npos)
      << en;
  EXPECT_NE(en.find("town.yaml:8:12: error: 'hours' in 'traffic' is the start and the end"),
            std::string::npos)
      << en;
  EXPECT_NE(en.find("town.yaml:9:13: error: '25:00:00' in 'peaks' of 'traffic' is not a clock "
                    "time of the day"),
            std::string::npos)
      << en;
  EXPECT_NE(en.find("town.yaml:10:17: error: 'recipients' in 'traffic': every share is 0"),
            std::string::npos)
      << en;
  const std::string fr = errors(text, Lang::fr);
  EXPECT_NE(fr.find("town.yaml:9:13: erreur : « 25:00:00 » dans « peaks » de « traffic » n'est "
                    "pas une heure de la journée"),
            std::string::npos)
      << fr;
}

TEST(Population, FetchingAtAnIntervalNeedsADurationSaidOnce) {
  const std::string text = R"(title: Fetch
population: {domains: 2, users: 50, fetch_every: 10min}
)";
  const std::string en = errors(text);
  EXPECT_NE(en.find("town.yaml:2:50: error: the population has every mail client fetch mail every "
                    "00:10:00"),
            std::string::npos)
      << en;
  EXPECT_EQ(std::count(en.begin(), en.end(), '\n'), 1) << en;
}

// The class template loads, makes its twenty pupils on one LAN, and runs to the end with every
// message accounted for.
TEST(Population, TheClassTemplateRuns) {
  std::ifstream in(std::string(MAILSIM_TEST_DIR) + "/../../scenarios/templates/school-class.yaml");
  std::stringstream text;
  text << in.rdbuf();
  const ScenarioModel s = load(text.str());
  EXPECT_EQ(s.mail.clients.size(), 20u);
  EXPECT_EQ(count_sends(s), 40u);
  EXPECT_TRUE(std::any_of(s.network.routers.begin(), s.network.routers.end(),
                          [](auto& r) { return r.name == "lan.school.example"; }));
  EXPECT_NE(trace_of(s).find("mail.delivered"), std::string::npos);
}

// A big city's core is a ring of at most eight routers with the others in groups below it: any
// two domains' mail servers are a few routers apart, far below a packet's 64 hops (a ring of
// 200 core routers put them up to 100 hops apart, and their mail never got through).
TEST(Population, ABigCityKeepsItsServersAFewHopsApart) {
  const ScenarioModel s = load(R"(title: A big city
seed: 5
population:
  domains: 10000
  users: 10000
  traffic: {messages: 1}
)");
  Diagnostics diag(s.file);
  ScenarioRun run(s, diag);
  ASSERT_TRUE(run.ok()) << diag.render(Lang::en);
  auto& net = run.network();
  const auto dns = net.node("ns.net.example");
  std::size_t longest = 0;
  for (const char* a : {"mx.d1.example", "mx.d77.example", "mx.d5000.example"})
    for (const char* b : {"mx.d2.example", "mx.d4321.example", "mx.d10000.example"}) {
      const auto path = net.route(net.node(a), net.node(b));
      ASSERT_FALSE(path.empty()) << a << " -> " << b;
      longest = std::max(longest, path.size());
      EXPECT_FALSE(net.route(net.node(a), dns).empty());
    }
  EXPECT_LE(longest, 14u);  // mx, gw, core, three backbone levels up and down, core, gw, mx
}

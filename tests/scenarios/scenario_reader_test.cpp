#include "scenarios/load/scenario_reader.hpp"
#include "scenarios/model/roles.hpp"

#include <fstream>
#include <sstream>

#include <gtest/gtest.h>

#include "scenarios/build/scenario_run.hpp"
#include "scenarios/load/datetime.hpp"

using namespace mailsim;
using namespace mailsim::scenarios;
using namespace std::chrono_literals;

namespace {
const char* kSmallest = R"(title: Two machines
network:
  hosts:
    - {name: a, address: 192.0.2.1}
    - {name: b, address: 198.51.100.1}
  links:
    - between: [a, b]
)";

std::string errors_of(const std::string& yaml, Lang lang = Lang::en) {
  return load_scenario_text(yaml, "lesson.yaml").diagnostics.render(lang);
}
}  // namespace

TEST(ScenarioReader, TheSmallestScenarioLoadsWithDefaults) {
  LoadResult r = load_scenario_text(kSmallest, "small.yaml");
  ASSERT_TRUE(r.scenario) << r.diagnostics.render(Lang::en);
  EXPECT_EQ(r.scenario->title.en, "Two machines");
  EXPECT_EQ(r.scenario->title.in(Lang::fr), "Two machines");
  EXPECT_EQ(r.scenario->seed, 1u);
  EXPECT_EQ(
      format_start_time({r.scenario->start_unix_seconds, r.scenario->start_utc_offset_minutes}),
      "2026-01-05 08:00:00 +01:00");
}

TEST(ScenarioReader, TitlesInTwoLanguagesStartAndTimeline) {
  LoadResult r =
      load_scenario_text(std::string(kSmallest).replace(0, 19, R"(title: {en: Cut, fr: Coupure}
seed: 42
start: 2026-11-30T09:15:00Z
duration: 2h
timeline:
  - at: 10min
    link_down: a-b
  - at: 00:20:00
    change_link: {link: a-b, latency: 50ms}
  - at: 30min
    link_up: a-b
  - at: 1h
    type: {from: a, to: b, lines: [EHLO a, QUIT], pause: 2s}
)"),
                         "t.yaml");
  ASSERT_TRUE(r.scenario) << r.diagnostics.render(Lang::en);
  const ScenarioModel& s = *r.scenario;
  EXPECT_EQ(s.title.in(Lang::fr), "Coupure");
  EXPECT_EQ(s.seed, 42u);
  EXPECT_EQ(s.duration, 2h);
  ASSERT_EQ(s.timeline.size(), 4u);
  EXPECT_EQ(s.timeline[1].at, 20min);
  EXPECT_EQ(std::get<ChangeLink>(s.timeline[1].action).params.latency, 50ms);
  const auto& typed = std::get<TypedSessionAction>(s.timeline[3].action);
  EXPECT_EQ(typed.lines, (std::vector<std::string>{"EHLO a", "QUIT"}));
  EXPECT_EQ(typed.pause, 2s);
  // The run follows the timeline.
  Diagnostics diag("t.yaml");
  ScenarioRun run(s, diag);
  ASSERT_TRUE(run.ok());
  run.run_until(15min);
  EXPECT_FALSE(run.network().link_view(run.network().link("a-b")).up);
  run.run_until(25min);
  EXPECT_EQ(run.network().link_view(run.network().link("a-b")).params.latency, 50ms);
  run.run_to_completion();
  EXPECT_TRUE(run.network().link_view(run.network().link("a-b")).up);
  EXPECT_EQ(run.sim().now(), 2h);
}

TEST(ScenarioReader, TimelineMistakes) {
  const std::string base = std::string(kSmallest) + "timeline:\n";
  EXPECT_EQ(
      errors_of(base + "  - at: 5min\n"),
      "lesson.yaml:9:5: error: this timeline entry says when ('at') but not what; add one of: "
      "link_down, link_up, host_down, host_up, change_link, type, send, fetch, change_dns\n");
  EXPECT_EQ(errors_of(base + "  - at: 5min\n    link_down: a-b\n    host_down: a\n"),
            "lesson.yaml:9:5: error: this timeline entry has two actions (link_down and "
            "host_down); give each its own entry\n");
  EXPECT_EQ(errors_of(base + "  - at: 5min\n    link_down: a-c\n"),
            "lesson.yaml:10:16: error: 'link_down': there is no link named 'a-c'; did you mean "
            "'a-b'?\n");
  EXPECT_EQ(errors_of(base + "  - at: 10min\n    host_down: a\n  - at: 5min\n    host_up: a\n"),
            "lesson.yaml:11:5: error: the timeline must be in time order: this entry at 00:05:00 "
            "comes after one at 00:10:00 (line 9)\n");
  EXPECT_EQ(errors_of(base + "  - at: 5 minutes\n    host_down: a\n"),
            "lesson.yaml:9:9: error: 'at' in a timeline entry: '5 minutes': unknown time unit "
            "'minutes'; use one of us, ms, s, min, mn, h, d, j (for example 250ms, 1h30min or "
            "00:05:00)\n");
}

TEST(ScenarioReader, ANamedSessionIsOpenedOnceThenContinued) {
  const std::string base = std::string(kSmallest) + "timeline:\n";
  const std::string open = "  - at: 1s\n    type: {session: s1, from: a, to: b, lines: []}\n";
  EXPECT_EQ(errors_of(base + open + "  - at: 2s\n    type: {session: s1, lines: [QUIT]}\n"), "");
  EXPECT_EQ(errors_of(base + open + "  - at: 2s\n    type: {session: s1, to: b, lines: [QUIT]}\n"),
            "lesson.yaml:12:11: error: the session 's1' was opened at line 10: this entry types "
            "more lines into it, so leave out 'to'\n");
  EXPECT_EQ(errors_of(base + "  - at: 2s\n    type: {session: s2, lines: [QUIT]}\n"),
            "lesson.yaml:10:11: error: no earlier 'type' opened the session 's2': give 'from' and "
            "'to' here to open it\n");
  EXPECT_EQ(errors_of(base + "  - at: 2s\n    type: {session: s2, lines: [QUIT]}\n", Lang::fr),
            "lesson.yaml:10:11: erreur : aucun « type » précédent n'a ouvert la session « s2 » : "
            "donnez ici « from » et « to » pour l'ouvrir\n");
}

TEST(ScenarioReader, TopLevelMistakes) {
  EXPECT_EQ(errors_of("titel: x\nnetwork: {}\n"),
            "lesson.yaml:1:1: error: the scenario needs 'title'; add a line 'title: ...'\n"
            "lesson.yaml:1:1: error: unknown key 'titel' in the scenario; did you mean 'title'?\n");
  EXPECT_EQ(errors_of("title: x\nstart: tomorrow\nnetwork: {}\n"),
            "lesson.yaml:2:8: error: 'start' must be a date and time such as 2026-11-29 08:00:00 "
            "+01:00, not 'tomorrow'\n");
  EXPECT_EQ(errors_of("title: x\n", Lang::fr),
            "lesson.yaml:1:1: erreur : le scénario a besoin de « network » ; ajoutez une ligne "
            "« network: ... »\n");
}

TEST(ScenarioReader, ExpectationMistakes) {
  const std::string base = std::string(kSmallest) + "expect:\n";
  EXPECT_EQ(errors_of(base + "  - {}\n"),
            "lesson.yaml:9:5: error: this expectation says nothing; use one of: connection, reply, "
            "mail, fetched, no_mail_lost\n");
  EXPECT_EQ(errors_of(base + "  - connection: {from: c, to: b, outcome: closed}\n"),
            "lesson.yaml:9:17: error: 'connection': there is no host named 'c'; did you mean 'a'?\n"
            "lesson.yaml:9:43: error: 'outcome' in 'connection' must be one of opened, refused, "
            "timed_out, not 'closed'\n");
  LoadResult r =
      load_scenario_text(base + "  - reply: {from: a, code: 220, within: 5s}\n", "x.yaml");
  ASSERT_TRUE(r.scenario) << r.diagnostics.render(Lang::en);
  const auto& reply = std::get<ReplyExpectation>(r.scenario->expectations[0].what);
  EXPECT_EQ(reply.code, 220);
  EXPECT_EQ(reply.within, 5s);
}

TEST(ScenarioReader, DnsAndMailMistakes) {
  const std::string base = kSmallest;
  EXPECT_EQ(errors_of(base + "dns:\n  server: c\n  zones:\n    b.example.: |\n      @ 300 MX ten "
                             "mx.b.example.\n"),
            "lesson.yaml:9:3: error: 'dns': there is no host named 'c'; did you mean 'a'?\n"
            "lesson.yaml:11:17: error: 'b.example.' in 'zones': zone b.example., line 1: ' ten "
            "mx.b.example.' is not valid MX data; expected for example: 10 mx.b.example.\n");
  EXPECT_EQ(
      errors_of(base + "mail:\n  servers:\n    - host: a\n      trusted_networks: [192.0.2/24]\n"
                       "      spf: maybe\n"),
      "lesson.yaml:10:7: error: '192.0.2/24' in 'servers' is not a network: write an address "
      "and a prefix length, such as 192.0.2.0/24\n"
      "lesson.yaml:12:12: error: 'spf' in 'servers' must be one of off, score, reject, not "
      "'maybe'\n");
  LoadResult ok = load_scenario_text(
      base +
          "mail:\n  servers:\n    - {host: b, domains: [b.example], users: {bob: x}}\n"
          "timeline:\n  - at: 1s\n    send: {from: a, server: b, mail_from: a@a.example, to: "
          "bob@b.example}\n"
          "expect:\n  - mail: {to: bob@b.example}\n  - no_mail_lost: true\n",
      "ok.yaml");
  ASSERT_TRUE(ok.scenario) << ok.diagnostics.render(Lang::en);
  EXPECT_EQ(ok.scenario->mail.servers[0].users.at("bob"), "x");
  EXPECT_EQ(std::get<SendMailAction>(ok.scenario->timeline[0].action).to,
            std::vector<std::string>{"bob@b.example"});
  EXPECT_EQ(ok.scenario->expectations.size(), 2u);
}

TEST(ScenarioReader, FilesThatCannotBeRead) {
  EXPECT_EQ(load_scenario_file("/nonexistent/lesson.yaml").diagnostics.render(Lang::en),
            "/nonexistent/lesson.yaml: error: cannot read the file: no such file, or not "
            "readable\n");
}

TEST(StartTime, ParseAndFormat) {
  auto t = parse_start_time("2026-11-29 08:00:00 +01:00");
  ASSERT_TRUE(t);
  EXPECT_EQ(t->unix_seconds, 1795935600);
  EXPECT_EQ(format_start_time(*t), "2026-11-29 08:00:00 +01:00");
  EXPECT_EQ(parse_start_time("2026-11-29T07:00:00Z")->unix_seconds, 1795935600);
  EXPECT_EQ(parse_start_time("2026-11-29 07:00")->unix_seconds, 1795935600);
  EXPECT_EQ(format_start_time(*parse_start_time("1969-12-31 23:00:00 -05:00")),
            "1969-12-31 23:00:00 -05:00");
  for (const char* bad : {"", "tomorrow", "2026-02-30 10:00", "2026-11-29 25:00", "2026-11-29",
                          "2026-11-29 08:00 +15:00", "2026-11-29 08:00 CET"})
    EXPECT_FALSE(parse_start_time(bad)) << bad;
}

TEST(ScenarioReader, ChangeLinkLossTakesAPercentageLikeALink) {
  LoadResult r = load_scenario_text(std::string(kSmallest) +
                                        "timeline:\n  - at: 1s\n"
                                        "    change_link: {link: a-b, loss: 5%}\n",
                                    "x.yaml");
  ASSERT_TRUE(r.scenario) << r.diagnostics.render(Lang::en);
  EXPECT_DOUBLE_EQ(std::get<ChangeLink>(r.scenario->timeline[0].action).params.loss, 0.05);
}

TEST(ScenarioReader, NoMailLostIsABoolean) {
  const std::string base = std::string(kSmallest) + "expect:\n";
  LoadResult off = load_scenario_text(base + "  - no_mail_lost: false\n", "x.yaml");
  ASSERT_TRUE(off.scenario) << off.diagnostics.render(Lang::en);
  EXPECT_TRUE(off.scenario->expectations.empty());
  EXPECT_EQ(errors_of(base + "  - no_mail_lost: {all: true}\n"),
            "lesson.yaml:9:19: error: 'no_mail_lost' in an expectation must be a single value, "
            "not a list or a map\n");
}

TEST(ScenarioReader, TimesAreNeverNegativeAndRecipientsAreTexts) {
  EXPECT_EQ(errors_of("title: x\nduration: -1h\nnetwork: {}\n", Lang::fr),
            "lesson.yaml:2:11: erreur : « duration » dans le scénario ne doit pas être négatif, "
            "pas « -1h »\n");
  EXPECT_EQ(errors_of(std::string(kSmallest) +
                      "timeline:\n  - at: 1s\n"
                      "    send: {from: a, server: b, mail_from: x@a, to: [y@b, {z: 1}]}\n"),
            "lesson.yaml:10:58: error: 'to' in 'send' must be a single value, not a list or a "
            "map\n");
}

TEST(HostRoles, GivenOrToldByWhatRunsOnTheHost) {
  auto r = load_scenario_text(R"(title: roles
network:
  hosts:
    - {name: alice-pc, address: 192.0.2.10}
    - {name: smtp.a.example, address: 192.0.2.25}
    - {name: relay.example, address: 192.0.2.26}
    - {name: ns.example, address: 203.0.113.53}
    - {name: evil, address: 203.0.113.66, role: attacker}
    - {name: printer, address: 192.0.2.99}
  routers: [{name: r}]
  links:
    - {between: [alice-pc, r]}
    - {between: [smtp.a.example, r]}
    - {between: [relay.example, r]}
    - {between: [ns.example, r]}
    - {between: [evil, r]}
    - {between: [printer, r]}
dns:
  server: ns.example
  zones:
    a.example.: |
      @ 3600 SOA ns.example. hostmaster.a.example. 1 7200 900 1209600 300
mail:
  servers:
    - {host: smtp.a.example, domains: [a.example]}
    - {host: relay.example}
timeline:
  - at: 1s
    type: {from: alice-pc, to: smtp.a.example, lines: [QUIT]}
)",
                              "roles.yaml");
  ASSERT_TRUE(r.scenario) << r.diagnostics.render(Lang::en);
  EXPECT_EQ(host_role(*r.scenario, "alice-pc"), "pc");
  EXPECT_EQ(host_role(*r.scenario, "smtp.a.example"), "mail_server");
  EXPECT_EQ(host_role(*r.scenario, "relay.example"), "relay");
  EXPECT_EQ(host_role(*r.scenario, "ns.example"), "dns_server");
  EXPECT_EQ(host_role(*r.scenario, "evil"), "attacker");
  EXPECT_EQ(host_role(*r.scenario, "printer"), "other");
  EXPECT_EQ(errors_of("title: t\nnetwork:\n  hosts:\n    - {name: a, address: 192.0.2.1, role: "
                      "server}\n"),
            "lesson.yaml:4:43: error: 'role' in host a must be one of pc, mail_server, relay, "
            "dns_server, resolver, attacker, other, not 'server'\n");
}

// The file the schema test also reads: times, sizes, bandwidths and a loss written the French
// way load to the same values as their English forms.
TEST(ScenarioReader, UnitsWrittenTheFrenchWay) {
  std::ifstream in(std::string(MAILSIM_TEST_DIR) + "/../schema/french-units.yaml");
  std::stringstream text;
  text << in.rdbuf();
  LoadResult r = load_scenario_text(text.str(), "french-units.yaml");
  ASSERT_TRUE(r.scenario) << r.diagnostics.render(Lang::en);
  const ScenarioModel& s = *r.scenario;
  EXPECT_EQ(s.duration, 90min);
  const auto& link = s.network.links.at(0).params;
  EXPECT_EQ(link.latency, 1500us);
  EXPECT_EQ(link.bandwidth_bps, 20'000'000u);
  EXPECT_EQ(link.queue_bytes, 64'000u);
  EXPECT_DOUBLE_EQ(link.loss, 0.005);
  EXPECT_DOUBLE_EQ(s.network.links.at(1).params.loss, 0.02);  // "0,02": YAML's text, no %
  ASSERT_EQ(s.timeline.size(), 2u);
  EXPECT_EQ(s.timeline[0].at, 5min);
  const auto& change = std::get<ChangeLink>(s.timeline[0].action).params;
  EXPECT_EQ(change.bandwidth_bps, 9600u);
  EXPECT_EQ(change.latency, 2500us);
  EXPECT_EQ(s.timeline[1].at, 48h);
}

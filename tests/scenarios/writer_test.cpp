// The scenario writer: every library scenario and every-key.yaml load, write and load again to
// the same scenario, write the same bytes twice, and replay the same run; a golden file shows
// what a person reads; an action recorded during a run is saved and replays.
#include "scenarios/write/scenario_writer.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "scenarios/build/scenario_run.hpp"
#include "scenarios/library/builtin.hpp"
#include "scenarios/load/scenario_reader.hpp"
#include "scenarios/model/model_edit.hpp"
#include "scenarios/write/quantities.hpp"
#include "sim/trace_format.hpp"
#include "sim/units.hpp"
#include "tests/golden.hpp"
#include "tests/scenarios/model_run.hpp"

using namespace mailsim;
using namespace mailsim::scenarios;
using namespace std::chrono_literals;
using scenarios::test::trace_of;
using scenarios::test::without_source;

namespace {

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

struct Source {
  std::string name;
  std::string text;
  bool runs;  // every-key.yaml is not meant to be run
};

std::vector<Source> sources() {
  std::vector<Source> out;
  for (const auto& b : builtin_scenarios())
    out.push_back({std::string(b.name), std::string(b.text), true});
  out.push_back(
      {"every-key", read_file(std::string(MAILSIM_TEST_DIR) + "/../schema/every-key.yaml"), false});
  return out;
}

ScenarioModel load(const std::string& text, const std::string& name) {
  LoadResult r = load_scenario_text(text, name);
  EXPECT_TRUE(r.scenario) << r.diagnostics.render(Lang::en) << "in:\n" << text;
  return r.scenario ? *r.scenario : ScenarioModel{};
}

}  // namespace

TEST(ScenarioWriter, LoadWriteLoadGivesTheSameScenario) {
  for (const auto& src : sources()) {
    SCOPED_TRACE(src.name);
    const ScenarioModel first = load(src.text, src.name + ".yaml");
    const std::string written = write_scenario(first);
    const ScenarioModel again = load(written, src.name + ".written.yaml");
    EXPECT_TRUE(without_source(first) == without_source(again)) << written;
  }
}

TEST(ScenarioWriter, WritingIsIdempotent) {
  for (const auto& src : sources()) {
    SCOPED_TRACE(src.name);
    const std::string written = write_scenario(load(src.text, src.name + ".yaml"));
    EXPECT_EQ(write_scenario(load(written, src.name + ".written.yaml")), written);
  }
}

TEST(ScenarioWriter, TheWrittenScenarioReplaysTheSameRun) {
  for (const auto& src : sources()) {
    if (!src.runs) continue;
    SCOPED_TRACE(src.name);
    const ScenarioModel first = load(src.text, src.name + ".yaml");
    const std::string expected = trace_of(first);
    EXPECT_GT(expected.size(), 1000u);
    EXPECT_TRUE(trace_of(load(write_scenario(first), src.name + ".written.yaml")) == expected);
  }
}

// What a teacher reads when saving the first-mail scenario. MAILSIM_UPDATE_GOLDEN=1 rewrites
// the file instead (review the diff).
TEST(ScenarioWriter, FirstMailGolden) {
  const std::string written =
      write_scenario(load(std::string(find_builtin("first-mail")->text), "first-mail.yaml"));
  mailsim::test::check_golden("first-mail.written.yaml", written);
}

TEST(ScenarioWriter, AnActionRecordedDuringARunIsSavedAndReplays) {
  const ScenarioModel model = load(std::string(find_builtin("first-mail")->text), "first-mail");
  std::ostringstream live;
  std::string saved;
  {
    Diagnostics diag("first-mail");
    ScenarioRun run(model, diag);
    ASSERT_TRUE(run.ok()) << diag.render(Lang::en);
    sim::TraceWriter writer(run.sim().trace(), live, sim::TraceFormat::json);
    // The teacher slows the link between the providers, then Alice writes again.
    run.run_until(500ms);
    ChangeLink slower{"isp-a-isp-b", model.network.links[2].params};
    slower.params.latency = 200ms;
    run.record(slower);
    run.run_until(90s);
    SendMailAction again;
    again.client = "alice";
    again.to = {"bob@b.example"};
    again.subject = "Encore";
    run.record(again);
    run.run_to_completion();
    saved = write_scenario(run.model());
  }
  EXPECT_NE(saved.find("  - at: 00:00:00.5\n    change_link: {link: isp-a-isp-b, latency: 200ms}\n"
                       "  - at: 00:00:01\n"),
            std::string::npos)
      << saved;
  EXPECT_NE(saved.find("  - at: 00:01:00\n    fetch: bob\n  - at: 00:01:30\n    send:\n"
                       "      client: alice\n      to: bob@b.example\n      subject: Encore\n"),
            std::string::npos)
      << saved;
  const ScenarioModel replayed = load(saved, "saved.yaml");
  ASSERT_EQ(replayed.timeline.size(), 4u);
  EXPECT_TRUE(trace_of(replayed) == live.str());
  EXPECT_FALSE(trace_of(model) == live.str()) << "the recorded actions change the run";
}

TEST(ScenarioWriter, EntriesAtTheSameTimeKeepTheOrderTheyWereAddedIn) {
  ScenarioModel s;
  add_to_timeline(s, 2s, SetLinkUp{"l", false});
  add_to_timeline(s, 1s, SetHostUp{"h", false});
  add_to_timeline(s, 2s, SetLinkUp{"l", true});
  add_to_timeline(s, 0s, FetchMailAction{"bob"});
  add_to_timeline(s, 2s, SetHostUp{"h", true});
  std::vector<std::pair<sim::SimTime, Action>> got;
  for (const auto& e : s.timeline)
    got.emplace_back(e.at, e.action);
  const std::vector<std::pair<sim::SimTime, Action>> expected{{0s, FetchMailAction{"bob"}},
                                                              {1s, SetHostUp{"h", false}},
                                                              {2s, SetLinkUp{"l", false}},
                                                              {2s, SetLinkUp{"l", true}},
                                                              {2s, SetHostUp{"h", true}}};
  EXPECT_TRUE(got == expected);
}

// Texts that need quotes or blocks, lists of addresses, odd quantities: all read back the same.
TEST(ScenarioWriter, AwkwardValuesReadBackTheSame) {
  const std::string text = R"(title: "yes"
description:
  en: "Two lines,\nthe second one ending the text.\n"
  fr: "  Deux espaces devant, et rien à la fin"
start: 2026-03-29T01:30:00Z
duration: 1d 00:00:00.000001
network:
  hosts:
    - {name: a, address: 192.0.2.1, position: [0.123456789, 1]}
    - {name: b, address: 198.51.100.1}
  links:
    - {between: [a, b], name: "#1", latency: 1.5ms, bandwidth: 1234567bps, loss: 0.1%,
       queue_bytes: 10MiB, queue_packets: 7, mtu: 9000}
mail:
  servers:
    - host: b
      domains: [b.example]
      users: {bob: "~", "on": "#x", "null": ""}
timeline:
  - at: 00:00:01.000001
    change_link: {link: "#1", loss: 0.3}
  - at: 00:00:02
    send:
      from: a
      server: b
      mail_from: a@a.example
      to: [bob@b.example, "on@b.example"]
      cc: "null@b.example"
      subject: "Re: [ok] #1"
      body: "Dear Bob,\n\nno final line break"
      attachment: 1234567
  - at: 00:00:02
    send:
      from: a
      server: b
      mail_from: a@a.example
      to: bob@b.example
      subject: ""
      body: "Dear Bob,\n  indented\n\nBye\n"
  - at: 1d 00:00:00.5
    type: {from: a, to: 198.51.100.1, port: 110, lines: [], pause: 250ms}
)";
  const ScenarioModel first = load(text, "awkward.yaml");
  const std::string written = write_scenario(first);
  EXPECT_TRUE(without_source(first) == without_source(load(written, "w.yaml"))) << written;
  EXPECT_EQ(write_scenario(load(written, "w.yaml")), written);
  // A body ending with a line break is a literal block; one without stays a quoted line.
  EXPECT_NE(written.find("      body: |\n        Dear Bob,\n          indented\n\n        Bye\n"),
            std::string::npos)
      << written;
  EXPECT_NE(written.find(R"(body: "Dear Bob,\n\nno final line break")"), std::string::npos);
  EXPECT_NE(written.find("title: \"yes\"\n"), std::string::npos);
}

TEST(WriterQuantities, PeopleWriteThemThisWay) {
  EXPECT_EQ(duration_text(0s), "0s");
  EXPECT_EQ(duration_text(7us), "7us");
  EXPECT_EQ(duration_text(1500us), "1.5ms");
  EXPECT_EQ(duration_text(250ms), "250ms");
  EXPECT_EQ(duration_text(1500ms), "1.5s");
  EXPECT_EQ(duration_text(90s), "1min30s");
  EXPECT_EQ(duration_text(90min), "1h30min");
  EXPECT_EQ(duration_text(26h), "1d2h");
  EXPECT_EQ(duration_text(1h + 1us), "1h0.000001s");
  EXPECT_EQ(size_text(0), "0B");
  EXPECT_EQ(size_text(1500), "1.5kB");
  EXPECT_EQ(size_text(96000), "96kB");
  EXPECT_EQ(size_text(25000000), "25MB");
  EXPECT_EQ(size_text(65536), "64KiB");
  EXPECT_EQ(size_text(10 * 1024 * 1024), "10MiB");
  EXPECT_EQ(size_text(1234567), "1234.567kB");
  EXPECT_EQ(size_text(512), "512B");
  EXPECT_EQ(bandwidth_text(20000000), "20Mbps");
  EXPECT_EQ(bandwidth_text(1500000000), "1.5Gbps");
  EXPECT_EQ(bandwidth_text(1234567), "1234.567kbps");
  EXPECT_EQ(number_text(0.05), "0.05");
  EXPECT_EQ(number_text(0.1 + 0.2), "0.30000000000000004");
}

TEST(WriterQuantities, EveryValueReadsBackExactly) {
  std::uint64_t x = 88172645463325252ULL;  // xorshift: many values of every magnitude
  for (int i = 0; i < 20000; ++i) {
    x ^= x << 13;
    x ^= x >> 7;
    x ^= x << 17;
    const std::uint64_t v = x >> (x % 64);
    const sim::SimTime t(static_cast<std::int64_t>(v >> 2));
    ASSERT_EQ(sim::parse_time(duration_text(t)), t) << duration_text(t);
    ASSERT_EQ(sim::parse_size(size_text(v)), v) << size_text(v);
    if (v > 0) {
      ASSERT_EQ(sim::parse_bandwidth(bandwidth_text(v)), v) << bandwidth_text(v);
    }
  }
}

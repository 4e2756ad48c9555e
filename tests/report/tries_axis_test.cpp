// The tries' time axis under a journey chart: drawn to scale (an hour is an hour wherever it
// falls), ticks at round times, each try coloured by how it ended, nothing when the journey took
// seconds.
#include "ui/report/tries_axis.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <cmath>

#include "scenarios/build/scenario_run.hpp"
#include "scenarios/library/builtin.hpp"
#include "scenarios/load/scenario_reader.hpp"
#include "scenarios/model/roles.hpp"

namespace mailsim::report {
namespace {

using Moment = ChartStep::Moment;
using namespace std::chrono_literals;

JourneyChart first_chart(std::string_view name) {
  const auto* found = scenarios::find_builtin(name);
  EXPECT_NE(found, nullptr) << name;
  auto loaded = scenarios::load_scenario_text(found->text, std::string(name) + ".yaml");
  scenarios::Diagnostics diag("");
  scenarios::ScenarioRun run(*loaded.scenario, diag, std::nullopt);
  JourneyLog log(run.sim().trace());
  run.run_to_completion();
  const auto messages = traced_messages(log);
  EXPECT_FALSE(messages.empty());
  return journey_chart(log, messages.front().message_id, scenarios::article_roles(*loaded.scenario),
                       Lang::en);
}

TEST(TriesAxis, TheRetriesOfADownServerAreDrawnToScale) {
  const JourneyChart chart = first_chart("recipient-down-two-hours");
  EXPECT_NE(tries_axis_svg(chart, Lang::fr).find("Chaque essai"), std::string::npos);
  const TriesAxis axis = tries_axis(chart);
  std::vector<const AxisMark*> relay;  // smtp.a.example's tries towards mx.b.example
  for (const AxisMark& m : axis.marks)
    if (m.moment == Moment::attempt && m.detail == "smtp.a.example → mx.b.example")
      relay.push_back(&m);
  ASSERT_GE(relay.size(), 4u);
  // Every try but the last failed; the last got the message through.
  for (std::size_t i = 0; i + 1 < relay.size(); ++i)
    EXPECT_EQ(relay[i]->outcome, Moment::failed) << "try " << relay[i]->number;  // no answer
  EXPECT_EQ(relay.back()->outcome, Moment::queued);
  // To scale: the distance between two tries is proportional to the time between them.
  const double per_us =
      (TriesAxis::kRight - TriesAxis::kLeft) / static_cast<double>((axis.to - axis.from).count());
  for (std::size_t i = 1; i < relay.size(); ++i) {
    const double dt = static_cast<double>((relay[i]->at - relay[i - 1]->at).count());
    EXPECT_NEAR(relay[i]->x - relay[i - 1]->x, dt * per_us, 0.01) << "try " << relay[i]->number;
  }
  // Ticks at whole hours for a three-hour journey, inside the axis.
  ASSERT_FALSE(axis.ticks.empty());
  for (const AxisTick& t : axis.ticks) {
    EXPECT_EQ(t.at.count() % std::chrono::microseconds(1h).count(), 0);
    EXPECT_GE(t.x, TriesAxis::kLeft);
    EXPECT_LE(t.x, TriesAxis::kRight);
  }
  EXPECT_LE(axis.ticks.size(), 6u);
}

TEST(TriesAxis, TheFirstMailShowsItsTriesAndTheFetchAMinuteLater) {
  const TriesAxis axis = tries_axis(first_chart("first-mail"));
  int tries = 0, fetches = 0;
  for (const AxisMark& m : axis.marks) {
    if (m.moment == Moment::attempt) {
      ++tries;
      EXPECT_EQ(m.outcome, Moment::queued) << m.detail;
    }
    if (m.moment == Moment::fetch) ++fetches;
  }
  EXPECT_EQ(tries, 2);  // alice-pc to smtp.a.example, smtp.a.example to mx.b.example
  EXPECT_GE(fetches, 1);
}

TEST(TriesAxis, AJourneyOfSecondsHasNoAxis) {
  JourneyChart c;
  c.lifelines = {{"a", ""}, {"b", ""}};
  ChartStep s;
  s.moment = Moment::attempt;
  s.from = 0;
  s.to = 1;
  c.steps = {s};
  s.at = 1s;
  s.moment = Moment::queued;
  s.type = ChartStep::Type::note;
  c.steps.push_back(s);
  EXPECT_TRUE(tries_axis(c).marks.empty());
  EXPECT_EQ(tries_axis_svg(c, Lang::en), "");
}

TEST(TriesAxis, LabelsTooCloseTogetherGoOnFurtherRows) {
  JourneyChart c;
  c.lifelines = {{"a", ""}, {"b", ""}};
  auto step = [&](sim::SimTime at, Moment m, ChartStep::Type type = ChartStep::Type::arrow) {
    ChartStep s;
    s.at = at;
    s.type = type;
    s.moment = m;
    s.from = 0;
    s.to = type == ChartStep::Type::arrow ? 1 : -1;
    c.steps.push_back(s);
  };
  step(0s, Moment::attempt);
  step(1s, Moment::attempt);
  step(2s, Moment::attempt);
  step(3s, Moment::attempt);
  step(3s, Moment::none, ChartStep::Type::gap);
  step(10h, Moment::attempt);
  const TriesAxis axis = tries_axis(c);
  ASSERT_EQ(axis.marks.size(), 5u);
  EXPECT_EQ(axis.marks[0].row, 0);
  EXPECT_EQ(axis.marks[1].row, 1);
  EXPECT_EQ(axis.marks[2].row, 2);
  EXPECT_EQ(axis.marks[3].row, -1);  // no room left: the mark alone, its tooltip has the rest
  EXPECT_EQ(axis.marks[4].row, 0);
  EXPECT_EQ(axis.marks[4].outcome, Moment::none);
}

}  // namespace
}  // namespace mailsim::report

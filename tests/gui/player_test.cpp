// The player and the scene, without a display: time control, the pre-run's timeline marks,
// going back in time, an event that fails, and how packets are classified and followed.
#include <stdexcept>

#include <gtest/gtest.h>

#include "tests/gui/gui_model.hpp"
#include "ui/gui/clock_text.hpp"
#include "ui/gui/player.hpp"

namespace mailsim::gui {
namespace {

using namespace std::chrono_literals;
using test::player_of;

bool has_mark(const std::vector<Mark>& marks, MarkKind kind) {
  return std::any_of(marks.begin(), marks.end(), [&](const Mark& m) { return m.kind == kind; });
}

TEST(Player, ThePreRunFindsTheEndAndEveryMarkBeforePlaying) {
  auto p = player_of("first-mail");
  EXPECT_EQ(p->now(), sim::SimTime(0));
  EXPECT_GT(p->end(), 1s);
  EXPECT_TRUE(has_mark(p->all_marks(), MarkKind::accepted));
  EXPECT_TRUE(has_mark(p->all_marks(), MarkKind::relayed));
  EXPECT_TRUE(has_mark(p->all_marks(), MarkKind::delivered));
  EXPECT_FALSE(has_mark(p->all_marks(), MarkKind::bounced));
  // The marks are in time order, as the timeline draws them.
  EXPECT_TRUE(std::is_sorted(p->all_marks().begin(), p->all_marks().end(),
                             [](const Mark& a, const Mark& b) { return a.at < b.at; }));
}

TEST(Player, FaultsAreMarkedOnTheTimeline) {
  auto p = player_of("recipient-down-two-hours");
  EXPECT_TRUE(has_mark(p->all_marks(), MarkKind::fault));
  EXPECT_TRUE(has_mark(p->all_marks(), MarkKind::repair));
  EXPECT_TRUE(has_mark(p->all_marks(), MarkKind::deferred));
  EXPECT_TRUE(has_mark(p->all_marks(), MarkKind::delivered));
}

TEST(Player, PlaysAtTheChosenSpeedAndPauses) {
  auto p = player_of("first-mail");
  p->skip_idle = false;
  p->speed = 2;
  p->advance(std::chrono::duration<double>(0.05));
  EXPECT_EQ(p->now(), 100ms);
  p->playing = false;
  p->advance(std::chrono::duration<double>(0.05));
  EXPECT_EQ(p->now(), 100ms);
  // A frame that stalled does not leap ahead: at most a tenth of a second of wall time.
  p->playing = true;
  p->advance(std::chrono::duration<double>(5.0));
  EXPECT_EQ(p->now(), 300ms);
}

TEST(Player, SkipIdleJumpsOverWaitsButNotOverPackets) {
  auto p = player_of("recipient-down-two-hours");
  p->speed = 1;
  // Two hours of retries at 1x: only skipping idle time gets through in a few thousand frames.
  int frames = 0;
  while (!p->finished() && frames < 20000) {
    // While a packet is on the wire, time moves at the chosen speed only.
    const bool busy = p->scene().in_flight(p->now()) > 0;
    const auto before = p->now();
    p->go_on();  // a lesson's question: the teacher presses Space
    p->advance(std::chrono::duration<double>(1.0 / 60));
    ++frames;
    if (busy) {
      EXPECT_LE(p->now() - before, 17ms);
    }
  }
  EXPECT_TRUE(p->finished());
  EXPECT_LT(frames, 20000);
  EXPECT_GE(p->now(), 2h);
}

TEST(Player, GoingToATimeStaysWithinTheScenario) {
  auto p = player_of("first-mail");
  p->seek(std::chrono::hours(24 * 365 * 1000));
  EXPECT_EQ(p->now(), p->end());
  p->seek(-5s);
  EXPECT_EQ(p->now(), sim::SimTime(0));
}

TEST(Player, StepsOneEventOrOneProtocolLine) {
  auto p = player_of("first-mail");
  p->step_event();
  EXPECT_EQ(p->view().events_executed(), 1u);
  const auto lines = p->scene().lines();
  p->step_line();
  EXPECT_EQ(p->scene().lines(), lines + 1);
  p->step_line();
  EXPECT_EQ(p->scene().lines(), lines + 2);
}

// The view state a frame is drawn from, to compare two ways of reaching one time.
struct ViewState {
  sim::SimTime now;
  std::uint64_t events;
  std::vector<std::tuple<std::uint64_t, sim::net::LinkId, sim::SimTime, sim::SimTime>> flights;
  std::size_t marks, journeys, drops, lines;
  bool operator==(const ViewState&) const = default;
};

ViewState state_of(const Player& p) {
  ViewState s{p.now(),
              p.view().events_executed(),
              {},
              p.scene().marks().size(),
              p.scene().journeys().size(),
              p.scene().drops().size(),
              p.scene().lines()};
  for (const auto& f : p.scene().flights())
    s.flights.emplace_back(f.packet.id, f.link, f.depart, f.arrive);
  return s;
}

TEST(Player, GoingBackReplaysTheSameRun) {
  for (auto name : {"first-mail", "recipient-down-two-hours", "congested-link"}) {
    auto played = player_of(name);
    auto scrubbed = player_of(name);
    const sim::SimTime t = played->end() / 3;
    played->seek(t);
    scrubbed->seek(played->end());
    scrubbed->seek(t);
    EXPECT_EQ(state_of(*scrubbed), state_of(*played)) << name;
    EXPECT_GT(scrubbed->last_replay_ms(), 0.0);
  }
}

TEST(Player, AnEventThatFailsStopsThePlayButNotTheWindow) {
  scenarios::Diagnostics diag("");
  Player p(test::builtin("first-mail"), std::nullopt, diag, [](scenarios::ScenarioRun& run) {
    run.sim().schedule_at(sim::SimTime(1500ms), [] { throw std::out_of_range("no such hop"); });
  });
  ASSERT_TRUE(p.ok());
  p.seek(p.end());
  ASSERT_TRUE(p.failure().has_value());
  EXPECT_EQ(p.failure()->at, 1500ms);
  EXPECT_EQ(p.failure()->kind, "std::out_of_range");
  EXPECT_EQ(p.failure()->what, "no such hop");
  EXPECT_TRUE(p.finished());
  // Playing, stepping: time stays where the run stopped.
  p.playing = true;
  p.advance(1s);
  p.step_event();
  p.step_line();
  EXPECT_EQ(p.now(), 1500ms);
  // Going back replays the run up to just before the failure, which is still ahead.
  p.seek(1s);
  EXPECT_FALSE(p.failure().has_value());
  EXPECT_EQ(p.now(), 1s);
  p.seek(2s);
  EXPECT_TRUE(p.failure().has_value());
}

TEST(Scene, ClassifiesPacketsByPortAndPayload) {
  sim::net::Packet p;
  p.ip.protocol = sim::net::Protocol::tcp;
  p.tcp.dst_port = 25;
  EXPECT_EQ(classify(p), PacketClass::control);  // a SYN to port 25 carries no SMTP yet
  p.payload.length = 20;
  EXPECT_EQ(classify(p), PacketClass::smtp);
  p.tcp.dst_port = 40000;
  p.tcp.src_port = 587;
  EXPECT_EQ(classify(p), PacketClass::smtp);
  p.tcp.src_port = 143;
  EXPECT_EQ(classify(p), PacketClass::retrieval);
  p.tcp.src_port = 110;
  EXPECT_EQ(classify(p), PacketClass::retrieval);
  p.ip.protocol = sim::net::Protocol::udp;
  p.udp.dst_port = 53;
  EXPECT_EQ(classify(p), PacketClass::dns);
  p.udp.dst_port = 9;
  EXPECT_EQ(classify(p), PacketClass::other);
}

TEST(Scene, FollowsAMessageFromServerToServer) {
  auto p = player_of("first-mail");
  p->seek(p->end());
  ASSERT_EQ(p->scene().journeys().size(), 1u);
  const auto& j = p->scene().journeys()[0];
  EXPECT_EQ(j.sender, "alice@a.example");
  ASSERT_EQ(j.hops.size(), 2u);
  EXPECT_EQ(j.hops[0].agent, "smtp.a.example");
  EXPECT_EQ(j.hops[1].agent, "mx.b.example");
  // The window draws the way by node id: the records name the host, not just its label.
  const auto& net = p->view().network();
  EXPECT_EQ(j.hops[0].node, net.node("smtp.a.example"));
  EXPECT_EQ(j.hops[1].node, net.node("mx.b.example"));
  ASSERT_TRUE(j.hops[0].left.has_value());
  EXPECT_GE(*j.hops[0].left, j.hops[0].arrived);
  EXPECT_EQ(j.outcome, "bob@b.example/INBOX");
}

TEST(Scene, PlacesEveryLostPacketOnItsLinkOrAtItsNode) {
  for (const char* name : {"firewall-port-25", "recipient-down-two-hours", "host-crash"}) {
    auto p = player_of(name);
    p->seek(p->end());
    const auto& net = p->view().network();
    ASSERT_FALSE(p->scene().drops().empty()) << name;
    for (const Drop& d : p->scene().drops())
      EXPECT_TRUE(d.link < net.link_count() || d.node < net.node_count()) << name;
  }
}

TEST(ClockText, ShowsMillisecondsAndDaysInTheUsersLanguage) {
  EXPECT_EQ(clock_text(1234567us, Lang::en), "00:00:01.234");
  EXPECT_EQ(clock_text(26h + 3min, Lang::en), "day 2  02:03:00.000");
  EXPECT_EQ(clock_text(26h + 3min, Lang::fr), "jour 2  02:03:00.000");
  EXPECT_EQ(short_duration(252s, Lang::en), "4 min 12 s");
  EXPECT_EQ(short_duration(70min, Lang::fr), "1 h 10 min");
  EXPECT_EQ(short_duration(51h, Lang::fr), "2 j 3 h");
  EXPECT_EQ(short_duration(51h, Lang::en), "2 d 3 h");
  EXPECT_EQ(short_duration(250ms, Lang::en), "250 ms");
}

}  // namespace
}  // namespace mailsim::gui

namespace mailsim::gui {
namespace {

TEST(TimelineScale, SpreadsBurstsAndMapsClicksBackToTheirTime) {
  // A burst of marks in the first two seconds, then nothing until an hour later.
  const TimelineScale scale(1h, {1s, 1100ms, 1200ms, 1300ms, 2s, 1h});
  EXPECT_EQ(scale.fraction(sim::SimTime(0)), 0.0);
  EXPECT_EQ(scale.fraction(1h), 1.0);
  // The burst takes a visible part of the axis (a linear axis gives it 0.06%).
  EXPECT_GT(scale.fraction(2s) - scale.fraction(1s), 0.1);
  // Monotonic, and a click maps back to the time drawn there.
  double last = -1;
  for (auto t = sim::SimTime(0); t <= 1h; t += 17s) {
    const double f = scale.fraction(t);
    EXPECT_GT(f, last);
    last = f;
    EXPECT_NEAR(static_cast<double>(scale.time_at(f).count()), static_cast<double>(t.count()), 2);
  }
  EXPECT_EQ(scale.time_at(-1), sim::SimTime(0));
  EXPECT_EQ(scale.time_at(2), 1h);
}

TEST(TimelineScale, WithoutMarksIsLinear) {
  const TimelineScale scale(100s, {});
  EXPECT_DOUBLE_EQ(scale.fraction(25s), 0.25);
  EXPECT_EQ(scale.time_at(0.5), 50s);
}

}  // namespace
}  // namespace mailsim::gui

// The window's command layer, without a display: each action its menus take changes what the
// simulation does, survives going back in time, and a run saved as a scenario replays with
// `mailsim run` to the same trace, byte for byte.
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <fmt/format.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include "scenarios/build/scenario_run.hpp"
#include "scenarios/write/scenario_writer.hpp"
#include "sim/trace_format.hpp"
#include "tests/gui/gui_model.hpp"
#include "ui/gui/commands.hpp"
#include "ui/gui/console_panel.hpp"
#include "ui/gui/player.hpp"

namespace mailsim::gui {
namespace {

using namespace std::chrono_literals;
using test::builtin;
using test::player_of;

const sim::SimTime kNoMark = sim::SimTime::max();

sim::SimTime first(const std::vector<Mark>& marks, MarkKind kind) {
  for (const auto& m : marks)
    if (m.kind == kind) return m.at;
  return kNoMark;
}

void record(Player& p, const Command& c) {
  ASSERT_TRUE(c) << c.refusal;
  p.record(*c.action);
}

TEST(Commands, AMailServerSwitchedOffDefersTheMailUntilItIsBack) {
  auto p = player_of("first-mail");
  ASSERT_EQ(first(p->all_marks(), MarkKind::deferred), kNoMark);
  p->seek(500ms);
  record(*p, set_host_up(p->view(), "mx.b.example", false, Lang::en));
  // The pre-run is done again: the timeline now shows the deferral.
  EXPECT_NE(first(p->all_marks(), MarkKind::deferred), kNoMark);
  p->seek(2min);
  EXPECT_FALSE(p->view().network().is_up(p->view().network().node("mx.b.example")));
  const auto servers = p->view().mail_servers();
  const auto& a = *std::find_if(servers.begin(), servers.end(),
                                [](const auto& s) { return s.host == "smtp.a.example"; });
  const auto queued = a.mta->queue().messages();
  ASSERT_EQ(queued.size(), 1u);
  EXPECT_GE(queued[0]->retry.failures, 1);
  EXPECT_FALSE(queued[0]->last_error.empty());
  EXPECT_NE(first(p->scene().marks(), MarkKind::deferred), kNoMark);
  // Going back replays the scenario with the action in its timeline.
  p->seek(1min);
  EXPECT_NE(first(p->scene().marks(), MarkKind::deferred), kNoMark);
  EXPECT_EQ(first(p->scene().marks(), MarkKind::delivered), kNoMark);
  // Switched on again: the next try delivers it.
  p->seek(2min);
  record(*p, set_host_up(p->view(), "mx.b.example", true, Lang::en));
  p->seek(p->end());
  EXPECT_NE(first(p->scene().marks(), MarkKind::delivered), kNoMark);
}

TEST(Commands, ACutLinkLosesThePacketsUntilItIsRestored) {
  auto p = player_of("first-mail");
  p->seek(500ms);
  record(*p, set_link_up(p->view(), "isp-a-isp-b", false, Lang::en));
  p->seek(30s);
  EXPECT_FALSE(p->view().network().link_view(p->view().network().link("isp-a-isp-b")).up);
  EXPECT_EQ(first(p->scene().marks(), MarkKind::delivered), kNoMark);
  EXPECT_NE(first(p->scene().marks(), MarkKind::fault), kNoMark);
  record(*p, set_link_up(p->view(), "isp-a-isp-b", true, Lang::en));
  p->seek(p->end());
  EXPECT_NE(first(p->scene().marks(), MarkKind::delivered), kNoMark);
}

TEST(Commands, ASlowerLinkDelaysTheMailAndALossyOneDropsPackets) {
  auto before = player_of("first-mail");
  auto slow = player_of("first-mail");
  record(*slow, change_link(slow->view(), "alice-pc-isp-a", {.latency = 400ms}, Lang::en));
  const auto params =
      slow->view().network().link_view(slow->view().network().link("alice-pc-isp-a")).params;
  slow->seek(1ms);
  EXPECT_EQ(slow->view()
                .network()
                .link_view(slow->view().network().link("alice-pc-isp-a"))
                .params.latency,
            400ms);
  EXPECT_EQ(params.bandwidth_bps, 20'000'000u);  // what was not given keeps its value
  // The submission takes a dozen round trips: seconds later.
  EXPECT_GT(first(slow->all_marks(), MarkKind::accepted),
            first(before->all_marks(), MarkKind::accepted) + 3s);

  auto lossy = player_of("first-mail");
  record(*lossy, change_link(lossy->view(), "alice-pc-isp-a", {.loss = 0.5}, Lang::en));
  lossy->seek(5s);
  std::size_t lost = 0;
  for (int i = 0; i < 20000 && lost == 0 && lossy->now() < 20s; ++i) {
    lossy->step_event();
    lost = lossy->scene().drops().size();
  }
  EXPECT_GT(lost, 0u);
}

TEST(Commands, LinkChangesOutsideTheirRangeAreRefusedInTheUsersLanguage) {
  auto p = player_of("first-mail");
  EXPECT_FALSE(change_link(p->view(), "alice-pc-isp-a", {.loss = 1.5}, Lang::en));
  EXPECT_FALSE(change_link(p->view(), "alice-pc-isp-a", {.bandwidth_bps = 0}, Lang::en));
  const Command c = change_link(p->view(), "nowhere", {.latency = 1ms}, Lang::fr);
  EXPECT_FALSE(c);
  EXPECT_EQ(c.refusal, "Aucun lien ne s'appelle nowhere.");
  EXPECT_FALSE(set_host_up(p->view(), "nowhere", false, Lang::en));
}

TEST(Commands, AnMxPointingNowhereBouncesTheMailAndTheDialogShowsIt) {
  auto p = player_of("first-mail");
  const MxChange before = current_mx(p->view(), "b.example.");
  ASSERT_EQ(before.exchangers, (std::vector<MxRecord>{{10, "mx.b.example."}}));
  EXPECT_EQ(before.ttl, 300u);
  EXPECT_EQ(dns_zones(p->view()), (std::vector<std::string>{"a.example.", "b.example."}));
  p->seek(500ms);
  record(*p, change_mx(p->view(), {"b.example.", {{5, "mail.b.example"}}, 60}, Lang::en));
  const MxChange after = current_mx(p->view(), "b.example.");
  EXPECT_EQ(after.exchangers, (std::vector<MxRecord>{{5, "mail.b.example."}}));
  EXPECT_EQ(after.ttl, 60u);
  p->seek(2min);
  // mail.b.example has no address: the mail cannot be routed and comes back to Alice.
  EXPECT_NE(first(p->scene().marks(), MarkKind::bounced), kNoMark);
  ASSERT_EQ(p->scene().journeys().size(), 2u);  // the mail and its bounce
  EXPECT_EQ(p->scene().journeys()[1].outcome, "alice@a.example/INBOX");
  // Fixed again: the next mail reaches Bob.
  record(*p, change_mx(p->view(), before, Lang::en));
  record(*p, send_mail(p->view(), {"alice", {"bob@b.example"}, {}, "Re", "Re", 0}, Lang::en));
  p->seek(p->end());
  ASSERT_EQ(p->scene().journeys().size(), 3u);
  EXPECT_EQ(p->scene().journeys()[2].outcome, "bob@b.example/INBOX");
  // Removing every MX record is a removal of the RRset.
  const Command none = change_mx(p->view(), {"b.example.", {}, 300}, Lang::en);
  ASSERT_TRUE(none);
  const auto& removal = std::get<scenarios::ChangeDnsAction>(*none.action);
  EXPECT_TRUE(removal.lines.empty());
  EXPECT_EQ(removal.type, "MX");
  EXPECT_FALSE(change_mx(p->view(), {"c.example.", {{10, "mx.c.example"}}, 300}, Lang::en));
  EXPECT_FALSE(change_mx(p->view(), {"b.example.", {{10, ""}}, 300}, Lang::en));
}

TEST(Commands, AMailComposedInAClientIsSentAndDelivered) {
  auto p = player_of("first-mail");
  EXPECT_EQ(sending_clients(p->view()), std::vector<std::string>{"alice"});
  p->seek(10s);
  Compose mail{"alice", split_addresses("bob@b.example"), {}, "Encore", "Un autre.", 20000};
  record(*p, send_mail(p->view(), mail, Lang::en));
  p->seek(p->end());
  ASSERT_EQ(p->scene().journeys().size(), 2u);
  EXPECT_EQ(p->scene().journeys()[1].outcome, "bob@b.example/INBOX");
  const auto servers = p->view().mail_servers();
  const auto& b = *std::find_if(servers.begin(), servers.end(),
                                [](const auto& s) { return s.host == "mx.b.example"; });
  ASSERT_NE(b.store, nullptr);
}

TEST(Commands, AComposedMailNeedsRightAddressesAndASendingClient) {
  auto p = player_of("first-mail");
  EXPECT_EQ(split_addresses(" bob@b.example, carol@c.example ;"),
            (std::vector<std::string>{"bob@b.example", "carol@c.example"}));
  EXPECT_FALSE(send_mail(p->view(), {"alice", {}, {}, "s", "b", 0}, Lang::en));
  EXPECT_FALSE(send_mail(p->view(), {"alice", {"bob at b"}, {}, "s", "b", 0}, Lang::en));
  EXPECT_FALSE(send_mail(p->view(), {"bob", {"alice@a.example"}, {}, "s", "b", 0}, Lang::en));
}

std::string read_all(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// The acts of a lesson, through the command layer, each at its time.
template <class Target, class Advance>
void act(Target& target, Advance advance_to) {
  auto rec = [&](const Command& c) {
    ASSERT_TRUE(c) << c.refusal;
    target.record(*c.action);
  };
  advance_to(500ms);
  rec(set_host_up(target.view(), "mx.b.example", false, Lang::en));
  rec(change_link(target.view(), "isp-a-isp-b", {20ms, 2'000'000, 0.01}, Lang::en));
  advance_to(30s);
  rec(change_mx(target.view(), {"b.example.", {{10, "mx.b.example"}, {20, "smtp.a.example"}}, 60},
                Lang::en));
  rec(send_mail(target.view(),
                {"alice", {"bob@b.example"}, {"alice@a.example"}, "Et ça ?", "Deux.", 3000},
                Lang::en));
  advance_to(90s);
  rec(set_link_up(target.view(), "bob-pc-isp-b", false, Lang::en));
  rec(set_host_up(target.view(), "mx.b.example", true, Lang::en));
  // A student at the console of Alice's machine talks to the MX by hand.
  advance_to(95s);
  const Command open = open_console(target.view(), "alice-pc", "mx.b.example", "25", Lang::en);
  rec(open);
  const std::string session = std::get<scenarios::TypedSessionAction>(*open.action).session;
  advance_to(100s);
  rec(type_in_console(target.view(), session, "EHLO alice-pc", Lang::en));
  advance_to(103s);
  rec(type_in_console(target.view(), session, "QUIT", Lang::en));
}

TEST(Commands, ARunSavedAsAScenarioReplaysWithMailsimRunToTheSameTrace) {
  const auto dir = std::filesystem::temp_directory_path() /
                   ("mailsim-gui-commands-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  // The live run, traced as `mailsim run --format json` traces.
  scenarios::Diagnostics diag("");
  scenarios::ScenarioRun live(builtin("first-mail"), diag);
  ASSERT_TRUE(live.ok());
  std::ostringstream live_trace;
  {
    sim::TraceWriter writer(live.sim().trace(), live_trace, sim::TraceFormat::json);
    act(live, [&](sim::SimTime t) { live.run_until(t); });
    live.run_to_completion();
  }
  ASSERT_FALSE(live.failure());
  const auto saved = dir / "lesson.yaml";
  ASSERT_EQ(save_scenario(live.model(), saved.string(), Lang::en), std::nullopt);

  // The window's player records the same model.
  auto p = player_of("first-mail");
  act(*p, [&](sim::SimTime t) { p->seek(t); });
  EXPECT_EQ(scenarios::write_scenario(p->model()), read_all(saved));

  const auto replayed = dir / "replayed.jsonl";
  const std::string command =
      std::string(MAILSIM_BIN) + " run " + saved.string() + " --format json > " + replayed.string();
  ASSERT_EQ(std::system(command.c_str()), 0);
  const std::string replay = read_all(replayed);
  EXPECT_GT(replay.size(), 10000u);
  EXPECT_TRUE(replay == live_trace.str()) << "the saved scenario replays another run";
}

// A typed session's dialogue as the Dialogues panel and the console show it: who speaks, the
// line in English and French, and the reply code.
std::string transcript_of(const Player& p) {
  std::string out;
  for (const auto& d : p.dialogues().all())
    if (d.protocol == agents::DialogueProtocol::typed)
      for (const auto& line : d.lines)
        out += fmt::format("{} {} | {} | {}\n", d.connection,
                           line.client ? "C:" : "S:", line.in(Lang::en), line.in(Lang::fr));
  return out;
}

TEST(Commands, TheConsolesDialogueIsTheOneTheSameLinesTypedByAScenarioGive) {
  // The scripted session: telnet-test types its lines from alice-pc to mx.b.example:25.
  auto scripted = player_of("telnet-test");
  const auto script =
      std::get<scenarios::TypedSessionAction>(scripted->model().timeline.at(0).action);
  ASSERT_GE(script.lines.size(), 5u);
  scripted->seek(2min);

  // The same lines typed at the console of the same scenario without its timeline, each at the
  // time the script types it.
  auto model = builtin("telnet-test");
  const sim::SimTime opened = model.timeline.at(0).at;
  model.timeline.clear();
  scenarios::Diagnostics diag("");
  Player console(model, std::nullopt, diag);
  ASSERT_TRUE(console.ok());
  console.seek(opened);
  const Command open =
      open_console(console.view(), script.from, script.to, std::to_string(script.port), Lang::en);
  record(console, open);
  const std::string session = std::get<scenarios::TypedSessionAction>(*open.action).session;
  EXPECT_EQ(session, "console-1");
  for (std::size_t i = 0; i < script.lines.size(); ++i) {
    console.seek(opened + script.pause * static_cast<std::int64_t>(i + 1));
    record(console, type_in_console(console.view(), session, script.lines[i], Lang::en));
  }
  console.seek(2min);

  const std::string typed = transcript_of(console);
  EXPECT_EQ(typed, transcript_of(*scripted));
  EXPECT_NE(typed.find("S: | 220 "), std::string::npos) << typed;
  EXPECT_NE(typed.find("C: | MAIL FROM:<alice@a.example>"), std::string::npos) << typed;
  EXPECT_NE(typed.find("S: | 221 "), std::string::npos) << typed;
  // Each line is an action of the run's timeline: the opening, then one per line.
  EXPECT_EQ(console.model().timeline.size(), script.lines.size() + 1);
  // The console reads its session from the Dialogues panel.
  ConsoleView view;
  view.session = session;
  const Dialogue* shown = console_dialogue(console, view);
  ASSERT_NE(shown, nullptr);
  EXPECT_EQ(shown->lines.size(), std::count(typed.begin(), typed.end(), '\n'));
}

TEST(Commands, TheConsoleRefusesWhatItCannotDoInTheUsersLanguage) {
  auto p = player_of("first-mail");
  const auto world = p->view();
  EXPECT_EQ(open_console(world, "nobody", "mx.b.example", "25", Lang::en).refusal,
            "There is no host named nobody.");
  EXPECT_EQ(open_console(world, "alice-pc", "mx.c.example", "25", Lang::fr).refusal,
            "mx.c.example n'est ni une machine ou un routeur avec une adresse, ni une adresse "
            "IPv4.");
  for (const char* port : {"0", "65536", "smtp", ""})
    EXPECT_EQ(open_console(world, "alice-pc", "mx.b.example", port, Lang::en).refusal,
              "The port is a number from 1 to 65535.")
        << port;
  EXPECT_TRUE(open_console(world, "alice-pc", "198.51.100.25", "587", Lang::en));
  EXPECT_EQ(type_in_console(world, "console-1", "QUIT", Lang::en).refusal,
            "No console session is named console-1; connect first.");

  const Command open = open_console(world, "alice-pc", "mx.b.example", " 25 ", Lang::en);
  record(*p, open);
  EXPECT_EQ(type_in_console(p->view(), "console-1", "EHLO a\r\nQUIT", Lang::en).refusal,
            "A console line holds no line break: Enter sends it.");
  // A second console takes the next name.
  const Command second = open_console(p->view(), "alice-pc", "mx.b.example", "25", Lang::en);
  ASSERT_TRUE(second);
  EXPECT_EQ(std::get<scenarios::TypedSessionAction>(*second.action).session, "console-2");
  // After QUIT the server hangs up: nothing more can be typed.
  p->seek(p->now() + 1s);
  record(*p, type_in_console(p->view(), "console-1", "QUIT", Lang::en));
  p->seek(p->now() + 5s);
  EXPECT_EQ(type_in_console(p->view(), "console-1", "NOOP", Lang::fr).refusal,
            "La session console-1 est terminée ; reconnectez-vous.");
}

TEST(Commands, SavingWhereNothingCanBeWrittenSaysSo) {
  const auto error = save_scenario(builtin("first-mail"), "/no/such/dir/x.yaml", Lang::fr);
  ASSERT_TRUE(error.has_value());
  EXPECT_EQ(*error, "impossible d'écrire /no/such/dir/x.yaml");
}

TEST(Commands, TheDialogsFieldsAreReadInAScenariosUnits) {
  auto p = test::player_of("first-mail");
  const Command c = change_link(p->view(), "isp-a-isp-b", "35ms", "2Mbps", "5%", Lang::en);
  ASSERT_TRUE(c) << c.refusal;
  const auto& change = std::get<scenarios::ChangeLink>(*c.action);
  EXPECT_EQ(change.params.latency, std::chrono::milliseconds(35));
  EXPECT_EQ(change.params.bandwidth_bps, 2'000'000u);
  EXPECT_DOUBLE_EQ(change.params.loss, 0.05);
  EXPECT_EQ(std::get<scenarios::ChangeLink>(
                *change_link(p->view(), "isp-a-isp-b", "", "", "0.2", Lang::en).action)
                .params.latency,
            std::chrono::milliseconds(20));
  EXPECT_FALSE(change_link(p->view(), "isp-a-isp-b", "soon", "", "", Lang::en));
  EXPECT_FALSE(change_link(p->view(), "isp-a-isp-b", "", "fast", "", Lang::en));
  EXPECT_FALSE(change_link(p->view(), "isp-a-isp-b", "", "", "lots", Lang::en));

  const Command m = send_mail(p->view(), "alice", "bob@b.example, carol@b.example", "", "S", "B",
                              "2MB", Lang::fr);
  ASSERT_TRUE(m) << m.refusal;
  const auto& send = std::get<scenarios::SendMailAction>(*m.action);
  EXPECT_EQ(send.to.size(), 2u);
  EXPECT_EQ(send.attachment, 2'000'000u);
  EXPECT_FALSE(send_mail(p->view(), "alice", "bob@b.example", "", "S", "B", "big", Lang::en));
}

}  // namespace
}  // namespace mailsim::gui

namespace mailsim::gui {
namespace {

TEST(Commands, TheRunSoFarAsACaptureIsTheOneMailsimRunWritesToTheSameTime) {
  const auto dir = std::filesystem::temp_directory_path() /
                   ("mailsim-gui-capture-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  // The window's run, with actions recorded on the way (the console's last line at 103 s).
  auto p = player_of("first-mail");
  act(*p, [&](sim::SimTime t) { p->seek(t); });
  const auto captured = dir / "window.pcapng";
  ASSERT_EQ(save_capture(p->model(), p->seed(), p->now(), captured.string(), Lang::en),
            std::nullopt);
  // The same run saved as a scenario, captured by the command line to the same time.
  const auto saved = dir / "lesson.yaml";
  ASSERT_EQ(save_scenario(p->model(), saved.string(), Lang::en), std::nullopt);
  const auto expected = dir / "run.pcapng";
  const std::string command =
      std::string(MAILSIM_BIN) + " run " + saved.string() + " --quiet --until " +
      std::to_string(std::chrono::duration_cast<std::chrono::milliseconds>(p->now()).count()) +
      "ms --pcap " + expected.string() + " > /dev/null";
  ASSERT_EQ(std::system(command.c_str()), 0);
  const std::string bytes = read_all(captured);
  EXPECT_GT(bytes.size(), 10000u);
  EXPECT_TRUE(bytes == read_all(expected)) << "the window's capture differs from mailsim run's";
  const auto error =
      save_capture(p->model(), p->seed(), p->now(), "/no/such/dir/x.pcapng", Lang::fr);
  ASSERT_TRUE(error.has_value());
  EXPECT_EQ(*error, "impossible d'écrire /no/such/dir/x.pcapng");
}

}  // namespace
}  // namespace mailsim::gui

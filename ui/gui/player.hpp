#pragma once
// Plays a scenario for the window: simulated time against the wall clock at a chosen speed,
// pause, one event or one protocol line at a time, skipping idle waits, and going to any time.
// Going back replays the run from the start: the kernel is deterministic, so it is the same run
// (tests compare the traces). A silent pre-run finds the end and every mark of the timeline, so
// that the whole story can be seen and clicked before it is played. In lesson mode, playing
// stops at each of the scenario's questions (Lesson), and goes on once it is closed.
#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <vector>

#include "scenarios/build/expectation_check.hpp"
#include "scenarios/build/scenario_run.hpp"
#include "scenarios/model/scenario_model.hpp"
#include "ui/gui/dialogues.hpp"
#include "ui/gui/dns_model.hpp"
#include "ui/gui/event_log.hpp"
#include "ui/gui/lesson.hpp"
#include "ui/gui/scene.hpp"
#include "ui/gui/story.hpp"
#include "ui/gui/timeline_scale.hpp"
#include "ui/report/journey_log.hpp"

namespace mailsim::gui {

class Player {
 public:
  // Speeds a person can choose, as multiples of real time.
  static constexpr double kMinSpeed = 0.01;
  static constexpr double kMaxSpeed = 100'000;

  // Called with each run the player builds (the silent pre-run, the run played, each replay
  // from the start) before it runs: an observer subscribes to its trace there.
  using RunHook = std::function<void(scenarios::ScenarioRun&)>;

  // `diag` receives what stops the scenario from being built; check ok().
  Player(scenarios::ScenarioModel model, std::optional<std::uint64_t> seed,
         scenarios::Diagnostics& diag, RunHook hook = {});
  ~Player();

  bool ok() const { return run_ != nullptr; }
  scenarios::WorldView view() const { return run_->view(); }
  const Scene& scene() const { return *scene_; }
  const Dialogues& dialogues() const { return *dialogues_; }
  const report::JourneyLog& journey_log() const { return *journey_log_; }
  const DnsCaches& dns_caches() const { return *dns_caches_; }
  const EventLog& event_log() const { return *event_log_; }
  // Each host's roles in the article's words (MUA, MSA...), for the narration and the charts.
  const agents::HostRoles& roles() const { return roles_; }
  const Story& story() const { return *story_; }
  // The scenario's expectations as seen so far (state_at tells pending, met or failed).
  std::vector<scenarios::ExpectationResult> expectations() const { return checker_->results(); }
  const Lesson& lesson() const { return lesson_; }
  sim::SimTime now() const { return run_->sim().now(); }
  // The previous frame's time: a packet that arrived since is still drawn once.
  sim::SimTime frame_start() const { return frame_start_; }
  sim::SimTime end() const { return end_; }
  const std::vector<Mark>& all_marks() const { return all_marks_; }
  const TimelineScale& timeline() const { return *timeline_; }
  const std::optional<scenarios::RunFailure>& failure() const { return run_->failure(); }
  bool finished() const;

  bool playing = true;
  double speed = 0.05;
  bool skip_idle = true;

  // One frame of `wall` real time: moves the simulation on when playing.
  void advance(std::chrono::duration<double> wall);
  void seek(sim::SimTime t);  // within [0, end()]; back: replays from the start
  // Each stops at a question due on the way; one open is closed first (the teacher moves on).
  void step_event();
  void step_line();
  void restart() { seek(sim::SimTime(0)); }
  // Lesson mode: shows the open question's answer; closes the question and plays on.
  void reveal_answer() { lesson_.reveal(); }
  void go_on();
  // A person acts on the world (the command layer's action): it runs now and joins the run's
  // timeline, so that going back in time and saving the scenario keep it. The timeline's marks
  // and the end are found again, as the action changes what follows.
  void record(scenarios::Action action);
  // A host moved on the map; kept in the scenario, and across replays.
  void place(const std::string& node, sim::net::Position at) { run_->place(node, at); }
  const scenarios::ScenarioModel& model() const { return run_->model(); }
  std::optional<std::uint64_t> seed() const { return seed_; }  // given instead of the file's
  // A live run (mailsim-gui --smtp): real clients' sessions join it and cannot be replayed, so
  // time only goes forward, at real time unless told, and on past the timeline's end.
  void go_live();
  bool live() const { return live_; }
  scenarios::ScenarioRun& run() { return *run_; }  // what a live bridge types into
  // How long the last replay from the start took, in wall milliseconds.
  double last_replay_ms() const { return last_replay_ms_; }

 private:
  void rebuild();
  void reset_observers();
  // The silent pre-run of `model`: the end and every mark of the timeline.
  bool survey(const scenarios::ScenarioModel& model, scenarios::Diagnostics& diag);
  void run_to(sim::SimTime t);
  // After the run moved on by playing or stepping: a question due pauses it.
  void ask_due();

  std::optional<std::uint64_t> seed_;
  RunHook hook_;
  scenarios::ScenarioModel model_;
  Lesson lesson_;                   // before run_: its subscriber goes with the run
  bool stop_at_questions_ = false;  // while playing or stepping, not while seeking
  std::unique_ptr<scenarios::ScenarioRun> run_;
  std::unique_ptr<Scene> scene_;
  std::unique_ptr<Dialogues> dialogues_;
  std::unique_ptr<report::JourneyLog> journey_log_;
  std::unique_ptr<DnsCaches> dns_caches_;
  // Before the log and the story, which ask it about each delivery it has just seen.
  std::unique_ptr<agents::ConservationChecker> conservation_;
  std::unique_ptr<EventLog> event_log_;
  agents::HostRoles roles_;
  std::unique_ptr<Story> story_;
  std::unique_ptr<scenarios::ExpectationChecker> checker_;
  sim::SimTime frame_start_{0};
  sim::SimTime end_{0};
  std::vector<Mark> all_marks_;
  std::optional<TimelineScale> timeline_;
  double last_replay_ms_ = 0;
  bool live_ = false;
};

}  // namespace mailsim::gui

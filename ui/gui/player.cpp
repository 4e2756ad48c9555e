#include "ui/gui/player.hpp"

#include <algorithm>
#include <cmath>

#include "scenarios/model/roles.hpp"

namespace mailsim::gui {

namespace {
// How long a lost packet stays drawn, in wall seconds, whatever the speed.
constexpr double kDropLingerWall = 1.5;
// "Next protocol line" gives up after this many events without one (a run of timers only).
constexpr int kMaxStepsForLine = 1'000'000;
}  // namespace

Player::Player(scenarios::ScenarioModel model, std::optional<std::uint64_t> seed,
               scenarios::Diagnostics& diag, RunHook hook)
    : seed_(seed), hook_(std::move(hook)), model_(std::move(model)), lesson_(model_.questions) {
  if (survey(model_, diag)) rebuild();
}

bool Player::survey(const scenarios::ScenarioModel& model, scenarios::Diagnostics& diag) {
  // The pre-run: the same scenario, silent but for the marks.
  auto overview = std::make_unique<scenarios::ScenarioRun>(model, diag, seed_);
  if (!overview->ok()) return false;
  if (hook_) hook_(*overview);
  {
    Scene marks(overview->sim().trace(), overview->network(), /*animate=*/false);
    overview->run_to_completion();
    all_marks_ = marks.marks();
  }
  end_ = std::max(overview->sim().now(), model.duration.value_or(sim::SimTime(0)));
  if (end_ == sim::SimTime(0)) end_ = std::chrono::seconds(1);
  std::vector<sim::SimTime> times;
  for (const auto& m : all_marks_)
    times.push_back(m.at);
  timeline_.emplace(end_, std::move(times));
  return true;
}

void Player::record(scenarios::Action action) {
  run_->record(std::move(action));
  scenarios::Diagnostics diag("");
  survey(run_->model(), diag);  // the model was built once already: it builds again
}

Player::~Player() {
  reset_observers();  // unsubscribe before the run's trace goes
}

void Player::reset_observers() {
  scene_.reset();
  dialogues_.reset();
  journey_log_.reset();
  dns_caches_.reset();
  event_log_.reset();
  story_.reset();
  conservation_.reset();
  checker_.reset();
}

void Player::rebuild() {
  reset_observers();
  // The model of the run, so that actions recorded during it are replayed too.
  scenarios::ScenarioModel model = run_ ? run_->model() : model_;
  scenarios::Diagnostics diag("");
  run_ = std::make_unique<scenarios::ScenarioRun>(model, diag, seed_);
  if (hook_) hook_(*run_);
  scene_ = std::make_unique<Scene>(run_->sim().trace(), run_->network());
  dialogues_ = std::make_unique<Dialogues>(run_->sim().trace());
  journey_log_ = std::make_unique<report::JourneyLog>(run_->sim().trace());
  dns_caches_ = std::make_unique<DnsCaches>(run_->sim().trace());
  roles_ = scenarios::article_roles(model);
  conservation_ = std::make_unique<agents::ConservationChecker>(run_->sim().trace());
  event_log_ = std::make_unique<EventLog>(run_->sim().trace(), roles_, *conservation_);
  story_ = std::make_unique<Story>(*run_, *conservation_);
  scenarios::ScenarioRun& run = *run_;
  checker_ = std::make_unique<scenarios::ExpectationChecker>(
      run.model(), run.network(), run.sim().trace(),
      [&run](const std::string& agent, const std::string& queue_id, const std::string& rcpt) {
        return run.mail().holds(agent, queue_id, rcpt);
      });
  lesson_.restart();
  if (!lesson_.questions().empty())
    run.sim().trace().subscribe(
        [this, &run](const sim::TraceRecord& r) {
          if (lesson_.on_event(r.kind().name, r.time()) && stop_at_questions_) run.sim().stop();
        },
        [](const sim::TraceKind& k) {
          const auto& events = scenarios::question_events();
          return std::find(events.begin(), events.end(), k.name) != events.end();
        });
  frame_start_ = sim::SimTime(0);
}

void Player::ask_due() {
  if (lesson_.open_due(now())) playing = false;
}

void Player::go_on() {
  if (!lesson_.open()) return;
  lesson_.close();
  playing = true;
}

bool Player::finished() const {
  return failure() || (now() >= end_ && !run_->sim().next_event_time()) ||
         now() >= end_ + std::chrono::hours(24);
}

void Player::run_to(sim::SimTime t) {
  run_->run_until(std::max(t, now()));
}

void Player::advance(std::chrono::duration<double> wall) {
  frame_start_ = now();
  const double wall_s = std::min(wall.count(), 0.1);  // a stalled frame does not leap ahead
  ask_due();
  if (playing && !failure()) {
    auto step = sim::SimTime(static_cast<std::int64_t>(std::llround(speed * wall_s * 1e6)));
    sim::SimTime target = now() + step;
    if (skip_idle && scene_->in_flight(now()) == 0)
      if (auto next = run_->sim().next_event_time(); next && *next > target) target = *next;
    if (auto question = lesson_.next_time()) target = std::min(target, std::max(*question, now()));
    stop_at_questions_ = true;
    run_to(live_ ? target : std::min(target, std::max(end_, now())));
    stop_at_questions_ = false;
    ask_due();
    if (live_)
      end_ = std::max(end_, now());
    else if (now() >= end_)
      playing = false;
  }
  const auto linger =
      sim::SimTime(static_cast<std::int64_t>(std::llround(speed * kDropLingerWall * 1e6)));
  scene_->prune(frame_start_, now() - std::max(linger, sim::SimTime(std::chrono::seconds(1))));
}

void Player::go_live() {
  live_ = true;
  speed = 1;
  skip_idle = false;  // a real client's next line may come at any moment
}

void Player::seek(sim::SimTime t) {
  if (live_ && t < now()) return;  // going back would replay the run without the real clients
  // Anywhere on the scenario's own span: a time typed past its end goes to the end.
  t = std::clamp(t, sim::SimTime(0), std::max(end_, now()));
  if (t < now()) {
    const auto started = std::chrono::steady_clock::now();
    rebuild();
    run_to(t);
    last_replay_ms_ =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started)
            .count();
  } else {
    run_to(t);
  }
  // Going to a time passes the questions before it; one asked at that very time is shown.
  lesson_.pass_before(t);
  ask_due();
  frame_start_ = now();
}

void Player::step_event() {
  frame_start_ = now();
  lesson_.close();  // a step is the teacher moving on
  run_->step();
  ask_due();
}

void Player::step_line() {
  frame_start_ = now();
  lesson_.close();
  const auto before = scene_->lines();
  for (int i = 0; i < kMaxStepsForLine && scene_->lines() == before && !lesson_.open_due(now());
       ++i)
    if (!run_->step()) break;
  ask_due();
}

}  // namespace mailsim::gui

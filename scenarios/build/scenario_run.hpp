#pragma once
// A scenario brought to life: the simulator seeded from the scenario (or an override), the
// network built, and the timeline walked as the run goes. The command line and the window both
// drive one of these; it owns all simulation state.
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "agents/roles/typed_session.hpp"
#include "scenarios/build/mail_builder.hpp"
#include "scenarios/build/world_view.hpp"
#include "scenarios/load/diagnostics.hpp"
#include "scenarios/model/scenario_model.hpp"
#include "sim/net/network.hpp"
#include "sim/simulator.hpp"

namespace mailsim::scenarios {

// An event that threw: the run stops there, and whoever drives it says so (the window shows it,
// the command line exits with status 3).
struct RunFailure {
  sim::SimTime at{0};
  std::string kind;  // the exception's type, "std::out_of_range"
  std::string what;
};

class ScenarioRun {
 public:
  // Problems found while building go to `diag`; check ok() before running.
  ScenarioRun(const ScenarioModel& model, Diagnostics& diag,
              std::optional<std::uint64_t> seed_override = std::nullopt);
  ~ScenarioRun();
  ScenarioRun(const ScenarioRun&) = delete;
  ScenarioRun& operator=(const ScenarioRun&) = delete;

  bool ok() const { return ok_; }
  sim::Simulator& sim() { return sim_; }
  const sim::Simulator& sim() const { return sim_; }
  sim::net::Network& network() { return network_; }
  const sim::net::Network& network() const { return network_; }
  const MailWorld& mail() const { return *mail_; }
  const ScenarioModel& model() const { return model_; }
  // Read-only access for observers such as the window.
  WorldView view() const { return WorldView(*this); }

  // When a run without --until stops: the scenario's duration, or when nothing is left to do
  // (at most 30 simulated days, a guard against a scenario that never settles).
  std::optional<sim::SimTime> planned_end() const { return model_.duration; }
  // Each runs events until its end, or until an event throws: then failure() says which time
  // and why, and the run goes no further.
  void run_until(sim::SimTime end);
  void run_to_completion();
  bool step();  // one event; false when none is left or the run failed
  const std::optional<RunFailure>& failure() const { return failure_; }

  // A person acts during the run (the window's buttons): `action` happens now (or at the next
  // microsecond when an event already ran at this one), as a timeline entry would, and is added
  // to model()'s timeline, so that saving model() keeps it. Timeline entries run before whatever
  // the run scheduled for the same microsecond (the kernel's first lane), so the saved scenario
  // replays the same run, trace for trace.
  void record(Action action);
  // A session typed live by a real client (`mailsim serve` bridges one per real connection):
  // the same TypedSession a timeline `type` step drives, from host `from` to `to`:`port`,
  // opened now; the caller types each line as it comes and reads the replies in `callbacks`.
  // The run owns it; it is not added to the timeline (a real client's timing is not replayed).
  agents::TypedSession& open_session(const std::string& from, sim::net::Ipv4Address to,
                                     std::uint16_t port, agents::TypedSession::Callbacks callbacks);
  // The typed session a timeline `type` entry opens under this name (the window's console), or
  // null when no entry names one so.
  const agents::TypedSession* typed_session(const std::string& name) const;
  // A person moved a host or a router on the window's map: its position in model() (so that
  // saving keeps it) and in the network's layout. Not an event: nothing simulated depends on it.
  void place(const std::string& node, sim::net::Position position);

 private:
  // The timeline's walk: one pending event, at the next entry's time (scenario_run.cpp).
  void schedule_due_entries();
  void run_due_entries();
  void act(const Action& action);  // any action but a typed session's, now
  // A `type` entry, due now (`at`): its session opens (or was opened by an earlier entry) and
  // its lines follow, one every pause.
  void start_typed(sim::SimTime at, const TypedSessionAction& t);
  agents::TypedSession* make_typed(const TypedSessionAction& t);  // named, not opened
  // The lines of a `type` entry at `at`, one every pause, into `session`.
  void type_lines(agents::TypedSession& session, sim::SimTime at, const TypedSessionAction& t);
  template <class F>
  void guarded(F&& advance);

  ScenarioModel model_;
  sim::Simulator sim_;
  sim::net::Network network_;
  std::unique_ptr<MailWorld> mail_;
  bool ok_ = false;
  std::optional<RunFailure> failure_;
  std::vector<std::unique_ptr<agents::TypedSession>> sessions_;
  std::map<std::string, agents::TypedSession*> named_sessions_;  // into sessions_
  std::set<const agents::TypedSession*> unopened_;  // made by record(), opened by the walk
  std::size_t next_entry_ = 0;                      // model_.timeline's first entry not yet run
  sim::EventId entries_event_;  // the walk's pending event, at the next entry's time
};

}  // namespace mailsim::scenarios

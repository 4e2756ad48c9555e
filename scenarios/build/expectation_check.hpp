#pragma once
// Grades a run against the scenario's expectations. Subscribes to the trace before the run;
// after it (or during it, see state_at), each expectation passes or fails with a sentence
// describing it and the evidence, in English or French.
#include <optional>
#include <string>
#include <vector>

#include "agents/journey/conservation.hpp"
#include "scenarios/model/scenario_model.hpp"
#include "sim/net/network.hpp"
#include "sim/trace.hpp"

namespace mailsim::scenarios {

struct ExpectationResult {
  bool passed = false;
  Text description;
  Text evidence;
  SourcePos pos;
  std::optional<sim::SimTime> met_at;    // when it was met (no_mail_lost: graded at the end)
  std::optional<sim::SimTime> deadline;  // its `within`
  bool graded_at_end = false;            // no_mail_lost: only the end of the run can tell
};

// What a result says while the run goes on (the window ticks each one): met from the time it
// was met; failed once its time limit has passed unmet, or when the run is over; else pending.
enum class ExpectationState { pending, met, failed };
ExpectationState state_at(const ExpectationResult& result, sim::SimTime now, bool over);

class ExpectationChecker {
 public:
  // `still_queued` answers the conservation checker: does an agent still hold a message?
  ExpectationChecker(const ScenarioModel& model, sim::net::Network& network, sim::Trace& trace,
                     agents::ConservationChecker::StillQueued still_queued = {});
  ~ExpectationChecker();
  ExpectationChecker(const ExpectationChecker&) = delete;
  ExpectationChecker& operator=(const ExpectationChecker&) = delete;

  // Callable at any time of the run: what has been seen so far.
  std::vector<ExpectationResult> results() const;

 private:
  struct Observed {
    std::optional<sim::SimTime> matched;  // first time the expectation was met
    std::string actual;                   // what happened instead (an outcome or a line)
    std::optional<sim::SimTime> actual_at;
    int count = 0;  // fetched: matching messages shown so far
  };
  void on_record(const sim::TraceRecord& record);

  const ScenarioModel& model_;
  sim::net::Network& network_;
  sim::Trace& trace_;
  sim::Trace::SubscriptionId subscription_;
  std::vector<Observed> observed_;
  agents::ConservationChecker conservation_;
  agents::ConservationChecker::StillQueued still_queued_;
};

}  // namespace mailsim::scenarios

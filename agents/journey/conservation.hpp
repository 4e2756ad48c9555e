#pragma once
// The conservation invariant: every message an agent accepted ends, for each recipient, in
// exactly one of: relayed to an agent that accepted it, delivered to a mailbox, bounced to its
// sender (the bounce being a new message that must end likewise), discarded as an
// undeliverable double bounce, or still queued at the end of the run. The checker subscribes to
// the trace, then asks the agents what they still hold.
#include <functional>
#include <map>
#include <string>
#include <tuple>
#include <vector>

#include "agents/journey/records.hpp"
#include "sim/text.hpp"

namespace mailsim::agents {

class ConservationChecker {
 public:
  explicit ConservationChecker(sim::Trace& trace);
  ~ConservationChecker();
  ConservationChecker(const ConservationChecker&) = delete;
  ConservationChecker& operator=(const ConservationChecker&) = delete;

  struct Violation {
    std::string agent;
    std::string queue_id;
    std::string recipient;
    Text problem;
  };
  // Does `agent` still hold `queue_id` for `recipient` in any of its queues?
  using StillQueued = std::function<bool(const std::string& agent, const std::string& queue_id,
                                         const std::string& recipient)>;

  std::vector<Violation> check(const StillQueued& still_queued) const;
  // One line per violation, for test failures and `mailsim check`.
  static std::string describe(const std::vector<Violation>& violations, Lang lang);

  std::size_t accepted_count() const { return accepted_.size(); }

 private:
  using Key = std::tuple<std::string, std::string, std::string>;  // agent, queue id, recipient
  struct Accepted {
    bool null_sender = false;
  };
  struct Outcome {
    const sim::TraceKind* kind;
    std::string next_agent, next_queue_id, dsn_queue_id;
  };
  void on_record(const sim::TraceRecord& record);

  sim::Trace& trace_;
  sim::Trace::SubscriptionId subscription_;
  std::map<Key, Accepted> accepted_;  // ordered: violations come out in a stable order
  std::map<Key, std::vector<Outcome>> outcomes_;
  std::map<std::pair<std::string, std::string>, bool> messages_;  // (agent, qid) -> null sender
};

}  // namespace mailsim::agents

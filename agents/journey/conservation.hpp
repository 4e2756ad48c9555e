#pragma once
// The conservation invariant: every message an agent accepted ends, for each recipient, in
// exactly one of: relayed to an agent that accepted it, delivered to a mailbox, bounced to its
// sender (the bounce being a new message that must end likewise), discarded as an
// undeliverable double bounce, or still queued at the end of the run. The checker subscribes to
// the trace, then asks the agents what they still hold.
//
// It also follows each message by its Message-ID across agents and queue ids: one recipient
// gets one delivery. A copy no sender says it handed over (no relayed record names it) starts
// a journey; the first is the submission. Another one whose 250 ("queued as ...") no client
// received is SMTP's own duplicate (the reply after the final dot was lost, and the sender
// sent the message again, RFC 5321 6.1): told apart, not a violation. Any other second
// delivery is.
#include <algorithm>
#include <functional>
#include <map>
#include <optional>
#include <set>
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
  // The duplicates SMTP cannot prevent, one per message and recipient (not violations).
  std::vector<Text> smtp_duplicates() const;
  // Right after `record`, for the story: when it delivered a message to a recipient who had it
  // already, what explains it (SMTP's own duplicate) or that nothing does (a violation);
  // nothing for a first delivery or any other record.
  std::optional<Text> delivered_again(const sim::TraceRecord& record) const;
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
  struct Copy {
    bool null_sender = false;
    std::string message_id;
  };
  // One message (by Message-ID) for one recipient, over every agent that held a copy.
  struct Journey {
    std::size_t roots = 0;       // copies no relayed record names
    std::size_t unseen = 0;      // of those, copies whose 250 no client received
    std::size_t deliveries = 0;  // delivered outcomes
    // The second deliveries a lost 250 explains: one per extra root nobody heard accepted.
    std::size_t explained() const { return std::min(roots > 0 ? roots - 1 : 0, unseen); }
    // More deliveries than one plus those a lost 250 explains: a violation.
    bool duplicated() const { return deliveries > 1 + explained(); }
  };
  // What a journey delivered more than once says: SMTP's own duplicate, or a violation.
  static Text second_delivery(const std::pair<std::string, std::string>& id, const Journey& j);
  void on_record(const sim::TraceRecord& record);
  std::map<std::pair<std::string, std::string>, Journey> journeys() const;

  sim::Trace& trace_;
  sim::Trace::SubscriptionId subscription_;
  std::map<Key, Accepted> accepted_;  // ordered: violations come out in a stable order
  std::map<Key, std::vector<Outcome>> outcomes_;
  std::map<std::pair<std::string, std::string>, Copy> messages_;  // (agent, qid)
  std::set<std::pair<std::string, std::string>> replies_seen_;    // (server, qid) of a 250
  // Deliveries of each (Message-ID, recipient) so far: a second one is rare, and only then
  // are the journeys followed.
  std::map<std::pair<std::string, std::string>, std::size_t> deliveries_;
};

}  // namespace mailsim::agents

#pragma once
// The queue manager (Postfix's qmgr): takes new messages at once, scans the deferred queue
// every queue_run_delay, hands each message to the delivery agent of each recipient, and acts
// on the outcomes: settles delivered and relayed recipients, defers the others on the retry
// schedule, and bounces permanent failures and expired messages with a DSN to the sender (a
// bounce that fails in turn goes to the postmaster, or is discarded, never bounced). Every
// outcome is a journey trace record.
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "agents/mta/delivery_agent.hpp"
#include "agents/mta/mail_queue.hpp"
#include "agents/mta/retry_schedule.hpp"
#include "agents/proto/imf/date.hpp"
#include "agents/proto/imf/dsn.hpp"
#include "agents/proto/imf/message_id.hpp"
#include "sim/net/packet.hpp"
#include "sim/simulator.hpp"

namespace mailsim::agents {

// Exim's delay_warning default: a notice to the sender every 24 h a message waits.
inline constexpr sim::SimTime kEximDelayWarning = std::chrono::hours(24);

// Exim's delay_warning list (deliver.c): how many warnings a message that has waited `waited`
// should have had, and the time of the last one reached ("delayed 24 hours"). Warnings come at
// each time of the list, then every gap between its last two times (its only time, for a list
// of one): 4h:8h:24h warns at 4, 8, 24, 40, 56 hours...
struct DelayWarningsDue {
  int count = 0;
  sim::SimTime shown{0};
};
DelayWarningsDue exim_delay_warnings_due(const std::vector<sim::SimTime>& times,
                                         sim::SimTime waited);

struct QueueManagerSettings {
  std::string agent;                          // the MTA's name in the trace ("smtp.a.example")
  sim::net::NodeId node = sim::net::kNoNode;  // its host, named by id in its records
  std::string hostname;                       // Reporting-MTA of its DSNs
  std::string postmaster;  // where undeliverable bounces go ("postmaster@a.example")
  bool double_bounce_to_postmaster = true;
  Lang bounce_lang = Lang::en;
  RetrySchedule schedule;
  // With Postfix's schedule, its delay_warning_time (the first time): once a message has
  // waited this long and is deferred again, its sender gets one "delayed" notice (a DSN saying
  // it is still being retried). With Exim's, its delay_warning list: a notice each time the
  // message has waited the next time of the list (exim_delay_warnings_due), checked when a
  // try fails (deliver.c), in Exim's words. Off when empty or 0.
  std::vector<sim::SimTime> delay_warning;
};

class QueueManager {
 public:
  // `route` picks the delivery agent for a recipient (local delivery or SMTP).
  using Router = std::function<DeliveryAgent&(const std::string& recipient)>;

  QueueManager(sim::Simulator& sim, MailQueue& queue, QueueManagerSettings settings,
               const proto::imf::ScenarioClock& clock, Router route);
  ~QueueManager();
  QueueManager(const QueueManager&) = delete;
  QueueManager& operator=(const QueueManager&) = delete;

  // Starts scanning (queue runs at start time + k x queue_run_delay) and takes the incoming
  // queue. stop() (the host went down) forgets attempts in flight: active messages go back to
  // incoming, to be tried again at the next start.
  void start();
  void stop();
  bool running() const { return running_; }

  // A message just entered the incoming queue.
  void take(const std::string& queue_id);
  // Queues a message made here (a bounce), records its acceptance, and takes it.
  std::string enqueue_local(std::string sender, std::vector<std::string> recipients,
                            std::string content, std::string origin);

  const MailQueue& queue() const { return queue_; }
  const QueueManagerSettings& settings() const { return settings_; }

 private:
  struct Attempt {
    int groups_left = 0;
    std::vector<RecipientOutcome> outcomes;
  };
  void schedule_scan();
  void scan();
  void attempt(const std::string& queue_id);
  void finish(const std::string& queue_id);
  void handed_over(const std::string& queue_id, const RecipientOutcome& o);
  proto::imf::DsnRequest dsn_request(const QueuedMessage& m, const std::string& to,
                                     const std::vector<RecipientOutcome>& about,
                                     proto::imf::DsnAction action);
  // How many delay warnings `m` should have had by now (0 when warnings are off).
  int delay_warnings_due(const QueuedMessage& m) const;
  void warn_delayed(QueuedMessage& m, const std::vector<RecipientOutcome>& deferred);
  void bounce(QueuedMessage& message, const std::vector<RecipientOutcome>& failed);
  void emit(const sim::TraceKind& kind, const QueuedMessage& m, const RecipientOutcome& o,
            const std::string& dsn_queue_id = {});

  sim::Simulator& sim_;
  MailQueue& queue_;
  QueueManagerSettings settings_;
  const proto::imf::ScenarioClock& clock_;
  Router route_;
  proto::imf::MessageIdGenerator ids_;
  bool running_ = false;
  sim::SimTime started_{0};
  sim::EventId scan_event_;
  std::uint64_t generation_ = 0;  // bumped by stop(): late outcomes of old attempts are ignored
  std::map<std::string, Attempt> attempts_;
};

}  // namespace mailsim::agents

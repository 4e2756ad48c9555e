#pragma once
// The MTA's queue, as Postfix keeps it (qmgr, QSHAPE_README): a message is stored before the
// 250 reply to DATA and stays until every recipient is settled. It lives in one of the queues
// incoming (just arrived), active (being delivered), deferred (waiting for its next try) or
// hold (kept aside until released). The queue is the MTA's persistent state: a host that goes
// down and comes back finds it as it was.
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "agents/mta/retry_schedule.hpp"
#include "sim/random.hpp"
#include "sim/time.hpp"

namespace mailsim::agents {

enum class QueueName { incoming, active, deferred, hold };

enum class RecipientState { pending, delivered, relayed, bounced, discarded };

struct QueuedRecipient {
  std::string address;
  RecipientState state = RecipientState::pending;
  std::string last_reply;  // the last answer about this recipient ("451 4.7.1 Greylisted...")
};

struct QueuedMessage {
  std::string queue_id;  // "4B3F21A0C2": ten hex digits, as Postfix shows them
  std::string sender;    // empty for the null reverse-path <>
  std::vector<QueuedRecipient> recipients;
  std::shared_ptr<const std::string> content;  // the whole message, headers included
  std::string message_id;
  SimTime arrival{0};
  QueueName queue = QueueName::incoming;
  RetryState retry;                     // failures so far, for the schedule
  std::optional<SimTime> next_attempt;  // deferred: when the queue manager tries again
  std::string last_error;               // the reason of the last deferral, for the window
  bool double_bounce_notice = false;    // a copy of an undeliverable bounce for the postmaster
  bool delay_warned = false;            // its sender already got a "delayed" notice
  int delay_warnings = 0;               // how many intervals of delay it was warned for

  bool settled() const;  // no recipient left pending
  std::vector<std::string> pending() const;
};

// The same recipient twice: "bob@b.example" and "bob@B.Example" (not "Bob@b.example").
bool same_address(std::string_view a, std::string_view b);

class MailQueue {
 public:
  // Queue ids are drawn from `ids` (the MTA's own named stream), so runs are deterministic.
  explicit MailQueue(sim::RandomStream& ids) : ids_(ids) {}

  // Stores a message in the incoming queue, each recipient once, and returns its queue id.
  std::string enqueue(std::string sender, std::vector<std::string> recipients,
                      std::shared_ptr<const std::string> content, std::string message_id,
                      SimTime now);

  QueuedMessage* find(const std::string& queue_id);
  const QueuedMessage* find(const std::string& queue_id) const;
  void move(const std::string& queue_id, QueueName to);
  // Settles one recipient; a message with every recipient settled leaves the queue.
  void settle(const std::string& queue_id, const std::string& recipient, RecipientState state,
              std::string reply);
  void defer(const std::string& queue_id, std::string reason, SimTime next_attempt);

  // For the conservation checker: is this recipient of this message still waiting here?
  bool holds(const std::string& queue_id, const std::string& recipient) const;
  std::size_t size() const { return messages_.size(); }
  std::size_t size(QueueName q) const;
  // In queue-id order (stable), for the window and the queue manager.
  std::vector<const QueuedMessage*> messages() const;
  // Deferred messages due at or before `now`, oldest first.
  std::vector<std::string> due(SimTime now) const;

 private:
  std::string new_id();

  sim::RandomStream& ids_;
  std::map<std::string, QueuedMessage> messages_;
};

}  // namespace mailsim::agents

#pragma once
// What the queue manager hands a message to, as Postfix's qmgr hands mail to its delivery
// agents (smtp, local): one attempt for some recipients of one message, and an outcome for each.
#include <functional>
#include <string>
#include <vector>

#include "agents/mta/mail_queue.hpp"

namespace mailsim::agents {

struct RecipientOutcome {
  enum class Kind { delivered, relayed, deferred, bounced };
  std::string recipient;
  Kind kind = Kind::deferred;
  std::string reply;           // what the next hop answered, or the local reason: "451 4.7.1 ..."
  std::string status;          // RFC 3463 code for a DSN; empty: taken from `reply`
  std::string remote_mta;      // the host that answered, for the DSN's Remote-MTA
  std::string remote_address;  // its address ("198.51.100.25"), for Exim's "host NAME [IP]"
  // The command `reply` answered, as Exim's notice names it: "RCPT TO:<bob@b.example>",
  // "MAIL FROM:<alice@a.example>", "DATA", "end of data", "EHLO smtp.a.example", "initial
  // connection"; empty when no server replied (a connection that failed, a local reason).
  std::string after;
  std::string next_agent;        // relayed: who took it
  std::string next_queue_id;     // relayed: its queue id there ("" when unknown)
  std::string mailbox;           // delivered: "bob@b.example/INBOX"
  std::size_t lines_broken = 0;  // relayed: lines over smtp_line_length_limit, sent broken
};

class DeliveryAgent {
 public:
  using Done = std::function<void(std::vector<RecipientOutcome>)>;
  // A recipient taken for good before the attempt ends (SMTP's 250 after the final dot, before
  // QUIT and 221): the queue records it at once, so that nothing after it (a crash, a lost 221)
  // sends the message to that recipient again.
  using HandedOver = std::function<void(const RecipientOutcome&)>;
  virtual ~DeliveryAgent() = default;
  // One attempt; `done` runs exactly once, with one outcome per recipient, now or later;
  // `handed_over` may run before it for some of them (their outcome in `done` is the same).
  virtual void deliver(const QueuedMessage& message, std::vector<std::string> recipients, Done done,
                       HandedOver handed_over) = 0;
};

}  // namespace mailsim::agents

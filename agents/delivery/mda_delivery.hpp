#pragma once
// The MTA's local delivery agent (Postfix's local): hands each local recipient of a queued
// message to the MDA, and reports its answer as the queue manager's outcome: delivered, or
// deferred (4xx, a full mailbox) or bounced (5xx, an unknown user).
#include "agents/delivery/mda.hpp"
#include "agents/mta/delivery_agent.hpp"

namespace mailsim::agents {

class MdaDelivery final : public DeliveryAgent {
 public:
  explicit MdaDelivery(Mda& mda) : mda_(mda) {}
  void deliver(const QueuedMessage& message, std::vector<std::string> recipients, Done done,
               HandedOver handed_over) override;

 private:
  Mda& mda_;
};

}  // namespace mailsim::agents

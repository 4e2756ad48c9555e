#include "agents/delivery/mda_delivery.hpp"

namespace mailsim::agents {

// Each outcome is decided at once: nothing to tell before `done`.
void MdaDelivery::deliver(const QueuedMessage& message, std::vector<std::string> recipients,
                          Done done, HandedOver /*handed_over*/) {
  std::vector<RecipientOutcome> outcomes;
  for (const std::string& rcpt : recipients) {
    const DeliveryReply reply =
        mda_.deliver({message.queue_id, message.sender, rcpt, *message.content});
    RecipientOutcome o;
    o.recipient = rcpt;
    o.reply = reply.line();
    o.remote_mta = mda_.config().agent;
    o.mailbox = reply.mailbox;
    o.kind = reply.delivered()   ? RecipientOutcome::Kind::delivered
             : reply.temporary() ? RecipientOutcome::Kind::deferred
                                 : RecipientOutcome::Kind::bounced;
    outcomes.push_back(std::move(o));
  }
  done(std::move(outcomes));
}

}  // namespace mailsim::agents

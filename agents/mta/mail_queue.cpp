#include "agents/mta/mail_queue.hpp"

#include <algorithm>
#include <stdexcept>

#include <fmt/format.h>

#include "agents/proto/envelope_address.hpp"
#include "sim/strings.hpp"

namespace mailsim::agents {

bool QueuedMessage::settled() const {
  return std::none_of(recipients.begin(), recipients.end(),
                      [](const QueuedRecipient& r) { return r.state == RecipientState::pending; });
}

std::vector<std::string> QueuedMessage::pending() const {
  std::vector<std::string> out;
  for (const auto& r : recipients)
    if (r.state == RecipientState::pending) out.push_back(r.address);
  return out;
}

// The domain of an address is case-insensitive; its local part belongs to the domain's owner.
bool same_address(std::string_view a, std::string_view b) {
  const auto pa = proto::split_address(a), pb = proto::split_address(b);
  return pa.local == pb.local && iequals(pa.domain, pb.domain);
}

std::string MailQueue::new_id() {
  for (;;) {
    std::string id = fmt::format("{:010X}", ids_() & 0xffffffffffULL);
    if (!messages_.count(id)) return id;
  }
}

std::string MailQueue::enqueue(std::string sender, std::vector<std::string> recipients,
                               std::shared_ptr<const std::string> content, std::string message_id,
                               SimTime now) {
  QueuedMessage m;
  m.queue_id = new_id();
  m.sender = std::move(sender);
  // Postfix's cleanup keeps one of each recipient: listed twice, delivered once.
  for (auto& r : recipients) {
    const bool listed =
        std::any_of(m.recipients.begin(), m.recipients.end(),
                    [&](const QueuedRecipient& x) { return same_address(x.address, r); });
    if (!listed) m.recipients.push_back(QueuedRecipient{std::move(r), {}, {}});
  }
  m.content = std::move(content);
  m.message_id = std::move(message_id);
  m.arrival = now;
  m.retry.arrival = now;
  const std::string id = m.queue_id;
  messages_.emplace(id, std::move(m));
  return id;
}

QueuedMessage* MailQueue::find(const std::string& queue_id) {
  auto it = messages_.find(queue_id);
  return it == messages_.end() ? nullptr : &it->second;
}

const QueuedMessage* MailQueue::find(const std::string& queue_id) const {
  auto it = messages_.find(queue_id);
  return it == messages_.end() ? nullptr : &it->second;
}

void MailQueue::move(const std::string& queue_id, QueueName to) {
  QueuedMessage* m = find(queue_id);
  if (m == nullptr) throw std::logic_error("mail queue: no message " + queue_id);
  m->queue = to;
  if (to != QueueName::deferred) m->next_attempt.reset();
}

void MailQueue::settle(const std::string& queue_id, const std::string& recipient,
                       RecipientState state, std::string reply) {
  QueuedMessage* m = find(queue_id);
  if (m == nullptr) throw std::logic_error("mail queue: no message " + queue_id);
  auto it = std::find_if(m->recipients.begin(), m->recipients.end(), [&](const QueuedRecipient& r) {
    return r.address == recipient && r.state == RecipientState::pending;
  });
  if (it == m->recipients.end())
    throw std::logic_error("mail queue: " + recipient + " is not pending in " + queue_id);
  it->state = state;
  it->last_reply = std::move(reply);
  if (m->settled()) messages_.erase(queue_id);
}

void MailQueue::defer(const std::string& queue_id, std::string reason, SimTime next_attempt) {
  QueuedMessage* m = find(queue_id);
  if (m == nullptr) throw std::logic_error("mail queue: no message " + queue_id);
  m->queue = QueueName::deferred;
  m->last_error = std::move(reason);
  m->next_attempt = next_attempt;
}

bool MailQueue::holds(const std::string& queue_id, const std::string& recipient) const {
  const QueuedMessage* m = find(queue_id);
  if (m == nullptr) return false;
  return std::any_of(m->recipients.begin(), m->recipients.end(), [&](const QueuedRecipient& r) {
    return r.address == recipient && r.state == RecipientState::pending;
  });
}

std::size_t MailQueue::size(QueueName q) const {
  return static_cast<std::size_t>(std::count_if(
      messages_.begin(), messages_.end(), [&](const auto& kv) { return kv.second.queue == q; }));
}

std::vector<const QueuedMessage*> MailQueue::messages() const {
  std::vector<const QueuedMessage*> out;
  for (const auto& [id, m] : messages_)
    out.push_back(&m);
  return out;
}

std::vector<std::string> MailQueue::due(SimTime now) const {
  std::vector<const QueuedMessage*> ready;
  for (const auto& [id, m] : messages_)
    if (m.queue == QueueName::deferred && m.next_attempt && *m.next_attempt <= now)
      ready.push_back(&m);
  std::stable_sort(ready.begin(), ready.end(), [](const QueuedMessage* a, const QueuedMessage* b) {
    return a->arrival < b->arrival;
  });
  std::vector<std::string> ids;
  for (const auto* m : ready)
    ids.push_back(m->queue_id);
  return ids;
}

}  // namespace mailsim::agents

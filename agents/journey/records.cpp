#include "agents/journey/records.hpp"

#include <array>

namespace mailsim::agents {

std::string_view stage_name(Stage stage) {
  switch (stage) {
    case Stage::composition:
      return "composition";
    case Stage::submission:
      return "submission";
    case Stage::queueing:
      return "queueing";
    case Stage::relay:
      return "relay";
    case Stage::inbound_checks:
      return "inbound_checks";
    case Stage::delivery:
      return "delivery";
    case Stage::retrieval:
      return "retrieval";
    case Stage::retry:
      return "retry";
    case Stage::bounce:
      return "bounce";
  }
  return "unknown";
}

std::span<const sim::TraceKind* const> journey_kinds() {
  static constexpr std::array<const sim::TraceKind*, 8> kAll{
      &kinds::kMailAccepted,      &kinds::kMailRelayed,
      &kinds::kMailDelivered,     &kinds::kMailDeferred,
      &kinds::kMailBounced,       &kinds::kMailDelayWarned,
      &kinds::kMailDoubleBounced, &kinds::kMailDoubleBounceDiscarded};
  return kAll;
}

void MailAcceptedRecord::visit_fields(sim::FieldVisitor& v) const {
  v.field("stage", stage_name(stage));
  v.field("agent", agent);
  v.field("queue_id", queue_id);
  v.field("message_id", message_id);
  v.field("sender", sender.empty() ? std::string_view("<>") : std::string_view(sender));
  std::string rcpts;
  for (const auto& r : recipients)
    rcpts += (rcpts.empty() ? "" : ",") + r;
  v.field("recipients", rcpts);
  v.field("size", size);
  v.field("origin", origin);
  if (!user.empty()) v.field("user", user);
}

void MailOutcomeRecord::visit_fields(sim::FieldVisitor& v) const {
  v.field("stage", stage_name(stage));
  v.field("agent", agent);
  v.field("queue_id", queue_id);
  v.field("recipient", recipient);
  if (!reply.empty()) v.field("reply", reply);
  if (!next_agent.empty()) v.field("next_agent", next_agent);
  if (!next_queue_id.empty()) v.field("next_queue_id", next_queue_id);
  if (!mailbox.empty()) v.field("mailbox", mailbox);
  if (!dsn_queue_id.empty()) v.field("dsn_queue_id", dsn_queue_id);
  if (lines_broken > 0) v.field("lines_broken", static_cast<std::uint64_t>(lines_broken));
  if (&kind() == &kinds::kMailDeferred || &kind() == &kinds::kMailDelayWarned)
    v.field("next_attempt", next_attempt);
}

std::string queued_as(std::string_view reply) {
  const std::string_view key = "queued as ";
  const std::size_t at = reply.find(key);
  if (at == std::string_view::npos) return {};
  std::string_view rest = reply.substr(at + key.size());
  return std::string(rest.substr(0, rest.find_first_of(" \r\n")));
}

}  // namespace mailsim::agents

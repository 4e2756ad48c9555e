#include "agents/delivery/delivery_records.hpp"

#include <array>

namespace mailsim::agents {

std::span<const sim::TraceKind* const> delivery_kinds() {
  static constexpr std::array<const sim::TraceKind*, 4> kAll{
      &kinds::kDeliveryFiled, &kinds::kDeliveryFolderCreated, &kinds::kDeliveryUnknownUser,
      &kinds::kDeliveryOverQuota};
  return kAll;
}

void DeliveryRecord::visit_fields(sim::FieldVisitor& v) const {
  v.field("stage", stage_name(Stage::delivery));
  v.field("agent", agent);
  v.field("queue_id", queue_id);
  v.field("recipient", recipient);
  v.field("mailbox", mailbox);
  v.field("reason", reason);
  v.field("reply", reply);
  v.field("size", size);
  v.field("used", used);
  v.field("quota", quota);
}

}  // namespace mailsim::agents

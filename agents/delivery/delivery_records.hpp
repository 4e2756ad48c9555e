#pragma once
// Trace records of the MDA's own decisions: where a message was filed and why, a folder
// created by a rule, and the refusals (unknown user, mailbox over quota) with the reply the
// MTA receives. The delivery itself is the journey's mail.delivered record.
#include <cstdint>
#include <span>
#include <string>

#include "agents/journey/records.hpp"
#include "sim/trace.hpp"

namespace mailsim::agents {

namespace kinds {
inline constexpr sim::TraceKind kDeliveryFiled{"delivery.filed", "agents"};
inline constexpr sim::TraceKind kDeliveryFolderCreated{"delivery.folder_created", "agents"};
inline constexpr sim::TraceKind kDeliveryUnknownUser{"delivery.unknown_user", "agents"};
inline constexpr sim::TraceKind kDeliveryOverQuota{"delivery.over_quota", "agents"};
}  // namespace kinds

// Every kind the MDA emits besides mail.delivered, for the narration's coverage test.
std::span<const sim::TraceKind* const> delivery_kinds();

// One record shape for the MDA's decisions; the kind says which. Every field is written for
// every kind (empty or zero when it does not apply) so a sentence may name any of them.
struct DeliveryRecord final : sim::TraceRecord {
  explicit DeliveryRecord(const sim::TraceKind& kind) : TraceRecord(kind) {}
  std::string agent;        // the MDA's name: its host
  std::string queue_id;     // the MTA's queue id of the message
  std::string recipient;    // "bob@b.example"
  std::string mailbox;      // "bob@b.example/Junk"
  std::string reason;       // filed: spam_tagged, rule N: ..., default; refusals: the local reason
  std::string reply;        // refusals: the exact reply given to the MTA
  std::uint64_t size = 0;   // the message with its Return-Path
  std::uint64_t used = 0;   // over quota: bytes already in the mailbox
  std::uint64_t quota = 0;  // over quota: the user's limit

  void visit_fields(sim::FieldVisitor& v) const override;
};

}  // namespace mailsim::agents

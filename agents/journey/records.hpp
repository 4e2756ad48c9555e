#pragma once
// Trace records of a mail's journey, shared by every mail agent: a message entering an
// agent's queue, and what became of it for each recipient. The conservation checker, the
// narration and the window read these; each carries the stage of the journey it belongs to.
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "sim/net/packet.hpp"
#include "sim/trace.hpp"

namespace mailsim::agents {

// The stages of the journey, as the article tells it.
enum class Stage {
  composition,
  submission,
  queueing,
  relay,
  inbound_checks,
  delivery,
  retrieval,
  retry,
  bounce,
};
std::string_view stage_name(Stage stage);

namespace kinds {
inline constexpr sim::TraceKind kMailAccepted{"mail.accepted", "agents"};
inline constexpr sim::TraceKind kMailRelayed{"mail.relayed", "agents"};
inline constexpr sim::TraceKind kMailDelivered{"mail.delivered", "agents"};
inline constexpr sim::TraceKind kMailDeferred{"mail.deferred", "agents"};
inline constexpr sim::TraceKind kMailBounced{"mail.bounced", "agents"};
// Still deferred after the delay warning time: the sender is told it is being retried (not an
// outcome: the message stays queued).
inline constexpr sim::TraceKind kMailDelayWarned{"mail.delay_warned", "agents"};
// A bounce (from <>) that could not be delivered either: a copy goes to the postmaster...
inline constexpr sim::TraceKind kMailDoubleBounced{"mail.double_bounced", "agents"};
// ...or, when that is not possible, it is discarded.
inline constexpr sim::TraceKind kMailDoubleBounceDiscarded{"mail.double_bounce_discarded",
                                                           "agents"};
}  // namespace kinds

// Every journey kind, for the narration's coverage test.
std::span<const sim::TraceKind* const> journey_kinds();

// A message entered `agent`'s queue under `queue_id`: after the 250 reply to DATA (stored
// before the reply is sent), after a submission, or generated there (a bounce).
struct MailAcceptedRecord final : sim::TraceRecord {
  MailAcceptedRecord() : TraceRecord(kinds::kMailAccepted) {}
  Stage stage = Stage::queueing;
  std::string agent;                          // its label in the trace: the host name
  sim::net::NodeId node = sim::net::kNoNode;  // its host, for observers that draw it
  std::string queue_id;
  std::string message_id;
  std::string sender;  // empty for the null reverse-path <>
  std::vector<std::string> recipients;
  std::uint64_t size = 0;
  std::string origin;  // "smtp alice-pc [192.0.2.10]", "bounce of 4B3F21A0C2"
  std::string user;    // the login the client gave (SMTP AUTH), empty without one

  void visit_fields(sim::FieldVisitor& v) const override;
};

// What became of one recipient of a queued message. The kind says which outcome; the fields
// that do not apply stay empty.
struct MailOutcomeRecord final : sim::TraceRecord {
  explicit MailOutcomeRecord(const sim::TraceKind& kind) : TraceRecord(kind) {}
  Stage stage = Stage::delivery;
  std::string agent;
  sim::net::NodeId node = sim::net::kNoNode;
  std::string queue_id;
  std::string recipient;
  std::string reply;             // the SMTP reply or local reason behind the outcome
  std::string next_agent;        // relayed: who took it
  std::string next_queue_id;     // relayed: under which queue id
  std::string mailbox;           // delivered: "bob@b.example/INBOX"
  std::string dsn_queue_id;      // bounced, delay_warned: the queue id of the notice
  std::size_t lines_broken = 0;  // relayed: lines over 998 octets its client sent broken
  sim::SimTime next_attempt{0};  // deferred, delay_warned: when it will be tried again

  void visit_fields(sim::FieldVisitor& v) const override;
};

// "250 2.0.0 Ok: queued as 4B3F21A0C2" -> "4B3F21A0C2"; empty when the reply names none. The
// sender's relayed record and the conservation check both read the queue id there.
std::string queued_as(std::string_view reply);

}  // namespace mailsim::agents

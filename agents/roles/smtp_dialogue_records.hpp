#pragma once
// Trace kinds of SMTP sessions held over the virtual network (SmtpServerEndpoint,
// SmtpClientEndpoint): every line each side sends or receives, each change of state, the
// message content in one summary record per side, the server's questions to its owner, and
// how each session ended. Transcripts, the window and the narration read them.
//
// The kind says the side, so a sentence can say who speaks ("smtp.client.sent": the client
// sent a command). The records are the dialogue shapes every protocol shares
// (agents/journey/dialogue_records.hpp), which carry the connection id, both hosts and the
// side; two ideas are SMTP's own: a recipient's verdict and the server's policy question.
//
//   listening:                       DialogueListeningRecord (port)
//   connecting:                      DialogueConnectingRecord (address, port)
//   sent, received:                  DialogueLineRecord;   content: DialogueContentRecord
//   state:                           DialogueStateRecord;  accepted, tls: DialogueRecord
//   delivered, deferred, rejected:   SmtpRecipientRecord;  policy: SmtpPolicyRecord
//   completed, refused, missing_feature, closed_by_server, timed_out, protocol_error, failed,
//   closed, client_left, lost:       DialogueEndRecord
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <utility>

#include "agents/journey/dialogue_records.hpp"
#include "sim/trace.hpp"

namespace mailsim::agents {

namespace kinds {
// The client side.
inline constexpr sim::TraceKind kSmtpClientConnecting{"smtp.client.connecting", "smtp"};
inline constexpr sim::TraceKind kSmtpClientSent{"smtp.client.sent", "smtp"};
inline constexpr sim::TraceKind kSmtpClientReceived{"smtp.client.received", "smtp"};
inline constexpr sim::TraceKind kSmtpClientContent{"smtp.client.content", "smtp"};
inline constexpr sim::TraceKind kSmtpClientState{"smtp.client.state", "smtp"};
inline constexpr sim::TraceKind kSmtpClientTls{"smtp.client.tls", "smtp"};
inline constexpr sim::TraceKind kSmtpClientDelivered{"smtp.client.delivered", "smtp"};
inline constexpr sim::TraceKind kSmtpClientDeferred{"smtp.client.deferred", "smtp"};
inline constexpr sim::TraceKind kSmtpClientRejected{"smtp.client.rejected", "smtp"};
inline constexpr sim::TraceKind kSmtpClientCompleted{"smtp.client.completed", "smtp"};
inline constexpr sim::TraceKind kSmtpClientRefused{"smtp.client.refused", "smtp"};
inline constexpr sim::TraceKind kSmtpClientMissingFeature{"smtp.client.missing_feature", "smtp"};
inline constexpr sim::TraceKind kSmtpClientClosedByServer{"smtp.client.closed_by_server", "smtp"};
inline constexpr sim::TraceKind kSmtpClientTimedOut{"smtp.client.timed_out", "smtp"};
inline constexpr sim::TraceKind kSmtpClientProtocolError{"smtp.client.protocol_error", "smtp"};
inline constexpr sim::TraceKind kSmtpClientFailed{"smtp.client.failed", "smtp"};
// The server side.
inline constexpr sim::TraceKind kSmtpServerListening{"smtp.server.listening", "smtp"};
inline constexpr sim::TraceKind kSmtpServerAccepted{"smtp.server.accepted", "smtp"};
inline constexpr sim::TraceKind kSmtpServerReceived{"smtp.server.received", "smtp"};
inline constexpr sim::TraceKind kSmtpServerSent{"smtp.server.sent", "smtp"};
inline constexpr sim::TraceKind kSmtpServerContent{"smtp.server.content", "smtp"};
inline constexpr sim::TraceKind kSmtpServerState{"smtp.server.state", "smtp"};
inline constexpr sim::TraceKind kSmtpServerTls{"smtp.server.tls", "smtp"};
inline constexpr sim::TraceKind kSmtpServerPolicy{"smtp.server.policy", "smtp"};
inline constexpr sim::TraceKind kSmtpServerClosed{"smtp.server.closed", "smtp"};
inline constexpr sim::TraceKind kSmtpServerClientLeft{"smtp.server.client_left", "smtp"};
inline constexpr sim::TraceKind kSmtpServerLost{"smtp.server.lost", "smtp"};
}  // namespace kinds

// Every kind above, for the narration's coverage test and trace filters.
std::span<const sim::TraceKind* const> smtp_dialogue_kinds();

// The SMTP client's verdict for one recipient, from the reply that decided it
// (delivered, deferred, rejected). Fields: parties, recipient, reply.
struct SmtpRecipientRecord final : DialogueRecord {
  SmtpRecipientRecord(const sim::TraceKind& kind, const DialogueParties& who, std::string r,
                      std::string text)
      : DialogueRecord(kind, who), recipient(std::move(r)), reply(std::move(text)) {}
  std::string recipient;
  std::string reply;  // the first line's code and text
  void visit_own(sim::FieldVisitor& v) const override;
};

// The server asks its owner about a step of the session (connect, helo, auth, mail, rcpt,
// message...). Fields: parties, step, argument (the HELO name, address or mechanism asked
// about), and for a message its size in bytes.
struct SmtpPolicyRecord final : DialogueRecord {
  SmtpPolicyRecord(const sim::TraceKind& kind, const DialogueParties& who, std::string s,
                   std::string a, std::uint64_t b)
      : DialogueRecord(kind, who), step(std::move(s)), argument(std::move(a)), bytes(b) {}
  std::string step;
  std::string argument;
  std::uint64_t bytes;
  void visit_own(sim::FieldVisitor& v) const override;
};

}  // namespace mailsim::agents

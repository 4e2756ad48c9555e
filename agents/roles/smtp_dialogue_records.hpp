#pragma once
// Trace records of SMTP sessions held over the virtual network (SmtpServerEndpoint,
// SmtpClientEndpoint): every line each side sends or receives, each change of state, the
// message content in one summary record per side, the server's questions to its owner, and
// how each session ended. Transcripts, the window and the narration read them.
//
// The kind says the side, so a sentence can say who speaks ("smtp.client.sent": the client
// sent a command). Every record also carries the network connection id (the same on both
// sides and in the net.* records of that connection), both host names and the side.
#include <cstdint>
#include <span>
#include <string>
#include <string_view>

#include "agents/journey/records.hpp"
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

enum class SmtpSide { client, server };
std::string_view side_name(SmtpSide side);

// Who talks: the fields every SMTP record starts with.
struct SmtpParties {
  Stage stage = Stage::relay;  // the journey stage the owner serves (submission, relay...)
  std::uint64_t conn = 0;      // network connection id; 0 when no connection was made
  SmtpSide side = SmtpSide::client;
  std::string client;  // host names (an address when the network has no host there)
  std::string server;
};

// One record shape; the kind says what happened and which optional fields are set.
struct SmtpRecord final : sim::TraceRecord {
  SmtpRecord(const sim::TraceKind& kind, const SmtpParties& who)
      : TraceRecord(kind), parties(who) {}
  SmtpParties parties;
  std::string line;         // sent/received: the line without CRLF
  std::string from, to;     // state: the states before and after
  std::uint64_t lines = 0;  // content: lines of the message (final dot excluded)
  std::uint64_t bytes = 0;  // content: octets on the wire, dot-stuffing and CRLF in
  std::string step;         // policy: connect, helo, auth, mail, rcpt, message...
  std::string argument;     // policy: the HELO name, address or mechanism asked about
  std::string address;      // connecting: destination address
  std::uint16_t port = 0;   // connecting, listening
  std::string recipient;    // delivered/deferred/rejected
  std::string reply;        // the reply that decided (first line's code and text)
  std::string state;        // where a session ended (SMTP state name)
  std::string reason;       // failed, lost: connection_refused, connection_reset...
  std::string feature;      // missing_feature: STARTTLS or AUTH
  std::uint64_t delivered = 0, deferred = 0, rejected = 0;  // completed and failures: counts

  void visit_fields(sim::FieldVisitor& v) const override;
};

}  // namespace mailsim::agents

#pragma once
// Trace records of mail retrieval over the network: the server endpoint (listening, each
// connection, each line it reads and writes, its session's states, how the connection ended)
// and the client endpoint (connecting, each line, the outcome). Every record carries the
// journey stage "retrieval" and the network's connection id.
#include <cstdint>
#include <span>
#include <string>

#include "agents/retrieval/protocol.hpp"
#include "sim/trace.hpp"

namespace mailsim::agents {

namespace kinds {
inline constexpr sim::TraceKind kRetrievalServerListening{"retrieval.server.listening", "agents"};
inline constexpr sim::TraceKind kRetrievalServerAccepted{"retrieval.server.accepted", "agents"};
inline constexpr sim::TraceKind kRetrievalServerReceived{"retrieval.server.received", "agents"};
inline constexpr sim::TraceKind kRetrievalServerSent{"retrieval.server.sent", "agents"};
inline constexpr sim::TraceKind kRetrievalServerContent{"retrieval.server.content", "agents"};
inline constexpr sim::TraceKind kRetrievalServerState{"retrieval.server.state", "agents"};
inline constexpr sim::TraceKind kRetrievalServerClosed{"retrieval.server.closed", "agents"};
inline constexpr sim::TraceKind kRetrievalClientConnecting{"retrieval.client.connecting", "agents"};
inline constexpr sim::TraceKind kRetrievalClientSent{"retrieval.client.sent", "agents"};
inline constexpr sim::TraceKind kRetrievalClientReceived{"retrieval.client.received", "agents"};
inline constexpr sim::TraceKind kRetrievalClientContent{"retrieval.client.content", "agents"};
inline constexpr sim::TraceKind kRetrievalClientFetched{"retrieval.client.fetched", "agents"};
inline constexpr sim::TraceKind kRetrievalClientFailed{"retrieval.client.failed", "agents"};
}  // namespace kinds

// Every kind the retrieval endpoints emit, for the narration's coverage test.
std::span<const sim::TraceKind* const> retrieval_kinds();

// One record shape for every retrieval event; the kind says which, and which fields it shows:
//   all:                  stage, protocol, server
//   all but listening:    conn, client
//   listening:            port;   connecting: address, port
//   received, sent:       line (without its line end)
//   content:              lines, bytes: a message's own lines, told once (POP3 RETR/TOP
//                         between "+OK" and ".", as sent; an IMAP literal after its {n})
//   server.state:         from_state, to_state
//   server.closed:        reason (closed, client_left, reset, timed_out, host_down,
//                         idle_timeout, stopped), state
//   client.fetched:       user, folder, count
//   client.failed:        user, reason (refused, malformed, answer_too_long, closed_early,
//                         timed_out, connection_refused, connection_timed_out,
//                         connection_reset, connection_host_down), step, reply
struct RetrievalRecord final : sim::TraceRecord {
  explicit RetrievalRecord(const sim::TraceKind& kind) : TraceRecord(kind) {}
  RetrievalProtocol protocol = RetrievalProtocol::pop3;
  std::uint64_t conn = 0;
  std::string client;  // host names (an address when no host has it)
  std::string server;
  std::string address;  // connecting: the server's address
  std::uint16_t port = 0;
  std::string line;
  std::string from_state, to_state, state;
  std::string reason;
  std::string user, folder, step, reply;
  std::uint64_t count = 0;
  std::uint64_t lines = 0, bytes = 0;

  void visit_fields(sim::FieldVisitor& v) const override;
};

}  // namespace mailsim::agents

#pragma once
// Trace records of mail retrieval over the network: the server endpoint (listening, each
// connection, each line it reads and writes, its session's states, how the connection ended)
// and the client endpoint (connecting, each line, the outcome). Every record carries the
// journey stage "retrieval", the network's connection id and both hosts.
#include <cstdint>
#include <span>
#include <string>
#include <utility>

#include "agents/journey/dialogue_records.hpp"
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

// The records are the dialogue shapes every protocol shares (agents/journey/dialogue_records.hpp),
// whose parties start each one with stage, protocol, conn, client and server:
//   server.listening:     DialogueListeningRecord (stage, protocol, server, port)
//   client.connecting:    DialogueConnectingRecord (address, port)
//   received, sent:       DialogueLineRecord (line, without its line end)
//   content:              DialogueContentRecord (lines, bytes): a message's own lines, told
//                         once (POP3 RETR/TOP between "+OK" and ".", as sent; an IMAP literal
//                         after its {n})
//   server.accepted:      DialogueRecord;   server.state: DialogueStateRecord (from, to)
//   server.closed:        DialogueEndRecord (reason: closed, client_left, reset, timed_out,
//                         host_down, idle_timeout, stopped; state)
// and the client's outcome, retrieval's own:
//   client.fetched:       RetrievalFetchedRecord (user, folder, count)
//   client.failed:        RetrievalFailedRecord (user, reason: refused, malformed,
//                         answer_too_long, closed_early, timed_out, connection_refused,
//                         connection_timed_out, connection_reset, connection_host_down; step,
//                         reply)
struct RetrievalFetchedRecord final : DialogueRecord {
  RetrievalFetchedRecord(const sim::TraceKind& kind, const DialogueParties& who, std::string u,
                         std::string f, std::uint64_t n)
      : DialogueRecord(kind, who), user(std::move(u)), folder(std::move(f)), count(n) {}
  std::string user, folder;
  std::uint64_t count;
  void visit_own(sim::FieldVisitor& v) const override;
};

struct RetrievalFailedRecord final : DialogueRecord {
  RetrievalFailedRecord(const sim::TraceKind& kind, const DialogueParties& who, std::string u,
                        std::string why, std::string s, std::string r)
      : DialogueRecord(kind, who),
        user(std::move(u)),
        reason(std::move(why)),
        step(std::move(s)),
        reply(std::move(r)) {}
  std::string user, reason, step, reply;
  void visit_own(sim::FieldVisitor& v) const override;
};

}  // namespace mailsim::agents

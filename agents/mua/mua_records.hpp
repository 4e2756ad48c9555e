#pragma once
// Trace records of the mail client (MUA): what its user sees. A message composed, the
// server's verdict on a submission (accepted, or the exact error), and each new message the
// client shows after fetching. The SMTP and POP3/IMAP dialogues have their own records.
#include <cstdint>
#include <span>
#include <string>

#include "sim/trace.hpp"

namespace mailsim::agents {

namespace kinds {
inline constexpr sim::TraceKind kMuaComposed{"mua.composed", "agents"};
inline constexpr sim::TraceKind kMuaSent{"mua.sent", "agents"};
inline constexpr sim::TraceKind kMuaSendFailed{"mua.send_failed", "agents"};
inline constexpr sim::TraceKind kMuaSendWaiting{"mua.send_waiting", "agents"};
inline constexpr sim::TraceKind kMuaNewMail{"mua.new_mail", "agents"};
}  // namespace kinds

// Every kind the mail client emits, for the narration's coverage test.
std::span<const sim::TraceKind* const> mua_kinds();

// One record shape; the kind says which fields apply:
//   all:           stage, client (its host), user (its address)
//   composed:      message_id, to, subject, size
//   sent:          message_id, server, recipient, reply (the server's 250 after the message)
//   send_failed:   message_id, server, recipient (every recipient, comma-separated, when the
//                  whole message failed), reply (the exact error, or how the connection failed)
//   send_waiting:  message_id, server, open (the connections already open to it: the message
//                  waits in the outbox until one of them ends)
//   new_mail:      id (the server's unique id), from, subject, server
struct MuaRecord final : sim::TraceRecord {
  explicit MuaRecord(const sim::TraceKind& kind) : TraceRecord(kind) {}
  std::string client;
  std::string user;
  std::string message_id;
  std::string to;
  std::string subject;
  std::uint64_t size = 0;
  std::uint64_t open = 0;
  std::string server;
  std::string recipient;
  std::string reply;
  std::string id;
  std::string from;

  void visit_fields(sim::FieldVisitor& v) const override;
};

}  // namespace mailsim::agents

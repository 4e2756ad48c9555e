#pragma once
// The record shapes of every dialogue over the network: SMTP sessions, POP3 and IMAP
// retrieval, and a person typing into a connection (telnet). One shape for one idea, whatever
// the protocol: a line sent or received, a message's content summed up, a change of state,
// the start and the end of a session. Each kind (smtp.client.sent, retrieval.server.state,
// typed.received...) is declared by the part that emits it and names one of these shapes.
//
// Every record carries the parties of its connection (DialogueParties): the network's
// connection id (the same on both sides and in the net.* records of that connection), the
// node ids of both hosts and their labels, and which side's endpoint reports. A subscriber
// that follows a connection (the transcript, the window) keys on the connection id.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "agents/journey/records.hpp"
#include "sim/net/packet.hpp"
#include "sim/trace.hpp"

namespace mailsim::agents {

enum class DialogueProtocol : std::uint8_t { smtp, pop3, imap, typed };
std::string_view protocol_name(DialogueProtocol p);  // "smtp", "pop3", "imap", "typed"
enum class DialogueSide : std::uint8_t { client, server };
std::string_view side_name(DialogueSide side);  // "client", "server"

// Who talks, on which connection. The endpoint that reports owns it; records refer to it.
struct DialogueParties {
  DialogueProtocol protocol = DialogueProtocol::smtp;
  Stage stage = Stage::relay;  // the journey stage the endpoint serves (not for typed sessions)
  DialogueSide side = DialogueSide::client;                  // the side whose endpoint reports
  sim::net::ConnId conn = 0;                                 // 0 until a connection is attempted
  std::optional<sim::net::NodeId> client_node, server_node;  // none: no host at that address
  std::string client;  // host names (an address when the network has no host there)
  std::string server;
  std::string session;  // typed sessions: what the person dialled, "alice-pc -> 198.51.100.25:25"

  // The fields every record starts with, as each family has always written them:
  //   smtp:      stage, conn, side, client, server
  //   pop3/imap: stage, protocol, conn, client, server (the kind says the side)
  //   typed:     session, conn
  void visit_fields(sim::FieldVisitor& v) const;
};

// Something happened on a connection that needs no more words (server accepted, TLS started,
// typed session opened). Every other shape adds its own fields after the parties'.
struct DialogueRecord : sim::TraceRecord {
  DialogueRecord(const sim::TraceKind& kind, const DialogueParties& who)
      : TraceRecord(kind), parties(who) {}
  const DialogueParties& parties;
  void visit_fields(sim::FieldVisitor& v) const override {
    parties.visit_fields(v);
    visit_own(v);
  }
  virtual void visit_own(sim::FieldVisitor&) const {}
};

// A server listens on a port: no connection yet. Fields: stage, [protocol], server, port.
struct DialogueListeningRecord final : DialogueRecord {
  DialogueListeningRecord(const sim::TraceKind& kind, const DialogueParties& who, std::uint16_t p)
      : DialogueRecord(kind, who), port(p) {}
  std::uint16_t port;
  void visit_fields(sim::FieldVisitor& v) const override;
};

// A client dials an address and port.
struct DialogueConnectingRecord final : DialogueRecord {
  DialogueConnectingRecord(const sim::TraceKind& kind, const DialogueParties& who, std::string a,
                           std::uint16_t p)
      : DialogueRecord(kind, who), address(std::move(a)), port(p) {}
  std::string address;
  std::uint16_t port;
  void visit_own(sim::FieldVisitor& v) const override {
    v.field("address", address);
    v.field("port", port);
  }
};

// One line sent or received, without its line end.
struct DialogueLineRecord final : DialogueRecord {
  DialogueLineRecord(const sim::TraceKind& kind, const DialogueParties& who, std::string_view l)
      : DialogueRecord(kind, who), line(l) {}
  std::string_view line;
  void visit_own(sim::FieldVisitor& v) const override { v.field("line", line); }
};

// A message's content, told once instead of line by line: SMTP DATA, a POP3 RETR or TOP
// answer, an IMAP literal: its lines, and its bytes as on the wire. `text` is the content
// itself, each line followed by CRLF, when it was told line by line (SMTP DATA), for a
// transcript that shows it; it stays out of the trace's fields, where one record is one line.
struct DialogueContentRecord final : DialogueRecord {
  DialogueContentRecord(const sim::TraceKind& kind, const DialogueParties& who, std::uint64_t n,
                        std::uint64_t b, std::string_view t = {})
      : DialogueRecord(kind, who), lines(n), bytes(b), text(t) {}
  std::uint64_t lines, bytes;
  std::string_view text;
  void visit_own(sim::FieldVisitor& v) const override {
    v.field("lines", lines);
    v.field("bytes", bytes);
  }
};

// The session went from one state to another.
struct DialogueStateRecord final : DialogueRecord {
  DialogueStateRecord(const sim::TraceKind& kind, const DialogueParties& who, std::string_view f,
                      std::string_view t)
      : DialogueRecord(kind, who), from(f), to(t) {}
  std::string_view from, to;
  void visit_own(sim::FieldVisitor& v) const override {
    v.field("from", from);
    v.field("to", to);
  }
};

// How a session ended. The kind says how; each sets the fields that tell it, shown in this
// order after the parties: reason (connection_refused, server_closed, client_left...), state
// (where it ended), reply (the reply that decided), feature (missing: STARTTLS, AUTH), line (a
// line that is not the protocol), then the recipients' counts.
struct DialogueEndRecord final : DialogueRecord {
  DialogueEndRecord(const sim::TraceKind& kind, const DialogueParties& who)
      : DialogueRecord(kind, who) {}
  std::optional<std::string> reason, state, reply, feature, line;
  std::optional<std::uint64_t> delivered, deferred, rejected;
  void visit_own(sim::FieldVisitor& v) const override;
};

}  // namespace mailsim::agents

#pragma once
// What a message's sequence chart is drawn from, copied from the trace as it goes: every SMTP,
// POP3 and IMAP line with its connection, every DNS question and answer, and the mail steps
// (accepted, relayed, deferred, delivered, bounced, sent by a mail client). The records borrow
// what they show; this keeps what the chart needs, so that the chart (journey_model) is a pure
// function of these copies, rebuilt whenever it is asked for. The window keeps one on the run
// it plays; `mailsim run --journey` one on the run it prints.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "agents/journey/dialogue_records.hpp"
#include "sim/time.hpp"
#include "sim/trace.hpp"

namespace mailsim::report {

// A connection's line, or its opening or end, in the order the trace said them.
struct LoggedLine {
  enum class Type : std::uint8_t { connect, line, content, end };
  Type type = Type::line;
  sim::SimTime at{0};
  bool client = true;  // said by the client (else by the server)
  std::string text;    // the line; for an end, the record's kind ("smtp.client.refused")
  std::string reason;  // an end's reason ("connection_timed_out"), if it gives one
  std::uint64_t seq = 0;
};

struct LoggedConnection {
  std::uint64_t conn = 0;
  agents::DialogueProtocol protocol = agents::DialogueProtocol::smtp;
  std::string client, server;  // host names
  sim::SimTime opened{0};
  std::optional<sim::SimTime> ended;  // the client's end record
  std::string user;                   // retrieval: the user the client fetched for
  std::uint64_t fetched = 0;          // retrieval: messages fetched
  std::vector<LoggedLine> lines;
};

// One step of a resolver's lookup that crossed the network or answered from its cache.
struct LoggedDns {
  enum class Type : std::uint8_t { started, query, answer, timeout, cache_hit, done };
  Type type = Type::query;
  sim::SimTime at{0};
  std::string agent;  // the host that resolves
  std::uint64_t lookup = 0;
  std::string server;     // the server's host name (its address when no server listens there)
  std::string name;       // "b.example."
  std::string type_name;  // "MX"
  std::string answer;     // answer: "NOERROR 10 mx.b.example.", "NXDOMAIN"
  std::string address;    // the server's address
  std::uint16_t id = 0;   // a query's DNS message id
  std::uint64_t seq = 0;
};

// A mail step: mail.* records, and mua.sent.
struct LoggedMail {
  std::string kind;  // "mail.accepted", "mail.deferred", "mua.sent"...
  sim::SimTime at{0};
  std::string agent;  // the host
  std::string queue_id;
  std::string message_id;
  std::string sender;
  std::vector<std::string> recipients;  // accepted: all; an outcome: its recipient
  std::string reply;
  std::string next_agent, next_queue_id;  // relayed
  std::string mailbox;                    // delivered: "bob@b.example/INBOX"
  std::string subject;                    // mua.sent
  std::string targets;                    // dns.mail.route: "10 mx.b.example. 198.51.100.25"
  std::uint64_t seq = 0;
};

class JourneyLog {
 public:
  explicit JourneyLog(sim::Trace& trace);
  ~JourneyLog();
  JourneyLog(const JourneyLog&) = delete;
  JourneyLog& operator=(const JourneyLog&) = delete;

  const std::vector<LoggedConnection>& connections() const { return connections_; }
  const std::vector<LoggedDns>& dns() const { return dns_; }
  const std::vector<LoggedMail>& mail() const { return mail_; }
  // Grows with each record kept: a chart built at one count is still right at that count.
  std::uint64_t records() const { return seq_; }

 private:
  void on_record(const sim::TraceRecord& r);
  void on_dialogue(const sim::TraceRecord& r);
  void on_dns(const sim::TraceRecord& r);
  void on_mail(const sim::TraceRecord& r);
  LoggedConnection& connection(const agents::DialogueParties& who, sim::SimTime at);

  sim::Trace& trace_;
  sim::Trace::SubscriptionId subscription_;
  std::vector<LoggedConnection> connections_;
  std::map<std::uint64_t, std::size_t> by_conn_;  // connection id -> connections_
  std::vector<LoggedDns> dns_;
  std::vector<LoggedMail> mail_;
  // The servers' host names by address, learnt from their answers (dns.server.answered): the
  // resolver's records know a server by its address only.
  std::map<std::string, std::string> dns_servers_;
  std::uint64_t seq_ = 0;
};

}  // namespace mailsim::report

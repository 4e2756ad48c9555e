#pragma once
// The trace records of the DNS agents, beside the engine's own (agents/proto/dns/
// trace_records.hpp, which already tell every question, answer, cache step and server answer):
// a server starting and stopping, a record changed at run time, and the results of the mail
// lookups (where mail for a domain goes, SPF, DNSBL). Every field is always written, so a
// narration sentence may use any of them.
#include <span>
#include <string>

#include "sim/trace.hpp"

namespace mailsim::agents {

namespace kinds {
inline constexpr sim::TraceKind kDnsServerListening{"dns.server.listening", "dns"};
inline constexpr sim::TraceKind kDnsServerStopped{"dns.server.stopped", "dns"};
inline constexpr sim::TraceKind kDnsZoneChanged{"dns.zone.changed", "dns"};
inline constexpr sim::TraceKind kDnsMailRoute{"dns.mail.route", "dns"};
inline constexpr sim::TraceKind kDnsSpfChecked{"dns.spf.checked", "dns"};
inline constexpr sim::TraceKind kDnsblChecked{"dns.dnsbl.checked", "dns"};
}  // namespace kinds

// The kinds above, for the narration's completeness check (the engine's are
// proto::dns::all_kinds()).
std::span<const sim::TraceKind* const> dns_agent_kinds();

// A server begins serving (its host is up and it listens), or stops (host down, or stopped).
struct DnsServerStateRecord final : sim::TraceRecord {
  explicit DnsServerStateRecord(const sim::TraceKind& kind) : TraceRecord(kind) {}
  std::string agent;
  std::string address;  // "192.0.2.53:53"
  std::string zones;    // the origins served, "b.example., c.example."
  std::string cause;    // started, host_up, host_down, stopped
  void visit_fields(sim::FieldVisitor& v) const override;
};

// An RRset replaced at run time (the "fix the MX record" exercise).
struct DnsZoneChangedRecord final : sim::TraceRecord {
  DnsZoneChangedRecord() : TraceRecord(kinds::kDnsZoneChanged) {}
  std::string agent;
  std::string name;
  std::string type;
  std::size_t count = 0;  // records now held (0: the RRset was removed)
  std::string records;    // the new records, "; "-separated zone-file lines
  void visit_fields(sim::FieldVisitor& v) const override;
};

// Where mail for a domain goes (RFC 5321 5.1).
struct DnsMailRouteRecord final : sim::TraceRecord {
  DnsMailRouteRecord() : TraceRecord(kinds::kDnsMailRoute) {}
  std::string agent;
  std::string domain;     // as in mail addresses, without the root's dot: "b.example"
  std::string status;     // ok, temporary, permanent
  std::string cause;      // none, nxdomain, null_mx, loops_to_self, no_address, dns_failure,
                          // dns_timeout
  std::string reply;      // the SMTP reply a relay gives: "250 2.0.0", "550 5.1.2", ...
  std::string targets;    // "10 mx1.b.example. 192.0.2.25; 20 mx2.b.example. 192.0.2.26"
  std::string addresses;  // every address in the order to try, "192.0.2.25, 192.0.2.26"
  // The same for people: "mx1.b.example (MX 10, 192.0.2.25), mx2.b.example (MX 20, ...)"
  std::string exchangers;
  void visit_fields(sim::FieldVisitor& v) const override;
};

// An SPF check_host() result (RFC 7208).
struct DnsSpfRecord final : sim::TraceRecord {
  DnsSpfRecord() : TraceRecord(kinds::kDnsSpfChecked) {}
  std::string agent;
  std::string ip;
  std::string domain;
  std::string result;   // none, neutral, pass, fail, softfail, temperror, permerror
  std::string matched;  // the deciding term, "" by default
  int dns_lookups = 0;
  void visit_fields(sim::FieldVisitor& v) const override;
};

// A DNSBL query's verdict (RFC 5782).
struct DnsblRecord final : sim::TraceRecord {
  DnsblRecord() : TraceRecord(kinds::kDnsblChecked) {}
  std::string agent;
  std::string ip;
  std::string list;     // the list's zone
  std::string verdict;  // listed, not listed, error
  std::string codes;    // the 127.0.0.x answers, "127.0.0.2"
  void visit_fields(sim::FieldVisitor& v) const override;
};

}  // namespace mailsim::agents

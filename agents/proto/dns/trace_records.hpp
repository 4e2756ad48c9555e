#pragma once
// DNS trace records: every step of a resolver (question sent, answer received, timeout,
// referral, CNAME, cache store, hit and expiry, result) and every answer of a server. The
// agents only forward: resolver.set_observer([&](auto& e) { emit_resolver_event(trace, host, e);
// }). Records borrow what they show; subscribers copy what they keep.
#include <span>
#include <string_view>

#include "agents/proto/dns/authoritative.hpp"
#include "agents/proto/dns/resolver.hpp"
#include "sim/trace.hpp"

namespace mailsim::proto::dns {

namespace kinds {
using sim::TraceKind;
inline constexpr TraceKind kLookupStarted{"dns.lookup.started", "dns"};
inline constexpr TraceKind kQuerySent{"dns.query.sent", "dns"};
inline constexpr TraceKind kResponseReceived{"dns.response.received", "dns"};
inline constexpr TraceKind kResponseIgnored{"dns.response.ignored", "dns"};
inline constexpr TraceKind kQueryTimeout{"dns.query.timeout", "dns"};
inline constexpr TraceKind kQueryUnreachable{"dns.query.unreachable", "dns"};
inline constexpr TraceKind kResponseTruncated{"dns.response.truncated", "dns"};
inline constexpr TraceKind kServerFailed{"dns.server.failed", "dns"};
inline constexpr TraceKind kReferral{"dns.referral", "dns"};
inline constexpr TraceKind kCname{"dns.cname", "dns"};
inline constexpr TraceKind kCacheStored{"dns.cache.stored", "dns"};
inline constexpr TraceKind kCacheHit{"dns.cache.hit", "dns"};
inline constexpr TraceKind kCacheExpired{"dns.cache.expired", "dns"};
inline constexpr TraceKind kLookupDone{"dns.lookup.done", "dns"};
inline constexpr TraceKind kServerAnswered{"dns.server.answered", "dns"};
}  // namespace kinds

// Every kind the DNS layer emits, so narration can check each one has a sentence.
std::span<const sim::TraceKind* const> all_kinds();
const sim::TraceKind& kind_of(const ResolverEvent& event);

class ResolverRecord : public sim::TraceRecord {
 public:
  ResolverRecord(std::string_view agent, const ResolverEvent& event)
      : TraceRecord(kind_of(event)), agent_(agent), event_(event) {}
  std::string_view agent() const { return agent_; }
  const ResolverEvent& event() const { return event_; }
  void visit_fields(sim::FieldVisitor& v) const override;

 private:
  std::string_view agent_;
  const ResolverEvent& event_;
};

// A server's answer: who asked, over what, the question and the response's outline.
class ServerRecord : public sim::TraceRecord {
 public:
  ServerRecord(std::string_view agent, const IpAddress& client, Transport transport,
               const ServeResult& result)
      : TraceRecord(kinds::kServerAnswered),
        agent_(agent),
        client_(client),
        transport_(transport),
        result_(result) {}
  const ServeResult& result() const { return result_; }
  void visit_fields(sim::FieldVisitor& v) const override;

 private:
  std::string_view agent_;
  const IpAddress& client_;
  Transport transport_;
  const ServeResult& result_;
};

void emit_resolver_event(sim::Trace& trace, std::string_view agent, const ResolverEvent& event);

}  // namespace mailsim::proto::dns

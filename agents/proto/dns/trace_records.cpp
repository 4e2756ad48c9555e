#include "agents/proto/dns/trace_records.hpp"

#include <array>

namespace mailsim::proto::dns {

namespace {
constexpr std::array<const sim::TraceKind*, 15> kAllKinds{
    &kinds::kLookupStarted,     &kinds::kQuerySent,
    &kinds::kResponseReceived,  &kinds::kResponseIgnored,
    &kinds::kQueryTimeout,      &kinds::kQueryUnreachable,
    &kinds::kResponseTruncated, &kinds::kServerFailed,
    &kinds::kReferral,          &kinds::kCname,
    &kinds::kCacheStored,       &kinds::kCacheHit,
    &kinds::kCacheExpired,      &kinds::kLookupDone,
    &kinds::kServerAnswered};

// The outline of a message: id, flags, rcode, section sizes, and the answer records.
void message_fields(sim::FieldVisitor& v, const Message& m) {
  v.field("id", m.header.id);
  std::string flags;
  for (auto [on, name] : {std::pair{m.header.qr, "qr"},
                          {m.header.aa, "aa"},
                          {m.header.tc, "tc"},
                          {m.header.rd, "rd"},
                          {m.header.ra, "ra"}})
    if (on) flags += flags.empty() ? name : std::string(" ") + name;
  v.field("flags", flags);
  if (!m.header.qr) return;
  v.field("rcode", rcode_name(m.header.rcode));
  v.field("answers", m.answers.size());
  v.field("authority", m.authorities.size());
  v.field("additional", m.additionals.size());
  std::string records;
  for (const auto& r : m.answers)
    records += (records.empty() ? "" : "; ") + to_string(r);
  if (!records.empty()) v.field("records", records);
}
}  // namespace

std::span<const sim::TraceKind* const> all_kinds() {
  return kAllKinds;
}

const sim::TraceKind& kind_of(const ResolverEvent& e) {
  using K = ResolverEvent::Kind;
  switch (e.kind) {
    case K::lookup_started:
      return kinds::kLookupStarted;
    case K::query_sent:
      return kinds::kQuerySent;
    case K::response:
      return kinds::kResponseReceived;
    case K::response_ignored:
      return kinds::kResponseIgnored;
    case K::timeout:
      return kinds::kQueryTimeout;
    case K::unreachable:
      return kinds::kQueryUnreachable;
    case K::truncated:
      return kinds::kResponseTruncated;
    case K::server_failed:
      return kinds::kServerFailed;
    case K::referral:
      return kinds::kReferral;
    case K::cname:
      return kinds::kCname;
    case K::lookup_done:
      return kinds::kLookupDone;
    case K::cache:
      switch (e.cache->kind) {
        case CacheEvent::Kind::stored:
          return kinds::kCacheStored;
        case CacheEvent::Kind::hit:
          return kinds::kCacheHit;
        case CacheEvent::Kind::expired:
          return kinds::kCacheExpired;
      }
  }
  return kinds::kLookupDone;
}

void ResolverRecord::visit_fields(sim::FieldVisitor& v) const {
  const ResolverEvent& e = event_;
  v.field("agent", agent_);
  if (e.lookup) v.field("lookup", e.lookup);
  if (e.kind == ResolverEvent::Kind::cache) {
    v.field("name", e.cache->name.to_string());
    // An NXDOMAIN entry covers every type of the name: ANY. Every cache record has a type, so
    // a narration sentence may always name it.
    v.field("type", e.cache->entry == CacheAnswerKind::nxdomain ? std::string("ANY")
                                                                : type_name(e.cache->type));
    v.field("entry", cache_answer_name(e.cache->entry));
    v.field("ttl", e.cache->ttl);
    if (e.cache->kind == CacheEvent::Kind::stored) v.field("expires", e.cache->expires_at);
    return;
  }
  if (!e.question.name.is_root() || e.kind != ResolverEvent::Kind::response_ignored) {
    v.field("name", e.question.name.to_string());
    v.field("type", type_name(e.question.type));
  }
  if (e.server) {
    v.field("server", to_string(*e.server));
    v.field("transport", transport_name(e.transport));
  }
  if (e.kind == ResolverEvent::Kind::referral) v.field("zone", e.zone.to_string());
  if (e.message) message_fields(v, *e.message);
  if (e.result) {
    const LookupResult& r = *e.result;
    v.field("status", lookup_status_name(r.status));
    if (!(r.canonical_name == r.question.name)) v.field("canonical", r.canonical_name.to_string());
    std::string records;
    for (const auto& rec : r.records)
      records += (records.empty() ? "" : "; ") + to_string(rec);
    if (!records.empty()) v.field("records", records);
    v.field("from_cache", r.from_cache);
    v.field("queries", r.queries);
  }
}

void ServerRecord::visit_fields(sim::FieldVisitor& v) const {
  v.field("agent", agent_);
  v.field("client", to_string(client_));
  v.field("transport", transport_name(transport_));
  if (result_.query && result_.query->questions.size() == 1) {
    v.field("name", result_.query->questions.front().name.to_string());
    v.field("type", type_name(result_.query->questions.front().type));
  }
  message_fields(v, result_.response);
  v.field("truncated", result_.truncated);
  v.field("size", result_.bytes.size());
}

void emit_resolver_event(sim::Trace& trace, std::string_view agent, const ResolverEvent& event) {
  trace.emit<ResolverRecord>(agent, event);
}

}  // namespace mailsim::proto::dns

#include "agents/dns/records.hpp"

#include <array>

namespace mailsim::agents {

std::span<const sim::TraceKind* const> dns_agent_kinds() {
  static constexpr std::array<const sim::TraceKind*, 6> kAll{
      &kinds::kDnsServerListening, &kinds::kDnsServerStopped, &kinds::kDnsZoneChanged,
      &kinds::kDnsMailRoute,       &kinds::kDnsSpfChecked,    &kinds::kDnsblChecked};
  return kAll;
}

void DnsServerStateRecord::visit_fields(sim::FieldVisitor& v) const {
  v.field("agent", agent);
  v.field("address", address);
  v.field("zones", zones);
  v.field("cause", cause);
}

void DnsZoneChangedRecord::visit_fields(sim::FieldVisitor& v) const {
  v.field("agent", agent);
  v.field("name", name);
  v.field("type", type);
  v.field("count", count);
  v.field("records", records);
}

void DnsMailRouteRecord::visit_fields(sim::FieldVisitor& v) const {
  v.field("agent", agent);
  v.field("domain", domain);
  v.field("status", status);
  v.field("cause", cause);
  v.field("reply", reply);
  v.field("targets", targets);
  v.field("addresses", addresses);
  v.field("exchangers", exchangers);
}

void DnsSpfRecord::visit_fields(sim::FieldVisitor& v) const {
  v.field("agent", agent);
  v.field("ip", ip);
  v.field("domain", domain);
  v.field("result", result);
  v.field("matched", matched);
  v.field("dns_lookups", dns_lookups);
}

void DnsblRecord::visit_fields(sim::FieldVisitor& v) const {
  v.field("agent", agent);
  v.field("ip", ip);
  v.field("list", list);
  v.field("verdict", verdict);
  v.field("codes", codes);
}

}  // namespace mailsim::agents

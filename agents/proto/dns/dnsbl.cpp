#include "agents/proto/dns/dnsbl.hpp"

#include <fmt/format.h>

namespace mailsim::proto::dns {

namespace {
std::vector<std::string> reversed_labels(const IpAddress& ip) {
  std::vector<std::string> labels;
  if (const auto* v4 = std::get_if<Ipv4>(&ip)) {
    for (auto it = v4->bytes.rbegin(); it != v4->bytes.rend(); ++it)
      labels.push_back(std::to_string(*it));
  } else {
    const auto& bytes = std::get<Ipv6>(ip).bytes;
    for (auto it = bytes.rbegin(); it != bytes.rend(); ++it) {
      labels.push_back(fmt::format("{:x}", *it & 0xF));
      labels.push_back(fmt::format("{:x}", *it >> 4));
    }
  }
  return labels;
}
}  // namespace

Name reversed_ip_name(const IpAddress& ip, const Name& zone) {
  auto labels = reversed_labels(ip);
  for (const std::string_view label : zone.labels())
    labels.emplace_back(label);
  return Name::from_labels(std::move(labels));
}

Name reverse_pointer_name(const IpAddress& ip) {
  return reversed_ip_name(
      ip, Name::parse(std::holds_alternative<Ipv4>(ip) ? "in-addr.arpa." : "ip6.arpa."));
}

std::string_view dnsbl_verdict_name(DnsblVerdict v) {
  switch (v) {
    case DnsblVerdict::listed:
      return "listed";
    case DnsblVerdict::not_listed:
      return "not listed";
    case DnsblVerdict::error:
      return "error";
  }
  return "?";
}

DnsblResult interpret_dnsbl(const LookupResult& answer) {
  DnsblResult result;
  switch (answer.status) {
    case LookupStatus::nxdomain:
    case LookupStatus::nodata:
      result.verdict = DnsblVerdict::not_listed;
      return result;
    case LookupStatus::ok:
      for (const auto& r : answer.records)
        if (const auto* a = std::get_if<AData>(&r.data); a && a->address.bytes[0] == 127)
          result.codes.push_back(a->address);
      result.verdict = result.codes.empty() ? DnsblVerdict::error : DnsblVerdict::listed;
      return result;
    default:
      result.verdict = DnsblVerdict::error;
      return result;
  }
}

std::string dnsbl_reason(const LookupResult& txt_answer) {
  if (txt_answer.status != LookupStatus::ok) return {};
  for (const auto& r : txt_answer.records)
    if (const auto* txt = std::get_if<TxtData>(&r.data)) return txt->joined();
  return {};
}

}  // namespace mailsim::proto::dns

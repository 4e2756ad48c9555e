#pragma once
// The glue between the virtual network's types (std::byte spans, Ipv4Address) and the DNS
// engine's (octet spans, IpAddress).
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>

#include "agents/proto/dns/ip_address.hpp"
#include "sim/net/address.hpp"

namespace mailsim::agents::dns_bytes {

inline std::span<const std::uint8_t> as_octets(std::span<const std::byte> bytes) {
  return {reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size()};
}
inline std::span<const std::byte> as_bytes(std::span<const std::uint8_t> octets) {
  return std::as_bytes(octets);
}
inline proto::dns::IpAddress to_dns(sim::net::Ipv4Address a) {
  return proto::dns::Ipv4::from_value(a.value());
}
// The virtual network is IPv4 only: an IPv6 address has no route.
inline std::optional<sim::net::Ipv4Address> to_net(const proto::dns::IpAddress& a) {
  if (const auto* v4 = std::get_if<proto::dns::Ipv4>(&a)) return sim::net::Ipv4Address(v4->value());
  return std::nullopt;
}

}  // namespace mailsim::agents::dns_bytes

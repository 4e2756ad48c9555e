#pragma once
// IPv4 and IPv6 addresses as DNS carries them (A and AAAA data), with prefix matching for SPF
// and reversal for DNSBL. Kept apart from the virtual network's own type so the codec stands
// alone; the adapter converts with Ipv4::value().
#include <array>
#include <compare>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <variant>

#include "sim/text.hpp"

namespace mailsim::proto::dns {

class AddressError : public LocalizedError {
 public:
  using LocalizedError::LocalizedError;
};

struct Ipv4 {
  std::array<std::uint8_t, 4> bytes{};

  static Ipv4 parse(std::string_view text);  // throws AddressError
  static Ipv4 from_value(std::uint32_t value);
  std::uint32_t value() const;
  std::string to_string() const;
  friend auto operator<=>(const Ipv4&, const Ipv4&) = default;
};

struct Ipv6 {
  std::array<std::uint8_t, 16> bytes{};

  static Ipv6 parse(std::string_view text);  // throws AddressError
  std::string to_string() const;             // RFC 5952 form, "2001:db8::25"
  friend auto operator<=>(const Ipv6&, const Ipv6&) = default;
};

using IpAddress = std::variant<Ipv4, Ipv6>;

// "192.0.2.1" or "2001:db8::1"; throws AddressError.
IpAddress parse_ip(std::string_view text);
std::string to_string(const IpAddress& address);

// True when the first `bits` bits of a and b agree (bits is clamped to the address length).
bool same_prefix(std::span<const std::uint8_t> a, std::span<const std::uint8_t> b, int bits);

}  // namespace mailsim::proto::dns

#pragma once
// Virtual IPv4 addresses. They exist only inside the simulation; scenarios take them from the
// documentation ranges (192.0.2.0/24, 198.51.100.0/24, 203.0.113.0/24).
#include <compare>
#include <cstdint>
#include <string>
#include <string_view>

namespace mailsim::sim::net {

class Ipv4Address {
 public:
  constexpr Ipv4Address() = default;
  constexpr explicit Ipv4Address(std::uint32_t value) : value_(value) {}
  constexpr Ipv4Address(std::uint8_t a, std::uint8_t b, std::uint8_t c, std::uint8_t d)
      : value_(std::uint32_t{a} << 24 | std::uint32_t{b} << 16 | std::uint32_t{c} << 8 | d) {}

  // "192.0.2.10"; throws AddressParseError naming the text and the faulty part.
  static Ipv4Address parse(std::string_view text);

  constexpr std::uint32_t value() const { return value_; }
  std::string to_string() const;
  friend constexpr auto operator<=>(Ipv4Address, Ipv4Address) = default;

 private:
  std::uint32_t value_ = 0;
};

}  // namespace mailsim::sim::net

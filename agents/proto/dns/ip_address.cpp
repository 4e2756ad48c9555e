#include "agents/proto/dns/ip_address.hpp"

#include <arpa/inet.h>

#include <algorithm>

#include "agents/proto/dns/messages.hpp"

namespace mailsim::proto::dns {

namespace {
// inet_pton needs a NUL-terminated string; bound the copy so overlong input fails cleanly.
bool pton(int family, std::string_view text, void* out) {
  if (text.size() > 64) return false;
  std::string copy(text);
  return inet_pton(family, copy.c_str(), out) == 1;
}
}  // namespace

Ipv4 Ipv4::parse(std::string_view text) {
  Ipv4 a;
  if (!pton(AF_INET, text, a.bytes.data()))
    throw AddressError(Text(msg::kBadIpv4, {{"text", std::string(text)}}));
  return a;
}

Ipv4 Ipv4::from_value(std::uint32_t value) {
  return Ipv4{{static_cast<std::uint8_t>(value >> 24), static_cast<std::uint8_t>(value >> 16),
               static_cast<std::uint8_t>(value >> 8), static_cast<std::uint8_t>(value)}};
}

std::uint32_t Ipv4::value() const {
  return std::uint32_t{bytes[0]} << 24 | std::uint32_t{bytes[1]} << 16 |
         std::uint32_t{bytes[2]} << 8 | bytes[3];
}

std::string Ipv4::to_string() const {
  char buf[INET_ADDRSTRLEN];
  inet_ntop(AF_INET, bytes.data(), buf, sizeof buf);
  return buf;
}

Ipv6 Ipv6::parse(std::string_view text) {
  Ipv6 a;
  if (!pton(AF_INET6, text, a.bytes.data()))
    throw AddressError(Text(msg::kBadIpv6, {{"text", std::string(text)}}));
  return a;
}

std::string Ipv6::to_string() const {
  char buf[INET6_ADDRSTRLEN];
  inet_ntop(AF_INET6, bytes.data(), buf, sizeof buf);
  return buf;
}

IpAddress parse_ip(std::string_view text) {
  if (text.find(':') != std::string_view::npos) return Ipv6::parse(text);
  return Ipv4::parse(text);
}

std::string to_string(const IpAddress& address) {
  return std::visit([](const auto& a) { return a.to_string(); }, address);
}

bool same_prefix(std::span<const std::uint8_t> a, std::span<const std::uint8_t> b, int bits) {
  const int total = static_cast<int>(std::min(a.size(), b.size())) * 8;
  bits = std::clamp(bits, 0, total);
  const auto whole = static_cast<std::size_t>(bits / 8);
  if (!std::equal(a.begin(), a.begin() + static_cast<std::ptrdiff_t>(whole), b.begin()))
    return false;
  const int rest = bits % 8;
  if (rest == 0) return true;
  const auto mask = static_cast<std::uint8_t>(0xFF << (8 - rest));
  return (a[whole] & mask) == (b[whole] & mask);
}

}  // namespace mailsim::proto::dns

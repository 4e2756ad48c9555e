#include "sim/net/address.hpp"

#include <fmt/compile.h>
#include <fmt/format.h>

#include "sim/net/messages.hpp"

namespace mailsim::sim::net {

Ipv4Address Ipv4Address::parse(std::string_view text) {
  std::uint32_t value = 0;
  std::size_t pos = 0;
  for (int part = 0; part < 4; ++part) {
    if (part > 0) {
      if (pos >= text.size() || text[pos] != '.')
        throw NetError(Text(msg::kBadAddress, {{"input", std::string(text)}}));
      ++pos;
    }
    std::size_t start = pos;
    unsigned octet = 0;
    while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9' && pos - start < 3)
      octet = octet * 10 + static_cast<unsigned>(text[pos++] - '0');
    if (pos == start || octet > 255)
      throw NetError(Text(msg::kBadAddress, {{"input", std::string(text)}}));
    value = value << 8 | octet;
  }
  if (pos != text.size()) throw NetError(Text(msg::kBadAddress, {{"input", std::string(text)}}));
  return Ipv4Address(value);
}

std::string Ipv4Address::to_string() const {
  return fmt::format(FMT_COMPILE("{}.{}.{}.{}"), value_ >> 24, (value_ >> 16) & 0xff,
                     (value_ >> 8) & 0xff, value_ & 0xff);
}

}  // namespace mailsim::sim::net

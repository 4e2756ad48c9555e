#include "sim/net/packet.hpp"

#include <string>

namespace mailsim::sim::net {

std::string_view protocol_name(Protocol p) {
  return p == Protocol::tcp ? "tcp" : "udp";
}

std::string tcp_flags_text(std::uint8_t flags) {
  static constexpr std::pair<std::uint8_t, std::string_view> kNames[] = {{tcp_flags::syn, "SYN"},
                                                                         {tcp_flags::fin, "FIN"},
                                                                         {tcp_flags::rst, "RST"},
                                                                         {tcp_flags::psh, "PSH"},
                                                                         {tcp_flags::ack, "ACK"}};
  std::string out;
  for (auto [bit, name] : kNames) {
    if ((flags & bit) == 0) continue;
    if (!out.empty()) out += ',';
    out += name;
  }
  return out;
}

std::string_view drop_reason_name(DropReason r) {
  switch (r) {
    case DropReason::queue_full:
      return "queue_full";
    case DropReason::loss:
      return "loss";
    case DropReason::link_down:
      return "link_down";
    case DropReason::host_down:
      return "host_down";
    case DropReason::host_off:
      return "host_off";
    case DropReason::ttl_expired:
      return "ttl_expired";
    case DropReason::no_route:
      return "no_route";
    case DropReason::exceeds_mtu:
      return "exceeds_mtu";
    case DropReason::filtered:
      return "filtered";
    case DropReason::no_listener:
      return "no_listener";
  }
  return "unknown";
}

}  // namespace mailsim::sim::net

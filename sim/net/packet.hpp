#pragma once
// What travels on the virtual wire: an IPv4-like header, a TCP- or UDP-like header with real
// field values (so a capture can be written byte for byte) and a payload that points into a
// shared immutable buffer. Copying a Packet never copies payload bytes.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>
#include <string_view>
#include <vector>

#include "sim/net/address.hpp"

namespace mailsim::sim::net {

using NodeId = std::uint32_t;
using LinkId = std::uint32_t;
using ConnId = std::uint64_t;  // 0: no connection (datagrams)
inline constexpr NodeId kNoNode = 0xffffffffu;
inline constexpr LinkId kNoLink = 0xffffffffu;

using Bytes = std::vector<std::byte>;

enum class Protocol : std::uint8_t { tcp = 6, udp = 17 };
std::string_view protocol_name(Protocol p);

inline constexpr std::uint32_t kIpHeaderBytes = 20;
inline constexpr std::uint32_t kTcpHeaderBytes = 20;  // plus 4 on a SYN carrying the MSS option
inline constexpr std::uint32_t kUdpHeaderBytes = 8;

struct IpHeader {
  Ipv4Address src;
  Ipv4Address dst;
  std::uint8_t ttl = 64;
  Protocol protocol = Protocol::tcp;
  std::uint16_t id = 0;            // identification, per sending host
  std::uint16_t total_length = 0;  // header + transport header + payload, in bytes
};

namespace tcp_flags {
inline constexpr std::uint8_t fin = 0x01, syn = 0x02, rst = 0x04, psh = 0x08, ack = 0x10;
}
// "SYN,ACK"-style text of a flags byte.
std::string tcp_flags_text(std::uint8_t flags);

struct TcpHeader {
  std::uint16_t src_port = 0;
  std::uint16_t dst_port = 0;
  std::uint32_t seq = 0;
  std::uint32_t ack = 0;
  std::uint8_t flags = 0;
  std::uint16_t window = 0;
  std::uint16_t mss_option = 0;  // 0: no MSS option (only SYN segments carry one)
  std::uint32_t header_bytes() const { return kTcpHeaderBytes + (mss_option != 0 ? 4u : 0u); }
};

struct UdpHeader {
  std::uint16_t src_port = 0;
  std::uint16_t dst_port = 0;
  std::uint16_t length = 0;  // header + payload
};

// A window into a shared immutable buffer; stream_offset is the position of the first byte in
// the sender's byte stream (0 = first byte the application sent), for datagrams 0.
struct Payload {
  // The first byte of a shared buffer: it keeps alive whatever holds the bytes (a Bytes
  // vector, or the string a socket was handed), so a packet never copies what it carries.
  std::shared_ptr<const std::byte> buffer;
  std::uint32_t offset = 0;
  std::uint32_t length = 0;
  std::uint64_t stream_offset = 0;

  std::span<const std::byte> bytes() const {
    if (!buffer) return {};
    return std::span<const std::byte>(buffer.get() + offset, length);
  }
};

// A shared buffer's first byte, sharing the ownership of `owner` (aliasing shared_ptr).
template <class Container>
std::shared_ptr<const std::byte> shared_bytes(std::shared_ptr<const Container> owner) {
  const auto* first = reinterpret_cast<const std::byte*>(owner->data());
  return std::shared_ptr<const std::byte>(std::move(owner), first);
}

struct Packet {
  std::uint64_t id = 0;  // unique in the run, for the trace and the window
  ConnId conn = 0;       // simulation metadata, not on the wire
  bool retransmission = false;
  IpHeader ip;
  TcpHeader tcp;  // meaningful when ip.protocol == tcp
  UdpHeader udp;  // meaningful when ip.protocol == udp
  Payload payload;

  std::uint16_t src_port() const {
    return ip.protocol == Protocol::tcp ? tcp.src_port : udp.src_port;
  }
  std::uint16_t dst_port() const {
    return ip.protocol == Protocol::tcp ? tcp.dst_port : udp.dst_port;
  }
  std::uint32_t size() const { return ip.total_length; }
};

enum class DropReason : std::uint8_t {
  queue_full,
  loss,
  link_down,
  host_down,  // the node holding the packet went down (its own queues, its own sending)
  host_off,   // the packet reached its destination, a host that is switched off
  ttl_expired,
  no_route,
  exceeds_mtu,
  filtered,
  no_listener,  // a datagram to a port nobody is bound to
};
std::string_view drop_reason_name(DropReason r);

}  // namespace mailsim::sim::net

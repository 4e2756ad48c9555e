// Datagram sockets (UDP-like): best effort, no retransmission, no ICMP on a closed port.
#include "sim/net/detail/network_impl.hpp"
#include "sim/net/messages.hpp"

namespace mailsim::sim::net {

DatagramSocket Host::bind_udp(std::uint16_t port, DatagramSocket::ReceiveFn on_receive) {
  auto& node = net_->nodes[id_];
  if (port == 0) {
    for (int tries = 0; tries < 16384 && port == 0; ++tries) {
      const std::uint16_t candidate = node.next_ephemeral;
      node.next_ephemeral = node.next_ephemeral == 65535 ? 49152 : node.next_ephemeral + 1;
      if (!node.udp.contains(candidate)) port = candidate;
    }
  }
  if (port == 0 || node.udp.contains(port))
    throw NetError(Text(msg::kPortInUse, {{"host", node.name}, {"port", std::to_string(port)}}));
  node.udp.emplace(port, detail::UdpBinding{std::move(on_receive), node.socket_generation});
  return DatagramSocket(net_, id_, port, node.socket_generation);
}

bool DatagramSocket::valid() const {
  if (net_ == nullptr) return false;
  const auto& udp = net_->nodes[host_].udp;
  auto it = udp.find(port_);
  return it != udp.end() && it->second.generation == generation_;
}

void DatagramSocket::close() {
  if (valid()) net_->nodes[host_].udp.erase(port_);
}

bool DatagramSocket::send_to(Ipv4Address to, std::uint16_t port, std::span<const std::byte> bytes) {
  if (!valid()) return false;
  return net_->udp_send(host_, port_, to, port, bytes);
}

bool DatagramSocket::send_to(Ipv4Address to, std::uint16_t port, std::string_view text) {
  return send_to(to, port, std::as_bytes(std::span<const char>(text.data(), text.size())));
}

bool NetworkImpl::udp_send(NodeId host, std::uint16_t from_port, Ipv4Address to, std::uint16_t port,
                           std::span<const std::byte> bytes) {
  if (bytes.size() > 65535 - kIpHeaderBytes - kUdpHeaderBytes) return false;
  Packet p;
  p.ip.dst = to;
  p.ip.protocol = Protocol::udp;
  p.udp.src_port = from_port;
  p.udp.dst_port = port;
  p.payload = Payload{shared_bytes(std::make_shared<const Bytes>(bytes.begin(), bytes.end())), 0,
                      static_cast<std::uint32_t>(bytes.size()), 0};
  send_from_host(host, std::move(p));
  return true;
}

void NetworkImpl::udp_input(NodeId host, std::uint32_t slot) {
  auto& udp = nodes[host].udp;
  auto it = udp.find(packets[slot].packet.udp.dst_port);
  if (it == udp.end()) return drop(slot, DropReason::no_listener, host);
  if (sim.trace().active())
    emit_packet(kinds::kPacketDelivered, packets[slot].packet, place_at(host));
  Packet p = std::move(packets[slot].packet);
  free_packet(slot);
  auto fn = it->second.on_receive;  // a copy: the callback may close the socket
  if (fn) fn(p.ip.src, p.udp.src_port, p.payload.bytes());
}

}  // namespace mailsim::sim::net

// Hop-by-hop forwarding: a host's stack hands over a packet, each node looks up its next hop,
// each link direction serialises packets from a FIFO queue then propagates them.
#include <cmath>

#include "sim/net/detail/network_impl.hpp"

namespace mailsim::sim::net {

using detail::LinkState;
using detail::NodeState;
using detail::PacketSlot;
using detail::PacketWhere;

namespace {
constexpr std::uint32_t kNoSlot = detail::LinkDirection::kNoSlot;

std::uint32_t transport_header_bytes(const Packet& p) {
  return p.ip.protocol == Protocol::tcp ? p.tcp.header_bytes() : kUdpHeaderBytes;
}
}  // namespace

std::uint32_t NetworkImpl::allocate_packet(Packet&& packet) {
  std::uint32_t slot;
  if (!free_packets.empty()) {
    slot = free_packets.back();
    free_packets.pop_back();
  } else {
    slot = static_cast<std::uint32_t>(packets.size());
    packets.emplace_back();
  }
  packets[slot].packet = std::move(packet);
  packets[slot].lost = false;
  packets[slot].where = PacketWhere::local;
  packets[slot].dest = kNoNode;
  return slot;
}

void NetworkImpl::free_packet(std::uint32_t slot) {
  PacketSlot& s = packets[slot];
  ++s.generation;
  s.where = PacketWhere::free;
  s.packet.payload = Payload{};  // releases the shared buffer now
  free_packets.push_back(slot);
}

PacketPlace NetworkImpl::place_at(NodeId node) const {
  PacketPlace place;
  if (node != kNoNode) {
    place.node = nodes[node].name;
    place.node_id = node;
  }
  return place;
}

void NetworkImpl::emit_packet(const TraceKind& kind, const Packet& packet,
                              const PacketPlace& place) {
  sim.trace().emit<PacketRecord>(kind, packet, place);
}

namespace {
PacketPlace link_place(const NetworkImpl& n, LinkId link, std::uint8_t dir, NodeId at) {
  PacketPlace place = n.place_at(at);
  const LinkState& l = n.links[link];
  place.link = l.name;
  place.link_id = link;
  place.direction = dir;
  place.from = n.nodes[l.end[dir]].name;
  place.to = n.nodes[l.end[1 - dir]].name;
  return place;
}
}  // namespace

void NetworkImpl::send_from_host(NodeId host, Packet packet, NodeId dest) {
  NodeState& h = nodes[host];
  packet.id = next_packet_id++;
  packet.ip.src = *h.address;
  packet.ip.ttl = h.settings.ttl;
  packet.ip.id = h.next_ip_id++;
  packet.ip.total_length = static_cast<std::uint16_t>(
      kIpHeaderBytes + transport_header_bytes(packet) + packet.payload.length);
  if (packet.ip.protocol == Protocol::udp)
    packet.udp.length = static_cast<std::uint16_t>(kUdpHeaderBytes + packet.payload.length);
  const std::uint32_t slot = allocate_packet(std::move(packet));
  packets[slot].dest = dest;
  const Packet& p = packets[slot].packet;
  if (sim.trace().active()) emit_packet(kinds::kPacketSent, p, place_at(host));
  if (!h.up) return drop(slot, DropReason::host_down, host);
  if (auto verdict = filter(host, p, true)) {
    if (*verdict == FilterAction::reject && p.ip.protocol == Protocol::tcp &&
        (p.tcp.flags & tcp_flags::rst) == 0) {
      // The local firewall answers for the remote host, as an iptables REJECT with tcp-reset.
      Packet rst;
      rst.id = next_packet_id++;
      rst.conn = p.conn;
      rst.ip = p.ip;
      std::swap(rst.ip.src, rst.ip.dst);
      rst.ip.total_length = kIpHeaderBytes + kTcpHeaderBytes;
      rst.tcp.src_port = p.tcp.dst_port;
      rst.tcp.dst_port = p.tcp.src_port;
      rst.tcp.flags = tcp_flags::rst | tcp_flags::ack;
      rst.tcp.ack = p.tcp.seq + p.payload.length + ((p.tcp.flags & tcp_flags::syn) ? 1 : 0);
      const std::uint32_t r = allocate_packet(std::move(rst));
      sim.schedule_after(SimTime(0), [this, r, g = packets[r].generation] { deliver_local(r, g); });
    }
    return drop(slot, DropReason::filtered, host);
  }
  if (p.ip.dst == p.ip.src) {
    sim.schedule_after(SimTime(0),
                       [this, slot, g = packets[slot].generation] { deliver_local(slot, g); });
    return;
  }
  forward(host, slot);
}

void NetworkImpl::forward(NodeId at, std::uint32_t slot) {
  ensure_routes();
  Packet& p = packets[slot].packet;
  NodeId& dest = packets[slot].dest;
  if (dest == kNoNode) {
    const auto found = addresses.find(p.ip.dst.value());
    if (found == addresses.end()) return drop(slot, DropReason::no_route, at);
    dest = found->second;
  }
  auto h = hop(at, dest);
  if (!h) return drop(slot, DropReason::no_route, at);
  if (p.ip.src != nodes[at].address || nodes[at].kind == NodeKind::router) {
    if (p.ip.ttl <= 1) return drop(slot, DropReason::ttl_expired, at);
    --p.ip.ttl;
    if (sim.trace().active())
      emit_packet(kinds::kPacketForwarded, p, link_place(*this, h->link, h->dir, at));
  }
  enqueue(h->link, h->dir, slot);
}

void NetworkImpl::enqueue(LinkId link_id, std::uint8_t d, std::uint32_t slot) {
  LinkState& l = links[link_id];
  const NodeId at = l.end[d];
  const std::uint32_t size = packets[slot].packet.size();
  if (!l.up) return drop(slot, DropReason::link_down, at, link_id, d);
  if (size > l.params.mtu) return drop(slot, DropReason::exceeds_mtu, at, link_id, d);
  auto& dir = l.dir[d];
  const bool busy = dir.transmitting != kNoSlot;
  const std::uint32_t waiting_bytes =
      dir.queued_bytes - (busy ? packets[dir.transmitting].packet.size() : 0);
  if ((l.params.queue_bytes != 0 && busy && waiting_bytes + size > l.params.queue_bytes) ||
      (l.params.queue_packets != 0 && busy && dir.queue.size() >= l.params.queue_packets))
    return drop(slot, DropReason::queue_full, at, link_id, d);
  // An idle direction takes the packet at once: the queue (and its memory) is touched only when
  // packets actually wait.
  if (busy) dir.queue.push_back(slot);
  dir.queued_bytes += size;
  queue_changed(link_id, d);
  PacketSlot& s = packets[slot];
  s.where = PacketWhere::queued;
  s.link = link_id;
  s.dir = d;
  if (sim.trace().active())
    emit_packet(kinds::kPacketQueued, s.packet, link_place(*this, link_id, d, at));
  if (!busy) start_transmission(link_id, d, slot);
}

void NetworkImpl::start_transmission(LinkId link_id, std::uint8_t d, std::uint32_t slot) {
  LinkState& l = links[link_id];
  auto& dir = l.dir[d];
  dir.transmitting = slot;
  PacketSlot& s = packets[slot];
  s.where = PacketWhere::transmitting;
  // Serialisation delay, rounded up to the microsecond.
  const std::uint64_t bits = std::uint64_t{s.packet.size()} * 8;
  const auto us = static_cast<std::int64_t>((bits * 1'000'000 + l.params.bandwidth_bps - 1) /
                                            l.params.bandwidth_bps);
  s.depart = sim.now() + SimTime(us);
  if (sim.trace().active()) {
    PacketPlace place = link_place(*this, link_id, d, l.end[d]);
    place.start = sim.now();
    place.end = s.depart;
    emit_packet(kinds::kPacketTxStart, s.packet, place);
  }
  const std::uint32_t link_dir = link_id * 2 + d;
  dir.tx_event = sim.schedule_at(s.depart, [this, link_dir] { end_transmission(link_dir); });
}

void NetworkImpl::end_transmission(std::uint32_t link_dir) {
  const LinkId link_id = link_dir / 2;
  const auto d = static_cast<std::uint8_t>(link_dir % 2);
  LinkState& l = links[link_id];
  auto& dir = l.dir[d];
  const std::uint32_t slot = dir.transmitting;
  dir.transmitting = kNoSlot;
  dir.tx_event = EventId{};
  PacketSlot& s = packets[slot];
  dir.queued_bytes -= s.packet.size();
  queue_changed(link_id, d);
  s.lost = l.params.loss > 0 && l.rng->chance(l.params.loss);
  s.where = PacketWhere::on_wire;
  s.arrive = sim.now() + l.params.latency;
  if (sim.trace().active()) {
    PacketPlace place = link_place(*this, link_id, d, l.end[d]);
    place.start = sim.now();
    place.end = s.arrive;
    emit_packet(kinds::kPacketTxEnd, s.packet, place);
  }
  sim.schedule_at(s.arrive, [this, slot, g = s.generation] { arrive(slot, g); });
  if (!dir.queue.empty()) {
    const std::uint32_t next = dir.queue.front();
    dir.queue.pop_front();
    start_transmission(link_id, d, next);
  }
}

void NetworkImpl::arrive(std::uint32_t slot, std::uint32_t generation) {
  PacketSlot& s = packets[slot];
  if (s.generation != generation) return;  // dropped while on the wire (link went down)
  const LinkState& l = links[s.link];
  const NodeId at = l.end[1 - s.dir];
  if (s.lost) return drop(slot, DropReason::loss, at, s.link, s.dir);
  if (!nodes[at].up) {
    // A switched-off destination stays in the routes: its last hop sends the packet into
    // silence, and the sender learns of it only by its own timers.
    const bool destination = nodes[at].address == s.packet.ip.dst;
    return drop(slot, destination ? DropReason::host_off : DropReason::host_down, at, s.link,
                s.dir);
  }
  if (sim.trace().active())
    emit_packet(kinds::kPacketArrived, s.packet, link_place(*this, s.link, s.dir, at));
  s.where = PacketWhere::local;
  if (nodes[at].address == s.packet.ip.dst) return deliver(at, slot);
  if (nodes[at].kind == NodeKind::host) return drop(slot, DropReason::no_route, at);
  forward(at, slot);
}

void NetworkImpl::deliver_local(std::uint32_t slot, std::uint32_t generation) {
  if (packets[slot].generation != generation) return;
  auto it = addresses.find(packets[slot].packet.ip.dst.value());
  if (it == addresses.end()) return drop(slot, DropReason::no_route, kNoNode);
  if (!nodes[it->second].up) return drop(slot, DropReason::host_off, it->second);
  deliver(it->second, slot);
}

void NetworkImpl::deliver(NodeId host, std::uint32_t slot) {
  if (auto verdict = filter(host, packets[slot].packet, false)) {
    Packet p = packets[slot].packet;
    drop(slot, DropReason::filtered, host);
    if (*verdict == FilterAction::reject && p.ip.protocol == Protocol::tcp)
      tcp_send_reset_for(host, p);
    return;
  }
  if (packets[slot].packet.ip.protocol == Protocol::udp) return udp_input(host, slot);
  if (sim.trace().active())
    emit_packet(kinds::kPacketDelivered, packets[slot].packet, place_at(host));
  // The transport may send packets (growing the slab), so the packet leaves it first.
  Packet p = std::move(packets[slot].packet);
  free_packet(slot);
  tcp_input(host, p);
}

void NetworkImpl::drop(std::uint32_t slot, DropReason reason, NodeId at, LinkId link,
                       std::uint8_t dir) {
  if (sim.trace().active()) {
    PacketPlace place = link == kNoLink ? place_at(at) : link_place(*this, link, dir, at);
    place.reason = reason;
    emit_packet(kinds::kPacketDropped, packets[slot].packet, place);
  }
  free_packet(slot);
}

void NetworkImpl::drop_all_on_link(LinkId link_id, DropReason reason) {
  LinkState& l = links[link_id];
  for (std::uint8_t d = 0; d < 2; ++d) {
    auto& dir = l.dir[d];
    if (dir.transmitting != kNoSlot) {
      sim.cancel(dir.tx_event);
      const std::uint32_t slot = dir.transmitting;
      dir.transmitting = kNoSlot;
      drop(slot, reason, l.end[d], link_id, d);
    }
    while (!dir.queue.empty()) {
      const std::uint32_t slot = dir.queue.front();
      dir.queue.pop_front();
      drop(slot, reason, l.end[d], link_id, d);
    }
    dir.queued_bytes = 0;
    queue_changed(link_id, d);
  }
  for (std::uint32_t slot = 0; slot < packets.size(); ++slot) {
    PacketSlot& s = packets[slot];
    if (s.where == PacketWhere::on_wire && s.link == link_id)
      drop(slot, reason, l.end[1 - s.dir], link_id, s.dir);
  }
}

std::optional<FilterAction> NetworkImpl::filter(NodeId host, const Packet& p, bool outgoing) const {
  for (const FilterRule& r : nodes[host].filters) {
    if ((r.direction == FilterDirection::outgoing) != outgoing) continue;
    if (r.protocol == FilterProtocol::tcp && p.ip.protocol != Protocol::tcp) continue;
    if (r.protocol == FilterProtocol::udp && p.ip.protocol != Protocol::udp) continue;
    if (p.dst_port() == r.port) return r.action;
  }
  return std::nullopt;
}

}  // namespace mailsim::sim::net

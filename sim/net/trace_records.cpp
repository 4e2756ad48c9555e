#include "sim/net/trace_records.hpp"

#include <array>

#include "sim/net/settings.hpp"

namespace mailsim::sim::net {

std::span<const TraceKind* const> all_kinds() {
  static constexpr std::array kAll{
      &kinds::kPacketSent,    &kinds::kPacketQueued,    &kinds::kPacketTxStart,
      &kinds::kPacketTxEnd,   &kinds::kPacketArrived,   &kinds::kPacketForwarded,
      &kinds::kPacketDropped, &kinds::kPacketDelivered, &kinds::kConnOpened,
      &kinds::kConnRefused,   &kinds::kConnTimedOut,    &kinds::kConnClosed,
      &kinds::kConnReset,     &kinds::kTcpState,        &kinds::kTcpCwnd,
      &kinds::kLinkDown,      &kinds::kLinkUp,          &kinds::kLinkChanged,
      &kinds::kHostDown,      &kinds::kHostUp,          &kinds::kRouteRecomputed,
      &kinds::kRouteChanged};
  return kAll;
}

void PacketRecord::visit_fields(FieldVisitor& v) const {
  const Packet& p = packet_;
  v.field("packet", p.id);
  if (!place_.node.empty()) v.field("node", place_.node);
  if (!place_.link.empty()) {
    v.field("link", place_.link);
    v.field("from", place_.from);
    v.field("to", place_.to);
  }
  if (place_.start != place_.end) {
    v.field("start", place_.start);
    v.field("end", place_.end);
  }
  if (place_.reason) v.field("reason", drop_reason_name(*place_.reason));
  v.field("proto", protocol_name(p.ip.protocol));
  if (p.conn != 0) v.field("conn", p.conn);
  v.field("size", p.ip.total_length);
  v.field("src", p.ip.src.to_string());
  v.field("dst", p.ip.dst.to_string());
  v.field("ttl", p.ip.ttl);
  v.field("ip_id", p.ip.id);
  if (p.ip.protocol == Protocol::tcp) {
    v.field("sport", p.tcp.src_port);
    v.field("dport", p.tcp.dst_port);
    v.field("flags", tcp_flags_text(p.tcp.flags));
    v.field("seq", p.tcp.seq);
    v.field("ack", p.tcp.ack);
    v.field("win", p.tcp.window);
    if (p.tcp.mss_option != 0) v.field("mss", p.tcp.mss_option);
  } else {
    v.field("sport", p.udp.src_port);
    v.field("dport", p.udp.dst_port);
  }
  v.field("payload", p.payload.length);
  if (p.payload.length > 0 && p.ip.protocol == Protocol::tcp)
    v.field("stream_offset", p.payload.stream_offset);
  if (p.retransmission) v.field("retransmission", true);
}

namespace {
void visit_conn(FieldVisitor& v, const ConnInfo& info) {
  v.field("conn", info.conn);
  v.field("host", info.host);
  v.field("role", info.role == ConnRole::client ? "client" : "server");
  v.field("local", info.local.to_string());
  v.field("local_port", info.local_port);
  v.field("remote", info.remote.to_string());
  v.field("remote_port", info.remote_port);
}
}  // namespace

void ConnRecord::visit_fields(FieldVisitor& v) const {
  visit_conn(v, info_);
  if (!detail_.empty()) v.field("detail", detail_);
}

void TcpStateRecord::visit_fields(FieldVisitor& v) const {
  v.field("conn", info_.conn);
  v.field("host", info_.host);
  v.field("from", from_);
  v.field("to", to_);
}

void TcpCwndRecord::visit_fields(FieldVisitor& v) const {
  v.field("conn", info_.conn);
  v.field("host", info_.host);
  v.field("cwnd", cwnd_);
  if (ssthresh_ != 0xffffffffu) v.field("ssthresh", ssthresh_);
  v.field("flight", flight_);
  v.field("cause", cause_);
}

void LinkRecord::visit_fields(FieldVisitor& v) const {
  v.field("link", link_);
  v.field("latency", params_.latency);
  v.field("bandwidth_bps", params_.bandwidth_bps);
  v.field("mtu", params_.mtu);
  v.field("loss", params_.loss);
  v.field("queue_bytes", params_.queue_bytes);
  v.field("queue_packets", params_.queue_packets);
}

}  // namespace mailsim::sim::net

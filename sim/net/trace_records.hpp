#pragma once
// The network's trace records. A packet record carries everything the window needs to
// animate the packet (link, direction, start and end times, size, protocol, connection) and
// everything a capture writer needs to rebuild it (the Packet: headers and shared payload),
// so that no subscriber has to ask the network anything else. Records only borrow: keep
// packet().payload.buffer (a shared_ptr) to hold the bytes beyond the callback.
#include <cstdint>
#include <optional>
#include <span>
#include <string_view>

#include "sim/net/packet.hpp"
#include "sim/trace.hpp"

namespace mailsim::sim::net {

namespace kinds {
// Packet events, in the order a packet may meet them.
inline constexpr TraceKind kPacketSent{"net.packet.sent", "net"};         // left its host's stack
inline constexpr TraceKind kPacketQueued{"net.packet.queued", "net"};     // in a link's queue
inline constexpr TraceKind kPacketTxStart{"net.packet.tx_start", "net"};  // serialisation begins
inline constexpr TraceKind kPacketTxEnd{"net.packet.tx_end", "net"};      // last bit on the wire
inline constexpr TraceKind kPacketArrived{"net.packet.arrived", "net"};   // at the far node
inline constexpr TraceKind kPacketForwarded{"net.packet.forwarded", "net"};  // router picked a link
inline constexpr TraceKind kPacketDropped{"net.packet.dropped", "net"};      // with a reason
inline constexpr TraceKind kPacketDelivered{"net.packet.delivered", "net"};  // to the transport
// Connection events.
inline constexpr TraceKind kConnOpened{"net.conn.opened", "net"};
inline constexpr TraceKind kConnRefused{"net.conn.refused", "net"};
inline constexpr TraceKind kConnTimedOut{"net.conn.timed_out", "net"};
inline constexpr TraceKind kConnClosed{"net.conn.closed", "net"};
inline constexpr TraceKind kConnReset{"net.conn.reset", "net"};
// TCP internals a teacher may want to show.
inline constexpr TraceKind kTcpState{"net.tcp.state", "net"};
inline constexpr TraceKind kTcpCwnd{"net.tcp.cwnd", "net"};
// Topology changes and routing.
inline constexpr TraceKind kLinkDown{"net.link.down", "net"};
inline constexpr TraceKind kLinkUp{"net.link.up", "net"};
inline constexpr TraceKind kLinkChanged{"net.link.changed", "net"};
inline constexpr TraceKind kHostDown{"net.host.down", "net"};
inline constexpr TraceKind kHostUp{"net.host.up", "net"};
inline constexpr TraceKind kRouteRecomputed{"net.route.recomputed", "net"};
// A router's way to a host changed (a link went down or up, or a queue made a link slower).
inline constexpr TraceKind kRouteChanged{"net.route.changed", "net"};
}  // namespace kinds

// Every kind the network emits, so narration can check each one has a sentence.
std::span<const TraceKind* const> all_kinds();

// Where and when a packet event happens. Names point into the network's own storage.
struct PacketPlace {
  std::string_view node;     // the node where it happens (sent, arrived, forwarded, dropped, ...)
  NodeId node_id = kNoNode;  // the same node by id, for observers that draw it
  std::string_view link;     // the link involved, if any
  LinkId link_id = kNoLink;
  std::uint8_t direction = 0;  // 0: from the link's first end to its second, 1: back
  std::string_view from;       // the link's sending end
  std::string_view to;         // the link's receiving end
  SimTime start{0};            // tx_start: serialisation start; tx_end: departure
  SimTime end{0};              // tx_start: serialisation end; tx_end: arrival at `to`
  std::optional<DropReason> reason;
};

class PacketRecord : public TraceRecord {
 public:
  PacketRecord(const TraceKind& kind, const Packet& packet, const PacketPlace& place)
      : TraceRecord(kind), packet_(packet), place_(place) {}
  const Packet& packet() const { return packet_; }
  const PacketPlace& place() const { return place_; }
  void visit_fields(FieldVisitor& v) const override;

 private:
  const Packet& packet_;
  const PacketPlace& place_;
};

enum class ConnRole : std::uint8_t { client, server };

struct ConnInfo {
  ConnId conn = 0;
  std::string_view host;
  ConnRole role = ConnRole::client;
  Ipv4Address local;
  std::uint16_t local_port = 0;
  Ipv4Address remote;
  std::uint16_t remote_port = 0;
};

// net.conn.*: opened (handshake done), refused (RST to a SYN), timed_out, closed, reset.
class ConnRecord : public TraceRecord {
 public:
  ConnRecord(const TraceKind& kind, const ConnInfo& info, std::string_view detail = {})
      : TraceRecord(kind), info_(info), detail_(detail) {}
  const ConnInfo& info() const { return info_; }
  std::string_view detail() const { return detail_; }
  void visit_fields(FieldVisitor& v) const override;

 private:
  const ConnInfo& info_;
  std::string_view detail_;
};

class TcpStateRecord : public TraceRecord {
 public:
  TcpStateRecord(const ConnInfo& info, std::string_view from, std::string_view to)
      : TraceRecord(kinds::kTcpState), info_(info), from_(from), to_(to) {}
  void visit_fields(FieldVisitor& v) const override;
  std::string_view from() const { return from_; }
  std::string_view to() const { return to_; }
  const ConnInfo& info() const { return info_; }

 private:
  const ConnInfo& info_;
  std::string_view from_, to_;
};

// The congestion window after an event: cause is ack, fast_retransmit, dupack, partial_ack,
// recovery_end or timeout.
class TcpCwndRecord : public TraceRecord {
 public:
  TcpCwndRecord(const ConnInfo& info, std::uint32_t cwnd, std::uint32_t ssthresh,
                std::uint32_t flight, std::string_view cause)
      : TraceRecord(kinds::kTcpCwnd),
        info_(info),
        cwnd_(cwnd),
        ssthresh_(ssthresh),
        flight_(flight),
        cause_(cause) {}
  void visit_fields(FieldVisitor& v) const override;
  std::uint32_t cwnd() const { return cwnd_; }
  std::uint32_t ssthresh() const { return ssthresh_; }
  std::string_view cause() const { return cause_; }
  const ConnInfo& info() const { return info_; }

 private:
  const ConnInfo& info_;
  std::uint32_t cwnd_, ssthresh_, flight_;
  std::string_view cause_;
};

struct LinkParams;

// net.link.down / up / changed, with the link's parameters after the change.
class LinkRecord : public TraceRecord {
 public:
  LinkRecord(const TraceKind& kind, std::string_view link, const LinkParams& params)
      : TraceRecord(kind), link_(link), params_(params) {}
  void visit_fields(FieldVisitor& v) const override;
  std::string_view link() const { return link_; }

 private:
  std::string_view link_;
  const LinkParams& params_;
};

// net.host.down / up.
class HostRecord : public TraceRecord {
 public:
  HostRecord(const TraceKind& kind, std::string_view host) : TraceRecord(kind), host_(host) {}
  void visit_fields(FieldVisitor& v) const override { v.field("host", host_); }
  std::string_view host() const { return host_; }

 private:
  std::string_view host_;
};

// net.route.recomputed: cause is "topology" or "interval".
class RouteRecord : public TraceRecord {
 public:
  explicit RouteRecord(std::string_view cause)
      : TraceRecord(kinds::kRouteRecomputed), cause_(cause) {}
  void visit_fields(FieldVisitor& v) const override { v.field("cause", cause_); }

 private:
  std::string_view cause_;
};

// Router `router` now sends packets for `destination` over `to_link` instead of `from_link`;
// `cost_ms` is the new route's cost in milliseconds: the links' latencies, plus the waiting time
// in each queue on the way when `metric` is "least-busy" (else "shortest").
class RouteChangedRecord : public TraceRecord {
 public:
  RouteChangedRecord(std::string_view router, std::string_view destination,
                     std::string_view from_link, std::string_view to_link, SimTime cost,
                     std::string_view metric)
      : TraceRecord(kinds::kRouteChanged),
        router_(router),
        destination_(destination),
        from_link_(from_link),
        to_link_(to_link),
        cost_(cost),
        metric_(metric) {}
  void visit_fields(FieldVisitor& v) const override {
    v.field("router", router_);
    v.field("destination", destination_);
    v.field("from_link", from_link_);
    v.field("to_link", to_link_);
    v.field("cost_ms", static_cast<double>(cost_.count()) / 1000.0);
    v.field("metric", metric_);
  }

 private:
  std::string_view router_, destination_, from_link_, to_link_;
  SimTime cost_;
  std::string_view metric_;
};

}  // namespace mailsim::sim::net

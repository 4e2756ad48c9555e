#pragma once
// Private: the network's state and the operations its parts share. Included only by
// sim/net/*.cpp.
#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "sim/net/detail/stable_vector.hpp"
#include "sim/net/detail/tcp_connection.hpp"
#include "sim/net/network.hpp"
#include "sim/net/trace_records.hpp"
#include "sim/simulator.hpp"
#include "sim/watchers.hpp"

namespace mailsim::sim::net {

namespace detail {

class RoutingState;  // Boost.Graph, in routing.cpp only

struct UdpBinding {
  DatagramSocket::ReceiveFn on_receive;
  std::uint32_t generation = 0;
};

struct NodeState {
  std::string name;
  NodeKind kind = NodeKind::router;
  std::optional<Ipv4Address> address;
  bool up = true;
  std::optional<Position> position;
  HostSettings settings;
  std::vector<FilterRule> filters;
  RandomStream* rng = nullptr;  // "host:NAME": initial sequence numbers
  std::uint16_t next_ip_id = 0;
  std::uint16_t next_ephemeral = 49152;
  std::uint32_t socket_generation = 1;
  std::map<std::uint16_t, Host::AcceptFn> listeners;
  std::unordered_map<std::uint64_t, std::uint32_t> connections;  // tuple key -> slot
  std::map<std::uint16_t, UdpBinding> udp;
  Watchers<> down_watchers;
  Watchers<> up_watchers;
};

struct LinkDirection {
  std::deque<std::uint32_t> queue;  // packet slots waiting, FIFO (not the one transmitting)
  std::uint32_t queued_bytes = 0;   // waiting + transmitting
  std::uint32_t transmitting = kNoSlot;
  EventId tx_event;
  bool cost_dirty = false;  // queued_bytes changed since the last route snapshot
  static constexpr std::uint32_t kNoSlot = 0xffffffffu;
};

struct LinkState {
  std::string name;
  NodeId end[2] = {kNoNode, kNoNode};
  LinkParams params;
  bool up = true;
  LinkDirection dir[2];
  RandomStream* rng = nullptr;  // "link:NAME": random loss
};

enum class PacketWhere : std::uint8_t { free, queued, transmitting, on_wire, local };

struct PacketSlot {
  Packet packet;
  std::uint32_t generation = 0;
  PacketWhere where = PacketWhere::free;
  bool lost = false;  // drawn at the end of transmission, dropped at arrival
  LinkId link = kNoLink;
  std::uint8_t dir = 0;
  NodeId dest = kNoNode;  // the node of ip.dst, looked up at the first hop (addresses stay)
  SimTime depart{0};
  SimTime arrive{0};
};

struct Hop {
  LinkId link = kNoLink;
  std::uint8_t dir = 0;
};

inline std::uint64_t tuple_key(Ipv4Address remote, std::uint16_t remote_port,
                               std::uint16_t local_port) {
  return std::uint64_t{remote.value()} << 32 | std::uint64_t{remote_port} << 16 | local_port;
}

}  // namespace detail

struct NetworkImpl {
  NetworkImpl(Simulator& sim, NetworkSettings settings);
  ~NetworkImpl();

  Simulator& sim;
  NetworkSettings settings;
  // Expires with the network: a socket's Subscription (keep_callbacks) outliving it does nothing.
  std::shared_ptr<void> lifetime = std::make_shared<char>(0);
  detail::StableVector<detail::NodeState> nodes;  // names stay put for string_views in records
  detail::StableVector<detail::LinkState> links;
  std::unordered_map<std::string, NodeId> node_names;
  std::unordered_map<std::string, LinkId> link_names;
  std::unordered_map<std::uint32_t, NodeId> addresses;

  // ---- Packets in the network
  std::vector<detail::PacketSlot> packets;
  std::vector<std::uint32_t> free_packets;
  std::uint64_t next_packet_id = 1;

  // ---- Routing (routing.cpp): a snapshot of the link costs, and first hops computed from it
  std::unique_ptr<detail::RoutingState> routing;
  bool routes_valid = false;
  SimTime routes_time{0};
  std::vector<std::uint32_t> dirty_costs;  // link * 2 + dir, queue changed since the snapshot
  RoutingStats route_stats;

  // ---- Connections (tcp_*.cpp)
  std::vector<std::unique_ptr<detail::TcpConnection>> conns;
  std::vector<std::uint32_t> conn_generation;
  std::vector<std::uint32_t> free_conns;
  ConnId next_conn_id = 1;
  // Connects from a host that is down: their host_down error, pending for the next event,
  // by token (a StreamSocket with slot kFailedConnect and the token as generation).
  static constexpr std::uint32_t kFailedConnect = 0xffffffffu;
  std::map<std::uint32_t, EventId> failed_connects;
  std::uint32_t next_failed_connect = 1;

  // ---- Lookups
  detail::NodeState& node(NodeId id);
  detail::LinkState& link(LinkId id);
  NodeId check_node(NodeId id) const;
  LinkId check_link(LinkId id) const;
  NodeId check_host(NodeId id) const;

  // ---- Forwarding (forwarding.cpp)
  // A host's stack hands a packet to the network: fills the IP header and routes it.
  // `dest`: the host that holds the destination address when the sender knows it (a TCP
  // connection's peer), else kNoNode and forwarding looks the address up.
  void send_from_host(NodeId host, Packet packet, NodeId dest = kNoNode);
  void forward(NodeId at, std::uint32_t slot);
  void enqueue(LinkId link, std::uint8_t dir, std::uint32_t slot);
  // Puts packet `slot` on the wire of an idle direction (out of its queue, or straight from
  // enqueue when nothing waits).
  void start_transmission(LinkId link, std::uint8_t dir, std::uint32_t slot);
  void end_transmission(std::uint32_t link_dir);
  void arrive(std::uint32_t slot, std::uint32_t generation);
  void deliver_local(std::uint32_t slot, std::uint32_t generation);
  void deliver(NodeId host, std::uint32_t slot);
  void drop(std::uint32_t slot, DropReason reason, NodeId at, LinkId link = kNoLink,
            std::uint8_t dir = 0);
  void drop_all_on_link(LinkId link, DropReason reason);
  std::uint32_t allocate_packet(Packet&& packet);
  void free_packet(std::uint32_t slot);
  // Outgoing (true) or incoming filter verdict for a packet at a host; nullopt: allowed.
  std::optional<FilterAction> filter(NodeId host, const Packet& packet, bool outgoing) const;
  PacketPlace place_at(NodeId node) const;
  void emit_packet(const TraceKind& kind, const Packet& packet, const PacketPlace& place);

  // ---- Routing (routing.cpp)
  void invalidate_routes();
  void ensure_routes();
  // Routes may lead to and from the node: a router that is up, or any host (see routing.cpp).
  bool routable(NodeId node) const;
  bool least_busy() const;  // queues count in the costs (RoutingPolicy::least_busy)
  enum class RouteCause : std::uint8_t { topology, interval };
  void compute_routes(RouteCause cause);  // a new snapshot of the costs
  // Every change of a direction's queued_bytes goes through here (least_busy: its cost changes).
  void queue_changed(LinkId link, std::uint8_t dir);
  std::optional<detail::Hop> hop(NodeId from, NodeId to);
  // Each router's first hops (link * 2 + dir) to each host, indexed [router][host].
  std::vector<std::vector<std::uint32_t>> router_hops_to_hosts();
  // `before`: router_hops_to_hosts() at the previous snapshot.
  void report_route_changes(const std::vector<std::vector<std::uint32_t>>& before);
  std::vector<NodeId> route(NodeId from, NodeId to);
  std::optional<std::uint32_t> path_mtu(NodeId from, NodeId to);
  SimTime link_cost(LinkId link, std::uint8_t dir) const;

  // ---- TCP (tcp_*.cpp)
  void tcp_input(NodeId host, const Packet& packet);
  StreamSocket tcp_connect(NodeId host, Ipv4Address to, std::uint16_t port,
                           Host::ConnectedFn on_connected, Host::ErrorFn on_error);
  detail::TcpConnection* conn(std::uint32_t slot, std::uint32_t generation);
  std::uint32_t new_conn(std::unique_ptr<detail::TcpConnection> c);
  void tcp_send_segment(std::uint32_t slot, std::uint64_t offset, std::uint32_t length,
                        std::uint8_t flags);
  void tcp_send_reset_for(NodeId host, const Packet& in);
  // Sends what the windows allow; force_one sends one segment even into a closed window
  // (after a timeout: the retransmission, or a zero-window probe).
  void tcp_output(std::uint32_t slot, bool force_one = false);
  void tcp_retransmit_first(std::uint32_t slot);
  void tcp_arm_timer(std::uint32_t slot);
  void tcp_timer_fired(std::uint32_t slot, std::uint32_t generation);
  void tcp_set_state(detail::TcpConnection& c, TcpState to);
  // Ends the connection: trace record `kind` (if any), then on_error / on_connect_error
  // (error) or on_closed (no error), then the slot is released after the current event.
  void tcp_finish(std::uint32_t slot, const TraceKind* kind, std::optional<ConnError> error,
                  std::string_view detail = {});
  void tcp_enter_time_wait(std::uint32_t slot);
  void tcp_release(std::uint32_t slot);
  std::uint32_t tcp_window(const detail::TcpConnection& c) const;
  void tcp_rtt_sample(detail::TcpConnection& c, SimTime r);
  void tcp_established(std::uint32_t slot);
  void tcp_handshake_rtt(detail::TcpConnection& c);
  void tcp_on_ack(std::uint32_t slot, const Packet& p, std::uint64_t ack, bool has_data);
  void tcp_on_data(std::uint32_t slot, const Packet& p, std::uint64_t seq);
  void tcp_emit_cwnd(const detail::TcpConnection& c, std::string_view cause);
  void tcp_host_down(NodeId host);

  // ---- UDP (udp.cpp)
  void udp_input(NodeId host, std::uint32_t slot);
  bool udp_send(NodeId host, std::uint16_t from_port, Ipv4Address to, std::uint16_t port,
                std::span<const std::byte> bytes);
};

}  // namespace mailsim::sim::net

#pragma once
// The virtual network: hosts and routers joined by links, packets forwarded hop by hop along
// shortest routes (by latency, or also by queueing delay: NetworkSettings::routing), and the stream
// (TCP-like) and datagram (UDP-like) sockets that applications use. Everything runs on the
// simulator's clock; nothing blocks.
//
//   Network net(sim);
//   auto a = net.add_host("alice", Ipv4Address::parse("192.0.2.10"));
//   auto r = net.add_router("r1");
//   net.add_link("alice-r1", a, r, {.latency = 5ms});
//   net.host(b).listen(25, [](StreamSocket s) { s.on_data(...); });
//   net.host(a).connect(addr_of_b, 25, on_connected, on_error);
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "sim/net/address.hpp"
#include "sim/net/messages.hpp"
#include "sim/net/packet.hpp"
#include "sim/net/settings.hpp"
#include "sim/net/socket.hpp"
#include "sim/simulator.hpp"

namespace mailsim::sim::net {

enum class NodeKind : std::uint8_t { host, router };

struct Position {
  double x = 0;  // both in [0, 1] for computed layouts
  double y = 0;
};

enum class FilterDirection : std::uint8_t { incoming, outgoing };
enum class FilterAction : std::uint8_t { drop, reject };  // reject: TCP gets a reset
enum class FilterProtocol : std::uint8_t { tcp, udp, any };

// Matches packets whose destination port is `port` (incoming: to this host; outgoing: from it).
struct FilterRule {
  std::uint16_t port = 0;
  FilterDirection direction = FilterDirection::incoming;
  FilterAction action = FilterAction::drop;
  FilterProtocol protocol = FilterProtocol::tcp;
};

// A read-only view of a link.
struct LinkView {
  std::string_view name;
  NodeId a = kNoNode;
  NodeId b = kNoNode;
  LinkParams params;
  bool up = true;
  std::uint32_t queued_bytes[2] = {0, 0};    // per direction (0: a to b), transmission included
  std::uint32_t queued_packets[2] = {0, 0};  // waiting, per direction (transmission excluded)
};

// What routing has cost so far (for benchmarks): snapshots of the link costs, and first-hop
// tables computed (one Dijkstra each, from one node, only where packets ask).
struct RoutingStats {
  std::uint64_t snapshots = 0;
  std::uint64_t trees = 0;
};

class Network {
 public:
  explicit Network(Simulator& sim, NetworkSettings settings = {});
  ~Network();
  Network(const Network&) = delete;
  Network& operator=(const Network&) = delete;

  Simulator& sim();

  // ---- Building the topology (names are unique across hosts, routers and links)
  NodeId add_host(std::string name, Ipv4Address address, HostSettings settings = {});
  NodeId add_router(std::string name, std::optional<Ipv4Address> address = std::nullopt);
  LinkId add_link(std::string name, NodeId a, NodeId b, LinkParams params = {});
  void set_position(NodeId node, Position position);

  // ---- Looking things up (unknown names throw NetError)
  NodeId node(std::string_view name) const;
  LinkId link(std::string_view name) const;
  std::optional<NodeId> node_at(Ipv4Address address) const;
  std::size_t node_count() const;
  std::size_t link_count() const;
  const std::string& name(NodeId node) const;
  NodeKind kind(NodeId node) const;
  std::optional<Ipv4Address> address(NodeId node) const;
  bool is_up(NodeId node) const;
  const HostSettings& host_settings(NodeId host) const;
  LinkView link_view(LinkId link) const;

  // Positions for the window: the ones given, and a deterministic Fruchterman-Reingold
  // layout (in [0, 1] x [0, 1]) for the nodes without one.
  std::vector<Position> layout() const;

  // ---- Changes, allowed at any simulated time
  void set_link_up(LinkId link, bool up);  // down: what is queued or on the wire is lost
  void set_link_params(LinkId link, LinkParams params);
  // A host or a router. Down: everything it holds is lost and it neither forwards nor
  // receives; a host's connections vanish without a word, its listeners and datagram sockets
  // are closed and its applications' on_down callbacks run. Up: on_up callbacks run;
  // applications listen again from their persistent state.
  void set_host_up(NodeId node, bool up);
  void set_host_settings(NodeId host, HostSettings settings);
  void add_filter(NodeId host, FilterRule rule);
  void clear_filters(NodeId host);

  // ---- Routing
  // The nodes a packet from `from` to `to` would visit now (both ends included); empty when
  // unreachable.
  std::vector<NodeId> route(NodeId from, NodeId to);
  // Smallest MTU along the current route; nullopt when unreachable.
  std::optional<std::uint32_t> path_mtu(NodeId from, NodeId to);

  // ---- Applications
  Host host(NodeId host);
  Host host(std::string_view name);

  // Packets created so far (for benchmarks and statistics).
  std::uint64_t packets_sent() const;
  RoutingStats routing_stats() const;

 private:
  std::unique_ptr<NetworkImpl> impl_;
};

}  // namespace mailsim::sim::net

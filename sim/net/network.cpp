// Building and changing the topology; lookups. Forwarding, routing and transports live in
// their own files.
#include "sim/net/network.hpp"

#include <fmt/format.h>

#include "sim/net/detail/network_impl.hpp"
#include "sim/net/messages.hpp"

namespace mailsim::sim::net {

using detail::LinkState;
using detail::NodeState;

NodeId NetworkImpl::check_node(NodeId id) const {
  if (id >= nodes.size())
    throw NetError(Text(msg::kUnknownNode, {{"name", fmt::format("#{}", id)}}));
  return id;
}
LinkId NetworkImpl::check_link(LinkId id) const {
  if (id >= links.size())
    throw NetError(Text(msg::kUnknownLink, {{"name", fmt::format("#{}", id)}}));
  return id;
}
NodeId NetworkImpl::check_host(NodeId id) const {
  if (nodes[check_node(id)].kind != NodeKind::host)
    throw NetError(Text(msg::kNotAHost, {{"name", nodes[id].name}}));
  return id;
}
NodeState& NetworkImpl::node(NodeId id) {
  return nodes[check_node(id)];
}
LinkState& NetworkImpl::link(LinkId id) {
  return links[check_link(id)];
}

Network::Network(Simulator& sim, NetworkSettings settings)
    : impl_(std::make_unique<NetworkImpl>(sim, settings)) {}
Network::~Network() = default;
Simulator& Network::sim() {
  return impl_->sim;
}

namespace {
void check_new_name(const NetworkImpl& n, const std::string& name) {
  if (name.empty() || n.node_names.contains(name) || n.link_names.contains(name))
    throw NetError(Text(msg::kDuplicateName, {{"name", name}}));
}

NodeId add_node(NetworkImpl& n, std::string name, NodeKind kind,
                std::optional<Ipv4Address> address) {
  check_new_name(n, name);
  if (address) {
    auto it = n.addresses.find(address->value());
    if (it != n.addresses.end())
      throw NetError(Text(msg::kDuplicateAddress, {{"address", address->to_string()},
                                                   {"name", name},
                                                   {"other", n.nodes[it->second].name}}));
  }
  const auto id = static_cast<NodeId>(n.nodes.size());
  NodeState& node = n.nodes.emplace_back();
  node.name = std::move(name);
  node.kind = kind;
  node.address = address;
  node.rng = &n.sim.rng("host:" + node.name);
  if (address) n.addresses.emplace(address->value(), id);
  n.node_names.emplace(node.name, id);
  n.invalidate_routes();
  return id;
}

void check_params(const std::string& name, const LinkParams& p) {
  if (p.bandwidth_bps == 0) throw NetError(Text(msg::kLinkBandwidth, {{"name", name}}));
  if (p.latency < SimTime(0))
    throw NetError(Text(msg::kLinkLatency, {{"name", name}, {"latency", format_time(p.latency)}}));
  if (p.mtu < 68)
    throw NetError(Text(msg::kLinkMtu, {{"name", name}, {"mtu", std::to_string(p.mtu)}}));
  if (!(p.loss >= 0.0 && p.loss <= 1.0))
    throw NetError(Text(msg::kLinkLoss, {{"name", name}, {"loss", fmt::format("{}", p.loss)}}));
}
void check_settings(const std::string& name, const HostSettings& h) {
  if (h.mss < 1 || h.mss > 65495)
    throw NetError(Text(msg::kHostMss, {{"name", name}, {"mss", std::to_string(h.mss)}}));
  if (h.ttl < 1) throw NetError(Text(msg::kHostTtl, {{"name", name}}));
  if (h.receive_window < 1) throw NetError(Text(msg::kHostWindow, {{"name", name}}));
  if (h.min_rto <= SimTime(0) || h.initial_rto <= SimTime(0) || h.max_rto < h.min_rto)
    throw NetError(Text(msg::kHostTimers, {{"name", name},
                                           {"min", format_time(h.min_rto)},
                                           {"initial", format_time(h.initial_rto)},
                                           {"max", format_time(h.max_rto)}}));
  if (h.syn_retries < 0 || h.data_retries < 0 || h.time_wait < SimTime(0))
    throw NetError(Text(msg::kHostRetries, {{"name", name}}));
}
}  // namespace

NodeId Network::add_host(std::string name, Ipv4Address address, HostSettings settings) {
  check_settings(name, settings);
  NodeId id = add_node(*impl_, std::move(name), NodeKind::host, address);
  impl_->nodes[id].settings = settings;
  return id;
}

NodeId Network::add_router(std::string name, std::optional<Ipv4Address> address) {
  return add_node(*impl_, std::move(name), NodeKind::router, address);
}

LinkId Network::add_link(std::string name, NodeId a, NodeId b, LinkParams params) {
  check_new_name(*impl_, name);
  impl_->check_node(a);
  impl_->check_node(b);
  if (a == b)
    throw NetError(Text(msg::kLinkSameEnds, {{"name", name}, {"node", impl_->nodes[a].name}}));
  check_params(name, params);
  const auto id = static_cast<LinkId>(impl_->links.size());
  LinkState& link = impl_->links.emplace_back();
  link.name = std::move(name);
  link.end[0] = a;
  link.end[1] = b;
  link.params = params;
  link.rng = &impl_->sim.rng("link:" + link.name);
  impl_->link_names.emplace(link.name, id);
  impl_->invalidate_routes();
  return id;
}

void Network::set_position(NodeId node, Position position) {
  impl_->node(node).position = position;
}

NodeId Network::node(std::string_view name) const {
  auto it = impl_->node_names.find(std::string(name));
  if (it == impl_->node_names.end())
    throw NetError(Text(msg::kUnknownNode, {{"name", std::string(name)}}));
  return it->second;
}
LinkId Network::link(std::string_view name) const {
  auto it = impl_->link_names.find(std::string(name));
  if (it == impl_->link_names.end())
    throw NetError(Text(msg::kUnknownLink, {{"name", std::string(name)}}));
  return it->second;
}
std::optional<NodeId> Network::node_at(Ipv4Address address) const {
  auto it = impl_->addresses.find(address.value());
  if (it == impl_->addresses.end()) return std::nullopt;
  return it->second;
}
std::size_t Network::node_count() const {
  return impl_->nodes.size();
}
std::size_t Network::link_count() const {
  return impl_->links.size();
}
const std::string& Network::name(NodeId node) const {
  return impl_->node(node).name;
}
NodeKind Network::kind(NodeId node) const {
  return impl_->node(node).kind;
}
std::optional<Ipv4Address> Network::address(NodeId node) const {
  return impl_->node(node).address;
}
bool Network::is_up(NodeId node) const {
  return impl_->node(node).up;
}
const HostSettings& Network::host_settings(NodeId host) const {
  return impl_->nodes[impl_->check_host(host)].settings;
}
LinkView Network::link_view(LinkId id) const {
  const LinkState& l = impl_->link(id);
  LinkView view{l.name, l.end[0], l.end[1], l.params, l.up};
  for (int d = 0; d < 2; ++d) {
    view.queued_bytes[d] = l.dir[d].queued_bytes;
    view.queued_packets[d] = static_cast<std::uint32_t>(l.dir[d].queue.size());
  }
  return view;
}
std::uint64_t Network::packets_sent() const {
  return impl_->next_packet_id - 1;
}
RoutingStats Network::routing_stats() const {
  return impl_->route_stats;
}

void Network::set_link_up(LinkId id, bool up) {
  LinkState& l = impl_->link(id);
  if (l.up == up) return;
  l.up = up;
  impl_->sim.trace().emit<LinkRecord>(up ? kinds::kLinkUp : kinds::kLinkDown, l.name, l.params);
  if (!up) impl_->drop_all_on_link(id, DropReason::link_down);
  impl_->compute_routes(NetworkImpl::RouteCause::topology);
}

void Network::set_link_params(LinkId id, LinkParams params) {
  LinkState& l = impl_->link(id);
  check_params(l.name, params);
  l.params = params;
  impl_->sim.trace().emit<LinkRecord>(kinds::kLinkChanged, l.name, l.params);
  impl_->compute_routes(NetworkImpl::RouteCause::topology);
}

void Network::set_host_up(NodeId id, bool up) {
  NodeState& n = impl_->node(id);
  if (n.up == up) return;
  n.up = up;
  impl_->sim.trace().emit<HostRecord>(up ? kinds::kHostUp : kinds::kHostDown, n.name);
  if (!up) {
    // Whatever waits in the node's own output queues is lost with it.
    for (LinkId l = 0; l < impl_->links.size(); ++l)
      for (std::uint8_t d = 0; d < 2; ++d)
        if (impl_->links[l].end[d] == id) {
          auto& dir = impl_->links[l].dir[d];
          while (!dir.queue.empty()) {
            std::uint32_t slot = dir.queue.front();
            dir.queue.pop_front();
            dir.queued_bytes -= impl_->packets[slot].packet.size();
            impl_->queue_changed(l, d);
            impl_->drop(slot, DropReason::host_down, id, l, d);
          }
        }
    if (n.kind == NodeKind::host) {
      impl_->tcp_host_down(id);
      n.listeners.clear();
      n.udp.clear();
      ++n.socket_generation;
    }
  }
  // Only a router's state changes the routes (see routable()).
  if (n.kind == NodeKind::router) impl_->compute_routes(NetworkImpl::RouteCause::topology);
  (up ? n.up_watchers : n.down_watchers).notify();
}

void Network::set_host_settings(NodeId host, HostSettings settings) {
  check_settings(impl_->nodes[impl_->check_host(host)].name, settings);
  impl_->nodes[impl_->check_host(host)].settings = settings;
}
void Network::add_filter(NodeId host, FilterRule rule) {
  impl_->nodes[impl_->check_host(host)].filters.push_back(rule);
}
void Network::clear_filters(NodeId host) {
  impl_->nodes[impl_->check_host(host)].filters.clear();
}

std::vector<NodeId> NetworkImpl::route(NodeId from, NodeId to) {
  check_node(from);
  check_node(to);
  std::vector<NodeId> path{from};
  NodeId at = from;
  while (at != to) {
    auto h = hop(at, to);
    if (!h || path.size() > nodes.size()) return {};
    at = links[h->link].end[1 - h->dir];
    path.push_back(at);
  }
  return path;
}

// The walk of route(), without keeping the path: every connection asks.
std::optional<std::uint32_t> NetworkImpl::path_mtu(NodeId from, NodeId to) {
  check_node(from);
  check_node(to);
  std::uint32_t mtu = 0xffffffffu;
  std::size_t hops = 0;
  for (NodeId at = from; at != to;) {
    const auto h = hop(at, to);
    if (!h || ++hops > nodes.size()) return std::nullopt;
    mtu = std::min(mtu, links[h->link].params.mtu);
    at = links[h->link].end[1 - h->dir];
  }
  return mtu;
}

std::vector<NodeId> Network::route(NodeId from, NodeId to) {
  return impl_->route(from, to);
}
std::optional<std::uint32_t> Network::path_mtu(NodeId from, NodeId to) {
  return impl_->path_mtu(from, to);
}

Host Network::host(NodeId id) {
  return Host(impl_.get(), impl_->check_host(id));
}
Host Network::host(std::string_view name) {
  return host(node(name));
}

}  // namespace mailsim::sim::net

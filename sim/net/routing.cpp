// Shortest routes on a Boost.Graph: one directed edge per link direction, cost = propagation
// latency, plus (with RoutingPolicy::least_busy) the queueing delay the direction's queue holds
// right now. Only routers carry transit traffic; links and routers that are down are left out. A
// host that is down stays a destination, as on a real network: routing protocols learn of links
// and routers, not of a host switched off behind its last router.
//
// What it costs follows the traffic, not the size of the network. A snapshot takes the costs of
// every link direction (when the topology changes, or, least_busy only, when a packet moves at
// least route_interval after the last one); only the directions whose queue changed since are
// looked at again. Each node's first hops are computed (one Dijkstra from it) when a packet first
// asks there, and kept until a snapshot finds a cost that changed. A host with a single link
// sends everything to its neighbour, and is no vertex of the graph: a route to it is the route
// to its neighbour, so Dijkstra runs over the routers, not over every PC. A stub router (all its
// links to such hosts but one) sends the rest up that one and has no table either. The routes are
// those all pairs would give at the snapshot, so a trace does not depend on which routes were asked
// for.
#include <algorithm>
#include <limits>

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/dijkstra_shortest_paths.hpp>
#include <boost/property_map/function_property_map.hpp>

#include "sim/net/detail/network_impl.hpp"

namespace mailsim::sim::net {

namespace detail {

namespace {
constexpr double kUnreachable = std::numeric_limits<double>::infinity();
constexpr std::uint32_t kNoHop = 0xffffffffu;  // a first hop is link * 2 + direction
}  // namespace

struct EdgeInfo {
  std::uint32_t link_dir = 0;  // link * 2 + direction
  NodeId from = kNoNode;
  bool from_host = false;  // a host's edge is used only from the host itself
};

class RoutingState {
 public:
  using Graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS,
                                      boost::no_property, EdgeInfo>;
  using Edge = boost::graph_traits<Graph>::edge_descriptor;

  // The graph holds routers and hosts with several links. A host with a single link (a PC, a
  // server behind its router) is a leaf: reached only through its neighbour, it needs no vertex,
  // and leaving it out makes each Dijkstra run over the routers, not over every PC.
  std::unique_ptr<Graph> graph = std::make_unique<Graph>();
  std::size_t graph_nodes = 0;
  std::size_t graph_links = 0;
  std::vector<std::uint8_t> is_host;
  std::vector<std::uint32_t> vertex_of;  // kNoVertex for a leaf
  std::vector<NodeId> node_of;           // vertex -> node
  // The way into a leaf: its neighbour and the link direction from it.
  struct Leaf {
    NodeId neighbour = kNoNode;
    std::uint32_t in = kNoHop;  // link * 2 + direction, neighbour -> leaf
  };
  std::vector<Leaf> leaf;  // for each node; neighbour == kNoNode: not a leaf
  // The only way out of a leaf (its link) or of a stub: a router whose links all go to leaves
  // but one (an access router with its PCs and servers). Everything not behind it goes up, so
  // neither needs a table of its own.
  struct Up {
    NodeId node = kNoNode;
    std::uint32_t out = kNoHop;  // link * 2 + direction, towards `node`
  };
  std::vector<Up> up;  // for each node; node == kNoNode: several ways out
  bool has_snapshot = false;
  // The snapshot: cost of each link direction in microseconds (unreachable when the link, or a
  // router at either end, is down), and whether each node could send or receive then.
  std::vector<double> cost;
  std::vector<std::uint8_t> routable;
  // First hops from each vertex to each vertex computed for this snapshot (empty: not yet).
  std::vector<std::vector<std::uint32_t>> trees;
  std::vector<std::uint32_t> with_tree;
  // Dijkstra's scratch, kept between runs.
  std::vector<double> dist;
  std::vector<Edge> via;
  std::vector<std::uint8_t> has_via;

  static constexpr std::uint32_t kNoVertex = 0xffffffffu;

  void rebuild_graph(const NetworkImpl& net);
  void drop_trees();
  const std::vector<std::uint32_t>& tree(std::uint32_t src, RoutingStats& stats);
  std::uint32_t first_hop(NodeId from, NodeId to, RoutingStats& stats);

 private:
  std::uint32_t hop(NodeId from, NodeId to, RoutingStats& stats);
};

void RoutingState::rebuild_graph(const NetworkImpl& net) {
  const std::size_t n = net.nodes.size();
  std::vector<std::uint32_t> degree(n, 0);
  for (const auto& l : net.links) {
    ++degree[l.end[0]];
    ++degree[l.end[1]];
  }
  is_host.assign(n, 0);
  leaf.assign(n, Leaf{});
  vertex_of.assign(n, kNoVertex);
  node_of.clear();
  for (NodeId v = 0; v < n; ++v) {
    is_host[v] = net.nodes[v].kind == NodeKind::host;
    if (is_host[v] && degree[v] == 1) continue;
    vertex_of[v] = static_cast<std::uint32_t>(node_of.size());
    node_of.push_back(v);
  }
  auto fresh = std::make_unique<Graph>(node_of.size());
  up.assign(n, Up{});
  std::vector<std::uint32_t> ways_up(n, 0);  // a router's links to nodes that are not leaves
  for (LinkId id = 0; id < net.links.size(); ++id)
    for (std::uint8_t d = 0; d < 2; ++d) {
      const NodeId from = net.links[id].end[d];
      const NodeId to = net.links[id].end[1 - d];
      const std::uint32_t link_dir = id * 2 + d;
      if (vertex_of[from] == kNoVertex) up[from] = Up{to, link_dir};
      if (vertex_of[to] == kNoVertex) {
        leaf[to] = Leaf{from, link_dir};
        continue;
      }
      if (!is_host[from] && ++ways_up[from] == 1) up[from] = Up{to, link_dir};
      if (vertex_of[from] != kNoVertex)
        boost::add_edge(vertex_of[from], vertex_of[to],
                        EdgeInfo{link_dir, from, is_host[from] != 0}, *fresh);
    }
  // Stubs: one way up, to a node that is no stub itself (two routers linked only to each other
  // would send each other up forever).
  for (NodeId v = 0; v < n; ++v)
    if (!is_host[v] && ways_up[v] != 1) up[v] = Up{};
  for (NodeId v = 0; v < n; ++v) {
    const NodeId above = is_host[v] ? kNoNode : up[v].node;
    if (above != kNoNode && !is_host[above] && up[above].node == v) {
      up[v] = Up{};
      up[above] = Up{};
    }
  }
  graph = std::move(fresh);
  graph_nodes = n;
  graph_links = net.links.size();
  trees.assign(node_of.size(), {});
  with_tree.clear();
}

void RoutingState::drop_trees() {
  for (std::uint32_t v : with_tree)
    trees[v].clear();
  with_tree.clear();
}

const std::vector<std::uint32_t>& RoutingState::tree(std::uint32_t src, RoutingStats& stats) {
  std::vector<std::uint32_t>& hops = trees[src];
  if (!hops.empty()) return hops;
  const Graph& g = *graph;
  const std::size_t n = boost::num_vertices(g);
  hops.assign(n, kNoHop);
  with_tree.push_back(src);
  ++stats.trees;
  const NodeId src_node = node_of[src];
  if (!routable[src_node]) return hops;
  // Hosts do not forward: their outgoing edges count only from the source itself.
  auto weight = boost::make_function_property_map<Edge, double>([&](const Edge& e) {
    const EdgeInfo& info = g[e];
    if (info.from_host && info.from != src_node) return kUnreachable;
    return cost[info.link_dir];
  });
  dist.resize(n);
  via.resize(n);
  has_via.assign(n, 0);
  // A vertex's first hop is its predecessor's, and the predecessor leaves the queue before it:
  // taking them in that order needs no sort, even between vertices at the same distance.
  struct Recorder : boost::default_dijkstra_visitor {
    RoutingState* state;
    std::vector<std::uint32_t>* hops;
    std::size_t src;
    void edge_relaxed(const Edge& e, const Graph& g) {
      state->via[boost::target(e, g)] = e;
      state->has_via[boost::target(e, g)] = 1;
    }
    void examine_vertex(std::size_t v, const Graph& g) {
      if (v == src || !state->has_via[v] || state->dist[v] == kUnreachable) return;
      const Edge& e = state->via[v];
      const auto pred = boost::source(e, g);
      (*hops)[v] = pred == src ? g[e].link_dir : (*hops)[pred];
    }
  } visitor;
  visitor.state = this;
  visitor.hops = &hops;
  visitor.src = src;
  boost::dijkstra_shortest_paths(g, src,
                                 boost::weight_map(weight)
                                     .distance_map(boost::make_iterator_property_map(
                                         dist.begin(), boost::get(boost::vertex_index, g)))
                                     .distance_inf(kUnreachable)
                                     .visitor(visitor));
  return hops;
}

// To a leaf from its neighbour, their link; from a leaf or a stub, up; else to a leaf, the way
// to its neighbour, then the leaf's one link.
std::uint32_t RoutingState::first_hop(NodeId from, NodeId to, RoutingStats& stats) {
  if (from == to || !routable[from]) return kNoHop;
  return hop(from, to, stats);
}

std::uint32_t RoutingState::hop(NodeId from, NodeId to, RoutingStats& stats) {
  const Leaf& target = leaf[to];
  if (target.neighbour == from) return cost[target.in] == kUnreachable ? kNoHop : target.in;
  if (const Up& u = up[from]; u.node != kNoNode) {
    // One way out: everything goes there, if it can take it further.
    if (cost[u.out] == kUnreachable) return kNoHop;
    if (to == u.node) return u.out;
    if (is_host[u.node]) return kNoHop;  // hosts carry no transit
    return hop(u.node, to, stats) == kNoHop ? kNoHop : u.out;
  }
  if (target.neighbour == kNoNode) return tree(vertex_of[from], stats)[vertex_of[to]];
  if (cost[target.in] == kUnreachable) return kNoHop;
  if (is_host[target.neighbour]) return kNoHop;  // hosts carry no transit
  return tree(vertex_of[from], stats)[vertex_of[target.neighbour]];
}

}  // namespace detail

// Here, where RoutingState is complete.
NetworkImpl::NetworkImpl(Simulator& s, NetworkSettings st)
    : sim(s), settings(st), routing(std::make_unique<detail::RoutingState>()) {}
NetworkImpl::~NetworkImpl() = default;

void NetworkImpl::invalidate_routes() {
  routes_valid = false;
}

void NetworkImpl::ensure_routes() {
  if (!routes_valid)
    compute_routes(RouteCause::topology);
  else if (least_busy() && sim.now() - routes_time >= settings.route_interval)
    compute_routes(RouteCause::interval);
}

bool NetworkImpl::least_busy() const {
  return settings.routing == RoutingPolicy::least_busy;
}

void NetworkImpl::queue_changed(LinkId link, std::uint8_t dir) {
  if (!least_busy()) return;  // the queue is no part of the cost
  bool& dirty = links[link].dir[dir].cost_dirty;
  if (dirty) return;
  dirty = true;
  dirty_costs.push_back(link * 2 + dir);
}

std::optional<detail::Hop> NetworkImpl::hop(NodeId from, NodeId to) {
  ensure_routes();
  const std::uint32_t h = routing->first_hop(from, to, route_stats);
  if (h == detail::kNoHop) return std::nullopt;
  return detail::Hop{h / 2, static_cast<std::uint8_t>(h % 2)};
}

SimTime NetworkImpl::link_cost(LinkId link_id, std::uint8_t dir) const {
  const detail::LinkState& l = links[link_id];
  if (!least_busy()) return l.params.latency;
  const auto queueing_us = static_cast<std::int64_t>(std::uint64_t{l.dir[dir].queued_bytes} * 8 *
                                                     1'000'000 / l.params.bandwidth_bps);
  return l.params.latency + SimTime(queueing_us);
}

bool NetworkImpl::routable(NodeId node) const {
  return nodes[node].up || nodes[node].kind == NodeKind::host;
}

void NetworkImpl::compute_routes(RouteCause cause) {
  detail::RoutingState& rs = *routing;
  ++route_stats.snapshots;
  const std::size_t n = nodes.size();
  // The costs now. Between topology changes only queues move, and only the dirty ones.
  std::vector<std::pair<std::uint32_t, double>> changed_costs;
  std::vector<double> cost;
  std::vector<std::uint8_t> usable(n);
  const bool full = cause == RouteCause::topology || !rs.has_snapshot;
  if (full) {
    for (NodeId v = 0; v < n; ++v)
      usable[v] = routable(v);
    cost.assign(links.size() * 2, detail::kUnreachable);
    for (LinkId id = 0; id < links.size(); ++id)
      for (std::uint8_t d = 0; d < 2; ++d)
        if (links[id].up && usable[links[id].end[0]] && usable[links[id].end[1]])
          cost[id * 2 + d] = static_cast<double>(link_cost(id, d).count());
  } else {
    for (std::uint32_t ld : dirty_costs) {
      if (rs.cost[ld] == detail::kUnreachable) continue;  // still down: topology unchanged
      const auto c = static_cast<double>(link_cost(ld / 2, ld % 2).count());
      if (c != rs.cost[ld]) changed_costs.emplace_back(ld, c);
    }
  }
  for (std::uint32_t ld : dirty_costs)
    links[ld / 2].dir[ld % 2].cost_dirty = false;
  dirty_costs.clear();

  const bool changed =
      full ? !rs.has_snapshot || cost != rs.cost || usable != rs.routable : !changed_costs.empty();
  // Route changes are told only between snapshots of the same nodes (as the map shows them).
  const bool report = changed && sim.trace().active() && rs.has_snapshot && rs.routable.size() == n;
  std::vector<std::vector<std::uint32_t>> before;
  if (report) before = router_hops_to_hosts();
  if (changed) {
    rs.drop_trees();
    if (full) {
      if (rs.graph_nodes != n || rs.graph_links != links.size()) rs.rebuild_graph(*this);
      rs.cost = std::move(cost);
      rs.routable = std::move(usable);
    } else {
      for (const auto& [ld, c] : changed_costs)
        rs.cost[ld] = c;
    }
    rs.has_snapshot = true;
  }
  routes_valid = true;
  routes_time = sim.now();
  sim.trace().emit<RouteRecord>(cause == RouteCause::topology ? "topology" : "interval");
  if (report) report_route_changes(before);
}

std::vector<std::vector<std::uint32_t>> NetworkImpl::router_hops_to_hosts() {
  const std::size_t n = nodes.size();
  std::vector<std::vector<std::uint32_t>> out(n);
  for (NodeId r = 0; r < n; ++r) {
    if (nodes[r].kind != NodeKind::router) continue;
    out[r].assign(n, detail::kNoHop);
    for (NodeId h = 0; h < n; ++h)
      if (nodes[h].kind == NodeKind::host) out[r][h] = routing->first_hop(r, h, route_stats);
  }
  return out;
}

void NetworkImpl::report_route_changes(const std::vector<std::vector<std::uint32_t>>& before) {
  // Only routers towards hosts: what a student follows on the map, without the hosts' own
  // single way out.
  const std::size_t n = nodes.size();
  const std::vector<std::vector<std::uint32_t>> now = router_hops_to_hosts();
  for (NodeId r = 0; r < n; ++r) {
    if (nodes[r].kind != NodeKind::router) continue;
    for (NodeId h = 0; h < n; ++h) {
      if (nodes[h].kind != NodeKind::host) continue;
      const std::uint32_t was_hop = before[r][h];
      const std::uint32_t now_hop = now[r][h];
      // A route lost or found (a node down or up) is told by the node's own record.
      if (was_hop / 2 == now_hop / 2 || was_hop == detail::kNoHop || now_hop == detail::kNoHop)
        continue;
      SimTime cost{0};
      // The new route's cost, hop by hop; at most n hops (ties at zero cost may loop).
      std::size_t hops = 0;
      for (NodeId at = r; at != h && hops++ < n;) {
        const auto step = hop(at, h);
        if (!step) break;
        cost += link_cost(step->link, step->dir);
        at = links[step->link].end[1 - step->dir];
      }
      sim.trace().emit<RouteChangedRecord>(nodes[r].name, nodes[h].name, links[was_hop / 2].name,
                                           links[now_hop / 2].name, cost,
                                           least_busy() ? "least-busy" : "shortest");
    }
  }
}

}  // namespace mailsim::sim::net

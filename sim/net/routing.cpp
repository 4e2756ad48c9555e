// Load-aware shortest routes on a Boost.Graph: one directed edge per link direction, cost =
// propagation latency + the queueing delay the direction's queue holds right now. Only
// routers carry transit traffic; links and routers that are down are left out. A host that is
// down stays a destination, as on a real network: routing protocols learn of links and routers,
// not of a host switched off behind its last router.
#include <algorithm>
#include <limits>

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/dijkstra_shortest_paths.hpp>
#include <boost/property_map/function_property_map.hpp>

#include "sim/net/detail/network_impl.hpp"

namespace mailsim::sim::net {

namespace detail {

struct EdgeInfo {
  LinkId link = kNoLink;
  std::uint8_t dir = 0;
};

class RoutingGraph {
 public:
  using Graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS,
                                      boost::no_property, EdgeInfo>;
  using Edge = boost::graph_traits<Graph>::edge_descriptor;
  explicit RoutingGraph(std::size_t n) : graph(n), nodes(n) {}
  Graph graph;
  std::size_t nodes = 0;
  std::size_t links = 0;
};

}  // namespace detail

namespace {
constexpr double kUnreachable = std::numeric_limits<double>::infinity();
}

// Here, where RoutingGraph is complete.
NetworkImpl::NetworkImpl(Simulator& s, NetworkSettings st) : sim(s), settings(st) {}
NetworkImpl::~NetworkImpl() = default;

void NetworkImpl::invalidate_routes() {
  routes_valid = false;
}

void NetworkImpl::ensure_routes() {
  if (!routes_valid)
    compute_routes("topology");
  else if (sim.now() - routes_time >= settings.route_interval)
    compute_routes("interval");
}

std::optional<detail::Hop> NetworkImpl::hop(NodeId from, NodeId to) {
  ensure_routes();
  const detail::Hop& h = next_hop[std::size_t{from} * nodes.size() + to];
  if (h.link == kNoLink) return std::nullopt;
  return h;
}

SimTime NetworkImpl::link_cost(LinkId link_id, std::uint8_t dir) const {
  const detail::LinkState& l = links[link_id];
  const auto queueing_us = static_cast<std::int64_t>(std::uint64_t{l.dir[dir].queued_bytes} * 8 *
                                                     1'000'000 / l.params.bandwidth_bps);
  return l.params.latency + SimTime(queueing_us);
}

bool NetworkImpl::routable(NodeId node) const {
  return nodes[node].up || nodes[node].kind == NodeKind::host;
}

void NetworkImpl::compute_routes(std::string_view cause) {
  using Graph = detail::RoutingGraph::Graph;
  using Edge = detail::RoutingGraph::Edge;
  const std::size_t n = nodes.size();
  if (!graph || graph->nodes != n || graph->links != links.size()) {
    graph = std::make_unique<detail::RoutingGraph>(n);
    for (LinkId id = 0; id < links.size(); ++id)
      for (std::uint8_t d = 0; d < 2; ++d)
        boost::add_edge(links[id].end[d], links[id].end[1 - d], detail::EdgeInfo{id, d},
                        graph->graph);
    graph->links = links.size();
  }
  const Graph& g = graph->graph;

  // Costs of the usable directions, in microseconds; the others are unreachable.
  std::vector<double> base(links.size() * 2, kUnreachable);
  for (LinkId id = 0; id < links.size(); ++id)
    for (std::uint8_t d = 0; d < 2; ++d)
      if (links[id].up && routable(links[id].end[0]) && routable(links[id].end[1]))
        base[id * 2 + d] = static_cast<double>(link_cost(id, d).count());

  std::vector<detail::Hop> previous = std::move(next_hop);
  next_hop.assign(n * n, detail::Hop{});
  std::vector<double> dist(n);
  std::vector<Edge> via(n);
  std::vector<bool> has_via(n);
  std::vector<NodeId> order(n);
  for (NodeId src = 0; src < n; ++src) {
    if (!routable(src)) continue;
    // Hosts do not forward: their outgoing edges count only from the source itself.
    auto weight = boost::make_function_property_map<Edge, double>([&](const Edge& e) {
      const auto& info = g[e];
      const NodeId from = links[info.link].end[info.dir];
      if (from != src && nodes[from].kind == NodeKind::host) return kUnreachable;
      return base[info.link * 2 + info.dir];
    });
    std::fill(has_via.begin(), has_via.end(), false);
    auto record = [&](const Edge& e) {
      via[boost::target(e, g)] = e;
      has_via[boost::target(e, g)] = true;
    };
    struct Recorder : boost::default_dijkstra_visitor {
      decltype(record)* fn;
      void edge_relaxed(const Edge& e, const Graph&) { (*fn)(e); }
    } visitor;
    visitor.fn = &record;
    boost::dijkstra_shortest_paths(g, src,
                                   boost::weight_map(weight)
                                       .distance_map(boost::make_iterator_property_map(
                                           dist.begin(), boost::get(boost::vertex_index, g)))
                                       .distance_inf(kUnreachable)
                                       .visitor(visitor));
    // First hops in order of distance: a node's first hop is its predecessor's.
    for (NodeId v = 0; v < n; ++v)
      order[v] = v;
    std::stable_sort(order.begin(), order.end(),
                     [&](NodeId a, NodeId b) { return dist[a] < dist[b]; });
    for (NodeId v : order) {
      if (v == src || !has_via[v] || dist[v] == kUnreachable) continue;
      const Edge& e = via[v];
      const NodeId pred = static_cast<NodeId>(boost::source(e, g));
      detail::Hop& h = next_hop[std::size_t{src} * n + v];
      h = pred == src ? detail::Hop{g[e].link, g[e].dir} : next_hop[std::size_t{src} * n + pred];
    }
  }
  routes_valid = true;
  routes_time = sim.now();
  sim.trace().emit<RouteRecord>(cause);
  if (previous.size() == next_hop.size() && sim.trace().active()) report_route_changes(previous);
}

void NetworkImpl::report_route_changes(const std::vector<detail::Hop>& previous) {
  // Only routers towards hosts: what a student follows on the map, without the hosts' own
  // single way out.
  const std::size_t n = nodes.size();
  for (NodeId r = 0; r < n; ++r) {
    if (nodes[r].kind != NodeKind::router) continue;
    for (NodeId h = 0; h < n; ++h) {
      if (nodes[h].kind != NodeKind::host) continue;
      const detail::Hop& was = previous[std::size_t{r} * n + h];
      const detail::Hop& now = next_hop[std::size_t{r} * n + h];
      // A route lost or found (a node down or up) is told by the node's own record.
      if (was.link == now.link || was.link == kNoLink || now.link == kNoLink) continue;
      SimTime cost{0};
      for (NodeId at = r; at != h;) {  // the new route's cost, hop by hop
        const detail::Hop& step = next_hop[std::size_t{at} * n + h];
        if (step.link == kNoLink) break;
        cost += link_cost(step.link, step.dir);
        at = links[step.link].end[1 - step.dir];
      }
      sim.trace().emit<RouteChangedRecord>(nodes[r].name, nodes[h].name, links[was.link].name,
                                           links[now.link].name, cost);
    }
  }
}

}  // namespace mailsim::sim::net

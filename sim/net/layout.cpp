// Positions for the window: given ones win; the others come from a deterministic
// Fruchterman-Reingold layout started from a circle (no random start).
#include <algorithm>
#include <limits>

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/circle_layout.hpp>
#include <boost/graph/fruchterman_reingold.hpp>
#include <boost/graph/topology.hpp>
#include <boost/random/linear_congruential.hpp>

#include "sim/net/detail/network_impl.hpp"

namespace mailsim::sim::net {

std::vector<Position> Network::layout() const {
  const std::size_t n = impl_->nodes.size();
  std::vector<Position> out(n);
  bool all_given = true;
  for (std::size_t i = 0; i < n; ++i) {
    if (impl_->nodes[i].position)
      out[i] = *impl_->nodes[i].position;
    else
      all_given = false;
  }
  if (all_given) return out;
  if (n == 1) return {Position{0.5, 0.5}};

  using Graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS>;
  using Topology = boost::square_topology<boost::minstd_rand>;
  Graph g(n);
  for (const auto& l : impl_->links)
    boost::add_edge(l.end[0], l.end[1], g);
  boost::minstd_rand gen(1);  // only used by the topology for random points; unused here
  Topology topology(gen, 1.0);
  std::vector<Topology::point_type> points(n);
  auto pos = boost::make_iterator_property_map(points.begin(), boost::get(boost::vertex_index, g));
  boost::circle_graph_layout(g, pos, 1.0);
  boost::fruchterman_reingold_force_directed_layout(g, pos, topology);

  double lo[2] = {std::numeric_limits<double>::max(), std::numeric_limits<double>::max()};
  double hi[2] = {std::numeric_limits<double>::lowest(), std::numeric_limits<double>::lowest()};
  for (const auto& p : points)
    for (int k = 0; k < 2; ++k) {
      lo[k] = std::min(lo[k], p[k]);
      hi[k] = std::max(hi[k], p[k]);
    }
  // Into [0.05, 0.95] so that labels stay inside the window.
  for (std::size_t i = 0; i < n; ++i) {
    if (impl_->nodes[i].position) continue;
    double c[2];
    for (int k = 0; k < 2; ++k)
      c[k] = hi[k] > lo[k] ? 0.05 + 0.9 * (points[i][k] - lo[k]) / (hi[k] - lo[k]) : 0.5;
    out[i] = Position{c[0], c[1]};
  }
  return out;
}

}  // namespace mailsim::sim::net

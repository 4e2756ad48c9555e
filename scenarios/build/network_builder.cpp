#include "scenarios/build/network_builder.hpp"

#include "scenarios/load/messages.hpp"

namespace mailsim::scenarios {
namespace {

// Runs one step; a NetError becomes a diagnostic at `pos` naming `what`.
template <class Fn>
bool attempt(Diagnostics& diag, SourcePos pos, const std::string& what, Fn fn) {
  try {
    fn();
    return true;
  } catch (const LocalizedError& e) {
    Text t(msg::kNetworkRejected, {{"what", what}});
    t.with("problem", e.text());
    diag.error(pos, std::move(t));
    return false;
  }
}

}  // namespace

bool build_network(const NetworkModel& model, sim::net::Network& net, Diagnostics& diag) {
  using namespace sim::net;
  bool ok = true;
  for (const auto& h : model.hosts) {
    ok &= attempt(diag, h.pos, "host " + h.name, [&] {
      NodeId id = net.add_host(h.name, h.address, h.settings);
      if (h.position) net.set_position(id, Position{h.position->x, h.position->y});
      for (const auto& f : h.filters) {
        FilterRule rule;
        rule.port = f.port;
        rule.direction =
            f.direction == "outgoing" ? FilterDirection::outgoing : FilterDirection::incoming;
        rule.action = f.action == "reject" ? FilterAction::reject : FilterAction::drop;
        rule.protocol = f.protocol == "udp"   ? FilterProtocol::udp
                        : f.protocol == "any" ? FilterProtocol::any
                                              : FilterProtocol::tcp;
        net.add_filter(id, rule);
      }
    });
  }
  for (const auto& r : model.routers) {
    ok &= attempt(diag, r.pos, "router " + r.name, [&] {
      NodeId id = net.add_router(r.name, r.address);
      if (r.position) net.set_position(id, Position{r.position->x, r.position->y});
    });
  }
  for (const auto& l : model.links) {
    ok &= attempt(diag, l.pos, "link " + l.name, [&] {
      LinkId id = net.add_link(l.name, net.node(l.a), net.node(l.b), l.params);
      if (!l.up) net.set_link_up(id, false);
    });
  }
  return ok;
}

}  // namespace mailsim::scenarios

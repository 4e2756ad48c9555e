#include "scenarios/build/network_builder.hpp"

#include "scenarios/load/messages.hpp"

namespace mailsim::scenarios {
bool build_step(Diagnostics& diag, SourcePos pos, Text what, const std::function<void()>& step) {
  try {
    step();
    return true;
  } catch (const LocalizedError& e) {
    Text t(msg::kNetworkRejected, {});
    t.with("what", std::move(what));
    t.with("problem", e.text());
    diag.error(pos, std::move(t));
    return false;
  }
}

bool build_network(const NetworkModel& model, sim::net::Network& net, Diagnostics& diag) {
  using namespace sim::net;
  bool ok = true;
  for (const auto& h : model.hosts) {
    ok &= build_step(diag, h.pos, Text(msg::kWhatHost, {{"name", h.name}}), [&] {
      NodeId id = net.add_host(h.name, h.address, h.settings);
      if (h.position) net.set_position(id, Position{h.position->x, h.position->y});
      for (const auto& f : h.filters) {
        FilterRule rule;
        rule.port = f.port;
        rule.direction = f.direction;
        rule.action = f.action;
        rule.protocol = f.protocol;
        net.add_filter(id, rule);
      }
    });
  }
  for (const auto& r : model.routers) {
    ok &= build_step(diag, r.pos, Text(msg::kWhatRouter, {{"name", r.name}}), [&] {
      NodeId id = net.add_router(r.name, r.address);
      if (r.position) net.set_position(id, Position{r.position->x, r.position->y});
    });
  }
  for (const auto& l : model.links) {
    ok &= build_step(diag, l.pos, Text(msg::kWhatLink, {{"name", l.name}}), [&] {
      LinkId id = net.add_link(l.name, net.node(l.a), net.node(l.b), l.params);
      if (!l.up) net.set_link_up(id, false);
    });
  }
  return ok;
}

}  // namespace mailsim::scenarios

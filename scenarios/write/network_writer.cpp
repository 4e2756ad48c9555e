#include <cstdint>

#include "scenarios/write/section_writers.hpp"

namespace mailsim::scenarios {
namespace {

// Defaults come from the model's own initial values, so that they are stated once.
const HostModel kHost{};
const FilterModel kFilter{};
const LinkModel kLink{};
const NetworkModel kNetwork{};

void position(MapWriter& w, const std::optional<PositionModel>& p) {
  if (p) w.numbers("position", {p->x, p->y});
}

void write_host(MapWriter& w, const HostModel& h) {
  w.text("name", h.name);
  w.text("address", h.address.to_string());
  position(w, h.position);
  w.text("role", h.role, "");
  w.integer("mss", h.settings.mss, kHost.settings.mss);
  w.integer("ttl", h.settings.ttl, kHost.settings.ttl);
  w.list("firewall", h.filters, Style::flow_if_fits, [](MapWriter& r, const FilterModel& f) {
    r.integer("port", f.port);
    r.text("direction", choice_word(kFilterDirectionChoices, f.direction),
           choice_word(kFilterDirectionChoices, kFilter.direction));
    r.text("action", choice_word(kFilterActionChoices, f.action),
           choice_word(kFilterActionChoices, kFilter.action));
    r.text("protocol", choice_word(kFilterProtocolChoices, f.protocol),
           choice_word(kFilterProtocolChoices, kFilter.protocol));
  });
}

void write_router(MapWriter& w, const RouterModel& r) {
  w.text("name", r.name);
  if (r.address) w.text("address", r.address->to_string());
  position(w, r.position);
}

void write_link(MapWriter& w, const LinkModel& l) {
  w.texts("between", {l.a, l.b});
  w.text("name", l.name, l.a + "-" + l.b);
  w.duration("latency", l.params.latency, kLink.params.latency);
  w.bandwidth("bandwidth", l.params.bandwidth_bps, kLink.params.bandwidth_bps);
  w.integer("mtu", l.params.mtu, kLink.params.mtu);
  w.fraction("loss", l.params.loss, kLink.params.loss);
  w.size("queue_bytes", l.params.queue_bytes, kLink.params.queue_bytes);
  w.integer("queue_packets", l.params.queue_packets, kLink.params.queue_packets);
  w.flag("up", l.up, kLink.up);
}

}  // namespace

void write_network(MapWriter& w, const NetworkModel& network) {
  w.text("routing", choice_word(kRoutingChoices, network.routing),
         choice_word(kRoutingChoices, kNetwork.routing));
  w.list("hosts", network.hosts, Style::flow_if_fits, write_host);
  w.list("routers", network.routers, Style::flow_if_fits, write_router);
  w.list("links", network.links, Style::flow_if_fits, write_link);
}

}  // namespace mailsim::scenarios

#include "scenarios/load/network_reader.hpp"

#include <charconv>
#include <map>

#include "scenarios/load/messages.hpp"
#include "scenarios/load/name_index.hpp"
#include "scenarios/load/references.hpp"
#include "scenarios/load/yaml_document.hpp"
#include "scenarios/load/yaml_map.hpp"
#include "scenarios/model/roles.hpp"

namespace mailsim::scenarios {
namespace {

using sim::net::Ipv4Address;

// The `name:` of a mapping, to name it in messages before it is read.
std::string scalar_name(const YamlNode& node) {
  return node.get("name").scalar();
}

// Names and addresses already taken, to report duplicates with the line of the first use.
struct Registry {
  std::map<std::string, int> names;  // name -> line
  std::map<std::uint32_t, std::pair<std::string, int>> addresses;
  Diagnostics& diag;

  void name(const std::string& n, SourcePos pos) {
    auto [it, fresh] = names.emplace(n, pos.line);
    if (!fresh)
      diag.error(pos,
                 Text(msg::kDuplicateName, {{"name", n}, {"line", std::to_string(it->second)}}));
  }
  void address(Ipv4Address a, const std::string& owner, SourcePos pos) {
    auto [it, fresh] = addresses.emplace(a.value(), std::make_pair(owner, pos.line));
    if (!fresh)
      diag.error(pos, Text(msg::kDuplicateAddress, {{"address", a.to_string()},
                                                    {"other", it->second.first},
                                                    {"line", std::to_string(it->second.second)}}));
  }
};

std::optional<Ipv4Address> read_address(YamlMap& m, Need need, Diagnostics& diag) {
  auto text = m.text("address", need);
  auto node = m.child("address");
  if (!text || !node) return std::nullopt;
  try {
    return Ipv4Address::parse(*text);
  } catch (const LocalizedError& e) {
    Text t = m.about(msg::kBadValue, {{"key", "address"}});
    t.with("problem", e.text());
    diag.error(position_of(*node), std::move(t));
    return std::nullopt;
  }
}

std::optional<PositionModel> read_position(YamlMap& m, Diagnostics& diag) {
  auto node = m.child("position");
  if (!node) return std::nullopt;
  auto bad = [&] {
    diag.error(position_of(*node), m.about(msg::kBadPosition));
    return std::nullopt;
  };
  if (!node->is_sequence() || node->size() != 2) return bad();
  double xy[2];
  for (std::size_t i = 0; i < 2; ++i) {
    const YamlNode v = (*node)[i];
    if (!v.is_scalar()) return bad();
    const std::string& s = v.scalar();
    auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), xy[i]);
    if (ec != std::errc() || ptr != s.data() + s.size() || xy[i] < 0 || xy[i] > 1) return bad();
  }
  return PositionModel{xy[0], xy[1]};
}

// `registry` (absent for the schema test) takes the address as soon as it is read, whatever it
// is (two machines at 0.0.0.0 are two machines at one address).
HostModel read_host(const YamlNode& node, Diagnostics& diag, Registry* registry,
                    std::vector<std::string>* keys) {
  HostModel h;
  h.pos = position_of(node);
  const std::string name = scalar_name(node);
  YamlMap m(node, name.empty() ? Text(msg::kWhatAHost) : Text(msg::kWhatHost, {{"name", name}}),
            diag, "network.hosts[]");
  if (auto name = m.text("name", Need::required)) {
    h.name = *name;  // the name it gives in HELO, greetings and Received fields
    check_host_name(h.name, "name", m.what(), position_of(*m.child("name")), diag);
  }
  if (auto a = read_address(m, Need::required, diag)) {
    h.address = *a;
    if (registry) registry->address(*a, h.name, h.pos);
  }
  h.position = read_position(m, diag);
  if (auto role = m.choice("role", {kHostRoles.begin(), kHostRoles.end()})) h.role = *role;
  if (auto mss = m.integer("mss", 88, 65495)) h.settings.mss = static_cast<std::uint16_t>(*mss);
  if (auto ttl = m.integer("ttl", 1, 255)) h.settings.ttl = static_cast<std::uint8_t>(*ttl);
  for (const auto& f : m.list("firewall")) {
    YamlMap rule(f, Text(msg::kWhatFirewallRule, {{"host", name}}), diag,
                 "network.hosts[].firewall[]");
    FilterModel fm;
    if (auto port = rule.integer("port", 1, 65535, Need::required))
      fm.port = static_cast<std::uint16_t>(*port);
    if (auto v = rule.choice("direction", kFilterDirectionChoices)) fm.direction = *v;
    if (auto v = rule.choice("action", kFilterActionChoices)) fm.action = *v;
    if (auto v = rule.choice("protocol", kFilterProtocolChoices)) fm.protocol = *v;
    rule.finish();
    h.filters.push_back(fm);
  }
  m.finish();
  if (keys) *keys = m.known_keys();
  return h;
}

RouterModel read_router(const YamlNode& node, Diagnostics& diag, Registry* registry,
                        std::vector<std::string>* keys) {
  RouterModel r;
  r.pos = position_of(node);
  const std::string name = scalar_name(node);
  YamlMap m(node, name.empty() ? Text(msg::kWhatARouter) : Text(msg::kWhatRouter, {{"name", name}}),
            diag, "network.routers[]");
  if (auto name = m.text("name", Need::required)) {
    r.name = *name;
    check_host_name(r.name, "name", m.what(), position_of(*m.child("name")), diag);
  }
  r.address = read_address(m, Need::optional, diag);
  if (registry && r.address) registry->address(*r.address, r.name, r.pos);
  r.position = read_position(m, diag);
  m.finish();
  if (keys) *keys = m.known_keys();
  return r;
}

LinkModel read_link(const YamlNode& node, Diagnostics& diag, std::vector<std::string>* keys) {
  LinkModel l;
  l.pos = position_of(node);
  const std::string given = scalar_name(node);
  YamlMap m(node, given.empty() ? Text(msg::kWhatALink) : Text(msg::kWhatLink, {{"name", given}}),
            diag, "network.links[]");
  auto name = m.text("name");
  if (auto between = m.child("between", Need::required)) {
    if (between->is_sequence() && between->size() == 2 && (*between)[0].is_scalar() &&
        (*between)[1].is_scalar()) {
      l.a = (*between)[0].scalar();
      l.b = (*between)[1].scalar();
    } else {
      diag.error(position_of(*between), m.about(msg::kLinkEnds));
    }
  }
  l.name = name ? *name : l.a + "-" + l.b;
  if (auto v = m.time("latency")) l.params.latency = *v;
  if (auto v = m.bandwidth("bandwidth")) l.params.bandwidth_bps = *v;
  if (auto v = m.integer("mtu", 68, 65535)) l.params.mtu = static_cast<std::uint32_t>(*v);
  if (auto v = m.probability("loss")) l.params.loss = *v;
  if (auto v = m.size("queue_bytes", kMaxQueueBytes))
    l.params.queue_bytes = static_cast<std::uint32_t>(*v);
  if (auto v = m.integer("queue_packets", 0, 1000000))
    l.params.queue_packets = static_cast<std::uint32_t>(*v);
  if (auto v = m.boolean("up")) l.up = *v;
  m.finish();
  if (keys) *keys = m.known_keys();
  return l;
}

}  // namespace

namespace {
NetworkModel read_network_impl(const YamlNode& node, Diagnostics& diag,
                               std::vector<std::string>* keys) {
  NetworkModel net;
  YamlMap m(node, Text(msg::kWhatNetwork), diag, "network");
  if (!m.ok()) return net;
  if (auto v = m.choice("routing", kRoutingChoices)) net.routing = *v;
  Registry registry{{}, {}, diag};
  for (const auto& h : m.list("hosts")) {
    net.hosts.push_back(read_host(h, diag, &registry, nullptr));
    const HostModel& host = net.hosts.back();
    if (!host.name.empty()) registry.name(host.name, host.pos);
  }
  for (const auto& r : m.list("routers")) {
    net.routers.push_back(read_router(r, diag, &registry, nullptr));
    const RouterModel& router = net.routers.back();
    if (!router.name.empty()) registry.name(router.name, router.pos);
  }
  NameIndex nodes;
  for (const auto& h : net.hosts)
    nodes.add(h.name);
  for (const auto& r : net.routers)
    nodes.add(r.name);
  for (const auto& l : m.list("links")) {
    net.links.push_back(read_link(l, diag, nullptr));
    LinkModel& link = net.links.back();
    for (const std::string* end : {&link.a, &link.b}) {
      if (end->empty() || nodes.contains(*end)) continue;
      const Text what(msg::kWhatLink, {{"name", link.name}});
      const std::string suggestion = nodes.closest(*end);
      Text t = suggestion.empty()
                   ? Text(msg::kUnknownNode, {{"name", *end}})
                   : Text(msg::kUnknownNodeSuggest, {{"name", *end}, {"suggestion", suggestion}});
      t.with("what", what);
      diag.error(link.pos, std::move(t));
    }
    if (!link.a.empty() && link.a == link.b)
      diag.error(link.pos, Text(msg::kLinkToItself, {{"node", link.a}})
                               .with("what", Text(msg::kWhatLink, {{"name", link.name}})));
    if (!link.a.empty()) registry.name(link.name, link.pos);
  }
  m.finish();
  if (keys) *keys = m.known_keys();
  return net;
}
}  // namespace

NetworkModel read_network(const YamlNode& node, Diagnostics& diag) {
  return read_network_impl(node, diag, nullptr);
}

std::vector<std::string> network_keys() {
  Diagnostics scratch("");
  std::vector<std::string> keys;
  read_network_impl(empty_yaml_map(), scratch, &keys);
  return keys;
}

std::vector<std::string> host_keys() {
  Diagnostics scratch("");
  std::vector<std::string> keys;
  read_host(empty_yaml_map(), scratch, nullptr, &keys);
  return keys;
}
std::vector<std::string> router_keys() {
  Diagnostics scratch("");
  std::vector<std::string> keys;
  read_router(empty_yaml_map(), scratch, nullptr, &keys);
  return keys;
}
std::vector<std::string> link_keys() {
  Diagnostics scratch("");
  std::vector<std::string> keys;
  read_link(empty_yaml_map(), scratch, &keys);
  return keys;
}

}  // namespace mailsim::scenarios

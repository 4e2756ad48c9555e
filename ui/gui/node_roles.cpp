#include "ui/gui/node_roles.hpp"

#include "scenarios/model/roles.hpp"
#include "sim/net/network.hpp"
#include "ui/gui/gui_text.hpp"

namespace mailsim::gui {

NodeRole node_role(const scenarios::ScenarioModel& scenario, const sim::net::Network& network,
                   sim::net::NodeId node) {
  if (network.kind(node) == sim::net::NodeKind::router) return NodeRole::router;
  const std::string& name = network.name(node);
  const std::string role = scenarios::host_role(scenario, name);
  if (role == "mail_server" || role == "relay") {
    for (const auto& m : scenario.mail.servers)
      if (m.host == name && m.submission) return NodeRole::submission;
    return role == "relay" ? NodeRole::relay : NodeRole::mailbox;
  }
  if (role == "pc") return NodeRole::client;
  if (role == "dns_server") return NodeRole::dns;
  if (role == "resolver") return NodeRole::resolver;
  if (role == "attacker") return NodeRole::attacker;
  return NodeRole::other;
}

Rgb role_colour(NodeRole role) {
  switch (role) {
    case NodeRole::client:
      return {86, 180, 233};
    case NodeRole::submission:
      return {240, 228, 66};
    case NodeRole::mailbox:
      return {140, 209, 125};
    case NodeRole::relay:
      return {182, 153, 45};
    case NodeRole::dns:
      return {225, 87, 89};
    case NodeRole::resolver:
      return {255, 157, 167};
    case NodeRole::router:
      return {186, 176, 172};
    case NodeRole::attacker:
      return {60, 60, 60};
    case NodeRole::other:
      return {212, 166, 200};
  }
  return {255, 255, 255};
}

const Message& role_label(NodeRole role) {
  switch (role) {
    case NodeRole::client:
      return msg::kRoleClient;
    case NodeRole::submission:
      return msg::kRoleSubmission;
    case NodeRole::mailbox:
      return msg::kRoleMailbox;
    case NodeRole::relay:
      return msg::kRoleRelay;
    case NodeRole::dns:
      return msg::kRoleDns;
    case NodeRole::resolver:
      return msg::kRoleResolver;
    case NodeRole::router:
      return msg::kRoleRouter;
    case NodeRole::attacker:
      return msg::kRoleAttacker;
    case NodeRole::other:
      return msg::kRoleOther;
  }
  return msg::kRoleOther;
}

}  // namespace mailsim::gui

#pragma once
// What the window draws each node as: the article's roles (mail client, submission server,
// mail server with mailboxes, relay, DNS) from the scenario, and routers from the network.
#include <array>
#include <cstdint>
#include <string>

#include "sim/net/packet.hpp"
#include "sim/text.hpp"

namespace mailsim::scenarios {
struct ScenarioModel;
}
namespace mailsim::sim::net {
class Network;
}

namespace mailsim::gui {

enum class NodeRole : std::uint8_t {
  client,      // a person's computer with a mail client (MUA)
  submission,  // a mail server with a submission service (MSA, MTA)
  mailbox,     // a mail server keeping mailboxes (MTA, MDA, POP3/IMAP)
  relay,       // a mail server without mailboxes (MTA)
  dns,
  resolver,
  router,
  attacker,
  other,
};
inline constexpr std::size_t kNodeRoleCount = 9;

struct Rgb {
  std::uint8_t r, g, b;
  bool operator==(const Rgb&) const = default;
};

NodeRole node_role(const scenarios::ScenarioModel& scenario, const sim::net::Network& network,
                   sim::net::NodeId node);
// Distinct colours, so that a role is found by its colour as well as by its shape.
Rgb role_colour(NodeRole role);
const Message& role_label(NodeRole role);

}  // namespace mailsim::gui

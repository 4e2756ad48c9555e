#pragma once
// The name a trace record gives the other end of a connection: the host's name when the
// network has a node at that address, the address otherwise.
#include <string>

#include "sim/net/network.hpp"

namespace mailsim::agents {

inline std::string host_label(const sim::net::Network& net, sim::net::Ipv4Address address) {
  if (auto node = net.node_at(address)) return net.name(*node);
  return address.to_string();
}

}  // namespace mailsim::agents

#pragma once
// How trace records name the two things every endpoint reports about a connection: the other
// end (the host's name when the network has a node at that address, the address otherwise) and
// why it broke ("connection_refused", "connection_timed_out"...; the narration keys on these).
#include <string>

#include "sim/net/network.hpp"

namespace mailsim::agents {

inline std::string host_label(const sim::net::Network& net, sim::net::Ipv4Address address) {
  if (auto node = net.node_at(address)) return net.name(*node);
  return address.to_string();
}

inline std::string connection_reason(sim::net::ConnError e) {
  return "connection_" + std::string(sim::net::conn_error_name(e));
}

}  // namespace mailsim::agents

#pragma once
// How trace records name the two things every endpoint reports about a connection: the other
// end (the host's name when the network has a node at that address, the address otherwise) and
// why it broke ("connection_refused", "connection_timed_out"...; the narration keys on these),
// and the words a mail program shows its user when a connection fails.
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

// Postfix's words for a connection that could not be made, as its logs and bounces show them:
// "connect to mx.b.example[198.51.100.25]:25: Connection timed out".
inline std::string connection_failure_text(const std::string& name, sim::net::Ipv4Address address,
                                           std::uint16_t port, sim::net::ConnError e) {
  const char* what = "lost connection";
  switch (e) {
    case sim::net::ConnError::refused:
      what = "Connection refused";
      break;
    case sim::net::ConnError::timed_out:
      what = "Connection timed out";
      break;
    case sim::net::ConnError::reset:
      what = "Connection reset by peer";
      break;
    case sim::net::ConnError::host_down:
      what = "Network is unreachable";
      break;
  }
  return "connect to " + name + "[" + address.to_string() + "]:" + std::to_string(port) + ": " +
         what;
}

}  // namespace mailsim::agents

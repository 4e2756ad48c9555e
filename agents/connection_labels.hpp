#pragma once
// How trace records name the two things every endpoint reports about a connection: the other
// end (the host's name when the network has a node at that address, the address otherwise) and
// why it broke ("connection_refused", "connection_timed_out"...; the narration keys on these),
// and the words a mail program shows its user when a connection fails; and the parties of a
// dialogue's records, both hosts named alike.
#include <string>

#include "agents/journey/dialogue_records.hpp"
#include "sim/net/network.hpp"

namespace mailsim::agents {

inline std::string host_label(const sim::net::Network& net, sim::net::Ipv4Address address) {
  if (auto node = net.node_at(address)) return net.name(*node);
  return address.to_string();
}

// The parties of a dialogue seen from `here`, the host of the endpoint that reports on `side`,
// with the other end at `there`.
inline DialogueParties dialogue_parties(const sim::net::Network& net, DialogueProtocol protocol,
                                        Stage stage, DialogueSide side, sim::net::NodeId here,
                                        sim::net::Ipv4Address there, sim::net::ConnId conn = 0) {
  DialogueParties p;
  p.protocol = protocol;
  p.stage = stage;
  p.side = side;
  p.conn = conn;
  const bool client = side == DialogueSide::client;
  (client ? p.client_node : p.server_node) = here;
  (client ? p.client : p.server) = net.name(here);
  (client ? p.server_node : p.client_node) = net.node_at(there);
  (client ? p.server : p.client) = host_label(net, there);
  return p;
}

// The parties of a server listening on `host`, before any connection.
inline DialogueParties listening_parties(const sim::net::Network& net, DialogueProtocol protocol,
                                         Stage stage, sim::net::NodeId host) {
  DialogueParties p;
  p.protocol = protocol;
  p.stage = stage;
  p.side = DialogueSide::server;
  p.server_node = host;
  p.server = net.name(host);
  return p;
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

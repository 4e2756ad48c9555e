#pragma once
// A POP3 or IMAP server on a host's port, over the virtual network, serving a MailStore (the
// one the MDA delivers into). For each accepted connection it runs one pop3::ServerSession or
// imap::ServerSession fed by the socket's bytes and sends what the session writes. It closes
// the connection once the session has ended (after QUIT or LOGOUT), when the client has gone
// (FIN, reset, retransmissions timing out), and after the client has been silent for the
// protocol's idle limit (POP3: closed without a word, RFC 1939 3; IMAP: "* BYE" first,
// RFC 3501 5.4). When its host goes down every session is lost (a POP3 session without
// QUIT deletes nothing); when it comes back the server listens again.
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "agents/proto/imf/date.hpp"
#include "agents/proto/mailbox/mail_store.hpp"
#include "agents/retrieval/protocol.hpp"
#include "sim/net/network.hpp"

namespace mailsim::agents {

// What the window may read about one connection.
struct RetrievalServerConnection {
  sim::net::ConnId id = 0;  // the network's connection id, the same as in net.* records
  std::string client;       // the client's host name (its address if no host has it)
  sim::net::Ipv4Address client_address;
  std::uint16_t client_port = 0;
  sim::SimTime opened{0};
  sim::SimTime last_activity{0};  // when the client last sent something
  std::string state;              // the session's state: "AUTHORIZATION", "selected"...
};

// How a connection ended.
enum class RetrievalServerEnd : std::uint8_t {
  closed,        // the session ended (QUIT, LOGOUT) and the server closed the connection
  client_left,   // the client closed its side before the session ended
  reset,         // the client reset the connection
  timed_out,     // the client stopped acknowledging: the transport gave up
  host_down,     // this server's host went down
  idle_timeout,  // the client said nothing for the protocol's idle limit
  stopped,       // stop() or the endpoint was destroyed
};
std::string_view end_name(RetrievalServerEnd end);

class RetrievalServerEndpoint {
 public:
  struct Options {
    RetrievalProtocol protocol = RetrievalProtocol::pop3;
    std::uint16_t port = 0;              // 0: the protocol's own (110, 143)
    sim::SimTime idle_timeout{0};        // 0: the protocol's RFC minimum (10 min, 30 min)
    std::string hostname;                // in the greeting; empty: the host's name
    proto::imf::ScenarioClock calendar;  // IMAP's INTERNALDATE and date searches
  };

  RetrievalServerEndpoint(sim::net::Network& net, sim::net::NodeId host,
                          proto::mailbox::MailStore& store, Options options);
  ~RetrievalServerEndpoint();  // aborts the connections
  RetrievalServerEndpoint(const RetrievalServerEndpoint&) = delete;
  RetrievalServerEndpoint& operator=(const RetrievalServerEndpoint&) = delete;

  // Listens now (if the host is up) and each time the host comes back up.
  void start();
  // Stops listening and aborts the sessions in progress (a POP3 session deletes nothing).
  void stop();

  bool listening() const;
  RetrievalProtocol protocol() const;
  std::uint16_t port() const;
  sim::SimTime idle_timeout() const;
  const std::string& host_name() const;
  std::vector<RetrievalServerConnection> connections() const;  // oldest first
  std::uint64_t accepted_count() const;
  // How each finished connection ended, in order: for tests and the window's history.
  const std::vector<RetrievalServerEnd>& ended() const;

  struct State;  // owns every callback into it (stream_endpoint_state.hpp)

 private:
  std::unique_ptr<State> state_;
};

}  // namespace mailsim::agents

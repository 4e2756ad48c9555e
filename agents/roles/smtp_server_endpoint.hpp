#pragma once
// An SMTP server on a host's port, over the virtual network: for each accepted connection it
// runs one proto::smtp::ServerSession fed by the socket's bytes, sends what the session
// writes, runs the session's timer on the simulator, and closes the connection after
// 221 or 421 (RFC 5321 3.8). It copes with the client vanishing (FIN before QUIT, reset,
// retransmissions timing out) and with its host going down (every session is lost) and
// coming back (it listens again). The MSA, the MTA and relays each own one per port.
//
// Policy is the owner's: every question the session asks (connect, HELO, AUTH, MAIL, RCPT,
// the message, VRFY, EXPN) goes to SmtpServerOwner::on_policy(), which answers through
// accept() or answer(), at once or later (after a DNS lookup, for instance).
#include <cstdint>
#include <memory>
#include <vector>

#include "agents/journey/records.hpp"
#include "agents/proto/smtp/server_session.hpp"
#include "sim/net/network.hpp"

namespace mailsim::agents {

// What the owner and the window may read about one connection.
struct SmtpServerConnection {
  sim::net::ConnId id = 0;  // the network's connection id: stable, the same in net.* records
  std::string client;       // the client's host name (its address if no host has it)
  sim::net::Ipv4Address client_address;
  std::uint16_t client_port = 0;
  sim::SimTime opened{0};
  const proto::smtp::ServerSession* session = nullptr;  // valid while the connection lives
};

// How a connection ended.
enum class SmtpServerEnd {
  closed,       // the session said 221 or 421 and the server closed the connection
  client_left,  // the client closed its side before the session ended (no QUIT)
  reset,        // the client reset the connection
  timed_out,    // the client stopped acknowledging: the transport gave up
  host_down,    // this server's host went down: the session is lost
  stopped,      // the endpoint was destroyed
};
std::string_view end_name(SmtpServerEnd end);

class SmtpServerOwner {
 public:
  virtual ~SmtpServerOwner() = default;
  // A session asks a policy question; answer with SmtpServerEndpoint::accept() or answer()
  // (from inside this call or later). `query` and its pointers live only during the call.
  virtual void on_policy(const SmtpServerConnection& connection,
                         const proto::smtp::PolicyQuery& query) = 0;
  // The connection is over; `connection.session` may still be read during the call.
  virtual void on_ended(const SmtpServerConnection&, SmtpServerEnd) {}
};

class SmtpServerEndpoint {
 public:
  struct Options {
    std::uint16_t port = 25;
    Stage stage = Stage::relay;  // the journey stage written in the trace records
  };

  SmtpServerEndpoint(sim::net::Network& net, sim::net::NodeId host,
                     proto::smtp::ServerConfig config, SmtpServerOwner& owner, Options options);
  ~SmtpServerEndpoint();  // aborts the connections; the owner hears nothing more
  SmtpServerEndpoint(const SmtpServerEndpoint&) = delete;
  SmtpServerEndpoint& operator=(const SmtpServerEndpoint&) = delete;

  // Listens now (if the host is up) and each time the host comes back up.
  void start();
  // Stops listening; every session in progress says 421 and closes (a shutdown).
  void stop();

  // The owner's verdict for the pending question of a connection. False when the connection
  // is gone (the client left while the owner was thinking) or nothing is pending.
  bool accept(sim::net::ConnId id);
  bool answer(sim::net::ConnId id, proto::smtp::Reply reply);

  bool listening() const;
  std::uint16_t port() const;
  const std::string& host_name() const;
  // The connections in progress, oldest first.
  std::vector<SmtpServerConnection> connections() const;
  const SmtpServerConnection* connection(sim::net::ConnId id) const;
  std::uint64_t accepted_count() const;  // connections accepted since start

 private:
  struct State;  // owns every callback into it (stream_endpoint_state.hpp)
  std::unique_ptr<State> state_;
};

}  // namespace mailsim::agents

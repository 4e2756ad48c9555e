#pragma once
// The SMTP client side over the virtual network: from one host, opens a connection to an
// address and port and runs one proto::smtp::ClientSession over it (one mail transaction,
// greeting to QUIT), with the session's timer on the simulator, then reports what
// became of the session and of each recipient. The MTA's delivery agents, relays and the
// mail client's submission all use it; one endpoint per host runs any number of sessions.
//
// A connection that cannot be made or that breaks (refused, timed out, reset, this host
// going down) is a session-level outcome like the SMTP ones, with the meaning a queue needs:
// failure() says whether to try again later (temporary) or to bounce (permanent).
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <vector>

#include "agents/journey/records.hpp"
#include "agents/proto/smtp/client_session.hpp"
#include "sim/net/network.hpp"

namespace mailsim::agents {

enum class SmtpFailure {
  none,       // the SMTP conversation ran to QUIT: each recipient's status says the rest
  temporary,  // nothing decided for good (4xx, no answer, no connection): try again later,
              // another MX first; every recipient not settled is deferred
  permanent,  // the server refused with 5xx before the transaction: bounce
};

struct SmtpClientResult {
  sim::net::ConnId conn = 0;  // the network connection id; 0 when none could be opened
  std::string server;         // the server's host name (or address)
  sim::net::Ipv4Address address;
  std::uint16_t port = 0;
  // Set when the connection failed or broke: refused, timed_out, reset, host_down (this
  // host). The session outcome then says where the conversation was.
  std::optional<sim::net::ConnError> connection_error;
  proto::smtp::SessionOutcome session;                    // in_progress if never connected
  std::vector<proto::smtp::RecipientOutcome> recipients;  // each settled

  SmtpFailure failure() const;
};

// What the window may read about a session in progress.
struct SmtpClientConnection {
  sim::net::ConnId conn = 0;
  std::string server;
  sim::net::Ipv4Address address;
  std::uint16_t port = 0;
  sim::SimTime opened{0};
  bool connected = false;
  const proto::smtp::ClientSession* session = nullptr;
};

class SmtpClientEndpoint {
 public:
  struct Options {
    Stage stage = Stage::relay;  // the journey stage written in the trace records
    // How long to wait for the connection (Postfix's smtp_connect_timeout, 30 s); zero leaves
    // it to the transport's SYN retries (127 s).
    sim::SimTime connect_timeout = std::chrono::seconds(30);
  };
  using Done = std::function<void(const SmtpClientResult&)>;
  // Recipients the server took responsibility for (250 after the final dot), told at that
  // reply: what happens after it (QUIT, 221, a crash) cannot undo the hand-over.
  // `server` names it as SmtpClientResult::server does.
  using HandedOver = std::function<void(const std::string& server,
                                        const std::vector<proto::smtp::RecipientOutcome>&)>;

  SmtpClientEndpoint(sim::net::Network& net, sim::net::NodeId host, Options options);
  ~SmtpClientEndpoint();  // abandons the sessions in progress (connections aborted, no report)
  SmtpClientEndpoint(const SmtpClientEndpoint&) = delete;
  SmtpClientEndpoint& operator=(const SmtpClientEndpoint&) = delete;

  // Starts one session; `done` runs exactly once, later (never from inside this call), and
  // `handed_over` (when given) at each 250 after the final dot, before `done`.
  // Returns the connection id (0 when the host is down; `done` then reports host_down).
  sim::net::ConnId open(sim::net::Ipv4Address to, std::uint16_t port,
                        proto::smtp::ClientConfig config, Done done, HandedOver handed_over = {});

  std::vector<SmtpClientConnection> sessions() const;  // in progress, oldest first
  const std::string& host_name() const;

 private:
  struct State;  // owns every callback into it (stream_endpoint_state.hpp)
  std::unique_ptr<State> state_;
};

}  // namespace mailsim::agents

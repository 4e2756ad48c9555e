#pragma once
// Real TCP connections into a running simulation (`mailsim serve`): each connection accepted
// on a listening socket becomes a session typed into the simulated world (ScenarioRun::
// open_session, the way a scenario's `type` step types), line by line, and every line the
// simulated server answers goes back to the real client. One thread: poll() on the sockets,
// then the simulation advanced to the wall clock.
//
// A client that misbehaves is answered in its protocol's words and cut, and cannot stall the
// simulation or the other clients: too many connections, a line too long, a message too big,
// too many bytes, or silence longer than the idle limit.
//
// SMTP's STARTTLS is real on the real socket: the simulated server's "220 Ready to start TLS"
// (it simulates STARTTLS itself, RFC 3207) is the bridge's cue to start a TLS handshake with
// the real client; the plaintext inside then feeds the simulated session, which has forgotten
// the EHLO as the RFC wants, so the client's second EHLO is the one it sees. Without TLS
// (--no-tls), STARTTLS is taken out of the EHLO replies and refused.
#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "scenarios/build/scenario_run.hpp"
#include "ui/cli/tls_context.hpp"

namespace mailsim::cli {

enum class BridgeProtocol { smtp, pop3, imap };

struct BridgeLimits {
  std::size_t connections = 256;  // open at once, all listeners together
  std::size_t line_bytes = 4096;  // one line (in an SMTP message: message_bytes), CRLF included
  std::size_t message_bytes = 16 * 1024 * 1024;             // an SMTP message, DATA to "."
  std::size_t connection_bytes = 64 * 1024 * 1024;          // all a client sends on one connection
  std::chrono::milliseconds idle{std::chrono::minutes(5)};  // without a whole line, then cut
};

// Where a listener's connections go in the simulation.
struct BridgeTarget {
  BridgeProtocol protocol = BridgeProtocol::smtp;
  std::string from;  // the simulated host the session starts from
  std::string host;  // the simulated server
  sim::net::Ipv4Address address;
  std::uint16_t port = 0;
};

// STARTTLS on bridged SMTP connections: real TLS with `context`, or, without one, not offered.
struct BridgeTls {
  const TlsContext* context = nullptr;
  std::function<void()> on_failed;  // a client's TLS handshake failed; it was cut
};

class Bridge {
 public:
  Bridge(scenarios::ScenarioRun& run, BridgeLimits limits, double speed, BridgeTls tls = {});
  ~Bridge();
  Bridge(const Bridge&) = delete;
  Bridge& operator=(const Bridge&) = delete;

  // Listens on "ADDRESS:PORT" (port 0: a free one); returns the address listened on
  // ("127.0.0.1:40211"), or empty with the system's reason in `error`.
  std::string listen(const std::string& address, std::uint16_t port, const BridgeTarget& target,
                     std::string& error);
  // Serves until `stop` becomes true (a signal handler sets it), a poll at a time, the
  // simulation advanced to the wall clock at the bridge's speed.
  void serve(const volatile bool& stop);
  // For a loop that advances the simulation itself (the window's frames): the answers the
  // simulation gave since the last call sent, then what the clients sent read in, no waiting.
  void pump();
  std::uint64_t connections_accepted() const { return accepted_; }

 private:
  struct Client;
  struct Listener {
    int fd = -1;
    BridgeTarget target;
  };
  void accept_from(const Listener& listener);
  void read_from(const std::shared_ptr<Client>& client);
  void take_bytes(const std::shared_ptr<Client>& client, std::string_view bytes);
  void take_line(const std::shared_ptr<Client>& client, std::string line);
  void take_reply(Client& client, std::string line);
  void cut(Client& client, const std::string& reason);
  void flush(Client& client);
  bool receive(int timeout_ms);  // false when poll() failed
  void answer_all();             // idle limits, then each client's output written
  void advance_simulation();
  int poll_timeout_ms() const;

  scenarios::ScenarioRun& run_;
  BridgeLimits limits_;
  double speed_;
  BridgeTls tls_;
  std::chrono::steady_clock::time_point wall_start_;
  sim::SimTime sim_start_{0};
  std::vector<Listener> listeners_;
  std::vector<std::shared_ptr<Client>> clients_;
  std::uint64_t accepted_ = 0;
};

}  // namespace mailsim::cli

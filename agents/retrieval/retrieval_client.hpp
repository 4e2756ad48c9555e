#pragma once
// A mail client's side of retrieval over the virtual network: connects from its host to a
// POP3 or IMAP server, runs the engine's ClientSession (log in, list, fetch, optionally
// delete, QUIT or LOGOUT) over the connection, and reports one outcome: the messages fetched,
// or exactly what went wrong (the server's -ERR / NO line, a connection refused, reset or
// timed out, the server going silent, its own host going down). The MUA owns one.
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "agents/proto/imap/client_session.hpp"
#include "agents/proto/pop3/client_session.hpp"
#include "agents/retrieval/protocol.hpp"
#include "sim/net/network.hpp"

namespace mailsim::agents {

enum class FetchFailure : std::uint8_t {
  none,
  refused,          // the server answered -ERR, NO, BAD or BYE (error_line holds it)
  malformed,        // an answer that is not the protocol (error_line holds it)
  answer_too_long,  // a line or literal over the client's limits
  closed_early,     // the server closed the connection before the dialogue ended
  timed_out,        // no answer for the response timeout
  connection,       // the connection could not be made or broke (connection_error says how)
};
std::string_view fetch_failure_name(FetchFailure f);

struct FetchedMail {
  std::string id;  // POP3: the UIDL unique-id; IMAP: "<uidvalidity>.<uid>"
  std::string content;
};

struct FetchOutcome {
  RetrievalProtocol protocol = RetrievalProtocol::pop3;
  sim::net::ConnId conn = 0;
  std::string server;  // host name (or address)
  sim::net::Ipv4Address address;
  std::uint16_t port = 0;
  std::string user;
  FetchFailure failure = FetchFailure::none;
  std::optional<sim::net::ConnError> connection_error;
  std::string error_line;   // the server's exact line that made it fail, without CRLF
  std::string failed_step;  // "pass", "login", "retr"...: where it failed
  // What was fetched, even when the dialogue failed later (nothing was deleted then: POP3
  // deletes at QUIT, and the IMAP client expunges only after fetching everything).
  std::vector<FetchedMail> messages;
  sim::SimTime started{0}, finished{0};

  bool ok() const { return failure == FetchFailure::none; }
};

class RetrievalClientEndpoint {
 public:
  using Done = std::function<void(const FetchOutcome&)>;

  struct Options {
    // How long to wait for the server's next answer before giving up (a server whose host
    // went down never answers, and nothing the client sends may be pending to time out).
    sim::SimTime response_timeout = std::chrono::minutes(5);
  };

  RetrievalClientEndpoint(sim::net::Network& net, sim::net::NodeId host, Options options);
  RetrievalClientEndpoint(sim::net::Network& net, sim::net::NodeId host)
      : RetrievalClientEndpoint(net, host, Options{}) {}
  ~RetrievalClientEndpoint();  // aborts the fetches in progress; their Done is not called
  RetrievalClientEndpoint(const RetrievalClientEndpoint&) = delete;
  RetrievalClientEndpoint& operator=(const RetrievalClientEndpoint&) = delete;

  // Starts a fetch; `done` runs once, later, with the outcome. Port 0: the protocol's own.
  sim::net::ConnId fetch_pop3(sim::net::Ipv4Address server, proto::pop3::ClientJob job, Done done,
                              std::uint16_t port = 0);
  sim::net::ConnId fetch_imap(sim::net::Ipv4Address server, proto::imap::ClientJob job, Done done,
                              std::uint16_t port = 0);

  // The fetches in progress, for the window: connection, server, protocol, step.
  struct InProgress {
    sim::net::ConnId conn = 0;
    std::string server;
    RetrievalProtocol protocol = RetrievalProtocol::pop3;
    bool connected = false;
    std::string step;
  };
  std::vector<InProgress> in_progress() const;

  struct State;  // owns every callback into it (stream_endpoint_state.hpp)

 private:
  std::unique_ptr<State> state_;
};

}  // namespace mailsim::agents

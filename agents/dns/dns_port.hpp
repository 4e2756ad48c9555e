#pragma once
// Port 53 of a host, UDP and TCP, for the DNS server agents: it binds and listens when started
// and again each time the host comes back up, reassembles the framed messages of each TCP
// connection (RFC 1035 4.2.2, several per connection), hands every request to the owner's
// handler, and sends the response back the way the request came, now or later (a recursive
// server answers once its own lookup is done), but never once the port is gone: a handler
// that answers later keeps its pending answers in something destroyed with the port or before
// it. A response for a client that has gone (its connection closed, or this host went down
// meanwhile) is dropped. A TCP connection idle for
// kDnsTcpIdleTimeout is closed.
#include <cstdint>
#include <functional>
#include <memory>
#include <span>
#include <string>
#include <vector>

#include "agents/proto/dns/message.hpp"
#include "sim/net/network.hpp"

namespace mailsim::agents {

// A TCP connection without a message for this long is closed by the server (RFC 7766 6.2.3
// leaves the value to the server; a few seconds is usual).
inline constexpr sim::SimTime kDnsTcpIdleTimeout = std::chrono::seconds(10);

class DnsPort {
 public:
  struct Request {
    sim::net::Ipv4Address client;
    proto::dns::Transport transport = proto::dns::Transport::udp;
    std::span<const std::uint8_t> bytes;  // one whole message; valid during the call only
  };
  // Sends one response to the request's client (framed over TCP). Call it at most once, and
  // not after the port is gone.
  using Respond = std::function<void(std::span<const std::uint8_t> response)>;
  using Handler = std::function<void(const Request&, Respond)>;
  // For the dns.server.listening/stopped records: what is served ("b.example., c.example.").
  using Describe = std::function<std::string()>;

  DnsPort(sim::net::Network& net, sim::net::NodeId host, std::uint16_t port, std::string agent,
          Handler handler, Describe describe);
  ~DnsPort();  // closes the sockets, aborts the connections; the handler is called no more
  DnsPort(const DnsPort&) = delete;
  DnsPort& operator=(const DnsPort&) = delete;

  void start();  // serves now (if the host is up) and after each host up
  void stop();   // closes the sockets and the connections
  bool serving() const;
  std::size_t tcp_connections() const;
  sim::net::Network& net() const;

  struct State;  // owns everything that calls it back (host watchers, sockets, timers)

 private:
  std::unique_ptr<State> state_;
};

}  // namespace mailsim::agents

#pragma once
// The callback API applications use. Handles are small values that name a host, a
// connection or a datagram port; a handle whose connection has ended does nothing (its
// operations return false) instead of dangling.
#include <cstdint>
#include <functional>
#include <memory>
#include <span>
#include <string>
#include <string_view>

#include "sim/net/address.hpp"
#include "sim/net/packet.hpp"
#include "sim/subscription.hpp"
#include "sim/text.hpp"
#include "sim/time.hpp"

namespace mailsim::sim::net {

struct NetworkImpl;

enum class ConnError : std::uint8_t {
  refused,    // the peer answered the SYN with a reset: nothing listens, or a filter rejects
  timed_out,  // no answer after the SYN retries, or data retransmitted too often
  reset,      // the peer aborted an established connection
  host_down,  // the local host went down
};
std::string_view conn_error_name(ConnError e);
const Message& conn_error_message(ConnError e);

enum class TcpState : std::uint8_t {
  closed,
  syn_sent,
  syn_received,
  established,
  fin_wait_1,
  fin_wait_2,
  close_wait,
  closing,
  last_ack,
  time_wait
};
std::string_view tcp_state_name(TcpState s);

// A snapshot of a connection's transport state, for tests, the window, and the SMTP client's
// data-block timer (the progress of a send: bytes_acked, last_ack).
struct TcpInfo {
  TcpState state = TcpState::closed;
  std::uint32_t mss = 0;   // largest segment this side sends
  std::uint32_t cwnd = 0;  // congestion window, bytes
  std::uint32_t ssthresh = 0;
  std::uint32_t flight = 0;  // bytes sent and not yet acknowledged
  SimTime srtt{0};
  SimTime rto{0};
  std::uint64_t bytes_sent = 0;      // by the application, accepted into the send buffer
  std::uint64_t bytes_received = 0;  // delivered to the application
  std::uint64_t retransmissions = 0;
  std::uint64_t bytes_acked = 0;  // of bytes_sent, those the peer acknowledged
  SimTime last_ack{0};            // when the peer last acknowledged new bytes
};

class StreamSocket {
 public:
  using DataFn = std::function<void(std::span<const std::byte>)>;
  using EndFn = std::function<void()>;
  using ErrorFn = std::function<void(ConnError)>;

  StreamSocket() = default;
  StreamSocket(NetworkImpl* net, std::uint32_t slot, std::uint32_t generation)
      : net_(net), slot_(slot), generation_(generation) {}

  // Queues bytes for sending (copied once into a shared buffer). False when the socket can
  // no longer send (closed, reset, or close() already called).
  bool send(std::span<const std::byte> bytes);
  bool send(std::string_view text);
  // The same, taking the string itself instead of a copy (a message of many megabytes), or
  // sharing one that stays unchanged (null: nothing to send). With `more`, the bytes wait for
  // the next call (as MSG_MORE or TCP_CORK): several pieces leave as one write, in the same
  // segments.
  bool send_owned(std::string&& text, bool more = false);
  bool send_shared(std::shared_ptr<const std::string> text, bool more = false);
  // Bytes in order, in whatever chunks the network delivered them.
  void on_data(DataFn fn);
  // The peer sent FIN: no more data will come (this side may still send).
  void on_end(EndFn fn);
  // The connection failed after it was created (reset, timed out); connect() has its own.
  void on_error(ErrorFn fn);
  // Both directions are closed (after close() and the peer's FIN).
  void on_closed(EndFn fn);
  // The callbacks set on this socket (the four above, and connect()'s) last as long as the
  // returned handle: its owner keeps it as a member and is never called once it is gone.
  sim::Subscription keep_callbacks();
  // Orderly close: FIN once every queued byte is sent, even bytes queued before the handshake
  // ended. A connecting socket with nothing queued is simply forgotten.
  void close();
  // Abort: RST now, queued bytes are discarded.
  void abort();

  bool valid() const;  // the connection still exists
  ConnId id() const;
  TcpInfo info() const;
  std::uint16_t local_port() const;
  Ipv4Address remote_address() const;
  std::uint16_t remote_port() const;

 private:
  NetworkImpl* net_ = nullptr;
  std::uint32_t slot_ = 0;
  std::uint32_t generation_ = 0;
};

class DatagramSocket {
 public:
  using ReceiveFn =
      std::function<void(Ipv4Address from, std::uint16_t port, std::span<const std::byte>)>;
  DatagramSocket() = default;
  DatagramSocket(NetworkImpl* net, NodeId host, std::uint16_t port, std::uint32_t generation)
      : net_(net), host_(host), port_(port), generation_(generation) {}

  // Best effort: false when the socket is closed (the datagram may still be lost on the way).
  bool send_to(Ipv4Address to, std::uint16_t port, std::span<const std::byte> bytes);
  bool send_to(Ipv4Address to, std::uint16_t port, std::string_view text);
  void close();
  bool valid() const;
  std::uint16_t port() const { return port_; }

 private:
  NetworkImpl* net_ = nullptr;
  NodeId host_ = kNoNode;
  std::uint16_t port_ = 0;
  std::uint32_t generation_ = 0;
};

// What an application holds to use its host's network stack.
class Host {
 public:
  using AcceptFn = std::function<void(StreamSocket)>;
  using ConnectedFn = std::function<void(StreamSocket)>;
  using ErrorFn = std::function<void(ConnError)>;

  Host(NetworkImpl* net, NodeId id) : net_(net), id_(id) {}

  NodeId id() const { return id_; }
  Ipv4Address address() const;
  bool is_up() const;

  // Accepts connections on `port` until stop_listening() or the host goes down. Throws
  // NetError if the port is taken.
  void listen(std::uint16_t port, AcceptFn on_accept);
  void stop_listening(std::uint16_t port);
  // Opens a stream; exactly one of on_connected and on_error runs later. The returned
  // handle may be given callbacks (on_data, ...) right away.
  StreamSocket connect(Ipv4Address to, std::uint16_t port, ConnectedFn on_connected,
                       ErrorFn on_error);
  // Binds a datagram port (0: an ephemeral one). Throws NetError if the port is taken.
  DatagramSocket bind_udp(std::uint16_t port, DatagramSocket::ReceiveFn on_receive);

  // Applications learn here that their host went down or came back, for as long as they
  // keep the returned handle.
  sim::Subscription on_down(std::function<void()> fn);
  sim::Subscription on_up(std::function<void()> fn);

 private:
  NetworkImpl* net_;
  NodeId id_;
};

}  // namespace mailsim::sim::net

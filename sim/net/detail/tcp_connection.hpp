#pragma once
// Private: one TCP-like connection's state (RFC 9293 section 3.3.1 variables, RFC 6298 timer
// variables, RFC 5681 congestion variables). Sequence numbers are kept as 64-bit offsets
// from the initial sequence number (SYN = 0, first data byte = 1) so that wrap-around never
// matters inside; the wire carries iss + offset modulo 2^32.
#include <cstdint>
#include <deque>
#include <map>
#include <memory>
#include <optional>

#include "sim/event_queue.hpp"
#include "sim/net/settings.hpp"
#include "sim/net/socket.hpp"
#include "sim/net/trace_records.hpp"

namespace mailsim::sim::net::detail {

struct SendChunk {
  std::shared_ptr<const std::byte> data;  // what one send() queued (packet.hpp's shared_bytes)
  std::uint64_t start = 0;                // stream offset of data[0]
  std::uint64_t size = 0;
  std::uint64_t end() const { return start + size; }
};

struct TcpConnection {
  ConnInfo info;  // id, host name, role, addresses and ports
  NodeId host = kNoNode;
  // The host that holds the remote address, looked up once: its segments are routed to it
  // without a lookup of the address per segment (kNoNode: not a known address).
  NodeId peer = kNoNode;
  TcpState state = TcpState::closed;
  HostSettings settings;

  // ---- Send side (offsets from iss)
  std::uint32_t iss = 0;
  std::uint64_t snd_una = 0;  // oldest unacknowledged
  std::uint64_t snd_nxt = 0;  // next to send
  std::uint64_t snd_max = 0;  // highest ever sent + 1
  std::uint32_t snd_wnd = 0;  // the peer's advertised window
  std::deque<SendChunk> send_buffer;
  std::uint64_t buffered_end = 0;  // stream bytes accepted from the application
  SimTime last_ack_at{0};          // when the peer last acknowledged new bytes
  bool fin_requested = false;
  std::uint32_t mss = 536;      // largest segment this side sends
  std::uint32_t adv_mss = 536;  // the MSS option this side announces

  // ---- Congestion control (RFC 5681, NewReno recovery of RFC 6582)
  std::uint32_t cwnd = 0;
  std::uint32_t ssthresh = 0xffffffffu;
  int dupacks = 0;
  bool in_recovery = false;
  std::uint64_t recover = 0;

  // ---- Retransmission timer (RFC 6298)
  SimTime srtt{0};
  SimTime rttvar{0};
  SimTime rto{0};
  bool have_rtt = false;
  bool timing = false;  // one segment timed at a time (Karn: never a retransmitted one)
  std::uint64_t timed_end = 0;
  SimTime timed_at{0};
  int retries = 0;
  bool timer_armed = false;
  SimTime timer_deadline{0};
  EventId timer_event;
  SimTime timer_event_at{-1};  // when the scheduled event fires; it re-arms if early

  // ---- Receive side (offsets from irs)
  std::uint32_t irs = 0;
  std::uint64_t rcv_nxt = 0;
  std::map<std::uint64_t, Payload> out_of_order;  // by stream offset
  std::uint64_t out_of_order_bytes = 0;
  std::optional<std::uint64_t> peer_fin;  // offset of the peer's FIN once seen

  // ---- Statistics
  std::uint64_t retransmissions = 0;
  std::uint64_t bytes_received = 0;

  // ---- Application callbacks
  Host::ConnectedFn on_connected;
  Host::ErrorFn on_connect_error;
  StreamSocket::DataFn on_data;
  StreamSocket::EndFn on_end;
  StreamSocket::ErrorFn on_error;
  StreamSocket::EndFn on_closed;

  std::uint64_t data_end() const { return 1 + buffered_end; }  // offset after the last byte
  std::uint32_t flight() const { return static_cast<std::uint32_t>(snd_nxt - snd_una); }
  bool synchronized() const {
    return state != TcpState::closed && state != TcpState::syn_sent &&
           state != TcpState::syn_received;
  }
};

}  // namespace mailsim::sim::net::detail

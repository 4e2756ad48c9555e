// TCP sending side: segments, the retransmission timer (RFC 6298), congestion window updates
// on timeout (RFC 5681 section 3.1), and the end of a connection.
#include <algorithm>

#include "sim/net/detail/network_impl.hpp"

namespace mailsim::sim::net {

using detail::TcpConnection;

namespace {

// The bytes [from, from + length) of the send buffer: a window into one chunk when they lie
// in one, else one merged buffer (shared by every record of this segment).
Payload make_payload(const TcpConnection& c, std::uint64_t from, std::uint32_t length) {
  auto it = std::upper_bound(
      c.send_buffer.begin(), c.send_buffer.end(), from,
      [](std::uint64_t off, const detail::SendChunk& ch) { return off < ch.start; });
  --it;  // the chunk holding `from`
  if (from + length <= it->end())
    return Payload{it->data, static_cast<std::uint32_t>(from - it->start), length, from};
  auto merged = std::make_shared<Bytes>();
  merged->reserve(length);
  std::uint64_t at = from;
  for (; merged->size() < length; ++it) {
    const std::uint64_t take = std::min<std::uint64_t>(it->end() - at, length - merged->size());
    const std::byte* first = it->data.get() + (at - it->start);
    merged->insert(merged->end(), first, first + take);
    at += take;
  }
  return Payload{shared_bytes(std::shared_ptr<const Bytes>(std::move(merged))), 0, length, from};
}
}  // namespace

std::uint32_t NetworkImpl::new_conn(std::unique_ptr<TcpConnection> c) {
  std::uint32_t slot;
  if (!free_conns.empty()) {
    slot = free_conns.back();
    free_conns.pop_back();
    conns[slot] = std::move(c);
  } else {
    slot = static_cast<std::uint32_t>(conns.size());
    conns.push_back(std::move(c));
    conn_generation.push_back(1);
  }
  return slot;
}

TcpConnection* NetworkImpl::conn(std::uint32_t slot, std::uint32_t generation) {
  if (slot >= conns.size() || conn_generation[slot] != generation) return nullptr;
  return conns[slot].get();
}

// The application takes in-order bytes at once, and out-of-order bytes never exceed what the
// sender may have in flight, so the advertised window stays the full buffer (no shrinking:
// a shrinking window would hide duplicate ACKs from fast retransmit, RFC 5681 section 2).
std::uint32_t NetworkImpl::tcp_window(const TcpConnection& c) const {
  return std::min<std::uint32_t>(c.settings.receive_window, 65535);
}

void NetworkImpl::tcp_set_state(TcpConnection& c, TcpState to) {
  if (c.state == to) return;
  sim.trace().emit<TcpStateRecord>(c.info, tcp_state_name(c.state), tcp_state_name(to));
  c.state = to;
}

void NetworkImpl::tcp_emit_cwnd(const TcpConnection& c, std::string_view cause) {
  sim.trace().emit<TcpCwndRecord>(c.info, c.cwnd, c.ssthresh, c.flight(), cause);
}

void NetworkImpl::tcp_send_segment(std::uint32_t slot, std::uint64_t offset, std::uint32_t length,
                                   std::uint8_t flags) {
  TcpConnection& c = *conns[slot];
  Packet p;
  p.conn = c.info.conn;
  p.ip.dst = c.info.remote;
  p.ip.protocol = Protocol::tcp;
  p.tcp.src_port = c.info.local_port;
  p.tcp.dst_port = c.info.remote_port;
  p.tcp.seq = c.iss + static_cast<std::uint32_t>(offset);
  if (c.state != TcpState::syn_sent) {
    flags |= tcp_flags::ack;
    p.tcp.ack = c.irs + static_cast<std::uint32_t>(c.rcv_nxt);
  }
  p.tcp.window = static_cast<std::uint16_t>(tcp_window(c));
  if (flags & tcp_flags::syn) p.tcp.mss_option = static_cast<std::uint16_t>(c.adv_mss);
  if (length > 0) {
    p.payload = make_payload(c, offset - 1, length);
    if (offset + length == c.data_end()) flags |= tcp_flags::psh;
  }
  p.tcp.flags = flags;
  const std::uint64_t end =
      offset + length + ((flags & tcp_flags::syn) ? 1 : 0) + ((flags & tcp_flags::fin) ? 1 : 0);
  if (end > offset) {
    if (offset < c.snd_max) {
      p.retransmission = true;
      ++c.retransmissions;
      if (c.timing && offset < c.timed_end) c.timing = false;  // Karn's algorithm
    } else if (!c.timing) {
      c.timing = true;
      c.timed_end = end;
      c.timed_at = sim.now();
    }
    c.snd_max = std::max(c.snd_max, end);
  }
  send_from_host(c.host, std::move(p), c.peer);
}

void NetworkImpl::tcp_output(std::uint32_t slot, bool force_one) {
  TcpConnection& c = *conns[slot];
  switch (c.state) {
    case TcpState::established:
    case TcpState::close_wait:
    case TcpState::fin_wait_1:
    case TcpState::closing:
    case TcpState::last_ack:
      break;
    default:
      return;
  }
  for (;;) {
    const std::uint64_t window = std::min(c.cwnd, c.snd_wnd);
    const std::uint64_t flight = c.snd_nxt - c.snd_una;
    if (c.snd_nxt < c.data_end()) {
      std::uint64_t len = std::min<std::uint64_t>(c.mss, c.data_end() - c.snd_nxt);
      if (flight + len > window) {
        // Nothing in flight: send what the window allows (a window smaller than a segment),
        // or one byte to probe a closed window when forced.
        if (flight == 0 && window > 0)
          len = window;
        else if (flight == 0 && force_one)
          len = 1;
        else
          break;
      }
      tcp_send_segment(slot, c.snd_nxt, static_cast<std::uint32_t>(len), 0);
      c.snd_nxt += len;
      force_one = false;
    } else if (c.fin_requested && c.snd_nxt == c.data_end()) {
      tcp_send_segment(slot, c.snd_nxt, 0, tcp_flags::fin);
      c.snd_nxt += 1;
      if (c.state == TcpState::established) tcp_set_state(c, TcpState::fin_wait_1);
      if (c.state == TcpState::close_wait) tcp_set_state(c, TcpState::last_ack);
      break;
    } else {
      break;
    }
  }
  if (c.snd_nxt > c.snd_una && !c.timer_armed) tcp_arm_timer(slot);
}

void NetworkImpl::tcp_retransmit_first(std::uint32_t slot) {
  TcpConnection& c = *conns[slot];
  if (c.snd_una < c.data_end()) {
    const auto len =
        static_cast<std::uint32_t>(std::min<std::uint64_t>(c.mss, c.data_end() - c.snd_una));
    tcp_send_segment(slot, c.snd_una, len, 0);
  } else if (c.fin_requested && c.snd_max > c.data_end()) {
    tcp_send_segment(slot, c.snd_una, 0, tcp_flags::fin);
  }
}

void NetworkImpl::tcp_arm_timer(std::uint32_t slot) {
  TcpConnection& c = *conns[slot];
  c.timer_armed = true;
  c.timer_deadline = sim.now() + (c.state == TcpState::time_wait ? c.settings.time_wait : c.rto);
  // One pending event per connection: an early one re-arms itself when it fires.
  if (c.timer_event_at >= SimTime(0) && c.timer_event_at <= c.timer_deadline) return;
  if (c.timer_event.valid()) sim.cancel(c.timer_event);
  c.timer_event_at = c.timer_deadline;
  c.timer_event = sim.schedule_at(
      c.timer_deadline, [this, slot, g = conn_generation[slot]] { tcp_timer_fired(slot, g); });
}

void NetworkImpl::tcp_rtt_sample(TcpConnection& c, SimTime r) {
  // RFC 6298 section 2, with a clock granularity G of 1 ms.
  if (!c.have_rtt) {
    c.srtt = r;
    c.rttvar = r / 2;
    c.have_rtt = true;
  } else {
    const SimTime diff = c.srtt > r ? c.srtt - r : r - c.srtt;
    c.rttvar = (3 * c.rttvar + diff) / 4;
    c.srtt = (7 * c.srtt + r) / 8;
  }
  c.rto = std::clamp(c.srtt + std::max<SimTime>(SimTime(1000), 4 * c.rttvar), c.settings.min_rto,
                     c.settings.max_rto);
}

void NetworkImpl::tcp_timer_fired(std::uint32_t slot, std::uint32_t generation) {
  TcpConnection* cp = conn(slot, generation);
  if (cp == nullptr) return;
  TcpConnection& c = *cp;
  c.timer_event_at = SimTime(-1);
  c.timer_event = EventId{};
  if (!c.timer_armed || c.state == TcpState::closed) return;
  if (sim.now() < c.timer_deadline) {
    c.timer_event_at = c.timer_deadline;
    c.timer_event = sim.schedule_at(
        c.timer_deadline, [this, slot, generation] { tcp_timer_fired(slot, generation); });
    return;
  }
  c.timer_armed = false;
  if (c.state == TcpState::time_wait) return tcp_release(slot);
  const bool opening = c.state == TcpState::syn_sent || c.state == TcpState::syn_received;
  if (++c.retries > (opening ? c.settings.syn_retries : c.settings.data_retries))
    return tcp_finish(slot, &kinds::kConnTimedOut, ConnError::timed_out);
  c.rto = std::min(c.rto * 2, c.settings.max_rto);  // RFC 6298 (5.5): back off
  c.timing = false;
  if (opening) {
    tcp_send_segment(slot, 0, 0, tcp_flags::syn);
    tcp_arm_timer(slot);
    return;
  }
  // RFC 5681 (4): after a timeout, ssthresh = max(FlightSize / 2, 2 SMSS), held constant while
  // the same segment times out again; cwnd = 1 SMSS; everything unacknowledged is sent again
  // from snd_una.
  if (c.retries == 1) c.ssthresh = std::max(c.flight() / 2, 2 * c.mss);
  c.cwnd = c.mss;
  c.in_recovery = false;
  c.recover = c.snd_max;
  c.dupacks = 0;
  c.snd_nxt = c.snd_una;
  tcp_emit_cwnd(c, "timeout");
  tcp_output(slot, true);
  if (!c.timer_armed) tcp_arm_timer(slot);
}

void NetworkImpl::tcp_finish(std::uint32_t slot, const TraceKind* kind,
                             std::optional<ConnError> error, std::string_view detail) {
  TcpConnection& c = *conns[slot];
  if (c.state == TcpState::closed) return;
  const bool was_connecting = c.state == TcpState::syn_sent;
  const bool was_accepted = c.state != TcpState::syn_received;
  tcp_set_state(c, TcpState::closed);
  if (kind) sim.trace().emit<ConnRecord>(*kind, c.info, detail);
  tcp_release(slot);
  if (!was_accepted) return;  // the application never saw it
  if (error) {
    auto fn = std::move(was_connecting ? c.on_connect_error : c.on_error);
    if (fn) fn(*error);
  } else {
    auto fn = std::move(c.on_closed);
    if (fn) fn();
  }
}

void NetworkImpl::tcp_enter_time_wait(std::uint32_t slot) {
  TcpConnection& c = *conns[slot];
  tcp_set_state(c, TcpState::time_wait);
  sim.trace().emit<ConnRecord>(kinds::kConnClosed, c.info);
  tcp_arm_timer(slot);
  auto fn = std::move(c.on_closed);
  if (fn) fn();
}

void NetworkImpl::tcp_release(std::uint32_t slot) {
  TcpConnection& c = *conns[slot];
  tcp_set_state(c, TcpState::closed);
  c.timer_armed = false;
  if (c.timer_event.valid()) sim.cancel(c.timer_event);
  c.timer_event = EventId{};
  auto& table = nodes[c.host].connections;
  auto it = table.find(detail::tuple_key(c.info.remote, c.info.remote_port, c.info.local_port));
  if (it != table.end() && it->second == slot) table.erase(it);
  // Freed after the current event: the caller may still hold a reference.
  sim.schedule_after(SimTime(0), [this, slot, g = conn_generation[slot]] {
    if (conn_generation[slot] != g) return;
    conns[slot].reset();
    ++conn_generation[slot];
    free_conns.push_back(slot);
  });
}

void NetworkImpl::tcp_host_down(NodeId host) {
  std::vector<std::uint32_t> slots;
  for (auto& [key, slot] : nodes[host].connections)
    slots.push_back(slot);
  std::sort(slots.begin(), slots.end());  // unordered_map order must not leak into the trace
  for (std::uint32_t slot : slots) {
    TcpConnection& c = *conns[slot];
    sim.trace().emit<ConnRecord>(kinds::kConnClosed, c.info, "host down");
    c.on_data = nullptr;
    tcp_release(slot);
  }
}

void NetworkImpl::tcp_send_reset_for(NodeId host, const Packet& in) {
  if (in.tcp.flags & tcp_flags::rst) return;
  // RFC 9293 section 3.10.7.1.
  Packet p;
  p.conn = in.conn;
  p.ip.dst = in.ip.src;
  p.ip.protocol = Protocol::tcp;
  p.tcp.src_port = in.tcp.dst_port;
  p.tcp.dst_port = in.tcp.src_port;
  if (in.tcp.flags & tcp_flags::ack) {
    p.tcp.seq = in.tcp.ack;
    p.tcp.flags = tcp_flags::rst;
  } else {
    p.tcp.ack = in.tcp.seq + in.payload.length + ((in.tcp.flags & tcp_flags::syn) ? 1 : 0) +
                ((in.tcp.flags & tcp_flags::fin) ? 1 : 0);
    p.tcp.flags = tcp_flags::rst | tcp_flags::ack;
  }
  send_from_host(host, std::move(p));
}

}  // namespace mailsim::sim::net

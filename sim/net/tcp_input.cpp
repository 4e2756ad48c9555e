// TCP receiving side: segment arrival (RFC 9293 section 3.10.7), acknowledgements with
// slow start, congestion avoidance, fast retransmit and NewReno fast recovery (RFC 5681,
// RFC 6582), in-order delivery with an out-of-order store, and FIN handling.
#include <algorithm>
#include <boost/container/small_vector.hpp>

#include "sim/net/detail/network_impl.hpp"

namespace mailsim::sim::net {

using detail::TcpConnection;

namespace {
constexpr std::uint32_t kMaxCwnd = 1u << 30;

// The 64-bit offset (from `base`) of a 32-bit sequence number, the one closest to `near`.
std::int64_t unwrap(std::uint32_t seq, std::uint32_t base, std::uint64_t near) {
  const std::uint32_t low = seq - base;
  std::int64_t candidate = static_cast<std::int64_t>((near & ~std::uint64_t{0xffffffff}) | low);
  const auto n = static_cast<std::int64_t>(near);
  if (candidate - n > (std::int64_t{1} << 31)) candidate -= std::int64_t{1} << 32;
  if (n - candidate > (std::int64_t{1} << 31)) candidate += std::int64_t{1} << 32;
  return candidate;
}

// RFC 5681 (3.1): the initial window from the sender's MSS.
std::uint32_t initial_window(std::uint32_t mss) {
  if (mss > 2190) return 2 * mss;
  if (mss > 1095) return 3 * mss;
  return 4 * mss;
}

std::uint32_t effective_mss(std::uint32_t adv_mss, std::uint16_t peer_option) {
  return std::min<std::uint32_t>(adv_mss, peer_option != 0 ? peer_option : 536);
}
}  // namespace

void NetworkImpl::tcp_input(NodeId host, const Packet& p) {
  detail::NodeState& h = nodes[host];
  const TcpHeader& t = p.tcp;
  auto it = h.connections.find(detail::tuple_key(p.ip.src, t.src_port, t.dst_port));
  if (it == h.connections.end()) {
    if (t.flags & tcp_flags::rst) return;
    auto listener = h.listeners.find(t.dst_port);
    if ((t.flags & (tcp_flags::syn | tcp_flags::ack)) != tcp_flags::syn ||
        listener == h.listeners.end())
      return tcp_send_reset_for(host, p);  // nothing listens: connection refused
    // Passive open.
    auto c = std::make_unique<TcpConnection>();
    c->info = ConnInfo{p.conn != 0 ? p.conn : next_conn_id++,
                       h.name,
                       ConnRole::server,
                       *h.address,
                       t.dst_port,
                       p.ip.src,
                       t.src_port};
    c->host = host;
    c->settings = h.settings;
    c->iss = static_cast<std::uint32_t>((*h.rng)());
    c->irs = t.seq;
    c->rcv_nxt = 1;
    c->snd_wnd = t.window;
    auto src = addresses.find(p.ip.src.value());
    if (src != addresses.end()) c->peer = src->second;
    auto mtu = src != addresses.end() ? path_mtu(host, src->second) : std::nullopt;
    c->adv_mss = std::min<std::uint32_t>(h.settings.mss, mtu ? *mtu - 40 : h.settings.mss);
    c->mss = effective_mss(c->adv_mss, t.mss_option);
    c->rto = h.settings.initial_rto;
    TcpConnection& conn = *c;
    const std::uint32_t slot = new_conn(std::move(c));
    h.connections[detail::tuple_key(p.ip.src, t.src_port, t.dst_port)] = slot;
    tcp_set_state(conn, TcpState::syn_received);
    tcp_send_segment(slot, 0, 0, tcp_flags::syn);
    conn.snd_nxt = 1;
    tcp_arm_timer(slot);
    return;
  }
  const std::uint32_t slot = it->second;
  TcpConnection& c = *conns[slot];

  if (c.state == TcpState::syn_sent) {
    const bool has_ack = t.flags & tcp_flags::ack;
    if (has_ack && unwrap(t.ack, c.iss, 1) != 1) return tcp_send_reset_for(host, p);
    if (t.flags & tcp_flags::rst) {
      if (has_ack) tcp_finish(slot, &kinds::kConnRefused, ConnError::refused);
      return;
    }
    if (!(t.flags & tcp_flags::syn) || !has_ack) return;  // simultaneous open is not modelled
    c.irs = t.seq;
    c.rcv_nxt = 1;
    c.snd_una = 1;
    c.snd_wnd = t.window;
    c.mss = effective_mss(c.adv_mss, t.mss_option);
    tcp_handshake_rtt(c);
    c.timer_armed = false;
    tcp_set_state(c, TcpState::established);
    tcp_send_segment(slot, c.snd_nxt, 0, 0);  // the handshake's last ACK
    tcp_established(slot);
    if (c.state != TcpState::closed) tcp_output(slot);
    return;
  }

  const std::int64_t seg = unwrap(t.seq, c.irs, c.rcv_nxt);
  if (t.flags & tcp_flags::rst) {
    // RFC 5961-style check: only a reset inside the window is believed.
    if (seg < static_cast<std::int64_t>(c.rcv_nxt) ||
        seg > static_cast<std::int64_t>(c.rcv_nxt + std::max<std::uint32_t>(tcp_window(c), 1)))
      return;
    return tcp_finish(slot, &kinds::kConnReset, ConnError::reset);
  }
  if (t.flags & tcp_flags::syn) {
    // A retransmitted SYN (our SYN-ACK was lost) or SYN-ACK (our ACK was lost): answer again.
    tcp_send_segment(slot, c.state == TcpState::syn_received ? 0 : c.snd_nxt, 0,
                     c.state == TcpState::syn_received ? tcp_flags::syn : 0);
    return;
  }
  if (!(t.flags & tcp_flags::ack)) return;
  const std::int64_t ack = unwrap(t.ack, c.iss, c.snd_una);
  if (c.state == TcpState::syn_received) {
    if (ack < 1 || ack > static_cast<std::int64_t>(c.snd_max)) return tcp_send_reset_for(host, p);
    c.snd_una = 1;
    c.snd_wnd = t.window;
    tcp_handshake_rtt(c);
    c.timer_armed = false;
    tcp_set_state(c, TcpState::established);
    tcp_established(slot);
    if (c.state == TcpState::closed) return;
  }
  const bool has_data = p.payload.length > 0 || (t.flags & tcp_flags::fin);
  if (ack >= 0) tcp_on_ack(slot, p, static_cast<std::uint64_t>(ack), has_data);
  if (c.state == TcpState::closed) return;
  if (seg < 0) return tcp_send_segment(slot, c.snd_nxt, 0, 0);
  if (p.payload.length > 0) tcp_on_data(slot, p, static_cast<std::uint64_t>(seg));
  if (c.state == TcpState::closed) return;

  if (t.flags & tcp_flags::fin) {
    const std::uint64_t fin = static_cast<std::uint64_t>(seg) + p.payload.length;
    if (!c.peer_fin) c.peer_fin = fin;
    if (c.rcv_nxt > fin) tcp_send_segment(slot, c.snd_nxt, 0, 0);  // FIN again: ACK again
  }
  if (c.peer_fin && c.rcv_nxt == *c.peer_fin) {
    c.rcv_nxt = *c.peer_fin + 1;
    tcp_send_segment(slot, c.snd_nxt, 0, 0);
    const bool our_fin_acked = c.fin_requested && c.snd_una == c.data_end() + 1;
    if (c.state == TcpState::established)
      tcp_set_state(c, TcpState::close_wait);
    else if (c.state == TcpState::fin_wait_1 && !our_fin_acked)
      tcp_set_state(c, TcpState::closing);
    else if (c.state == TcpState::fin_wait_1 || c.state == TcpState::fin_wait_2)
      tcp_enter_time_wait(slot);
    auto fn = c.on_end;
    if (fn) fn();
  }
  if (c.state != TcpState::closed) tcp_output(slot);
}

void NetworkImpl::tcp_handshake_rtt(TcpConnection& c) {
  if (c.timing) tcp_rtt_sample(c, sim.now() - c.timed_at);
  // RFC 6298 (5.7): after a SYN timed out, data transmission starts with an RTO of 3 s
  // (unless a measurement gave one).
  if (c.retries > 0 && !c.have_rtt)
    c.rto = std::clamp(SimTime(3s), c.settings.min_rto, c.settings.max_rto);
  c.timing = false;
  c.retries = 0;
}

void NetworkImpl::tcp_established(std::uint32_t slot) {
  TcpConnection& c = *conns[slot];
  c.cwnd = initial_window(c.mss);
  tcp_emit_cwnd(c, "initial");
  sim.trace().emit<ConnRecord>(kinds::kConnOpened, c.info);
  StreamSocket socket(this, slot, conn_generation[slot]);
  if (c.info.role == ConnRole::client) {
    auto fn = std::move(c.on_connected);
    c.on_connect_error = nullptr;
    if (fn) fn(socket);
    return;
  }
  auto listener = nodes[c.host].listeners.find(c.info.local_port);
  if (listener == nodes[c.host].listeners.end()) {
    // The application stopped listening during the handshake.
    tcp_send_segment(slot, c.snd_nxt, 0, tcp_flags::rst);
    return tcp_finish(slot, &kinds::kConnReset, std::nullopt, "no longer listening");
  }
  auto fn = listener->second;  // a copy: the callback may stop listening
  fn(socket);
}

void NetworkImpl::tcp_on_ack(std::uint32_t slot, const Packet& p, std::uint64_t ack,
                             bool has_data) {
  TcpConnection& c = *conns[slot];
  if (ack > c.snd_max) return tcp_send_segment(slot, c.snd_nxt, 0, 0);  // acknowledges the future
  if (ack < c.snd_una) return;                                          // old
  const bool window_update = p.tcp.window != c.snd_wnd;
  c.snd_wnd = p.tcp.window;
  if (ack == c.snd_una) {
    if (has_data || window_update || c.snd_max == c.snd_una) return;
    ++c.dupacks;
    if (c.in_recovery) {
      c.cwnd = std::min(c.cwnd + c.mss, kMaxCwnd);  // each dupack: a segment left the network
      tcp_emit_cwnd(c, "dupack");
    } else if (c.dupacks == 3 && c.snd_una > c.recover) {
      // Fast retransmit (RFC 5681 section 3.2).
      c.ssthresh = std::max(c.flight() / 2, 2 * c.mss);
      c.recover = c.snd_max;
      c.in_recovery = true;
      tcp_retransmit_first(slot);
      c.cwnd = c.ssthresh + 3 * c.mss;
      tcp_emit_cwnd(c, "fast_retransmit");
    }
    return;
  }
  // New data acknowledged.
  const std::uint64_t acked = ack - c.snd_una;
  if (c.timing && ack >= c.timed_end) {
    tcp_rtt_sample(c, sim.now() - c.timed_at);
    c.timing = false;
  }
  c.snd_una = ack;
  c.last_ack_at = sim.now();
  if (c.snd_nxt < c.snd_una) c.snd_nxt = c.snd_una;
  while (!c.send_buffer.empty() && c.send_buffer.front().end() + 1 <= c.snd_una)
    c.send_buffer.pop_front();
  c.retries = 0;
  if (c.in_recovery) {
    if (ack >= c.recover) {
      c.cwnd = std::min(c.ssthresh, std::max(c.flight(), c.mss) + c.mss);
      c.in_recovery = false;
      c.dupacks = 0;
      tcp_emit_cwnd(c, "recovery_end");
    } else {
      // NewReno partial acknowledgement (RFC 6582 section 3.2 step 4).
      tcp_retransmit_first(slot);
      c.cwnd = (c.cwnd > acked ? c.cwnd - static_cast<std::uint32_t>(acked) : 0) + c.mss;
      tcp_emit_cwnd(c, "partial_ack");
    }
  } else {
    c.dupacks = 0;
    if (c.cwnd < c.ssthresh) {
      c.cwnd += static_cast<std::uint32_t>(std::min<std::uint64_t>(acked, c.mss));
      c.cwnd = std::min(c.cwnd, kMaxCwnd);
      tcp_emit_cwnd(c, "slow_start");
    } else {
      c.cwnd = std::min(c.cwnd + std::max<std::uint32_t>(1, c.mss * c.mss / c.cwnd), kMaxCwnd);
      tcp_emit_cwnd(c, "congestion_avoidance");
    }
  }
  c.timer_armed = false;
  if (c.snd_una < c.snd_max) tcp_arm_timer(slot);  // RFC 6298 (5.3): restart
  // Our FIN acknowledged?
  if (c.fin_requested && c.snd_una == c.data_end() + 1) {
    if (c.state == TcpState::fin_wait_1)
      tcp_set_state(c, TcpState::fin_wait_2);
    else if (c.state == TcpState::closing)
      tcp_enter_time_wait(slot);
    else if (c.state == TcpState::last_ack)
      tcp_finish(slot, &kinds::kConnClosed, std::nullopt);
  }
}

void NetworkImpl::tcp_on_data(std::uint32_t slot, const Packet& p, std::uint64_t seg) {
  TcpConnection& c = *conns[slot];
  const std::uint64_t end = seg + p.payload.length;
  const bool can_receive = c.state == TcpState::established || c.state == TcpState::fin_wait_1 ||
                           c.state == TcpState::fin_wait_2;
  if (!can_receive || end <= c.rcv_nxt) return tcp_send_segment(slot, c.snd_nxt, 0, 0);
  if (seg > c.rcv_nxt) {
    // Out of order: keep it, and send a duplicate ACK at once (RFC 5681 section 4.2).
    auto [pos, inserted] = c.out_of_order.try_emplace(seg, p.payload);
    if (inserted) {
      c.out_of_order_bytes += p.payload.length;
    } else if (pos->second.length < p.payload.length) {
      c.out_of_order_bytes += p.payload.length - pos->second.length;
      pos->second = p.payload;
    }
    return tcp_send_segment(slot, c.snd_nxt, 0, 0);
  }
  // In order: this segment's new bytes, then whatever the store now continues.
  // Almost always the segment alone: kept in place, without an allocation per segment.
  boost::container::small_vector<std::span<const std::byte>, 2> pieces;
  std::vector<Payload> keep;  // holds the stored buffers while the application reads them
  pieces.push_back(p.payload.bytes().subspan(static_cast<std::size_t>(c.rcv_nxt - seg)));
  c.rcv_nxt = end;
  while (!c.out_of_order.empty() && c.out_of_order.begin()->first <= c.rcv_nxt) {
    auto node = c.out_of_order.extract(c.out_of_order.begin());
    c.out_of_order_bytes -= node.mapped().length;
    const std::uint64_t stored_end = node.key() + node.mapped().length;
    if (stored_end > c.rcv_nxt) {
      keep.push_back(node.mapped());
      pieces.push_back(
          keep.back().bytes().subspan(static_cast<std::size_t>(c.rcv_nxt - node.key())));
      c.rcv_nxt = stored_end;
    }
  }
  tcp_send_segment(slot, c.snd_nxt, 0, 0);
  for (auto piece : pieces) {
    if (c.state == TcpState::closed || !c.on_data) break;
    c.bytes_received += piece.size();
    auto fn = c.on_data;  // a copy: the callback may replace itself
    fn(piece);
  }
}

}  // namespace mailsim::sim::net

// The application-facing handles: Host (listen, connect, bind), StreamSocket, DatagramSocket.
#include "sim/net/socket.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "sim/net/detail/network_impl.hpp"
#include "sim/net/messages.hpp"

namespace mailsim::sim::net {

using detail::TcpConnection;

std::string_view conn_error_name(ConnError e) {
  switch (e) {
    case ConnError::refused:
      return "refused";
    case ConnError::timed_out:
      return "timed_out";
    case ConnError::reset:
      return "reset";
    case ConnError::host_down:
      return "host_down";
  }
  return "unknown";
}

const Message& conn_error_message(ConnError e) {
  switch (e) {
    case ConnError::refused:
      return msg::kConnRefused;
    case ConnError::timed_out:
      return msg::kConnTimedOut;
    case ConnError::reset:
      return msg::kConnReset;
    case ConnError::host_down:
      return msg::kConnHostDown;
  }
  return msg::kConnReset;
}

std::string_view tcp_state_name(TcpState s) {
  static constexpr std::string_view kNames[] = {
      "CLOSED",     "SYN-SENT",   "SYN-RECEIVED", "ESTABLISHED", "FIN-WAIT-1",
      "FIN-WAIT-2", "CLOSE-WAIT", "CLOSING",      "LAST-ACK",    "TIME-WAIT"};
  return kNames[static_cast<int>(s)];
}

// ---- Host

Ipv4Address Host::address() const {
  return *net_->nodes[id_].address;
}
bool Host::is_up() const {
  return net_->nodes[id_].up;
}

void Host::listen(std::uint16_t port, AcceptFn on_accept) {
  auto& node = net_->nodes[id_];
  if (node.listeners.contains(port))
    throw NetError(Text(msg::kPortInUse, {{"host", node.name}, {"port", std::to_string(port)}}));
  node.listeners.emplace(port, std::move(on_accept));
}

void Host::stop_listening(std::uint16_t port) {
  net_->nodes[id_].listeners.erase(port);
}

StreamSocket Host::connect(Ipv4Address to, std::uint16_t port, ConnectedFn on_connected,
                           ErrorFn on_error) {
  return net_->tcp_connect(id_, to, port, std::move(on_connected), std::move(on_error));
}

sim::Subscription Host::on_down(std::function<void()> fn) {
  return net_->nodes[id_].down_watchers.add(std::move(fn));
}
sim::Subscription Host::on_up(std::function<void()> fn) {
  return net_->nodes[id_].up_watchers.add(std::move(fn));
}

StreamSocket NetworkImpl::tcp_connect(NodeId host, Ipv4Address to, std::uint16_t port,
                                      Host::ConnectedFn on_connected, Host::ErrorFn on_error) {
  detail::NodeState& h = nodes[host];
  if (!h.up) {
    const std::uint32_t token = next_failed_connect++;
    failed_connects[token] =
        sim.schedule_after(SimTime(0), [this, token, fn = std::move(on_error)] {
          failed_connects.erase(token);
          if (fn) fn(ConnError::host_down);
        });
    return StreamSocket(this, kFailedConnect, token);  // invalid, but keep_callbacks() works
  }
  std::uint16_t local_port = 0;
  for (int tries = 0; tries < 16384; ++tries) {
    const std::uint16_t candidate = h.next_ephemeral;
    h.next_ephemeral = h.next_ephemeral == 65535 ? 49152 : h.next_ephemeral + 1;
    if (!h.connections.contains(detail::tuple_key(to, port, candidate)) &&
        !h.udp.contains(candidate)) {
      local_port = candidate;
      break;
    }
  }
  if (local_port == 0)
    throw NetError(Text(msg::kPortInUse, {{"host", h.name}, {"port", "49152-65535"}}));
  auto c = std::make_unique<TcpConnection>();
  c->info = ConnInfo{next_conn_id++, h.name, ConnRole::client, *h.address, local_port, to, port};
  c->host = host;
  c->settings = h.settings;
  c->iss = static_cast<std::uint32_t>((*h.rng)());
  auto dest = addresses.find(to.value());
  if (dest != addresses.end()) c->peer = dest->second;
  auto mtu = dest != addresses.end() ? path_mtu(host, dest->second) : std::nullopt;
  c->adv_mss = std::min<std::uint32_t>(h.settings.mss, mtu ? *mtu - 40 : h.settings.mss);
  c->mss = c->adv_mss;
  c->rto = h.settings.initial_rto;
  c->on_connected = std::move(on_connected);
  c->on_connect_error = std::move(on_error);
  TcpConnection& conn = *c;
  const std::uint32_t slot = new_conn(std::move(c));
  h.connections[detail::tuple_key(to, port, local_port)] = slot;
  tcp_set_state(conn, TcpState::syn_sent);
  tcp_send_segment(slot, 0, 0, tcp_flags::syn);
  conn.snd_nxt = 1;
  tcp_arm_timer(slot);
  return StreamSocket(this, slot, conn_generation[slot]);
}

// ---- StreamSocket

namespace {
TcpConnection* live(NetworkImpl* net, std::uint32_t slot, std::uint32_t generation) {
  if (net == nullptr) return nullptr;
  TcpConnection* c = net->conn(slot, generation);
  return c != nullptr && c->state != TcpState::closed ? c : nullptr;
}
}  // namespace

namespace {
// The connection if its application may still send on it.
TcpConnection* sending(NetworkImpl* net, std::uint32_t slot, std::uint32_t generation) {
  TcpConnection* c = live(net, slot, generation);
  if (c == nullptr || c->fin_requested) return nullptr;
  switch (c->state) {
    case TcpState::syn_sent:
    case TcpState::syn_received:
    case TcpState::established:
    case TcpState::close_wait:
      return c;
    default:
      return nullptr;
  }
}

void queue(NetworkImpl& net, std::uint32_t slot, TcpConnection& c,
           std::shared_ptr<const std::byte> data, std::size_t size, bool more = false) {
  if (size > 0) {
    c.send_buffer.push_back(detail::SendChunk{std::move(data), c.buffered_end, size});
    c.buffered_end += size;
  }
  if (!more) net.tcp_output(slot);
}
}  // namespace

bool StreamSocket::send(std::span<const std::byte> bytes) {
  TcpConnection* c = sending(net_, slot_, generation_);
  if (c == nullptr) return false;
  if (!bytes.empty())
    queue(*net_, slot_, *c, shared_bytes(std::make_shared<const Bytes>(bytes.begin(), bytes.end())),
          bytes.size());
  return true;
}

bool StreamSocket::send(std::string_view text) {
  return send(std::as_bytes(std::span<const char>(text.data(), text.size())));
}

bool StreamSocket::send_owned(std::string&& text, bool more) {
  // An empty piece (what a session had pending before a message, often nothing) has no bytes
  // to keep: no shared string for it.
  return send_shared(text.empty() ? nullptr : std::make_shared<const std::string>(std::move(text)),
                     more);
}

bool StreamSocket::send_shared(std::shared_ptr<const std::string> text, bool more) {
  TcpConnection* c = sending(net_, slot_, generation_);
  if (c == nullptr) return false;
  const std::size_t size = text ? text->size() : 0;
  // Nothing to queue for an empty piece; as the last one it still sends what waits.
  queue(*net_, slot_, *c, size > 0 ? shared_bytes(std::move(text)) : nullptr, size, more);
  return true;
}

void StreamSocket::on_data(DataFn fn) {
  if (TcpConnection* c = live(net_, slot_, generation_)) c->on_data = std::move(fn);
}
void StreamSocket::on_end(EndFn fn) {
  if (TcpConnection* c = live(net_, slot_, generation_)) c->on_end = std::move(fn);
}
void StreamSocket::on_error(ErrorFn fn) {
  if (TcpConnection* c = live(net_, slot_, generation_)) c->on_error = std::move(fn);
}
void StreamSocket::on_closed(EndFn fn) {
  if (TcpConnection* c = live(net_, slot_, generation_)) c->on_closed = std::move(fn);
}

sim::Subscription StreamSocket::keep_callbacks() {
  if (net_ == nullptr) return {};
  // The network may go first: the handle then finds no network and does nothing.
  return sim::Subscription([alive = std::weak_ptr<void>(net_->lifetime), net = net_, slot = slot_,
                            generation = generation_] {
    if (alive.expired()) return;
    if (slot == NetworkImpl::kFailedConnect) {
      auto it = net->failed_connects.find(generation);
      if (it == net->failed_connects.end()) return;
      net->sim.cancel(it->second);
      net->failed_connects.erase(it);
      return;
    }
    TcpConnection* c = net->conn(slot, generation);
    if (c == nullptr) return;
    c->on_connected = nullptr;
    c->on_connect_error = nullptr;
    c->on_data = nullptr;
    c->on_end = nullptr;
    c->on_error = nullptr;
    c->on_closed = nullptr;
  });
}

void StreamSocket::close() {
  TcpConnection* c = live(net_, slot_, generation_);
  if (c == nullptr || c->fin_requested) return;
  if (c->state == TcpState::syn_sent && c->buffered_end == 0) {  // nothing to say: forget it
    c->on_connect_error = nullptr;
    return net_->tcp_finish(slot_, &kinds::kConnClosed, std::nullopt, "closed before connected");
  }
  c->fin_requested = true;
  net_->tcp_output(slot_);
}

void StreamSocket::abort() {
  TcpConnection* c = live(net_, slot_, generation_);
  if (c == nullptr) return;
  if (c->state != TcpState::syn_sent) net_->tcp_send_segment(slot_, c->snd_nxt, 0, tcp_flags::rst);
  c->on_closed = nullptr;
  c->on_connect_error = nullptr;
  net_->tcp_finish(slot_, &kinds::kConnReset, std::nullopt, "aborted locally");
}

bool StreamSocket::valid() const {
  return live(net_, slot_, generation_) != nullptr;
}

ConnId StreamSocket::id() const {
  TcpConnection* c = net_ ? net_->conn(slot_, generation_) : nullptr;
  return c ? c->info.conn : 0;
}

TcpInfo StreamSocket::info() const {
  TcpConnection* c = net_ ? net_->conn(slot_, generation_) : nullptr;
  if (c == nullptr) return {};
  // Offsets count the SYN as 1: the first data byte is 1 (a FIN acknowledged adds one more).
  const std::uint64_t acked = std::min(c->snd_una > 0 ? c->snd_una - 1 : 0, c->buffered_end);
  TcpInfo info{c->state, c->mss, c->cwnd,         c->ssthresh,       c->flight(),
               c->srtt,  c->rto, c->buffered_end, c->bytes_received, c->retransmissions};
  info.bytes_acked = acked;
  info.last_ack = c->last_ack_at;
  return info;
}

std::uint16_t StreamSocket::local_port() const {
  TcpConnection* c = net_ ? net_->conn(slot_, generation_) : nullptr;
  return c ? c->info.local_port : 0;
}
Ipv4Address StreamSocket::remote_address() const {
  TcpConnection* c = net_ ? net_->conn(slot_, generation_) : nullptr;
  return c ? c->info.remote : Ipv4Address{};
}
std::uint16_t StreamSocket::remote_port() const {
  TcpConnection* c = net_ ? net_->conn(slot_, generation_) : nullptr;
  return c ? c->info.remote_port : 0;
}

}  // namespace mailsim::sim::net

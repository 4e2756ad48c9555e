#include "agents/dns/dns_port.hpp"

#include <fmt/format.h>

#include <map>

#include "agents/dns/bytes.hpp"
#include "agents/dns/records.hpp"
#include "agents/proto/dns/tcp_framing.hpp"
#include "sim/timer.hpp"

namespace mailsim::agents {

namespace net = sim::net;
namespace dns = proto::dns;
using namespace dns_bytes;

namespace {
struct TcpClient {
  TcpClient(sim::Simulator& sim, net::StreamSocket s, std::function<void()> on_idle)
      : socket(s), address(s.remote_address()), idle(sim, std::move(on_idle)) {}
  net::StreamSocket socket;
  sim::Subscription callbacks;  // the socket's: they go with the client
  net::Ipv4Address address;
  dns::TcpFrameReader reader;
  sim::Timer idle;  // closes the connection when the client stays silent
};
}  // namespace

// Owns what calls it back (host watchers, sockets, timers), so callbacks hold a plain pointer;
// so does a response handed to the handler, which is not called once the port is gone.
struct DnsPort::State {
  State(net::Network& n, net::NodeId h, std::uint16_t p, std::string a, Handler hd, Describe d)
      : net(n),
        host(h),
        port(p),
        agent(std::move(a)),
        handler(std::move(hd)),
        describe(std::move(d)) {}

  net::Network& net;
  net::NodeId host;
  std::uint16_t port;
  std::string agent;
  Handler handler;
  Describe describe;
  bool started = false;
  bool serving = false;
  sim::Subscription down_watch, up_watch;  // the host's
  std::uint64_t generation = 0;  // counts openings: a late UDP response needs the same socket
  net::DatagramSocket udp;
  std::map<net::ConnId, TcpClient> tcp;

  sim::Simulator& sim() { return net.sim(); }

  // Forgets a connection (its idle timer with it); the socket is the caller's to close.
  void forget(net::ConnId id) { tcp.erase(id); }
  void forget_all() { tcp.clear(); }

  // RFC 7766 6.2.3: a server closes a connection that stays idle, so that clients which never
  // close do not hold its resources for ever.
  void arm_idle(net::ConnId id) {
    if (auto it = tcp.find(id); it != tcp.end()) it->second.idle.arm_after(kDnsTcpIdleTimeout);
  }
  void on_idle(net::ConnId id) {
    auto found = tcp.find(id);
    if (found == tcp.end()) return;
    net::StreamSocket socket = found->second.socket;
    tcp.erase(found);  // the timer running this call with it: nothing of it is used after
    socket.close();
  }

  void emit_state(const sim::TraceKind& kind, std::string_view cause) {
    sim::Trace& trace = net.sim().trace();
    if (!trace.active()) return;
    DnsServerStateRecord r(kind);
    r.agent = agent;
    r.address = fmt::format("{}:{}", net.host(host).address().to_string(), port);
    r.zones = describe ? describe() : std::string();
    r.cause = std::string(cause);
    trace.publish(r);
  }

  void watch_host() {
    if (down_watch.active()) return;
    down_watch = net.host(host).on_down([this] { on_host_down(); });
    up_watch = net.host(host).on_up([this] {
      if (started) open("host_up");
    });
  }

  void open(std::string_view cause) {
    if (serving || !handler || !net.host(host).is_up()) return;
    // Closed (or dropped by the host going down) before the state goes.
    udp = net.host(host).bind_udp(
        port, [this](net::Ipv4Address from, std::uint16_t from_port,
                     std::span<const std::byte> bytes) { on_datagram(from, from_port, bytes); });
    net.host(host).listen(port, [this](net::StreamSocket s) { on_accept(s); });
    serving = true;
    ++generation;
    emit_state(kinds::kDnsServerListening, cause);
  }

  // The sockets and connections end; `lost` when the network already dropped them.
  void close(std::string_view cause, bool lost) {
    if (!serving) return;
    serving = false;
    if (!lost) {
      udp.close();
      net.host(host).stop_listening(port);
      for (auto& [id, client] : tcp)
        client.socket.abort();
    }
    udp = {};
    forget_all();
    emit_state(kinds::kDnsServerStopped, cause);
  }

  void on_host_down() { close("host_down", true); }

  void on_datagram(net::Ipv4Address from, std::uint16_t from_port,
                   std::span<const std::byte> bytes) {
    if (!handler) return;
    const std::uint64_t opened = generation;
    handler(Request{from, dns::Transport::udp, as_octets(bytes)},
            [this, opened, from, from_port](std::span<const std::uint8_t> response) {
              if (serving && generation == opened) udp.send_to(from, from_port, as_bytes(response));
            });
  }

  void on_accept(net::StreamSocket socket) {
    const net::ConnId id = socket.id();
    TcpClient& client =
        tcp.try_emplace(id, sim(), socket, [this, id] { on_idle(id); }).first->second;
    arm_idle(id);
    socket.on_data([this, id](std::span<const std::byte> bytes) { on_tcp_data(id, bytes); });
    // RFC 7766 6.2.3: the client closes when it has its answers; the server follows.
    socket.on_end([this, id] {
      if (auto it = tcp.find(id); it != tcp.end()) {
        net::StreamSocket socket = it->second.socket;
        forget(id);
        socket.close();
      }
    });
    socket.on_error([this, id](net::ConnError) { forget(id); });
    client.callbacks = socket.keep_callbacks();
  }

  void on_tcp_data(net::ConnId id, std::span<const std::byte> bytes) {
    auto it = tcp.find(id);
    if (it == tcp.end()) return;
    arm_idle(id);
    it->second.reader.feed(as_octets(bytes));
    std::vector<std::vector<std::uint8_t>> messages;
    while (auto m = it->second.reader.next())
      messages.push_back(std::move(*m));
    const net::Ipv4Address client = it->second.address;
    for (const auto& m : messages) {
      if (!handler) return;
      handler(Request{client, dns::Transport::tcp, m},
              [this, id](std::span<const std::uint8_t> response) {
                auto found = tcp.find(id);
                if (found == tcp.end()) return;  // the client has gone
                const auto framed = dns::frame_for_tcp(response);
                found->second.socket.send(as_bytes(framed));
              });
    }
  }
};

DnsPort::DnsPort(net::Network& net, net::NodeId host, std::uint16_t port, std::string agent,
                 Handler handler, Describe describe)
    : state_(std::make_unique<State>(net, host, port, std::move(agent), std::move(handler),
                                     std::move(describe))) {}

DnsPort::~DnsPort() {
  state_->started = false;
  if (state_->serving) {
    state_->serving = false;
    state_->udp.close();
    state_->net.host(state_->host).stop_listening(state_->port);
    for (auto& [id, client] : state_->tcp)
      client.socket.abort();
    state_->forget_all();
  }
}

void DnsPort::start() {
  state_->started = true;
  state_->watch_host();
  state_->open("started");
}

void DnsPort::stop() {
  state_->started = false;
  state_->close("stopped", false);
}

bool DnsPort::serving() const {
  return state_->serving;
}
std::size_t DnsPort::tcp_connections() const {
  return state_->tcp.size();
}
net::Network& DnsPort::net() const {
  return state_->net;
}

}  // namespace mailsim::agents

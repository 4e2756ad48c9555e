#include "agents/dns/server_agent.hpp"

#include <fmt/format.h>

#include <map>

#include "agents/dns/bytes.hpp"
#include "agents/dns/records.hpp"
#include "agents/proto/dns/authoritative.hpp"
#include "agents/proto/dns/tcp_framing.hpp"
#include "agents/proto/dns/trace_records.hpp"

namespace mailsim::agents {

namespace net = sim::net;
namespace dns = proto::dns;
using namespace dns_bytes;

namespace {

struct TcpClient {
  net::StreamSocket socket;
  net::Ipv4Address address;
  std::unique_ptr<dns::TcpServerConnection> connection;  // reads the zones live
};

std::string zone_list(const dns::ZoneSet& zones) {
  std::string out;
  for (const auto& z : zones.zones())
    out += (out.empty() ? "" : ", ") + z.origin().to_string();
  return out;
}

}  // namespace

struct DnsServerAgent::State : std::enable_shared_from_this<State> {
  State(net::Network& n, net::NodeId h, dns::ZoneSet z, Options o)
      : net(n),
        host(h),
        zones(std::move(z)),
        options(std::move(o)),
        name(options.name.empty() ? n.name(h) : options.name) {}

  net::Network& net;
  net::NodeId host;
  dns::ZoneSet zones;
  Options options;
  std::string name;
  bool started = false;
  bool serving = false;
  bool watching_host = false;
  net::DatagramSocket udp;
  std::map<net::ConnId, TcpClient> tcp;
  std::uint64_t udp_answers = 0;
  std::uint64_t tcp_answers = 0;
  std::uint64_t truncated = 0;

  sim::Trace& trace() { return net.sim().trace(); }

  void emit_state(const sim::TraceKind& kind, std::string_view cause) {
    if (!trace().active()) return;
    DnsServerStateRecord r(kind);
    r.agent = name;
    r.address = fmt::format("{}:{}", net.host(host).address().to_string(), options.port);
    r.zones = zone_list(zones);
    r.cause = std::string(cause);
    trace().publish(r);
  }

  void watch_host() {
    if (watching_host) return;
    watching_host = true;
    std::weak_ptr<State> weak = weak_from_this();
    net.host(host).on_down([weak] {
      if (auto st = weak.lock()) st->on_host_down();
    });
    net.host(host).on_up([weak] {
      if (auto st = weak.lock(); st && st->started) st->open("host_up");
    });
  }

  void open(std::string_view cause) {
    if (serving || !net.host(host).is_up()) return;
    std::weak_ptr<State> weak = weak_from_this();
    udp = net.host(host).bind_udp(options.port, [weak](net::Ipv4Address from, std::uint16_t port,
                                                       std::span<const std::byte> bytes) {
      if (auto st = weak.lock()) st->on_datagram(from, port, bytes);
    });
    net.host(host).listen(options.port, [weak](net::StreamSocket s) {
      if (auto st = weak.lock()) st->on_accept(s);
    });
    serving = true;
    emit_state(kinds::kDnsServerListening, cause);
  }

  void close(std::string_view cause) {
    if (!serving) return;
    serving = false;
    udp.close();
    net.host(host).stop_listening(options.port);
    for (auto& [id, client] : tcp)
      client.socket.abort();
    tcp.clear();
    emit_state(kinds::kDnsServerStopped, cause);
  }

  void on_host_down() {
    if (!serving) return;
    serving = false;  // the network closed the sockets and dropped the connections
    udp = {};
    tcp.clear();
    emit_state(kinds::kDnsServerStopped, "host_down");
  }

  void answered(net::Ipv4Address client, dns::Transport transport, const dns::ServeResult& r) {
    (transport == dns::Transport::udp ? udp_answers : tcp_answers) += 1;
    truncated += r.truncated;
    if (trace().active()) {
      const dns::IpAddress from = to_dns(client);
      trace().emit<dns::ServerRecord>(name, from, transport, r);
    }
  }

  void on_datagram(net::Ipv4Address from, std::uint16_t port, std::span<const std::byte> bytes) {
    auto result = dns::serve(zones, as_octets(bytes), dns::Transport::udp);
    if (!result) return;  // a response, or garbage without a readable header: no answer
    answered(from, dns::Transport::udp, *result);
    udp.send_to(from, port, as_bytes(result->bytes));
  }

  void on_accept(net::StreamSocket socket) {
    const net::ConnId id = socket.id();
    tcp[id] = TcpClient{socket, socket.remote_address(),
                        std::make_unique<dns::TcpServerConnection>(zones)};
    std::weak_ptr<State> weak = weak_from_this();
    socket.on_data([weak, id](std::span<const std::byte> bytes) {
      if (auto st = weak.lock()) st->on_tcp_data(id, bytes);
    });
    // RFC 7766 6.2.3: the client closes when it has its answers; the server follows.
    socket.on_end([weak, id] {
      auto st = weak.lock();
      if (!st) return;
      if (auto it = st->tcp.find(id); it != st->tcp.end()) {
        it->second.socket.close();
        st->tcp.erase(it);
      }
    });
    socket.on_error([weak, id](net::ConnError) {
      if (auto st = weak.lock()) st->tcp.erase(id);
    });
  }

  void on_tcp_data(net::ConnId id, std::span<const std::byte> bytes) {
    auto it = tcp.find(id);
    if (it == tcp.end()) return;
    TcpClient& client = it->second;
    for (const auto& result : client.connection->receive(as_octets(bytes))) {
      answered(client.address, dns::Transport::tcp, result);
      const auto framed = dns::frame_for_tcp(result.bytes);
      client.socket.send(as_bytes(framed));
    }
  }

  void replace(const dns::Name& owner, dns::RecordType type,
               std::vector<dns::ResourceRecord> records) {
    const std::size_t count = records.size();
    std::string text;
    for (const auto& r : records)
      text += (text.empty() ? "" : "; ") + dns::to_string(r);
    zones.replace(owner, type, std::move(records));
    if (!trace().active()) return;
    DnsZoneChangedRecord r;
    r.agent = name;
    r.name = owner.to_string();
    r.type = dns::type_name(type);
    r.count = count;
    r.records = std::move(text);
    trace().publish(r);
  }
};

DnsServerAgent::DnsServerAgent(net::Network& net, net::NodeId host, dns::ZoneSet zones,
                               Options options)
    : state_(std::make_shared<State>(net, host, std::move(zones), std::move(options))) {}

DnsServerAgent::~DnsServerAgent() {
  state_->started = false;
  if (!state_->serving) return;
  state_->serving = false;
  state_->udp.close();
  state_->net.host(state_->host).stop_listening(state_->options.port);
  for (auto& [id, client] : state_->tcp)
    client.socket.abort();
  state_->tcp.clear();
}

void DnsServerAgent::start() {
  state_->started = true;
  state_->watch_host();
  state_->open("started");
}

void DnsServerAgent::stop() {
  state_->started = false;
  state_->close("stopped");
}

void DnsServerAgent::replace(const dns::Name& name, dns::RecordType type,
                             std::vector<dns::ResourceRecord> records) {
  state_->replace(name, type, std::move(records));
}

void DnsServerAgent::replace_at(sim::SimTime at, const dns::Name& name, dns::RecordType type,
                                std::vector<dns::ResourceRecord> records) {
  dns::ZoneSet probe = state_->zones;  // a mistake (no such zone, foreign records) throws now
  probe.replace(name, type, records);
  std::weak_ptr<State> weak = state_;
  state_->net.sim().schedule_at(at, [weak, name, type, records = std::move(records)]() mutable {
    if (auto st = weak.lock()) st->replace(name, type, std::move(records));
  });
}

const dns::ZoneSet& DnsServerAgent::zones() const {
  return state_->zones;
}
bool DnsServerAgent::serving() const {
  return state_->serving;
}
const std::string& DnsServerAgent::name() const {
  return state_->name;
}
std::uint64_t DnsServerAgent::udp_answers() const {
  return state_->udp_answers;
}
std::uint64_t DnsServerAgent::tcp_answers() const {
  return state_->tcp_answers;
}
std::uint64_t DnsServerAgent::truncated_answers() const {
  return state_->truncated;
}
std::size_t DnsServerAgent::tcp_connections() const {
  return state_->tcp.size();
}

}  // namespace mailsim::agents

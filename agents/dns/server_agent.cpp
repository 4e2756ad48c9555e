#include "agents/dns/server_agent.hpp"

#include "agents/dns/bytes.hpp"
#include "agents/dns/dns_port.hpp"
#include "agents/dns/records.hpp"
#include "agents/proto/dns/authoritative.hpp"
#include "agents/proto/dns/trace_records.hpp"

namespace mailsim::agents {

namespace net = sim::net;
namespace dns = proto::dns;
using namespace dns_bytes;

namespace {
std::string zone_list(const dns::ZoneSet& zones) {
  std::string out;
  for (const auto& z : zones.zones())
    out += (out.empty() ? "" : ", ") + z.origin().to_string();
  return out;
}
}  // namespace

struct DnsServerAgent::State {
  State(net::Network& n, net::NodeId host, dns::ZoneSet z, const Options& options)
      : net(n),
        zones(std::move(z)),
        name(options.name.empty() ? n.name(host) : options.name),
        port(
            n, host, options.port, name,
            [this](const DnsPort::Request& r, const DnsPort::Respond& respond) {
              answer(r, respond);
            },
            [this] { return zone_list(zones); }) {}

  net::Network& net;
  dns::ZoneSet zones;
  std::string name;
  std::uint64_t udp_answers = 0;
  std::uint64_t tcp_answers = 0;
  std::uint64_t truncated = 0;
  DnsPort port;  // last: its handler uses the members above

  sim::Trace& trace() { return net.sim().trace(); }

  void answer(const DnsPort::Request& request, const DnsPort::Respond& respond) {
    // No answer for responses, or for garbage without a readable header.
    auto result = dns::serve(zones, request.bytes, request.transport);
    if (!result) return;
    (request.transport == dns::Transport::udp ? udp_answers : tcp_answers) += 1;
    truncated += result->truncated;
    if (trace().active()) {
      const dns::IpAddress client = to_dns(request.client);
      trace().emit<dns::ServerRecord>(name, client, request.transport, *result);
    }
    respond(result->bytes);
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
    : state_(std::make_shared<State>(net, host, std::move(zones), options)) {}

DnsServerAgent::~DnsServerAgent() = default;

void DnsServerAgent::start() {
  state_->port.start();
}

void DnsServerAgent::stop() {
  state_->port.stop();
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
  return state_->port.serving();
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
  return state_->port.tcp_connections();
}

}  // namespace mailsim::agents

#include "agents/dns/recursive_server_agent.hpp"

#include <optional>

#include "agents/dns/bytes.hpp"
#include "agents/dns/dns_port.hpp"
#include "agents/proto/dns/authoritative.hpp"
#include "agents/proto/dns/trace_records.hpp"

namespace mailsim::agents {

namespace net = sim::net;
namespace dns = proto::dns;
using namespace dns_bytes;

namespace {

dns::Message response_to(const dns::Message& query, dns::Rcode rcode) {
  dns::Message r;
  r.header.id = query.header.id;
  r.header.qr = true;
  r.header.opcode = query.header.opcode;
  r.header.rd = query.header.rd;
  r.header.ra = true;
  r.header.rcode = rcode;
  r.questions = query.questions;
  return r;
}

// The answer a recursive server gives from its lookup's result.
dns::Message response_from(const dns::Message& query, const dns::LookupResult& result) {
  switch (result.status) {
    case dns::LookupStatus::ok: {
      dns::Message r = response_to(query, dns::Rcode::noerror);
      r.answers = result.cnames;
      r.answers.insert(r.answers.end(), result.records.begin(), result.records.end());
      return r;
    }
    case dns::LookupStatus::nxdomain:
    case dns::LookupStatus::nodata: {
      dns::Message r =
          response_to(query, result.status == dns::LookupStatus::nxdomain ? dns::Rcode::nxdomain
                                                                          : dns::Rcode::noerror);
      r.answers = result.cnames;
      if (result.soa) r.authorities.push_back(*result.soa);  // so the client can cache it
      return r;
    }
    case dns::LookupStatus::servfail:
    case dns::LookupStatus::timeout:
    case dns::LookupStatus::cname_limit:
      break;
  }
  return response_to(query, dns::Rcode::servfail);
}

}  // namespace

struct RecursiveServerAgent::State {
  State(net::Network& n, net::NodeId host, dns::ResolverConfig config, const Options& options)
      : net(n),
        name(options.name.empty() ? n.name(host) : options.name),
        resolver(n, host, std::move(config), ResolverAgent::Options{name, {}, {}}),
        port(
            n, host, options.port, name,
            [this](const DnsPort::Request& r, const DnsPort::Respond& respond) {
              on_request(r, respond);
            },
            [] { return std::string("* (recursive)"); }) {}

  net::Network& net;
  std::string name;
  // Destroyed after the port: no request arrives without it. Its lookups in progress hold the
  // port's responses; it calls none of them once it is destroyed.
  ResolverAgent resolver;
  std::uint64_t answers = 0;
  DnsPort port;

  void on_request(const DnsPort::Request& request, const DnsPort::Respond& respond) {
    dns::Message query;
    try {
      query = dns::decode(request.bytes);
    } catch (const dns::DecodeError&) {
      // As an authoritative server does: FORMERR when the header can be read, else silence.
      if (auto formerr = dns::serve(dns::ZoneSet{}, request.bytes, request.transport))
        send(request, *formerr, respond);
      return;
    }
    if (query.header.qr) return;  // a response is never answered
    if (query.header.opcode != dns::Opcode::query)
      return reply(request, query, response_to(query, dns::Rcode::notimp), respond);
    if (query.questions.size() != 1)
      return reply(request, query, response_to(query, dns::Rcode::formerr), respond);
    if (!query.header.rd)
      return reply(request, query, response_to(query, dns::Rcode::refused), respond);
    const DnsPort::Request later{request.client, request.transport, {}};
    resolver.lookup(query.questions.front(),
                    [this, later, query, respond](const dns::LookupResult& result) {
                      reply(later, query, response_from(query, result), respond);
                    });
  }

  void reply(const DnsPort::Request& request, const dns::Message& query, dns::Message response,
             const DnsPort::Respond& respond) {
    dns::ServeResult result;
    result.query = query;
    result.response = std::move(response);
    dns::encode_response(result, request.transport);
    send(request, result, respond);
  }

  void send(const DnsPort::Request& request, const dns::ServeResult& result,
            const DnsPort::Respond& respond) {
    ++answers;
    sim::Trace& trace = net.sim().trace();
    if (trace.active()) {
      const dns::IpAddress client = to_dns(request.client);
      trace.emit<dns::ServerRecord>(name, client, request.transport, result);
    }
    respond(result.bytes);
  }
};

RecursiveServerAgent::RecursiveServerAgent(net::Network& net, net::NodeId host,
                                           dns::ResolverConfig config, Options options)
    : state_(std::make_unique<State>(net, host, std::move(config), options)) {}

RecursiveServerAgent::~RecursiveServerAgent() = default;

void RecursiveServerAgent::start() {
  state_->port.start();
}
void RecursiveServerAgent::stop() {
  state_->port.stop();
}
bool RecursiveServerAgent::serving() const {
  return state_->port.serving();
}
ResolverAgent& RecursiveServerAgent::resolver() {
  return state_->resolver;
}
std::uint64_t RecursiveServerAgent::answers() const {
  return state_->answers;
}

}  // namespace mailsim::agents

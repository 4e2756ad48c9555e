#include "agents/dns/resolver_agent.hpp"

#include <fmt/format.h>

#include <map>
#include <vector>

#include "agents/dns/bytes.hpp"
#include "agents/dns/records.hpp"
#include "agents/proto/dns/tcp_framing.hpp"
#include "agents/proto/dns/trace_records.hpp"
#include "sim/cancellable.hpp"
#include "sim/timer.hpp"

namespace mailsim::agents {

namespace net = sim::net;
namespace dns = proto::dns;
using namespace dns_bytes;

namespace {

// One query sent over TCP (after a truncated UDP answer): its own connection, closed once the
// engine has its answer or gave up on it.
struct TcpExchange {
  net::StreamSocket socket;
  dns::IpAddress server;
  dns::TcpFrameReader reader;
  sim::Subscription callbacks;  // the socket's: they go with the exchange
};

template <class... F>
struct Overloaded : F... {
  using F::operator()...;
};
template <class... F>
Overloaded(F...) -> Overloaded<F...>;

std::string join_addresses(const std::vector<dns::IpAddress>& addresses) {
  std::string out;
  for (const auto& a : addresses)
    out += (out.empty() ? "" : ", ") + dns::to_string(a);
  return out;
}

}  // namespace

// Owns everything that can call it back: the host watchers, the UDP socket (closed with it),
// each TCP exchange's callbacks and each query's timer. So callbacks hold a plain pointer.
struct ResolverAgent::State : dns::LookupService {
  State(net::Network& n, net::NodeId h, dns::ResolverConfig config, Options o)
      : net(n),
        host(h),
        options(std::move(o)),
        name(options.name.empty() ? n.name(h) : options.name),
        resolver(std::move(config),
                 n.sim().rng(options.rng_stream.empty() ? name + ".dns" : options.rng_stream)),
        mx_rng(n.sim().rng(options.mx_stream.empty() ? name + ".mx" : options.mx_stream)) {
    resolver.set_observer([this](const dns::ResolverEvent& e) {
      dns::emit_resolver_event(net.sim().trace(), name, e);
    });
  }

  net::Network& net;
  net::NodeId host;
  Options options;
  std::string name;
  dns::Resolver resolver;
  sim::RandomStream& mx_rng;
  net::DatagramSocket udp;
  sim::Subscription down_watch, up_watch;  // the host's
  bool carrying = false;
  std::map<dns::ExchangeId, sim::Timer> timers;  // query timeouts, the cache sweep
  std::map<dns::ExchangeId, TcpExchange> tcp;
  std::uint64_t next_route = 1;
  std::map<std::uint64_t, std::unique_ptr<dns::MailRouteLookup>> routes;
  // Finished route lookups, freed when the next network or timer event starts (never from
  // inside their own callback).
  std::vector<std::unique_ptr<dns::MailRouteLookup>> retired;

  sim::Simulator& sim() { return net.sim(); }

  void lookup(const dns::Question& question, Callback done) override {
    resolver.resolve(question, std::move(done), sim().now());
    carry_out();
  }

  void watch_host() {
    if (down_watch.active()) return;
    down_watch = net.host(host).on_down([this] { on_host_down(); });
    up_watch = net.host(host).on_up([this] { open_udp(); });
    open_udp();
  }

  void open_udp() {
    if (udp.valid() || !net.host(host).is_up()) return;
    udp = net.host(host).bind_udp(
        0, [this](net::Ipv4Address from, std::uint16_t, std::span<const std::byte> bytes) {
          retired.clear();
          resolver.on_response(to_dns(from), dns::Transport::udp, as_octets(bytes), sim().now());
          carry_out();
        });
  }

  // The network dropped the socket and the connections; the queries in flight time out.
  void on_host_down() {
    udp = {};
    tcp.clear();
  }

  // Carries out every action the engine decided, including those decided while doing so
  // (a query the network refuses at once makes the engine try the next server).
  void carry_out() {
    if (carrying) return;  // the outer loop will take the new actions
    carrying = true;
    for (auto actions = resolver.take_actions(); !actions.empty();
         actions = resolver.take_actions()) {
      for (auto& action : actions)
        std::visit(Overloaded{[&](dns::SendQuery& q) { send(q); },
                              [&](dns::StartTimer& t) { start_timer(t.timer, t.at); },
                              [&](dns::CancelTimer& t) { cancel_timer(t.timer); }},
                   action);
    }
    carrying = false;
  }

  void send(const dns::SendQuery& q) {
    const auto to = to_net(q.server.address);
    bool sent = false;
    if (to && q.transport == dns::Transport::udp) {
      sent = udp.valid() && udp.send_to(*to, dns::kDnsPort, as_bytes(q.bytes));
    } else if (to && net.host(host).is_up()) {
      sent = open_tcp(q.exchange, *to, q.server.address, q.bytes);
    }
    if (!sent)
      resolver.on_unreachable(q.exchange, sim().now());  // its actions are taken by the loop
  }

  bool open_tcp(dns::ExchangeId exchange, net::Ipv4Address to, const dns::IpAddress& server,
                const std::vector<std::uint8_t>& message) {
    auto failed = [this, exchange](net::ConnError) { on_tcp_lost(exchange, false); };
    net::StreamSocket socket = net.host(host).connect(
        to, dns::kDnsPort, [](net::StreamSocket) {}, failed);
    socket.on_error(failed);
    socket.on_data(
        [this, exchange](std::span<const std::byte> bytes) { on_tcp_data(exchange, bytes); });
    // The server closed before answering.
    socket.on_end([this, exchange] { on_tcp_lost(exchange, true); });
    sim::Subscription callbacks = socket.keep_callbacks();
    const auto framed = dns::frame_for_tcp(message);
    if (!socket.send(as_bytes(framed))) return false;
    tcp[exchange] = TcpExchange{socket, server, {}, std::move(callbacks)};
    return true;
  }

  // The connection failed, or ended (`close`: ours to close) before the answer came.
  void on_tcp_lost(dns::ExchangeId exchange, bool close) {
    auto it = tcp.find(exchange);
    if (it == tcp.end()) return;
    net::StreamSocket socket = it->second.socket;
    tcp.erase(it);  // the callback running this call with it: nothing of it is used after
    if (close) socket.close();
    retired.clear();
    resolver.on_unreachable(exchange, sim().now());
    carry_out();
  }

  void on_tcp_data(dns::ExchangeId exchange, std::span<const std::byte> bytes) {
    auto it = tcp.find(exchange);
    if (it == tcp.end()) return;
    retired.clear();
    it->second.reader.feed(as_octets(bytes));
    std::vector<std::vector<std::uint8_t>> messages;
    while (auto m = it->second.reader.next())
      messages.push_back(std::move(*m));
    const dns::IpAddress server = it->second.server;
    for (const auto& m : messages)  // the engine's CancelTimer closes the connection
      resolver.on_response(server, dns::Transport::tcp, m, sim().now());
    carry_out();
  }

  void close_tcp(dns::ExchangeId exchange, bool abort) {
    auto it = tcp.find(exchange);
    if (it == tcp.end()) return;
    net::StreamSocket socket = it->second.socket;
    tcp.erase(it);
    abort ? socket.abort() : socket.close();
  }

  void start_timer(dns::ExchangeId id, sim::SimTime at) {
    cancel_event(id);
    timers.try_emplace(id, sim(), [this, id] { on_timer(id); })
        .first->second.arm_at(std::max(at, sim().now()));
  }

  void on_timer(dns::ExchangeId id) {
    retired.clear();
    timers.erase(id);  // the timer running this call with it: nothing of it is used after
    if (id != dns::Resolver::kCacheSweepTimer) close_tcp(id, true);  // timed out
    resolver.on_timer(id, sim().now());
    carry_out();
  }

  // The engine cancels a query's timer when its answer came or the lookup ended: its TCP
  // connection, if any, has done its job.
  void cancel_timer(dns::ExchangeId id) {
    cancel_event(id);
    if (id != dns::Resolver::kCacheSweepTimer) close_tcp(id, false);
  }

  void cancel_event(dns::ExchangeId id) { timers.erase(id); }

  void shut_down() {
    timers.clear();
    for (auto& [id, exchange] : tcp)
      exchange.socket.abort();
    tcp.clear();
    udp.close();
  }

  void mail_route(const dns::Name& domain, RouteDone done, dns::MailRouteOptions route_options) {
    const std::uint64_t id = next_route++;
    auto lookup = std::make_unique<dns::MailRouteLookup>(*this, mx_rng, std::move(route_options));
    dns::MailRouteLookup& started = *lookup;
    routes.emplace(id, std::move(lookup));
    started.start(domain, [this, id, done = std::move(done)](const dns::MailRoute& route) {
      trace_route(route);
      if (auto it = routes.find(id); it != routes.end()) {
        retired.push_back(std::move(it->second));
        routes.erase(it);
      }
      if (done) done(route);
    });
  }

  void trace_route(const dns::MailRoute& route) {
    sim::Trace& trace = sim().trace();
    if (!trace.active()) return;
    DnsMailRouteRecord r;
    r.agent = name;
    r.domain = route.domain.to_string();
    if (r.domain.size() > 1 && r.domain.back() == '.') r.domain.pop_back();
    r.status = std::string(dns::route_status_name(route.status));
    r.cause = std::string(dns::route_reason_name(route.reason));
    r.reply = route.reply_code();
    for (const auto& t : route.targets) {
      r.targets += fmt::format("{}{} {}{}", r.targets.empty() ? "" : "; ", t.host.preference,
                               t.host.exchange.to_string(), t.host.implicit ? " (implicit)" : "");
      if (!t.addresses.empty()) r.targets += " " + join_addresses(t.addresses);
      std::string host = t.host.exchange.to_string();
      if (host.size() > 1 && host.back() == '.') host.pop_back();
      r.exchangers += fmt::format("{}{} (MX {}{}{}{})", r.exchangers.empty() ? "" : ", ", host,
                                  t.host.preference, t.host.implicit ? ", implicit" : "",
                                  t.addresses.empty() ? "" : ", ", join_addresses(t.addresses));
    }
    r.addresses = join_addresses(route.addresses);
    trace.publish(r);
  }
};

ResolverAgent::ResolverAgent(net::Network& net, net::NodeId host, dns::ResolverConfig config,
                             Options options)
    : state_(std::make_unique<State>(net, host, std::move(config), std::move(options))) {
  state_->watch_host();
}

ResolverAgent::~ResolverAgent() {
  state_->shut_down();
}

sim::Subscription ResolverAgent::resolve(const dns::Name& name, dns::RecordType type,
                                         Callback done) {
  const sim::Cancellable<const dns::LookupResult&> cancellable(std::move(done));
  state_->resolver.resolve({name, type}, cancellable.callback(), state_->sim().now());
  state_->carry_out();
  return cancellable.handle();
}

void ResolverAgent::lookup(const dns::Question& question, Callback done) {
  state_->lookup(question, std::move(done));
}

sim::Subscription ResolverAgent::mail_route(const dns::Name& domain, RouteDone done,
                                            dns::MailRouteOptions options) {
  const sim::Cancellable<const dns::MailRoute&> cancellable(std::move(done));
  state_->mail_route(domain, cancellable.callback(), std::move(options));
  return cancellable.handle();
}

sim::Subscription ResolverAgent::check_spf(const dns::SpfQuery& query, SpfDone done,
                                           dns::SpfLimits limits) {
  const sim::Cancellable<const dns::SpfOutcome&> cancellable(std::move(done));
  State* st = state_.get();
  dns::SpfEvaluator(*st, limits)
      .check(query, [st, query, done = cancellable.callback()](const dns::SpfOutcome& outcome) {
        if (st->sim().trace().active()) {
          DnsSpfRecord r;
          r.agent = st->name;
          r.ip = dns::to_string(query.ip);
          r.domain = query.domain.to_string();
          r.result = std::string(dns::spf_result_name(outcome.result));
          r.matched = outcome.matched;
          r.dns_lookups = outcome.dns_lookups;
          st->sim().trace().publish(r);
        }
        done(outcome);
      });
  return cancellable.handle();
}

namespace {
// The end of a blocklist check: its record, then the caller's callback.
void dnsbl_checked(ResolverAgent::State& st, const dns::IpAddress& ip, const dns::Name& list,
                   const dns::DnsblResult& result, const ResolverAgent::DnsblDone& done) {
  if (st.sim().trace().active()) {
    DnsblRecord r;
    r.agent = st.name;
    r.ip = dns::to_string(ip);
    r.list = list.to_string();
    r.verdict = std::string(dns::dnsbl_verdict_name(result.verdict));
    for (const auto& c : result.codes)
      r.codes += (r.codes.empty() ? "" : ", ") + c.to_string();
    st.sim().trace().publish(r);
  }
  done(result);
}
}  // namespace

sim::Subscription ResolverAgent::check_dnsbl(const dns::IpAddress& ip, const dns::Name& list,
                                             DnsblDone done) {
  const dns::Name name = dns::reversed_ip_name(ip, list);
  const sim::Cancellable<const dns::DnsblResult&> cancellable(std::move(done));
  State* st = state_.get();
  st->lookup({name, dns::RecordType::A},
             [st, ip, list, name, done = cancellable.callback()](const dns::LookupResult& answer) {
               const dns::DnsblResult result = dns::interpret_dnsbl(answer);
               if (result.verdict != dns::DnsblVerdict::listed)
                 return dnsbl_checked(*st, ip, list, result, done);
               // Listed: the TXT record of the same name says why; Postfix asks it for its reply.
               st->lookup({name, dns::RecordType::TXT},
                          [st, ip, list, result, done](const dns::LookupResult& txt) {
                            dns::DnsblResult with_reason = result;
                            with_reason.reason = dns::dnsbl_reason(txt);
                            dnsbl_checked(*st, ip, list, with_reason, done);
                          });
             });
  return cancellable.handle();
}

dns::Resolver& ResolverAgent::resolver() {
  return state_->resolver;
}
const std::string& ResolverAgent::name() const {
  return state_->name;
}
std::size_t ResolverAgent::pending_lookups() const {
  return state_->resolver.pending_lookups();
}
std::size_t ResolverAgent::open_tcp_connections() const {
  return state_->tcp.size();
}
std::size_t ResolverAgent::pending_timers() const {
  return state_->timers.size();
}

}  // namespace mailsim::agents

#pragma once
// The resolver that MTAs and MUAs use, over the virtual network: the pure proto::dns::Resolver
// (stub mode asking configured recursive servers, or recursive mode from the root hints) run
// over a UDP socket, TCP connections and simulator timers. It sends each query the engine
// decides on (UDP, or TCP with the two-octet prefix after a truncated answer), feeds back each
// response, runs and cancels the engine's timers (per-query timeouts, the cache sweep), and
// reports queries the network cannot carry (no socket, TCP refused or reset) as unreachable.
// Every question, answer, cache hit and expiry is a dns.* record of the engine.
//
// On top: the mail lookup of RFC 5321 5.1 (where does mail for a domain go: ordered addresses
// or a temporary or permanent failure with its reply), SPF check_host() and DNSBL queries,
// all over this resolver, so every packet they cause is in the trace.
//
// Callbacks run later, from the simulator, or at once when the cache answers. resolve(),
// mail_route(), check_spf() and check_dnsbl() return the lookup's handle: its owner keeps it as
// a member, and destroying or resetting it cancels the callback (the lookup itself runs to its
// end, its queries and records in the trace, its answers cached); the handle is inactive when
// the callback already ran. If the agent is destroyed, lookups in progress never call back; it
// is not destroyed from inside its own callbacks (docs/architecture.md).
#include <functional>
#include <memory>
#include <string>

#include "agents/proto/dns/dnsbl.hpp"
#include "agents/proto/dns/mail_route.hpp"
#include "agents/proto/dns/resolver.hpp"
#include "agents/proto/dns/spf.hpp"
#include "sim/net/network.hpp"
#include "sim/subscription.hpp"

namespace mailsim::agents {

class ResolverAgent : public proto::dns::LookupService {
 public:
  struct Options {
    std::string name;        // the agent in the trace; the host's name when empty
    std::string rng_stream;  // query ids; name + ".dns" when empty
    std::string mx_stream;   // shuffling of equal MX preferences; name + ".mx" when empty
  };
  using RouteDone = std::function<void(const proto::dns::MailRoute&)>;
  using SpfDone = std::function<void(const proto::dns::SpfOutcome&)>;
  using DnsblDone = std::function<void(const proto::dns::DnsblResult&)>;

  ResolverAgent(sim::net::Network& net, sim::net::NodeId host, proto::dns::ResolverConfig config,
                Options options);
  ResolverAgent(sim::net::Network& net, sim::net::NodeId host, proto::dns::ResolverConfig config)
      : ResolverAgent(net, host, std::move(config), Options{}) {}
  ~ResolverAgent() override;
  ResolverAgent(const ResolverAgent&) = delete;
  ResolverAgent& operator=(const ResolverAgent&) = delete;

  // One question; `done` gets the engine's result (records, NXDOMAIN, timeout...).
  sim::Subscription resolve(const proto::dns::Name& name, proto::dns::RecordType type,
                            Callback done);
  // LookupService (for the recursive server): not cancellable, the caller outlives the agent.
  void lookup(const proto::dns::Question& question, Callback done) override;

  // Where does mail for `domain` go? The addresses in the order to try, or a failure whose
  // reply_code() and explanation() say whether it is temporary or permanent. A
  // dns.mail.route record tells the result.
  sim::Subscription mail_route(const proto::dns::Name& domain, RouteDone done,
                               proto::dns::MailRouteOptions options = {});
  // SPF check_host() (RFC 7208); a dns.spf.checked record tells the result.
  sim::Subscription check_spf(const proto::dns::SpfQuery& query, SpfDone done,
                              proto::dns::SpfLimits limits = {});
  // Is `ip` on the list served at `list`? (the A lookup of d.c.b.a.list; RFC 5782)
  sim::Subscription check_dnsbl(const proto::dns::IpAddress& ip, const proto::dns::Name& list,
                                DnsblDone done);

  proto::dns::Resolver& resolver();
  const std::string& name() const;
  std::size_t pending_lookups() const;
  std::size_t open_tcp_connections() const;
  std::size_t pending_timers() const;  // simulator timers held (query timeouts, cache sweep)

  struct State;  // owns everything that calls it back (host watchers, sockets, timers)

 private:
  std::unique_ptr<State> state_;
};

}  // namespace mailsim::agents

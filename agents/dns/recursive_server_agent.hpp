#pragma once
// A recursive (caching) DNS server: the resolver an ISP, a school or a company runs for its
// hosts. Stub resolvers ask it on port 53 (UDP, or TCP after a truncated answer) with RD set;
// it finds the answer through its own ResolverAgent (recursive mode from the root hints, or
// forwarding to other recursive servers in stub mode), with that agent's cache, and answers
// with RA set and without AA: the CNAME chain and the records, NXDOMAIN or NODATA with the
// zone's SOA, SERVFAIL when it could not find out. A query without RD is refused: this server
// only recurses. Its answers are dns.server.answered records, its own lookups the resolver's
// dns.* records under the same agent name.
#include <cstdint>
#include <memory>
#include <string>

#include "agents/dns/resolver_agent.hpp"

namespace mailsim::agents {

class RecursiveServerAgent {
 public:
  struct Options {
    std::uint16_t port = 53;
    std::string name;  // the agent in the trace; the host's name when empty
  };

  RecursiveServerAgent(sim::net::Network& net, sim::net::NodeId host,
                       proto::dns::ResolverConfig config, Options options);
  RecursiveServerAgent(sim::net::Network& net, sim::net::NodeId host,
                       proto::dns::ResolverConfig config)
      : RecursiveServerAgent(net, host, std::move(config), Options{}) {}
  ~RecursiveServerAgent();
  RecursiveServerAgent(const RecursiveServerAgent&) = delete;
  RecursiveServerAgent& operator=(const RecursiveServerAgent&) = delete;

  void start();  // serves now (if the host is up) and each time the host comes back up
  void stop();
  bool serving() const;
  ResolverAgent& resolver();  // its cache, its lookups
  std::uint64_t answers() const;

  struct State;

 private:
  std::unique_ptr<State> state_;
};

}  // namespace mailsim::agents

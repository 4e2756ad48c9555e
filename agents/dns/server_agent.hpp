#pragma once
// A DNS server on a host of the virtual network: it serves a ZoneSet on UDP port 53 (answers
// above 512 octets are truncated, TC set) and on TCP port 53 (each message behind its
// two-octet length, several per connection, answered in order). The answers are the pure
// engine's (proto::dns::serve); this agent only moves bytes. Each answer is a
// dns.server.answered record.
//
// Records can be changed at any time, now or at a scripted time (the "fix the MX record"
// exercise); the next answer uses them. When its host goes down the server loses its sockets
// and connections; when the host comes back it serves again. A root, a TLD and an
// authoritative server are three agents, each holding its zone with delegations and glue.
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "agents/proto/dns/zone.hpp"
#include "sim/net/network.hpp"

namespace mailsim::agents {

class DnsServerAgent {
 public:
  struct Options {
    std::uint16_t port = 53;
    std::string name;  // the agent in the trace; the host's name when empty
  };

  DnsServerAgent(sim::net::Network& net, sim::net::NodeId host, proto::dns::ZoneSet zones,
                 Options options);
  DnsServerAgent(sim::net::Network& net, sim::net::NodeId host, proto::dns::ZoneSet zones)
      : DnsServerAgent(net, host, std::move(zones), Options{}) {}
  ~DnsServerAgent();  // closes its sockets, aborts its connections
  DnsServerAgent(const DnsServerAgent&) = delete;
  DnsServerAgent& operator=(const DnsServerAgent&) = delete;

  // Serves now (if the host is up) and each time the host comes back up.
  void start();
  // Closes the sockets and the connections in progress; start() serves again.
  void stop();

  // Replaces the RRset (name, type) in the zone holding the name (an empty list removes it),
  // now; a dns.zone.changed record tells it. Throws proto::dns::ZoneError when no zone
  // served holds the name.
  void replace(const proto::dns::Name& name, proto::dns::RecordType type,
               std::vector<proto::dns::ResourceRecord> records);
  // The same at a scripted time. The zone is checked now, so a mistake shows at once.
  void replace_at(sim::SimTime at, const proto::dns::Name& name, proto::dns::RecordType type,
                  std::vector<proto::dns::ResourceRecord> records);

  const proto::dns::ZoneSet& zones() const;
  bool serving() const;  // sockets open: started and the host up
  const std::string& name() const;
  std::uint64_t udp_answers() const;
  std::uint64_t tcp_answers() const;
  std::uint64_t truncated_answers() const;  // UDP answers sent with TC
  std::size_t tcp_connections() const;      // open now

  struct State;  // shared with the scripted changes, which may outlive us

 private:
  std::shared_ptr<State> state_;
};

}  // namespace mailsim::agents

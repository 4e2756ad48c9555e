#pragma once
// The MTA's SMTP delivery agent (Postfix's smtp): for each destination domain of a message,
// finds the next hops (MX hosts in order, or a relay host), opens an SMTP session to the first,
// tries the next one when a host does not answer or answers 4xx, and turns what the last one
// said into an outcome per recipient: relayed (the next hop took responsibility), deferred, or
// bounced.
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "agents/mta/delivery_agent.hpp"
#include "agents/roles/smtp_client_endpoint.hpp"
#include "sim/net/address.hpp"
#include "sim/subscription.hpp"

namespace mailsim::agents {

struct NextHop {
  std::string name;  // "mx.b.example", for the trace and the DSN's Remote-MTA
  sim::net::Ipv4Address address;
};

struct NextHopLookup {
  enum class Status { ok, temporary, permanent };
  Status status = Status::ok;
  std::vector<NextHop> hops;  // in the order to try
  std::string reply;          // for failures: "550 5.1.2 ...", "451 4.4.3 ..."
};

// Where mail for a domain goes next. The DNS resolver's MX lookup is one; a static table is
// another. find() returns the lookup's handle (resolver_agent.hpp): destroying it cancels
// `done`; it is inactive when `done` already ran, from inside the call.
class NextHopFinder {
 public:
  using Done = std::function<void(NextHopLookup)>;
  virtual ~NextHopFinder() = default;
  virtual sim::Subscription find(const std::string& domain, Done done) = 0;
};

// Postfix's relayhost (every domain to one host) or transport table (domain -> hosts).
class StaticNextHops final : public NextHopFinder {
 public:
  void set_relayhost(NextHop hop) { relayhost_ = std::move(hop); }
  void add_route(std::string domain, std::vector<NextHop> hops) {
    routes_[std::move(domain)] = std::move(hops);
  }
  sim::Subscription find(const std::string& domain, Done done) override;  // answers at once

 private:
  std::optional<NextHop> relayhost_;
  std::map<std::string, std::vector<NextHop>> routes_;
};

struct SmtpDeliverySettings {
  std::string helo_name;  // this MTA's host name
  std::uint16_t port = 25;
  std::size_t max_hosts = 5;  // Postfix smtp_mx_address_limit; 0: no limit
  std::optional<proto::smtp::Credentials> credentials;  // for a relay host that wants AUTH
  // Bare LFs of a message go out as they came instead of as CRLF: a server that does not
  // normalise (end_of_data: keep), the outbound half of SMTP smuggling.
  bool pass_bare_lf = false;
  // Postfix's smtp_line_length_limit: longer lines go out broken with <CR><LF><SPACE>.
  std::size_t line_length_limit = 998;
};

// It owns what calls it back: its SMTP client endpoint (whose sessions end without a report
// when it goes) and the handles of its next-hop lookups.
class SmtpDelivery final : public DeliveryAgent {
 public:
  SmtpDelivery(sim::net::Network& net, sim::net::NodeId host, SmtpClientEndpoint::Options client,
               NextHopFinder& finder, SmtpDeliverySettings settings);
  const SmtpClientEndpoint& client() const { return *client_; }
  void deliver(const QueuedMessage& message, std::vector<std::string> recipients, Done done,
               HandedOver handed_over) override;
  // The host went down: a crash kills the delivery processes, so every attempt in flight stops
  // where it is (a lookup answered later, a session broken by the crash, go no further) and its
  // `done` never runs. The queue manager has put their messages back to be taken again.
  void abandon_all() {
    ++epoch_;
    lookups_.clear();
  }

 private:
  struct Job;
  void try_hop(std::shared_ptr<Job> job, std::size_t domain_index, std::size_t hop_index);
  void hand_over(const std::shared_ptr<Job>& job, const NextHop& hop, const std::string& server,
                 const std::vector<proto::smtp::RecipientOutcome>& delivered);
  static RecipientOutcome relayed(const proto::smtp::RecipientOutcome& r, const NextHop& hop,
                                  const std::string& server, std::size_t lines_broken);
  void domain_done(std::shared_ptr<Job> job);

  NextHopFinder& finder_;
  SmtpDeliverySettings settings_;
  std::uint64_t epoch_ = 0;  // sessions started before the last abandon_all() are dead
  std::uint64_t next_lookup_ = 1;
  std::map<std::uint64_t, sim::Subscription> lookups_;  // next-hop lookups in progress
  std::unique_ptr<SmtpClientEndpoint> client_;          // last: its sessions end first
};

}  // namespace mailsim::agents

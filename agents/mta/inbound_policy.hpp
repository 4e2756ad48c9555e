#pragma once
// The inbound MTA's decisions on each recipient and message, as Postfix takes them
// (smtpd_recipient_restrictions with permit_mynetworks, permit_sasl_authenticated,
// reject_unauth_destination, local recipient maps; cleanup's hop count):
//
//   local domain, known user        -> 250
//   local domain, unknown user      -> 550 5.1.1 <r>: Recipient address rejected: User unknown in
//   local recipient table relay domain (backup MX, relay) -> 250 other domain, client trusted
//   (mynetworks), authenticated, or an open relay -> 250 other domain otherwise          ->
//   554 5.7.1 <r>: Relay access denied
//   hopcount_limit Received lines or more, counting its own -> 554 5.4.0 Error: too many hops
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "agents/proto/smtp/reply.hpp"
#include "sim/net/address.hpp"

namespace mailsim::agents {

struct Ipv4Network {
  sim::net::Ipv4Address base;
  int prefix = 32;
  bool contains(sim::net::Ipv4Address a) const;
  static std::optional<Ipv4Network> parse(std::string_view cidr);  // "192.0.2.0/24" or an address
};

struct InboundSettings {
  std::vector<std::string> local_domains;  // mail for these is delivered here
  std::vector<std::string> local_users;    // local parts known here ("bob"); "postmaster" always is
  std::vector<std::string> relay_domains;  // accepted and passed on (backup MX, relay)
  std::vector<Ipv4Network> trusted_networks;  // Postfix's mynetworks: may relay anywhere
  bool open_relay = false;                    // the deliberate mistake of the spam lesson
  int hopcount_limit = 50;                    // Postfix hopcount_limit
};

enum class RecipientRoute { local, relay, refused };

struct RecipientDecision {
  RecipientRoute route = RecipientRoute::refused;
  proto::smtp::Reply reply;
  std::string reason;  // "local user", "relay domain", "trusted network", "authenticated",
                       // "open relay", "unknown user", "relay denied"
};

RecipientDecision decide_recipient(const InboundSettings& s, sim::net::Ipv4Address client,
                                   bool authenticated, const std::string& recipient);

// nullopt when the message may go on; the refusal when it has looped too often: its
// `received_headers` Received lines and the one this server adds reach hopcount_limit.
std::optional<proto::smtp::Reply> check_hop_count(const InboundSettings& s, int received_headers);

}  // namespace mailsim::agents

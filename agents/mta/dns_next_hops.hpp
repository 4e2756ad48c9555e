#pragma once
// Next hops from DNS: the MX lookup of RFC 5321 section 5.1 through the resolver agent (MX
// hosts in preference order, equal preferences shuffled, implicit MX, null MX and NXDOMAIN
// permanent, DNS trouble temporary, "I am in the MX list" for relays), turned into the list of
// addresses the SMTP delivery agent tries in order.
#include <string>
#include <vector>

#include "agents/dns/resolver_agent.hpp"
#include "agents/mta/smtp_delivery.hpp"

namespace mailsim::agents {

class DnsNextHops final : public NextHopFinder {
 public:
  // `own_names`: this MTA's names, for the "I am in the MX list" rule.
  DnsNextHops(ResolverAgent& resolver, std::vector<std::string> own_names = {});
  sim::Subscription find(const std::string& domain, Done done) override;

 private:
  ResolverAgent& resolver_;
  std::vector<std::string> own_names_;
};

}  // namespace mailsim::agents

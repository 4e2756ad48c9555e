#pragma once
// Where does mail for a domain go (RFC 5321 5.1)? The MX list sorted by preference, equal
// preferences in random order, the implicit MX (the domain's own address) only when there is
// no MX at all, the null MX of RFC 7505, and the relay's rule: a host that finds itself in the
// list keeps only the exchanges strictly more preferred than itself.
//
// plan_mx() is the pure decision on the MX answer; MailRouteLookup drives the lookups (MX,
// then the addresses of each exchange in order) over any LookupService.
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "agents/proto/dns/lookup.hpp"
#include "sim/random.hpp"
#include "sim/text.hpp"

namespace mailsim::proto::dns {

enum class RouteStatus { ok, temporary, permanent };
enum class RouteReason {
  none,
  nxdomain,       // the domain does not exist (permanent)
  null_mx,        // the domain says it takes no mail (RFC 7505, permanent)
  loops_to_self,  // we are the most preferred exchange left: nowhere to relay (permanent)
  no_address,     // neither the exchanges nor the domain have an address (permanent)
  dns_failure,    // SERVFAIL or a broken CNAME chain: try again later
  dns_timeout,    // no DNS server answered the MX question (all down?): try again later
};
std::string_view route_status_name(RouteStatus s);
std::string_view route_reason_name(RouteReason r);

struct MxHost {
  Name exchange;
  std::uint16_t preference = 0;
  bool implicit = false;  // the domain itself, for want of MX records
  friend bool operator==(const MxHost&, const MxHost&) = default;
};

struct MxPlan {
  RouteStatus status = RouteStatus::ok;
  RouteReason reason = RouteReason::none;
  std::vector<MxHost> hosts;  // in the order to try
};

// `own_names` are the names this host answers to (for the "I am in the MX list" rule).
MxPlan plan_mx(const LookupResult& mx_answer, sim::RandomStream& rng,
               const std::vector<Name>& own_names = {});

struct MailTarget {
  MxHost host;
  std::vector<IpAddress> addresses;
  LookupStatus address_status = LookupStatus::ok;  // of its A lookup (AAAA when only that)
};

struct MailRoute {
  Name domain;
  RouteStatus status = RouteStatus::ok;
  RouteReason reason = RouteReason::none;
  std::vector<MailTarget> targets;   // in order; a host without address stays, empty
  std::vector<IpAddress> addresses;  // every address, in the order to try
  // The SMTP answer a relay gives when the route fails: "550 5.1.2", "451 4.4.3", ...
  std::string reply_code() const;
  Text explanation() const;  // a sentence for the narration and the bounce
};

struct MailRouteOptions {
  std::vector<Name> own_names;
  bool ipv6 = false;  // ask AAAA too (the virtual network is IPv4)
};

// Runs one mail route lookup; `done` is called once. Keep the object alive until then.
class MailRouteLookup {
 public:
  using Done = std::function<void(const MailRoute&)>;
  MailRouteLookup(LookupService& dns, sim::RandomStream& rng, MailRouteOptions options = {});
  void start(const Name& domain, Done done);

 private:
  void on_mx(const LookupResult& r);
  void next_address();
  void finish();

  LookupService& dns_;
  sim::RandomStream& rng_;
  MailRouteOptions options_;
  MailRoute route_;
  Done done_;
  std::size_t target_ = 0;
  bool asked_aaaa_ = false;
};

}  // namespace mailsim::proto::dns

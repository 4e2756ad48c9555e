#include "agents/proto/dns/mail_route.hpp"

#include <algorithm>

#include "agents/proto/dns/mail_messages.hpp"

namespace mailsim::proto::dns {

std::string_view route_status_name(RouteStatus s) {
  switch (s) {
    case RouteStatus::ok:
      return "ok";
    case RouteStatus::temporary:
      return "temporary";
    case RouteStatus::permanent:
      return "permanent";
  }
  return "?";
}

std::string_view route_reason_name(RouteReason r) {
  switch (r) {
    case RouteReason::none:
      return "none";
    case RouteReason::nxdomain:
      return "nxdomain";
    case RouteReason::null_mx:
      return "null_mx";
    case RouteReason::loops_to_self:
      return "loops_to_self";
    case RouteReason::no_address:
      return "no_address";
    case RouteReason::dns_failure:
      return "dns_failure";
    case RouteReason::dns_timeout:
      return "dns_timeout";
  }
  return "?";
}

MxPlan plan_mx(const LookupResult& mx_answer, sim::RandomStream& rng,
               const std::vector<Name>& own_names) {
  MxPlan plan;
  const auto fail = [&](RouteStatus s, RouteReason r) {
    plan.status = s;
    plan.reason = r;
    plan.hosts.clear();
    return plan;
  };
  switch (mx_answer.status) {
    case LookupStatus::nxdomain:
      return fail(RouteStatus::permanent, RouteReason::nxdomain);
    case LookupStatus::timeout:
      return fail(RouteStatus::temporary, RouteReason::dns_timeout);
    case LookupStatus::servfail:
    case LookupStatus::cname_limit:
      return fail(RouteStatus::temporary, RouteReason::dns_failure);
    case LookupStatus::nodata:
      plan.hosts.push_back({mx_answer.canonical_name, 0, true});  // the implicit MX
      break;
    case LookupStatus::ok:
      for (const auto& r : mx_answer.records)
        if (const auto* mx = std::get_if<MxData>(&r.data))
          plan.hosts.push_back({mx->exchange, mx->preference, false});
      // RFC 7505: a single MX "0 ." says the domain accepts no mail. Mixed with real MX
      // records (which the RFC forbids) it is ignored, and they are used.
      if (plan.hosts.size() == 1 && plan.hosts[0].exchange.is_root())
        return fail(RouteStatus::permanent, RouteReason::null_mx);
      std::erase_if(plan.hosts, [](const MxHost& h) { return h.exchange.is_root(); });
      if (plan.hosts.empty()) return fail(RouteStatus::permanent, RouteReason::no_address);
      break;
  }
  std::stable_sort(plan.hosts.begin(), plan.hosts.end(),
                   [](const MxHost& a, const MxHost& b) { return a.preference < b.preference; });
  for (auto first = plan.hosts.begin(); first != plan.hosts.end();) {
    auto last = std::find_if(first, plan.hosts.end(),
                             [&](const MxHost& h) { return h.preference != first->preference; });
    rng.shuffle(first, last);
    first = last;
  }
  // RFC 5321 5.1: a relay in the list drops its own preference and every larger one.
  std::optional<std::uint16_t> own;
  for (const auto& h : plan.hosts)
    if (std::find(own_names.begin(), own_names.end(), h.exchange) != own_names.end())
      own = std::min(own.value_or(h.preference), h.preference);
  if (own) {
    std::erase_if(plan.hosts, [&](const MxHost& h) { return h.preference >= *own; });
    if (plan.hosts.empty()) return fail(RouteStatus::permanent, RouteReason::loops_to_self);
  }
  return plan;
}

std::string MailRoute::reply_code() const {
  switch (reason) {
    case RouteReason::none:
      return "250 2.0.0";
    case RouteReason::nxdomain:
      return "550 5.1.2";
    case RouteReason::null_mx:
      return "556 5.1.10";  // RFC 7505 4.1
    case RouteReason::loops_to_self:
      return "554 5.4.6";
    case RouteReason::no_address:
      return "550 5.4.4";
    case RouteReason::dns_failure:
    case RouteReason::dns_timeout:
      return "451 4.4.3";
  }
  return "451 4.4.3";
}

Text MailRoute::explanation() const {
  const std::string d = domain.to_string();
  switch (reason) {
    case RouteReason::none: {
      std::string list;
      for (const auto& t : targets)
        for (const auto& a : t.addresses)
          list += (list.empty() ? "" : ", ") + t.host.exchange.to_string() + " " + to_string(a);
      return Text(msg::kRouteOk, {{"domain", d}, {"targets", list}});
    }
    case RouteReason::nxdomain:
      return Text(msg::kRouteNxdomain, {{"domain", d}});
    case RouteReason::null_mx:
      return Text(msg::kRouteNullMx, {{"domain", d}});
    case RouteReason::loops_to_self:
      return Text(msg::kRouteLoops, {{"domain", d}});
    case RouteReason::no_address:
      return Text(msg::kRouteNoAddress, {{"domain", d}});
    case RouteReason::dns_failure:
      return Text(msg::kRouteDnsFailure, {{"domain", d}});
    case RouteReason::dns_timeout:
      return Text(msg::kRouteDnsTimeout, {{"domain", d}});
  }
  return Text(msg::kRouteDnsFailure, {{"domain", d}});
}

MailRouteLookup::MailRouteLookup(LookupService& dns, sim::RandomStream& rng,
                                 MailRouteOptions options)
    : dns_(dns), rng_(rng), options_(std::move(options)) {}

void MailRouteLookup::start(const Name& domain, Done done) {
  route_ = MailRoute{};
  route_.domain = domain;
  done_ = std::move(done);
  target_ = 0;
  dns_.lookup({domain, RecordType::MX}, [this](const LookupResult& r) { on_mx(r); });
}

void MailRouteLookup::on_mx(const LookupResult& r) {
  const MxPlan plan = plan_mx(r, rng_, options_.own_names);
  route_.status = plan.status;
  route_.reason = plan.reason;
  if (plan.status != RouteStatus::ok) {
    finish();
    return;
  }
  for (const auto& h : plan.hosts)
    route_.targets.push_back(MailTarget{h, {}});
  next_address();
}

void MailRouteLookup::next_address() {
  if (target_ >= route_.targets.size()) {
    finish();
    return;
  }
  const RecordType type = asked_aaaa_ ? RecordType::AAAA : RecordType::A;
  dns_.lookup({route_.targets[target_].host.exchange, type}, [this](const LookupResult& r) {
    MailTarget& t = route_.targets[target_];
    for (const auto& rec : r.records) {
      if (const auto* a = std::get_if<AData>(&rec.data)) t.addresses.push_back(a->address);
      if (const auto* a = std::get_if<AaaaData>(&rec.data)) t.addresses.push_back(a->address);
    }
    // The A status counts, unless only the AAAA lookup found something.
    if (!asked_aaaa_ || r.status == LookupStatus::ok) t.address_status = r.status;
    if (!asked_aaaa_ && options_.ipv6 && r.status != LookupStatus::nxdomain) {
      asked_aaaa_ = true;
    } else {
      asked_aaaa_ = false;
      ++target_;
    }
    next_address();
  });
}

void MailRouteLookup::finish() {
  if (route_.status == RouteStatus::ok) {
    bool temporary = false;
    for (const auto& t : route_.targets) {
      route_.addresses.insert(route_.addresses.end(), t.addresses.begin(), t.addresses.end());
      temporary = temporary || (t.addresses.empty() && is_temporary(t.address_status));
    }
    if (route_.addresses.empty()) {
      route_.status = temporary ? RouteStatus::temporary : RouteStatus::permanent;
      route_.reason = temporary ? RouteReason::dns_failure : RouteReason::no_address;
    }
  }
  auto done = std::move(done_);
  if (done) done(route_);
}

}  // namespace mailsim::proto::dns

#include "agents/mta/dns_next_hops.hpp"

#include <variant>

#include "sim/strings.hpp"

namespace mailsim::agents {

DnsNextHops::DnsNextHops(ResolverAgent& resolver, std::vector<std::string> own_names)
    : resolver_(resolver), own_names_(std::move(own_names)) {}

sim::Subscription DnsNextHops::find(const std::string& domain, Done done) {
  proto::dns::MailRouteOptions options;
  for (const auto& n : own_names_)
    options.own_names.push_back(proto::dns::Name::parse(n));
  proto::dns::Name name;
  try {
    name = proto::dns::Name::parse(domain);
  } catch (const LocalizedError& e) {
    NextHopLookup bad;
    bad.status = NextHopLookup::Status::permanent;
    bad.reply = "501 5.1.3 Bad destination domain: " + e.text().render(Lang::en);
    done(std::move(bad));
    return {};
  }
  return resolver_.mail_route(
      name,
      [done = std::move(done)](const proto::dns::MailRoute& route) {
        NextHopLookup r;
        switch (route.status) {
          case proto::dns::RouteStatus::ok:
            r.status = NextHopLookup::Status::ok;
            break;
          case proto::dns::RouteStatus::temporary:
            r.status = NextHopLookup::Status::temporary;
            break;
          case proto::dns::RouteStatus::permanent:
            r.status = NextHopLookup::Status::permanent;
            break;
        }
        if (r.status != NextHopLookup::Status::ok) {
          r.reply = route.reply_code() + " " + route.explanation().render(Lang::en);
        }
        for (const auto& target : route.targets) {
          std::string host = target.host.exchange.to_string();
          if (!host.empty() && host.back() == '.')
            host.pop_back();  // "mx.b.example." -> "mx.b.example"
          for (const auto& address : target.addresses) {
            if (const auto* v4 = std::get_if<proto::dns::Ipv4>(&address))
              r.hops.push_back(NextHop{host, sim::net::Ipv4Address(v4->value())});
          }
        }
        if (r.status == NextHopLookup::Status::ok && r.hops.empty()) {
          r.status = NextHopLookup::Status::temporary;
          r.reply = "451 4.4.3 No address for the mail exchangers of " + route.domain.to_string();
        }
        done(std::move(r));
      },
      options);
}

}  // namespace mailsim::agents

#include "scenarios/build/mail_builder.hpp"

#include "agents/proto/dns/zone_text.hpp"
#include "scenarios/load/messages.hpp"
#include "sim/strings.hpp"

namespace mailsim::scenarios {

MailWorld::MailWorld(const ScenarioModel& model, sim::net::Network& network)
    : model_(model),
      network_(network),
      clock_(std::chrono::sys_seconds(std::chrono::seconds(model.start_unix_seconds)),
             std::chrono::minutes(model.start_utc_offset_minutes)) {}

bool MailWorld::build(Diagnostics& diag) {
  namespace dns = proto::dns;
  std::optional<dns::Ipv4> dns_address;
  try {
    if (model_.mail.dns) {
      const DnsModel& d = *model_.mail.dns;
      dns::ZoneSet zones;
      for (const auto& [origin, text] : d.zones)
        zones.add_zone(dns::zone_from_text(origin, text));
      const auto host = network_.node(d.server);
      dns_ = std::make_unique<agents::DnsServerAgent>(network_, host, std::move(zones));
      dns_->start();
      dns_address = dns::Ipv4::from_value(network_.address(host)->value());
    }
    for (const MailServerModel& m : model_.mail.servers) {
      auto run = std::make_unique<MailServerRun>();
      const auto host = network_.node(m.host);
      agents::MdaConfig mda;
      mda.agent = m.host;
      mda.domains = m.domains;
      run->mda = std::make_unique<agents::Mda>(network_.sim(), run->store, mda);
      for (const auto& [user, password] : m.users) {
        run->store.add_account(user, password);
        run->mda->add_user(user);
      }
      if (!m.users.count("postmaster") && !m.domains.empty()) {
        run->store.add_account("postmaster", "");
        run->mda->add_user("postmaster");
      }
      run->local = std::make_unique<agents::MdaDelivery>(*run->mda);
      if (dns_address) {
        dns::ResolverConfig rc;
        rc.servers = {{*dns_address, dns::Name::parse(".")}};
        run->resolver = std::make_unique<agents::ResolverAgent>(network_, host, rc);
        run->hops =
            std::make_unique<agents::DnsNextHops>(*run->resolver, std::vector<std::string>{m.host});
      } else {
        run->hops = std::make_unique<agents::StaticNextHops>();
      }
      agents::MtaConfig config;
      config.hostname = m.host;
      config.inbound.local_domains = m.domains;
      for (const auto& [user, password] : m.users)
        config.inbound.local_users.push_back(user);
      for (const auto& n : m.trusted_networks)
        if (auto net = agents::Ipv4Network::parse(n))
          config.inbound.trusted_networks.push_back(*net);
      config.inbound.relay_domains = m.relay_domains;
      config.inbound.open_relay = m.open_relay;
      if (m.greylisting) config.greylisting = agents::GreylistSettings{};
      config.dnsbl_zone = m.dnsbl;
      if (m.submission) {
        agents::SubmissionSettings sub;
        sub.domain = m.domains.empty() ? m.host : m.domains.front();
        for (const auto& [user, password] : m.users)
          sub.users.push_back(agents::SubmissionUser{user, password, {}, std::nullopt});
        sub.daily_limit = m.daily_limit;
        config.submission = sub;
      }
      config.spf = m.spf == "reject"  ? agents::SpfPolicy::reject_fail
                   : m.spf == "score" ? agents::SpfPolicy::score
                                      : agents::SpfPolicy::off;
      run->mta = std::make_unique<agents::MtaAgent>(
          network_, host, config, clock_, run->local.get(), *run->hops, run->resolver.get());
      run->mta->start();
      servers_.push_back(std::move(run));
    }
  } catch (const LocalizedError& e) {
    Text t(msg::kNetworkRejected, {});
    t.with("what", Text(msg::kWhatKey, {{"name", "mail"}}));
    t.with("problem", e.text());
    diag.error({}, std::move(t));
    return false;
  }
  return true;
}

void MailWorld::send(const SendMailAction& a) {
  const auto host = network_.node(a.from);
  senders_.push_back(std::make_unique<agents::SmtpClientEndpoint>(
      network_, host, agents::SmtpClientEndpoint::Options{}));
  proto::smtp::ClientConfig c;
  c.helo_name = a.from;
  c.mail_from = a.mail_from;
  c.recipients = a.to;
  if (!a.user.empty()) {
    proto::smtp::Credentials credentials;
    credentials.user = a.user;
    credentials.password = a.password;
    credentials.required = true;
    c.credentials = credentials;
  }
  std::string to;
  for (const auto& r : a.to)
    to += (to.empty() ? "" : ", ") + r;
  c.message = "From: " + a.mail_from + "\r\nTo: " + to + "\r\nSubject: " + a.subject +
              "\r\nDate: " + clock_.date(network_.sim().now()) + "\r\nMessage-ID: <" +
              std::to_string(network_.sim().now().count()) + "." + a.from + "@" + a.from +
              ">\r\n\r\n" + a.body + "\r\n";
  senders_.back()->open(*network_.address(network_.node(a.server)), a.port, c,
                        [](const agents::SmtpClientResult&) {});
}

bool MailWorld::holds(const std::string& agent, const std::string& queue_id,
                      const std::string& recipient) const {
  for (const auto& s : servers_)
    if (s->mta->config().hostname == agent) return s->mta->queue().holds(queue_id, recipient);
  return false;
}

}  // namespace mailsim::scenarios

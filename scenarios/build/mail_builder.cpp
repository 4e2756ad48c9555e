#include "scenarios/build/mail_builder.hpp"

#include <algorithm>

#include "agents/proto/dns/zone_text.hpp"
#include "agents/proto/imf/address.hpp"
#include "agents/proto/smtp/smuggling.hpp"
#include "scenarios/build/network_builder.hpp"
#include "scenarios/load/messages.hpp"
#include "sim/strings.hpp"

namespace mailsim::scenarios {

MailWorld::MailWorld(const ScenarioModel& model, sim::net::Network& network)
    : model_(model),
      network_(network),
      clock_(std::chrono::sys_seconds(std::chrono::seconds(model.start_unix_seconds)),
             std::chrono::minutes(model.start_utc_offset_minutes)) {}

namespace {

// The policy keys of a server entry, onto its MTA's configuration.
void apply_policy(const MailServerModel& m, agents::MtaConfig& config) {
  if (m.auth)
    for (const auto& [user, password] : m.users)
      config.auth_users[user] = password;
  if (m.max_message_size) config.smtp.max_message_size = *m.max_message_size;
  if (m.retry && m.retry->schedule == RetryKind::exim) {
    agents::EximRetry e = agents::default_exim_retry();
    if (!m.retry->rules.empty()) e.rules = agents::parse_exim_rules(m.retry->rules);
    if (m.retry->queue_run_interval) e.queue_run_interval = *m.retry->queue_run_interval;
    if (m.retry->retry_interval_max) e.retry_interval_max = *m.retry->retry_interval_max;
    config.queue.schedule = agents::RetrySchedule(e);
  } else if (m.retry) {
    agents::PostfixBackoff p;
    p.queue_run_delay = m.retry->queue_run_delay.value_or(p.queue_run_delay);
    p.minimal_backoff_time = m.retry->minimal_backoff_time.value_or(p.minimal_backoff_time);
    p.maximal_backoff_time = m.retry->maximal_backoff_time.value_or(p.maximal_backoff_time);
    p.maximal_queue_lifetime = m.retry->maximal_queue_lifetime.value_or(p.maximal_queue_lifetime);
    config.queue.schedule = agents::RetrySchedule(p);
  }
  config.queue.delay_warning = m.delay_warning;
  if (m.delay_warning.empty() && !config.queue.schedule.is_postfix())
    config.queue.delay_warning = {agents::kEximDelayWarning};
  if (m.hopcount_limit) config.inbound.hopcount_limit = *m.hopcount_limit;
  if (m.smtp_mx_address_limit)
    config.delivery.max_hosts = static_cast<std::size_t>(*m.smtp_mx_address_limit);
  if (m.command_timeout) config.smtp.timeouts.command = *m.command_timeout;
  if (m.data_timeout) config.smtp.timeouts.data = *m.data_timeout;
  if (m.connect_timeout) config.connect_timeout = *m.connect_timeout;
  config.smtp.end_of_data = m.end_of_data;
  if (m.spam_tag_threshold) config.spam.tag_threshold = *m.spam_tag_threshold;
  if (m.spam_reject_threshold) config.spam.reject_threshold = *m.spam_reject_threshold;
  for (const auto& k : m.spam_keywords)
    config.spam.keywords.push_back(agents::KeywordRule{k.name, k.pattern, k.score});
  for (const auto& [sender, score] : m.spam_reputation)
    config.spam.reputation.push_back(agents::ReputationEntry{sender, score});
}

}  // namespace

void MailWorld::build_dns() {
  namespace dns = proto::dns;
  const DnsModel& d = *model_.mail.dns;
  auto add_server = [&](const std::string& host_name,
                        const std::map<std::string, std::string>& zone_texts) {
    dns::ZoneSet zones;
    for (const auto& [origin, text] : zone_texts)
      zones.add_zone(dns::zone_from_text(origin, text));
    const auto host = network_.node(host_name);
    dns_servers_.push_back(
        std::make_unique<agents::DnsServerAgent>(network_, host, std::move(zones)));
    dns_servers_.back()->start();
    return dns::Ipv4::from_value(network_.address(host)->value());
  };
  resolver_address_ = add_server(d.server, d.zones);
  std::vector<dns::Server> roots;
  if (d.zones.count(".")) roots.push_back({*resolver_address_, dns::Name::parse(d.server + ".")});
  for (const auto& s : d.other_servers) {
    const dns::Ipv4 address = add_server(s.host, s.zones);
    if (s.zones.count(".")) roots.push_back({address, dns::Name::parse(s.host + ".")});
  }
  if (!d.resolver) return;
  // The recursive server starts from the root servers (its hints) and follows delegations.
  dns::ResolverConfig rc;
  rc.mode = dns::ResolverMode::recursive;
  rc.servers = roots;
  const auto host = network_.node(*d.resolver);
  recursive_ = std::make_unique<agents::RecursiveServerAgent>(network_, host, rc);
  recursive_->start();
  resolver_address_ = dns::Ipv4::from_value(network_.address(host)->value());
}

// Each part is built at its place in the file: an objection (a port already taken, a name
// the network does not know) is reported there, and the other parts are still tried.
bool MailWorld::build(Diagnostics& diag) {
  if (model_.mail.dns && !build_step(diag, model_.mail.dns->pos,
                                     Text(msg::kWhatKey, {{"name", "dns"}}), [&] { build_dns(); }))
    return false;  // the mail servers would have no DNS to ask
  bool ok = true;
  for (const MailServerModel& m : model_.mail.servers)
    ok &=
        build_step(diag, m.pos, Text(msg::kWhatHost, {{"name", m.host}}), [&] { build_server(m); });
  for (const MailClientModel& m : model_.mail.clients)
    ok &=
        build_step(diag, m.pos, Text(msg::kWhatKey, {{"name", m.name}}), [&] { build_client(m); });
  return ok;
}

void MailWorld::build_server(const MailServerModel& m) {
  const auto host = network_.node(m.host);
  agents::MailServerConfig server;
  agents::MdaConfig& mda = server.mailboxes;
  mda.domains = m.domains;
  mda.default_quota = m.mailbox_quota.value_or(0);
  mda.over_quota_permanent = m.mailbox_full == MailboxFull::permanent;
  for (const auto& f : m.filing)
    mda.filing.rules.push_back(agents::FilingRule{f.header, f.contains, f.folder});
  server.users = m.users;
  server.dns_server = resolver_address_;
  if (m.relayhost)
    server.relayhost =
        agents::NextHop{*m.relayhost, *network_.address(network_.node(*m.relayhost))};
  agents::MtaConfig& config = server.mta;
  config.hostname = m.host;
  for (const auto& n : m.trusted_networks)
    if (auto net = agents::Ipv4Network::parse(n)) config.inbound.trusted_networks.push_back(*net);
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
  apply_policy(m, config);
  config.spf = m.spf;
  servers_.push_back(
      std::make_unique<agents::MailServer>(network_, host, std::move(server), clock_));
  servers_.back()->start();
}

void MailWorld::build_client(const MailClientModel& m) {
  agents::MuaConfig c;
  c.address = proto::imf::parse_mailbox(m.address);
  if (m.submit) {
    agents::MuaSubmitSettings s;
    s.server = *network_.address(network_.node(m.submit->server));
    s.port = m.submit->port;
    s.user = m.submit->user;
    s.password = m.submit->password;
    c.submit = s;
  }
  if (m.fetch) {
    agents::MuaFetchSettings f;
    f.protocol = m.fetch->protocol;
    f.server = *network_.address(network_.node(m.fetch->server));
    f.port = m.fetch->port.value_or(0);
    f.user = m.fetch->user;
    f.password = m.fetch->password;
    f.keep_on_server = m.fetch->keep_on_server;
    f.every = m.fetch->every;
    c.fetch = f;
  }
  auto mua = std::make_unique<agents::MuaAgent>(network_, network_.node(m.host), c, clock_);
  mua->start();
  client_by_name_[m.name] = mua.get();
  clients_[m.name] = std::move(mua);
}

agents::MuaAgent& MailWorld::client(const std::string& name) const {
  return *client_by_name_.at(name);
}

void MailWorld::send(const SendMailAction& a) {
  agents::MuaAgent* mua = nullptr;
  if (!a.client.empty()) {
    mua = &client(a.client);
  } else {
    // A one-off client: the host, server and login written in the action itself.
    agents::MuaConfig c;
    c.address = proto::imf::parse_mailbox(a.mail_from);
    c.submit = agents::MuaSubmitSettings{*network_.address(network_.node(a.server)), a.port, a.user,
                                         a.password};
    one_off_clients_.push_back(
        std::make_unique<agents::MuaAgent>(network_, network_.node(a.from), c, clock_));
    mua = one_off_clients_.back().get();
  }
  proto::imf::Draft d;
  for (const auto& to : a.to)
    d.to.push_back(proto::imf::parse_mailbox(to));
  for (const auto& cc : a.cc)
    d.cc.push_back(proto::imf::parse_mailbox(cc));
  d.subject = a.subject;
  d.body = a.body;
  d.attachment_size = a.attachment;
  if (a.smuggle) {
    const SmuggledMail& s = *a.smuggle;
    d.raw_tail = proto::smtp::smuggling_payload({s.mail_from, s.to, s.from, s.subject, s.body});
  }
  mua->send(std::move(d), a.mail_from);
}

void MailWorld::change_dns(const ChangeDnsAction& a) {
  namespace dns = proto::dns;
  const dns::Name origin = dns::Name::parse(a.zone);
  std::vector<dns::ResourceRecord> records;
  for (const auto& line : a.lines)
    records.push_back(dns::record_from_text(line, origin));
  // Checked by the loader: one owner and one type; a removal names them itself.
  const dns::Name name =
      records.empty() ? (a.name == "@" ? origin : dns::Name::parse(a.name)) : records.front().name;
  const dns::RecordType type = records.empty() ? dns::parse_type(a.type) : records.front().type;
  // Every server that serves the zone (a zone may have secondaries) gets the change.
  for (auto& server : dns_servers_) {
    const auto& zones = server->zones().zones();
    if (std::any_of(zones.begin(), zones.end(),
                    [&](const dns::Zone& z) { return z.origin() == origin; }))
      server->replace(name, type, records);
  }
}

void MailWorld::fetch(const FetchMailAction& a) {
  client(a.client).fetch();
}

bool MailWorld::holds(const std::string& agent, const std::string& queue_id,
                      const std::string& recipient) const {
  for (const auto& s : servers_)
    if (s->name() == agent) return s->mta().queue().holds(queue_id, recipient);
  return false;
}

}  // namespace mailsim::scenarios

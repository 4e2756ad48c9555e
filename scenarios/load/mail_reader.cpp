#include "scenarios/load/mail_reader.hpp"

#include <algorithm>
#include <map>

#include "agents/mta/inbound_policy.hpp"
#include "agents/proto/dns/zone_text.hpp"
#include "scenarios/load/client_reader.hpp"
#include "scenarios/load/messages.hpp"
#include "scenarios/load/references.hpp"
#include "scenarios/load/server_policy_reader.hpp"
#include "scenarios/load/yaml_document.hpp"
#include "scenarios/load/yaml_map.hpp"

namespace mailsim::scenarios {
namespace {

void check_host(const std::string& name, const NetworkModel& net, const std::string& key,
                SourcePos pos, Diagnostics& diag) {
  check_ref(name, host_names(net), msg::kKindHost, key, pos, diag);
}

// A blocklist is a DNS zone: its name must be one, with room for the four labels of an
// address in front of it ("10.2.0.192.bl.example.").
void check_dnsbl(const std::string& zone, YamlMap& r, Diagnostics& diag) {
  const SourcePos pos = position_of(*r.child("dnsbl"));
  try {
    const auto name = proto::dns::Name::parse(zone);
    constexpr std::size_t kLimit = 255 - 16;  // "255.255.255.255." takes 16 octets
    if (name.wire_length() > kLimit)
      diag.error(pos, r.about(msg::kDnsblTooLong, {{"name", zone},
                                                   {"length", std::to_string(name.wire_length())},
                                                   {"limit", std::to_string(kLimit)}}));
    else  // a DNS name, and told in replies too ("blocked using bl.example")
      check_host_name(zone, "dnsbl", r.what(), pos, diag);
  } catch (const LocalizedError& e) {
    Text t = r.about(msg::kBadValue, {{"key", "dnsbl"}});
    t.with("problem", e.text());
    diag.error(pos, std::move(t));
  }
}

// One server of a kind per host: a second would find the port taken when the run builds it.
class HostServices {
 public:
  HostServices(const Message& service, int port, Diagnostics& diag)
      : service_(service), port_(port), diag_(diag) {}
  void add(const std::string& host, SourcePos pos) {
    if (host.empty()) return;
    auto [it, fresh] = lines_.emplace(host, pos.line);
    if (!fresh)
      diag_.error(pos, Text(msg::kServiceTwiceOnHost, {{"host", host},
                                                       {"line", std::to_string(it->second)},
                                                       {"port", std::to_string(port_)}})
                           .with("service", Text(service_)));
  }

 private:
  const Message& service_;
  int port_;
  Diagnostics& diag_;
  std::map<std::string, int> lines_;
};

}  // namespace

namespace {

// The zones of one DNS server, each checked now (built with the run).
std::map<std::string, std::string> read_zones(const YamlNode& zones, std::string_view path,
                                              Diagnostics& diag) {
  std::map<std::string, std::string> out;
  YamlMap z(zones, Text(msg::kWhatKey, {{"name", "zones"}}), diag, path);
  if (!z.ok()) return out;
  for (std::size_t i = 0; i < zones.size(); ++i) {
    const std::string origin = zones.key(i).scalar();
    auto text = z.text(origin);
    if (!text) continue;
    try {
      (void)proto::dns::zone_from_text(origin, *text);
      out[origin] = *text;
    } catch (const LocalizedError& e) {
      Text t(msg::kBadValue, {{"key", origin}});
      t.with("what", Text(msg::kWhatKey, {{"name", "zones"}}));
      t.with("problem", e.text());
      diag.error(position_of(zones.value(i)), std::move(t));
    }
  }
  z.finish();
  return out;
}

// A resolver needs a root to start from and a host of its own (both would listen on port 53).
void check_resolver(const DnsModel& d, SourcePos pos, Diagnostics& diag) {
  if (!d.resolver) {
    if (!d.other_servers.empty()) diag.error(pos, Text(msg::kDnsNeedsResolver));
    return;
  }
  const auto origins = d.origins();
  if (std::find(origins.begin(), origins.end(), ".") == origins.end())
    diag.error(pos, Text(msg::kDnsNeedsRoot));
  bool shared = *d.resolver == d.server;
  for (const auto& s : d.other_servers)
    shared = shared || *d.resolver == s.host;
  if (shared) diag.error(pos, Text(msg::kResolverOnServer, {{"host", *d.resolver}}));
}

}  // namespace

std::optional<DnsModel> read_dns(const YamlNode& node, const NetworkModel& network,
                                 Diagnostics& diag) {
  YamlMap m(node, Text(msg::kWhatKey, {{"name", "dns"}}), diag, "dns");
  if (!m.ok()) return std::nullopt;
  DnsModel d;
  d.pos = m.pos();
  if (auto server = m.text("server", Need::required)) {
    d.server = *server;
    check_host(d.server, network, "dns", m.pos(), diag);
  }
  if (auto zones = m.child("zones", Need::required))
    d.zones = read_zones(*zones, "dns.zones.*", diag);
  HostServices dns_hosts(msg::kServiceDns, 53, diag);
  dns_hosts.add(d.server, m.pos());
  for (const auto& s : m.list("other_servers")) {
    YamlMap o(s, Text(msg::kWhatKey, {{"name", "other_servers"}}), diag, "dns.other_servers[]");
    if (!o.ok()) continue;
    DnsServerModel server;
    server.pos = o.pos();
    if (auto host = o.text("host", Need::required)) {
      server.host = *host;
      check_host(server.host, network, "other_servers", o.pos(), diag);
      dns_hosts.add(server.host, o.pos());
    }
    if (auto zones = o.child("zones", Need::required))
      server.zones = read_zones(*zones, "dns.other_servers[].zones.*", diag);
    o.finish();
    d.other_servers.push_back(std::move(server));
  }
  if (auto resolver = m.text("resolver")) {
    d.resolver = *resolver;
    check_host(*resolver, network, "resolver", m.pos(), diag);
  }
  m.finish();
  check_resolver(d, d.pos, diag);
  return d;
}

MailModel read_mail(const YamlNode& node, const NetworkModel& network, Diagnostics& diag) {
  MailModel mail;
  std::vector<MailServerModel>& out = mail.servers;
  YamlMap m(node, Text(msg::kWhatKey, {{"name", "mail"}}), diag, "mail");
  if (!m.ok()) return mail;
  HostServices mail_hosts(msg::kServiceMail, 25, diag);
  for (const auto& s : m.list("servers", Need::required)) {
    YamlMap r(s, Text(msg::kWhatKey, {{"name", "servers"}}), diag, "mail.servers[]");
    if (!r.ok()) continue;
    MailServerModel server;
    server.pos = r.pos();
    if (auto host = r.text("host", Need::required)) {
      server.host = *host;
      check_host(server.host, network, "servers", r.pos(), diag);
      mail_hosts.add(server.host, r.pos());
    }
    server.domains = r.texts("domains");
    if (auto list = r.child("domains")) check_host_names(*list, "domains", r.what(), diag);
    if (auto users = r.child("users")) {
      YamlMap u(*users, Text(msg::kWhatKey, {{"name", "users"}}), diag, "mail.servers[].users.*");
      if (u.ok()) {
        for (std::size_t i = 0; i < users->size(); ++i) {
          const std::string login = users->key(i).scalar();
          if (auto password = u.text(login)) {
            server.users[login] = *password;
            check_one_line(login, "users", r.what(), position_of(users->key(i)), diag);
            check_one_line(*password, login, r.what(), position_of(users->value(i)), diag);
          }
        }
        u.finish();
      }
    }
    server.trusted_networks = r.texts("trusted_networks");
    for (const auto& n : server.trusted_networks)
      if (!agents::Ipv4Network::parse(n))
        diag.error(r.pos(), r.about(msg::kBadNetwork, {{"value", n}}));
    server.relay_domains = r.texts("relay_domains");
    if (auto list = r.child("relay_domains"))
      check_host_names(*list, "relay_domains", r.what(), diag);
    if (auto v = r.boolean("open_relay")) server.open_relay = *v;
    if (auto v = r.boolean("greylisting")) server.greylisting = *v;
    server.dnsbl = r.text("dnsbl");
    if (server.dnsbl) check_dnsbl(*server.dnsbl, r, diag);
    if (auto v = r.choice("spf", kSpfChoices)) server.spf = *v;
    if (auto v = r.boolean("submission")) server.submission = *v;
    if (auto v = r.integer("daily_limit", 0, 1000000)) server.daily_limit = static_cast<int>(*v);
    read_server_policy(r, server, network, diag);
    r.finish();
    out.push_back(std::move(server));
  }
  mail.clients = read_clients(m.list("clients"), network, out, diag);
  m.finish();
  return mail;
}

}  // namespace mailsim::scenarios

#include "ui/gui/commands.hpp"

#include <algorithm>
#include <charconv>
#include <fstream>

#include <fmt/format.h>

#include "agents/proto/dns/name.hpp"
#include "agents/proto/dns/zone_text.hpp"
#include "agents/proto/imf/address.hpp"
#include "agents/roles/typed_session.hpp"
#include "scenarios/build/scenario_run.hpp"
#include "scenarios/write/scenario_writer.hpp"
#include "sim/capture/pcap_writer.hpp"
#include "sim/net/network.hpp"
#include "sim/time.hpp"
#include "sim/units.hpp"
#include "ui/gui/console_text.hpp"
#include "ui/gui/gui_text.hpp"

namespace mailsim::gui {

namespace {

namespace dns = proto::dns;

Command refuse(const Message& m, Lang lang, std::initializer_list<Text::Arg> args = {}) {
  return Command{std::nullopt, Text(m, args).render(lang)};
}

bool has_node(const sim::net::Network& net, std::string_view name) {
  for (sim::net::NodeId n = 0; n < net.node_count(); ++n)
    if (net.name(n) == name) return true;
  return false;
}

std::optional<sim::net::LinkId> link_named(const sim::net::Network& net, std::string_view name) {
  for (sim::net::LinkId l = 0; l < net.link_count(); ++l)
    if (net.link_view(l).name == name) return l;
  return std::nullopt;
}

// The zone a person may change, or null.
const std::string* zone_text(const scenarios::WorldView& world, std::string_view domain) {
  const auto& d = world.model().mail.dns;
  if (!d) return nullptr;
  const auto it = d->zones.find(std::string(domain));
  return it == d->zones.end() ? nullptr : &it->second;
}

// The MX records at the origin among `lines` (zone-file lines); lines that are no record (blank,
// comments) are skipped.
std::optional<MxChange> mx_in(const std::vector<std::string>& lines, const dns::Name& origin) {
  std::optional<MxChange> out;
  for (const auto& line : lines) {
    try {
      const auto rr = dns::record_from_text(line, origin);
      const auto* mx = std::get_if<dns::MxData>(&rr.data);
      if (mx == nullptr || rr.name != origin) continue;
      if (!out) out.emplace();
      out->ttl = rr.ttl;
      out->exchangers.push_back({mx->preference, mx->exchange.to_string()});
    } catch (const std::exception&) {
      continue;  // not a record line
    }
  }
  return out;
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start <= text.size()) {
    const auto end = std::min(text.find('\n', start), text.size());
    out.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

std::string trim(std::string_view s) {
  const auto first = s.find_first_not_of(" \t");
  if (first == std::string_view::npos) return {};
  return std::string(s.substr(first, s.find_last_not_of(" \t") - first + 1));
}

// "5%" or "0.05"; nullopt when it is neither.
std::optional<double> parse_probability(std::string_view text) {
  std::string t = trim(text);
  double scale = 1;
  if (!t.empty() && t.back() == '%') {
    t = trim(std::string_view(t).substr(0, t.size() - 1));
    scale = 100;
  }
  double value = 0;
  auto [end, ec] = std::from_chars(t.data(), t.data() + t.size(), value);
  if (t.empty() || ec != std::errc() || end != t.data() + t.size()) return std::nullopt;
  return value / scale;
}

}  // namespace

Command set_host_up(const scenarios::WorldView& world, std::string_view host, bool up, Lang lang) {
  if (!has_node(world.network(), host))
    return refuse(msg::kNoSuchHost, lang, {{"name", std::string(host)}});
  return Command{scenarios::SetHostUp{std::string(host), up}, {}};
}

Command set_link_up(const scenarios::WorldView& world, std::string_view link, bool up, Lang lang) {
  if (!link_named(world.network(), link))
    return refuse(msg::kNoSuchLink, lang, {{"name", std::string(link)}});
  return Command{scenarios::SetLinkUp{std::string(link), up}, {}};
}

Command change_link(const scenarios::WorldView& world, std::string_view link,
                    const LinkChange& change, Lang lang) {
  const auto id = link_named(world.network(), link);
  if (!id) return refuse(msg::kNoSuchLink, lang, {{"name", std::string(link)}});
  sim::net::LinkParams params = world.network().link_view(*id).params;
  if (change.latency) {
    if (change.latency->count() < 0 || *change.latency > scenarios::kMaxScenarioTime)
      return refuse(msg::kBadLatency, lang);
    params.latency = *change.latency;
  }
  if (change.bandwidth_bps) {
    if (*change.bandwidth_bps == 0) return refuse(msg::kBadBandwidth, lang);
    params.bandwidth_bps = *change.bandwidth_bps;
  }
  if (change.loss) {
    if (!(*change.loss >= 0) || *change.loss > 1) return refuse(msg::kBadLossValue, lang);
    params.loss = *change.loss;
  }
  return Command{scenarios::ChangeLink{std::string(link), params}, {}};
}

Command change_link(const scenarios::WorldView& world, std::string_view link,
                    std::string_view latency, std::string_view bandwidth, std::string_view loss,
                    Lang lang) {
  LinkChange change;
  try {
    if (!trim(latency).empty()) change.latency = sim::parse_time(trim(latency));
    if (!trim(bandwidth).empty()) change.bandwidth_bps = sim::parse_bandwidth(trim(bandwidth));
  } catch (const LocalizedError& e) {
    return Command{std::nullopt, e.text().render(lang)};
  }
  if (!trim(loss).empty()) {
    change.loss = parse_probability(loss);
    if (!change.loss) return refuse(msg::kBadLossValue, lang);
  }
  return change_link(world, link, change, lang);
}

std::vector<std::string> dns_zones(const scenarios::WorldView& world) {
  std::vector<std::string> out;
  if (const auto& d = world.model().mail.dns)
    for (const auto& [origin, text] : d->zones)
      out.push_back(origin);
  return out;
}

MxChange current_mx(const scenarios::WorldView& world, std::string_view domain) {
  MxChange out;
  out.domain = std::string(domain);
  const std::string* text = zone_text(world, domain);
  if (text == nullptr) return out;
  const dns::Name origin = dns::Name::parse(domain);
  if (auto file = mx_in(lines_of(*text), origin)) out = *file;
  out.domain = std::string(domain);
  // The changes made so far, in the order they ran.
  for (const auto& entry : world.model().timeline) {
    if (entry.at > world.now()) break;
    const auto* c = std::get_if<scenarios::ChangeDnsAction>(&entry.action);
    if (c == nullptr || c->zone != domain) continue;
    if (c->lines.empty()) {
      const bool at_origin = c->name == "@" || dns::Name::parse(c->name) == origin;
      if (at_origin && c->type == "MX") out.exchangers.clear();
    } else if (auto changed = mx_in(c->lines, origin)) {
      out.exchangers = changed->exchangers;
      out.ttl = changed->ttl;
    }
  }
  return out;
}

Command change_mx(const scenarios::WorldView& world, const MxChange& change, Lang lang) {
  if (zone_text(world, change.domain) == nullptr)
    return refuse(msg::kNoSuchZone, lang, {{"name", change.domain}});
  if (change.ttl > 2147483647u) return refuse(msg::kBadTtl, lang);  // RFC 2181 8
  scenarios::ChangeDnsAction a;
  a.zone = change.domain;
  for (const auto& mx : change.exchangers) {
    std::string exchange = trim(mx.exchange);
    if (exchange.empty()) return refuse(msg::kNoExchange, lang);
    if (exchange.back() != '.') exchange += '.';
    try {
      (void)dns::Name::parse(exchange);
    } catch (const LocalizedError& e) {
      return refuse(msg::kBadExchange, lang,
                    {{"name", mx.exchange}, {"problem", e.text().render(lang)}});
    }
    a.lines.push_back(fmt::format("@ {} MX {} {}", change.ttl, mx.preference, exchange));
  }
  if (a.lines.empty()) {
    a.name = "@";
    a.type = "MX";
  }
  return Command{std::move(a), {}};
}

std::vector<std::string> sending_clients(const scenarios::WorldView& world) {
  std::vector<std::string> out;
  for (const auto& c : world.model().mail.clients)
    if (c.submit) out.push_back(c.name);
  return out;
}

std::vector<std::string> split_addresses(std::string_view text) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start <= text.size()) {
    auto end = text.find_first_of(",;", start);
    if (end == std::string_view::npos) end = text.size();
    if (auto one = trim(text.substr(start, end - start)); !one.empty()) out.push_back(one);
    start = end + 1;
  }
  return out;
}

Command send_mail(const scenarios::WorldView& world, const Compose& mail, Lang lang) {
  const auto clients = sending_clients(world);
  if (std::find(clients.begin(), clients.end(), mail.client) == clients.end())
    return refuse(msg::kNoSuchSender, lang, {{"name", mail.client}});
  if (mail.to.empty()) return refuse(msg::kNoRecipient, lang);
  for (const auto* list : {&mail.to, &mail.cc})
    for (const auto& address : *list) {
      try {
        (void)proto::imf::parse_mailbox(address);
      } catch (const LocalizedError& e) {
        return refuse(msg::kBadAddress, lang,
                      {{"address", address}, {"problem", e.text().render(lang)}});
      }
    }
  scenarios::SendMailAction a;
  a.client = mail.client;
  a.to = mail.to;
  a.cc = mail.cc;
  a.subject = mail.subject;
  a.body = mail.body;
  a.attachment = mail.attachment;
  return Command{std::move(a), {}};
}

Command send_mail(const scenarios::WorldView& world, const std::string& client, std::string_view to,
                  std::string_view cc, const std::string& subject, const std::string& body,
                  std::string_view attachment, Lang lang) {
  Compose mail{client, split_addresses(to), split_addresses(cc), subject, body, 0};
  try {
    if (!trim(attachment).empty()) mail.attachment = sim::parse_size(trim(attachment));
  } catch (const LocalizedError& e) {
    return Command{std::nullopt, e.text().render(lang)};
  }
  return send_mail(world, mail, lang);
}

std::optional<std::string> save_capture(const scenarios::ScenarioModel& scenario,
                                        std::optional<std::uint64_t> seed, sim::SimTime until,
                                        const std::string& path, Lang lang) {
  scenarios::Diagnostics diag("");
  scenarios::ScenarioRun run(scenario, diag, seed);
  if (!run.ok()) return diag.render(lang);
  sim::capture::PcapWriter writer(run.network(), path, sim::capture::CapturePoint{},
                                  scenario.start_unix_seconds * 1'000'000);
  if (!writer.ok()) return Text(msg::kCannotWrite, {{"path", path}}).render(lang);
  run.run_until(until);
  return std::nullopt;
}

std::vector<std::string> console_hosts(const scenarios::WorldView& world) {
  std::vector<std::string> out;
  for (const auto& h : world.model().network.hosts)
    out.push_back(h.name);
  return out;
}

std::vector<std::string> console_targets(const scenarios::WorldView& world) {
  std::vector<std::string> out = console_hosts(world);
  for (const auto& r : world.model().network.routers)
    if (r.address) out.push_back(r.name);
  return out;
}

Command open_console(const scenarios::WorldView& world, std::string_view from, std::string_view to,
                     std::string_view port, Lang lang) {
  const auto hosts = console_hosts(world);
  if (std::find(hosts.begin(), hosts.end(), from) == hosts.end())
    return refuse(msg::kNoSuchHost, lang, {{"name", std::string(from)}});
  const std::string target = trim(to);
  const auto targets = console_targets(world);
  if (std::find(targets.begin(), targets.end(), target) == targets.end()) {
    try {
      (void)sim::net::Ipv4Address::parse(target);
    } catch (const LocalizedError&) {
      return refuse(msg::kNoSuchTarget, lang, {{"name", target}});
    }
  }
  const std::string port_text = trim(port);
  unsigned number = 0;
  const auto [end, ec] =
      std::from_chars(port_text.data(), port_text.data() + port_text.size(), number);
  if (port_text.empty() || ec != std::errc() || end != port_text.data() + port_text.size() ||
      number == 0 || number > 65535)
    return refuse(msg::kBadPort, lang);
  // The first name no entry of the timeline took.
  std::string name;
  for (int n = 1; name.empty(); ++n) {
    name = fmt::format("console-{}", n);
    for (const auto& entry : world.model().timeline)
      if (const auto* t = std::get_if<scenarios::TypedSessionAction>(&entry.action);
          t != nullptr && t->session == name)
        name.clear();
  }
  scenarios::TypedSessionAction a;
  a.session = name;
  a.from = std::string(from);
  a.to = target;
  a.port = static_cast<std::uint16_t>(number);
  return Command{std::move(a), {}};
}

Command type_in_console(const scenarios::WorldView& world, std::string_view session,
                        std::string_view line, Lang lang) {
  const agents::TypedSession* typed = world.typed_session(std::string(session));
  if (typed == nullptr) return refuse(msg::kNoSuchSession, lang, {{"name", std::string(session)}});
  if (typed->ended()) return refuse(msg::kSessionEnded, lang, {{"name", std::string(session)}});
  if (line.find_first_of("\r\n") != std::string_view::npos) return refuse(msg::kOneLine, lang);
  scenarios::TypedSessionAction a;
  a.session = std::string(session);
  a.lines = {std::string(line)};
  a.pause = sim::SimTime(0);  // typed when Enter is pressed
  return Command{std::move(a), {}};
}

std::optional<std::string> save_scenario(const scenarios::ScenarioModel& scenario,
                                         const std::string& path, Lang lang) {
  std::ofstream out(path, std::ios::binary);
  out << scenarios::write_scenario(scenario);
  out.close();
  if (!out) return Text(msg::kCannotWrite, {{"path", path}}).render(lang);
  return std::nullopt;
}

}  // namespace mailsim::gui

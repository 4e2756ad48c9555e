#include "scenarios/load/population_reader.hpp"

#include <algorithm>
#include <iterator>
#include <unordered_map>
#include <unordered_set>

#include "scenarios/load/messages.hpp"
#include "scenarios/load/references.hpp"
#include "scenarios/load/yaml_document.hpp"
#include "scenarios/load/yaml_map.hpp"
#include "sim/time_text.hpp"

namespace mailsim::scenarios {
namespace {

constexpr Choice<PopulationAccess> kAccessChoices[] = {{"home", PopulationAccess::home},
                                                       {"lan", PopulationAccess::lan}};

Text what_in(const char* key) {
  return Text(msg::kWhatKey, {{"name", key}});
}

// A list of clock times of the day ("09:00:00"), each wrong one reported at its place.
std::vector<sim::SimTime> clock_times(YamlMap& m, const char* key, Diagnostics& diag) {
  std::vector<sim::SimTime> out;
  for (const auto& item : m.list(key)) {
    std::optional<sim::SimTime> clock;
    if (item.is_scalar()) try {
        clock = sim::parse_time(item.scalar());
      } catch (const LocalizedError&) {
      }
    if (clock && *clock >= sim::SimTime(0) && *clock < std::chrono::hours(24))
      out.push_back(*clock);
    else
      diag.error(position_of(item),
                 m.about(msg::kPopulationClock,
                         {{"key", key}, {"value", item.is_scalar() ? item.scalar() : ""}}));
  }
  return out;
}

void read_traffic(YamlMap& population, PopulationTraffic& t, Diagnostics& diag) {
  auto node = population.child("traffic");
  if (!node) return;
  YamlMap m(*node, what_in("traffic"), diag, "population.traffic");
  if (auto v = m.integer("messages", 0, static_cast<std::int64_t>(kMaxPopulationMessages)))
    t.messages = static_cast<std::uint64_t>(*v);
  if (auto v = m.integer("days", 1, 365)) t.days = static_cast<int>(*v);
  if (t.messages * static_cast<std::uint64_t>(t.days) > kMaxPopulationMessages)
    diag.error(m.pos(),
               m.about(msg::kPopulationTooMuchMail,
                       {{"total", std::to_string(t.messages * static_cast<std::uint64_t>(t.days))},
                        {"limit", std::to_string(kMaxPopulationMessages)}}));
  t.peaks = clock_times(m, "peaks", diag);
  if (m.has("hours")) {
    const auto hours = clock_times(m, "hours", diag);
    if (hours.size() == 2 && hours[0] < hours[1]) {
      t.from = hours[0];
      t.until = hours[1];
    } else if (hours.size() == m.list("hours").size()) {  // else reported as a wrong time
      diag.error(position_of(*m.child("hours")), m.about(msg::kPopulationHours));
    }
  }
  if (auto r = m.child("recipients")) {
    YamlMap shares(*r, what_in("recipients"), diag, "population.traffic.recipients");
    if (auto v = shares.probability("same_domain")) t.same_domain = *v;
    if (auto v = shares.probability("other_domains")) t.other_domains = *v;
    if (auto v = shares.probability("unknown")) t.unknown = *v;
    if (t.same_domain + t.other_domains + t.unknown <= 0)
      diag.error(shares.pos(), m.about(msg::kPopulationNoRecipients));
    shares.finish();
  }
  if (auto s = m.child("size")) {
    YamlMap size(*s, what_in("size"), diag, "population.traffic.size");
    if (auto v = size.size("median", kMaxAttachment, Need::optional, &msg::kAttachmentTooLarge))
      t.median_size = *v;
    if (auto v = size.size("max", kMaxAttachment, Need::optional, &msg::kAttachmentTooLarge))
      t.max_size = *v;
    size.finish();
  }
  m.finish();
}

void read_faults(YamlMap& population, PopulationFaults& f, Diagnostics& diag) {
  auto node = population.child("faults");
  if (!node) return;
  YamlMap m(*node, what_in("faults"), diag, "population.faults");
  if (auto v = m.probability("mx_down", Need::required)) f.mx_down = *v;
  if (auto v = m.time("at")) f.at = *v;
  if (auto v = m.time("for")) {
    if (v->count() > 0)
      f.lasting = *v;
    else
      diag.error(position_of(*m.child("for")), m.about(msg::kNotPositive, {{"key", "for"}}));
  }
  m.finish();
}

}  // namespace

std::optional<PopulationModel> read_population(const YamlNode& node, bool has_duration,
                                               Diagnostics& diag) {
  PopulationModel p;
  p.pos = position_of(node);
  YamlMap m(node, Text(msg::kWhatPopulation), diag, "population");
  if (!m.ok()) return std::nullopt;
  const auto domains = m.child("domains", Need::required);
  if (domains && domains->is_sequence()) {
    p.domain_names = m.texts("domains");
    for (std::size_t i = 0; i < p.domain_names.size(); ++i)
      check_host_name(p.domain_names[i], "domains", m.what(), position_of((*domains)[i]), diag);
    p.domains = static_cast<int>(p.domain_names.size());
  } else if (auto v = domains ? m.integer("domains", 1, 100000) : std::nullopt) {
    p.domains = static_cast<int>(*v);
  }
  if (auto v = m.integer("users", 1, 1000000, Need::required)) p.users = static_cast<int>(*v);
  if (auto v = m.choice("access", kAccessChoices)) p.access = *v;
  if (auto v = m.time("fetch_every")) {
    if (v->count() <= 0)
      diag.error(position_of(*m.child("fetch_every")),
                 m.about(msg::kNotPositive, {{"key", "fetch_every"}}));
    else if (!has_duration)
      diag.error(position_of(*m.child("fetch_every")),
                 m.about(msg::kPopulationFetchNeedsDuration, {{"every", sim::format_time(*v)}}));
    else
      p.fetch_every = *v;
  }
  read_traffic(m, p.traffic, diag);
  read_faults(m, p.faults, diag);
  m.finish();
  return p;
}

namespace {

// Reports each generated name the file already uses (the file's line), at the section.
class TakenNames {
 public:
  void add(const std::string& name, SourcePos pos) { lines_.emplace(name, pos.line); }
  void check(const std::string& name, const PopulationModel& p, Diagnostics& diag) const {
    const auto it = lines_.find(name);
    if (it == lines_.end()) return;
    Text t(msg::kPopulationNameTaken, {{"name", name}, {"line", std::to_string(it->second)}});
    t.with("what", Text(msg::kWhatPopulation));
    diag.error(p.pos, std::move(t));
  }

 private:
  std::unordered_map<std::string, int> lines_;
};

template <class T>
void append(std::vector<T>& to, std::vector<T>& from) {
  to.insert(to.end(), std::make_move_iterator(from.begin()), std::make_move_iterator(from.end()));
  from.clear();
}

}  // namespace

GeneratedPopulation generate_for(const ScenarioModel& s, const std::string& dns_server) {
  const std::int64_t local = s.start_unix_seconds + s.start_utc_offset_minutes * 60LL;
  const sim::SimTime start_of_day = std::chrono::seconds(((local % 86400) + 86400) % 86400);
  std::vector<sim::net::Ipv4Address> taken;
  for (const auto& h : s.network.hosts)
    taken.push_back(h.address);
  for (const auto& r : s.network.routers)
    if (r.address) taken.push_back(*r.address);
  return generate_population(*s.population, s.seed, start_of_day,
                             dns_server.empty() ? kPopulationDnsServer : dns_server, taken);
}

void add_population_network(ScenarioModel& s, GeneratedPopulation& g, Diagnostics& diag) {
  TakenNames written;
  for (const auto& h : s.network.hosts)
    written.add(h.name, h.pos);
  for (const auto& r : s.network.routers)
    written.add(r.name, r.pos);
  for (const auto& l : s.network.links)
    written.add(l.name, l.pos);
  for (const auto& h : g.network.hosts)
    written.check(h.name, *s.population, diag);
  for (const auto& r : g.network.routers)
    written.check(r.name, *s.population, diag);
  for (const auto& l : g.network.links)
    written.check(l.name, *s.population, diag);
  append(s.network.hosts, g.network.hosts);
  append(s.network.routers, g.network.routers);
  append(s.network.links, g.network.links);
}

void add_population_mail(ScenarioModel& s, GeneratedPopulation& g, Diagnostics& diag) {
  const PopulationModel& p = *s.population;
  if (!s.mail.dns) {
    DnsModel dns;
    dns.server = g.dns_server;
    dns.pos = p.pos;
    s.mail.dns = std::move(dns);
  }
  for (auto& [origin, records] : g.zones) {
    if (s.mail.dns->zones.count(origin)) {
      TakenNames zone;
      zone.add(origin, s.mail.dns->pos);
      zone.check(origin, p, diag);
      continue;
    }
    s.mail.dns->zones.emplace(origin, std::move(records));
  }
  TakenNames written;
  for (const auto& c : s.mail.clients)
    written.add(c.name, c.pos);
  for (const auto& srv : s.mail.servers)
    written.add(srv.host, srv.pos);
  for (const auto& c : g.clients)
    written.check(c.name, p, diag);
  for (const auto& srv : g.servers)
    written.check(srv.host, p, diag);
  append(s.mail.servers, g.servers);
  append(s.mail.clients, g.clients);
}

void add_population_timeline(ScenarioModel& s, GeneratedPopulation& g) {
  std::vector<TimelineEntry> merged;
  merged.reserve(s.timeline.size() + g.timeline.size());
  std::merge(std::make_move_iterator(s.timeline.begin()), std::make_move_iterator(s.timeline.end()),
             std::make_move_iterator(g.timeline.begin()), std::make_move_iterator(g.timeline.end()),
             std::back_inserter(merged),
             [](const TimelineEntry& a, const TimelineEntry& b) { return a.at < b.at; });
  s.timeline = std::move(merged);
  g.timeline.clear();
}

}  // namespace mailsim::scenarios

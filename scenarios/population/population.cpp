#include "scenarios/population/population.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <unordered_set>

#include "sim/random.hpp"

namespace mailsim::scenarios {
namespace {

using sim::SimTime;
using namespace std::chrono_literals;

constexpr SimTime kDay = 24h;
constexpr double kPeakShare = 2.0 / 3.0;  // of the messages, sent around a peak
constexpr SimTime kPeakSpread = 1h;       // standard deviation around a peak
constexpr double kSizeSpread = 1.0;       // sigma of the sizes' log-normal
constexpr std::uint64_t kSmallestAttachment = 1000;

// 10.0.0.1, 10.0.0.2...: one address each, in the order things are made, passing over those
// the file's own hosts have (the simulation's addresses exist only inside it; 16 million of
// them leave room for any city).
class Addresses {
 public:
  explicit Addresses(const std::vector<sim::net::Ipv4Address>& taken) {
    for (const auto a : taken)
      taken_.insert(a.value());
  }
  sim::net::Ipv4Address next() {
    while (taken_.count((10u << 24) + ++last_)) {
    }
    return sim::net::Ipv4Address((10u << 24) + last_);
  }

 private:
  std::uint32_t last_ = 0;
  std::unordered_set<std::uint32_t> taken_;
};

sim::RandomStream stream(std::uint64_t seed, std::string_view name) {
  return sim::RandomStream(seed ^ sim::hash_name(name));
}

double normal(sim::RandomStream& r) {    // Box-Muller
  const double u = 1.0 - r.uniform01();  // (0, 1]
  return std::sqrt(-2.0 * std::log(u)) * std::cos(2 * M_PI * r.uniform01());
}

// Users per domain: domains differ in size (log-normal weights); each has one user at least
// when there are enough, the rest shared by weight, largest remainders first.
std::vector<int> users_per_domain(const PopulationModel& p, std::uint64_t seed) {
  const auto n = static_cast<std::size_t>(p.domains);
  std::vector<int> users(n, p.users >= p.domains ? 1 : 0);
  if (n == 0) return users;
  sim::RandomStream r = stream(seed, "population.domains");
  std::vector<double> weight(n);
  for (auto& w : weight)
    w = std::exp(normal(r));
  const double total = std::accumulate(weight.begin(), weight.end(), 0.0);
  const int rest = p.users - std::accumulate(users.begin(), users.end(), 0);
  std::vector<std::pair<double, std::size_t>> remainders;
  int given = 0;
  for (std::size_t i = 0; i < n; ++i) {
    const double share = rest * weight[i] / total;
    users[i] += static_cast<int>(share);
    given += static_cast<int>(share);
    remainders.emplace_back(share - std::floor(share), i);
  }
  std::stable_sort(remainders.begin(), remainders.end(),
                   [](const auto& a, const auto& b) { return a.first > b.first; });
  for (int i = 0; i < rest - given; ++i)
    ++users[remainders[static_cast<std::size_t>(i)].second];
  return users;
}

struct User {
  std::size_t domain;
  int number;  // user<number>@domain
};

std::string user_name(int number) {
  return "user" + std::to_string(number);
}
std::string password_of(const std::string& domain, int number) {
  return "pw" + std::to_string(sim::hash_name(domain + user_name(number)) % 100000);
}
std::string pc_name(const std::string& domain, int number) {
  return "pc" + std::to_string(number) + "." + domain;
}

LinkModel link(std::string a, std::string b, std::uint64_t bps, SimTime latency, SourcePos pos) {
  LinkModel l;
  l.name = a + "-" + b;
  l.a = std::move(a);
  l.b = std::move(b);
  l.params.bandwidth_bps = bps;
  l.params.latency = latency;
  l.pos = pos;
  return l;
}

std::string zone_of(const std::string& domain, const std::string& ns, const std::string& mx,
                    sim::net::Ipv4Address mx_address) {
  return "@ 3600 SOA " + ns + ". hostmaster." + domain + ". 1 7200 900 1209600 300\n" +
         "@ 3600 NS " + ns + ".\n" + "@ 3600 MX 10 " + mx + ".\n" + mx + ". 3600 A " +
         mx_address.to_string() + "\n";
}

// A local clock time of day (the file's peaks) as a simulated time of day `day`.
SimTime on_day(int day, SimTime clock, SimTime start_of_day) {
  SimTime t = (clock - start_of_day) % kDay;
  if (t < 0s) t += kDay;
  return kDay * day + t;
}

void add_network(const PopulationModel& p, const std::vector<std::string>& domains,
                 const std::vector<int>& users, const std::string& dns_server,
                 const std::vector<sim::net::Ipv4Address>& taken, GeneratedPopulation& g) {
  Addresses addresses(taken);
  const SourcePos pos = p.pos;
  NetworkModel& net = g.network;
  // Core routers, one for every 50 domains: the internet between them. Up to kRing of them
  // make a ring; more hang in groups of kRing under backbone routers, level over level, up to
  // a ring of at most kRing: a path crosses a few routers whatever the size of the city, as on
  // the Internet (a ring of 200 routers would outlast the packets' 64 hops).
  constexpr std::size_t kRing = 8;
  const std::size_t cores = std::max<std::size_t>(1, (domains.size() + 49) / 50);
  auto core_name = [](std::size_t c) { return "core" + std::to_string(c + 1); };
  std::vector<std::string> level;
  for (std::size_t c = 0; c < cores; ++c) {
    net.routers.push_back(RouterModel{core_name(c), {}, {}, pos});
    level.push_back(net.routers.back().name);
  }
  for (int depth = 1; level.size() > kRing; ++depth) {
    std::vector<std::string> above;
    for (std::size_t i = 0; i < level.size(); ++i) {
      if (i % kRing == 0) {
        above.push_back("backbone" + std::to_string(depth) + "-" +
                        std::to_string(above.size() + 1));
        net.routers.push_back(RouterModel{above.back(), {}, {}, pos});
      }
      net.links.push_back(link(level[i], above.back(), 10'000'000'000, 5ms, pos));
    }
    level = std::move(above);
  }
  const std::size_t ring = level.size();
  for (std::size_t c = 0; c + 1 < ring + (ring > 2 ? 1 : 0); ++c)
    net.links.push_back(link(level[c], level[(c + 1) % ring], 10'000'000'000, 5ms, pos));
  if (dns_server == kPopulationDnsServer) {
    net.hosts.push_back(HostModel{dns_server, addresses.next(), {}, "", {}, {}, pos});
    net.links.push_back(link(dns_server, core_name(0), 1'000'000'000, 1ms, pos));
  }
  for (std::size_t d = 0; d < domains.size(); ++d) {
    const std::string& domain = domains[d];
    const std::string gw = "gw." + domain, mx = "mx." + domain;
    net.routers.push_back(RouterModel{gw, {}, {}, pos});
    net.links.push_back(link(gw, core_name(d % cores), 1'000'000'000, 5ms, pos));
    const auto mx_address = addresses.next();
    net.hosts.push_back(HostModel{mx, mx_address, {}, "", {}, {}, pos});
    net.links.push_back(link(mx, gw, 1'000'000'000, 1ms, pos));
    g.zones[domain + "."] = zone_of(domain, dns_server, mx, mx_address);
    std::string access = gw;
    if (p.access == PopulationAccess::lan && users[d] > 0) {  // one uplink for the whole LAN
      access = "lan." + domain;
      net.routers.push_back(RouterModel{access, {}, {}, pos});
      net.links.push_back(link(access, gw, 100'000'000, 1ms, pos));
    }
    for (int u = 1; u <= users[d]; ++u) {
      const std::string pc = pc_name(domain, u);
      net.hosts.push_back(HostModel{pc, addresses.next(), {}, "pc", {}, {}, pos});
      if (p.access == PopulationAccess::lan)
        net.links.push_back(link(pc, access, 100'000'000, 1ms, pos));
      else
        net.links.push_back(link(pc, access, 20'000'000, 10ms, pos));
    }
  }
}

void add_mail(const PopulationModel& p, const std::vector<std::string>& domains,
              const std::vector<int>& users, GeneratedPopulation& g) {
  for (std::size_t d = 0; d < domains.size(); ++d) {
    const std::string& domain = domains[d];
    MailServerModel s;
    s.host = "mx." + domain;
    s.domains = {domain};
    s.submission = true;
    s.pos = p.pos;
    for (int u = 1; u <= users[d]; ++u) {
      const std::string password = password_of(domain, u);
      s.users[user_name(u)] = password;
      MailClientModel c;
      c.host = pc_name(domain, u);
      c.name = c.host;
      c.address = user_name(u) + "@" + domain;
      c.submit = SubmitModel{s.host, 587, user_name(u), password};
      FetchModel f;
      f.server = s.host;
      f.user = user_name(u);
      f.password = password;
      f.every = p.fetch_every;
      c.fetch = f;
      c.pos = p.pos;
      g.clients.push_back(std::move(c));
    }
    g.servers.push_back(std::move(s));
  }
}

// A user other than `sender` drawn uniformly: of the same domain (`same`), or of another one.
// Falls back on any user when the wanted kind does not exist (one domain, one user).
std::size_t pick_recipient(sim::RandomStream& r, const std::vector<User>& all,
                           const std::vector<std::size_t>& first_of_domain,
                           const std::vector<int>& users, std::size_t sender, bool same) {
  const User& s = all[sender];
  const auto n = static_cast<std::uint64_t>(users[s.domain]);
  if (same && n > 1) {
    std::uint64_t k = r.below(n - 1);
    if (first_of_domain[s.domain] + k >= sender) ++k;  // not the sender
    return first_of_domain[s.domain] + k;
  }
  if (!same && all.size() > n) {
    std::uint64_t k = r.below(all.size() - n);  // skip the sender's domain
    if (k >= first_of_domain[s.domain]) k += n;
    return k;
  }
  return r.below(all.size());
}

void add_traffic(const PopulationModel& p, const std::vector<std::string>& domains,
                 const std::vector<int>& users, std::uint64_t seed, SimTime start_of_day,
                 GeneratedPopulation& g) {
  std::vector<User> all;
  std::vector<std::size_t> first_of_domain;
  for (std::size_t d = 0; d < domains.size(); ++d) {
    first_of_domain.push_back(all.size());
    for (int u = 1; u <= users[d]; ++u)
      all.push_back(User{d, u});
  }
  const PopulationTraffic& t = p.traffic;
  if (all.empty() || t.messages == 0) return;
  sim::RandomStream r = stream(seed, "population.traffic");
  const double shares = t.same_domain + t.other_domains + t.unknown;
  for (int day = 0; day < t.days; ++day) {
    for (std::uint64_t m = 0; m < t.messages; ++m) {
      // When: around a peak, or any time of the day (local clock times).
      const SimTime from = t.from, until = t.until > t.from ? t.until : kDay;
      const SimTime clock = [&] {
        if (!t.peaks.empty() && r.chance(kPeakShare)) {
          const SimTime peak = t.peaks[r.below(t.peaks.size())];
          for (int tries = 0; tries < 8; ++tries) {  // within the hours, or spread over them
            const SimTime c =
                peak + std::chrono::duration_cast<SimTime>(std::chrono::duration<double>(
                           normal(r) * std::chrono::duration<double>(kPeakSpread).count()));
            if (c >= from && c < until) return c;
          }
        }
        return from + SimTime(static_cast<std::int64_t>(r.uniform01() * (until - from).count()));
      }();

      const std::size_t sender = r.below(all.size());
      const double kind = r.uniform01() * shares;
      std::string to;
      if (kind < t.same_domain + t.other_domains) {
        const User& u =
            all[pick_recipient(r, all, first_of_domain, users, sender, kind < t.same_domain)];
        to = user_name(u.number) + "@" + domains[u.domain];
      } else {
        to = "nobody" + std::to_string(r.below(1000000)) + "@" + domains[r.below(domains.size())];
      }
      double size = static_cast<double>(t.median_size) * std::exp(kSizeSpread * normal(r));
      size = std::min(size, static_cast<double>(t.max_size));
      SendMailAction send;
      send.client = pc_name(domains[all[sender].domain], all[sender].number);
      send.to = {std::move(to)};
      send.attachment = size < kSmallestAttachment ? 0 : static_cast<std::uint64_t>(size);
      const SimTime at = std::chrono::floor<std::chrono::milliseconds>(clock);
      g.timeline.push_back(TimelineEntry{on_day(day, at, start_of_day), send, p.pos});
    }
  }
}

void add_faults(const PopulationModel& p, const std::vector<std::string>& domains,
                std::uint64_t seed, GeneratedPopulation& g) {
  const auto down = static_cast<std::size_t>(std::llround(p.faults.mx_down * domains.size()));
  if (down == 0) return;
  std::vector<std::size_t> order(domains.size());
  std::iota(order.begin(), order.end(), 0);
  sim::RandomStream r = stream(seed, "population.faults");
  r.shuffle(order.begin(), order.end());
  order.resize(down);
  std::sort(order.begin(), order.end());
  for (const bool up : {false, true})
    for (const std::size_t d : order)
      g.timeline.push_back(TimelineEntry{p.faults.at + (up ? p.faults.lasting : 0s),
                                         SetHostUp{"mx." + domains[d], up}, p.pos});
}

}  // namespace

std::vector<std::string> population_domains(const PopulationModel& p) {
  std::vector<std::string> out = p.domain_names;
  for (int d = static_cast<int>(out.size()); d < p.domains; ++d)
    out.push_back("d" + std::to_string(d + 1) + ".example");
  return out;
}

GeneratedPopulation generate_population(const PopulationModel& p, std::uint64_t seed,
                                        SimTime start_of_day, const std::string& dns_server,
                                        const std::vector<sim::net::Ipv4Address>& taken) {
  GeneratedPopulation g;
  g.dns_server = dns_server;
  const std::vector<std::string> domains = population_domains(p);
  const std::vector<int> users = users_per_domain(p, seed);
  add_network(p, domains, users, dns_server, taken, g);
  add_mail(p, domains, users, g);
  add_traffic(p, domains, users, seed, start_of_day, g);
  add_faults(p, domains, seed, g);
  std::stable_sort(g.timeline.begin(), g.timeline.end(),
                   [](const TimelineEntry& a, const TimelineEntry& b) { return a.at < b.at; });
  std::uint64_t number = 0;  // numbered in the order they are sent
  for (auto& entry : g.timeline)
    if (auto* send = std::get_if<SendMailAction>(&entry.action))
      send->subject = "Message " + std::to_string(++number);
  return g;
}

bool generated(const ScenarioModel& s, SourcePos pos) {
  return s.population && pos == s.population->pos;
}

ScenarioModel expanded(ScenarioModel s) {
  s.population.reset();
  return s;
}

}  // namespace mailsim::scenarios

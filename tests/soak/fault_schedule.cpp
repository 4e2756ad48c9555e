#include "tests/soak/fault_schedule.hpp"

#include <algorithm>
#include <array>
#include <exception>
#include <random>

#include <fmt/format.h>

#include "agents/proto/dns/zone_text.hpp"
#include "scenarios/model/model_edit.hpp"
#include "sim/time.hpp"

namespace mailsim::soak {

using namespace std::chrono_literals;
using scenarios::ChangeDnsAction;
using scenarios::SetHostUp;
using scenarios::SetLinkUp;

namespace {

// One RRset of a zone the lesson's DNS server serves: its owner, its type, and its records as
// zone-file lines.
struct RRset {
  std::string zone, owner, type;
  std::vector<std::string> lines;
};

// The A and MX RRsets of the lesson's zones, read by the DNS layer's own zone reader (the
// loader has checked the zones: one that does not read adds no fault).
std::vector<RRset> address_and_mx_sets(const scenarios::DnsModel& dns) {
  namespace d = proto::dns;
  std::vector<RRset> sets;
  for (const auto& [origin, text] : dns.zones) {
    std::vector<d::ResourceRecord> records;
    try {
      records = d::zone_from_text(origin, text).records();
    } catch (const std::exception&) {
      continue;
    }
    for (const d::ResourceRecord& r : records) {
      if (r.type != d::RecordType::A && r.type != d::RecordType::MX) continue;
      const std::string owner = r.name.to_string(), type = d::type_name(r.type);
      auto set = std::find_if(sets.begin(), sets.end(), [&](const RRset& x) {
        return x.zone == origin && x.owner == owner && x.type == type;
      });
      if (set == sets.end()) set = sets.insert(sets.end(), {origin, owner, type, {}});
      // The zone-text form ("owner TTL TYPE data": zone_text.hpp has no class field).
      set->lines.push_back(fmt::format("{} {} {} {}", owner, r.ttl, type, d::to_string(r.data)));
    }
  }
  return sets;
}

}  // namespace

std::string add_random_faults(scenarios::ScenarioModel& scenario, std::uint64_t seed) {
  // Not the simulator's streams: the faults are part of the scenario, drawn before the run.
  std::mt19937_64 draw(seed);
  auto pick = [&](std::size_t n) {
    return std::uniform_int_distribution<std::size_t>(0, n - 1)(draw);
  };
  const auto& net = scenario.network;
  if (net.hosts.empty() && net.links.empty()) return "no fault (nothing to break)";
  const std::vector<RRset> dns_sets =
      scenario.mail.dns ? address_and_mx_sets(*scenario.mail.dns) : std::vector<RRset>{};
  // Faults start while the lesson happens: up to ten minutes after its last timeline entry.
  sim::SimTime horizon = 10min;
  std::vector<sim::SimTime> sends;
  for (const auto& entry : scenario.timeline) {
    horizon = std::max(horizon, entry.at + 10min);
    if (std::holds_alternative<scenarios::SendMailAction>(entry.action)) sends.push_back(entry.at);
  }
  // From a blip to longer than Postfix's retries (the message then bounces after 5 days).
  constexpr std::array<sim::SimTime, 8> kOutages{1s, 20s, 2min, 10min, 1h, 6h, 2 * 24h, 6 * 24h};
  std::string told;
  const std::size_t faults = 1 + pick(4);
  for (std::size_t i = 0; i < faults; ++i) {
    sim::SimTime down{std::uniform_int_distribution<std::int64_t>(0, horizon.count())(draw)};
    // One fault in three starts within 1.5 s of a message being sent: in the middle of its
    // SMTP dialogues (often during DATA), where a cut leaves the sender unsure.
    if (!sends.empty() && pick(3) == 0)
      down = sends[pick(sends.size())] +
             sim::SimTime(std::uniform_int_distribution<std::int64_t>(0, 1'500'000)(draw));
    const sim::SimTime outage = kOutages[pick(kOutages.size())];
    // One fault in four, where the lesson has a zone, is the DNS administrator's: an address
    // moved to another host, or a record removed, and put back after the outage.
    if (!dns_sets.empty() && pick(4) == 0) {
      const RRset& set = dns_sets[pick(dns_sets.size())];
      ChangeDnsAction change{set.zone, {}, set.owner, set.type};  // removed...
      std::string what = "removed";
      if (set.type == "A" && !net.hosts.empty()) {  // ...or moved
        const std::string moved = net.hosts[pick(net.hosts.size())].address.to_string();
        change = ChangeDnsAction{set.zone, {}, {}, {}};
        for (const std::string& line : set.lines)
          change.lines.push_back(line.substr(0, line.rfind(' ') + 1) + moved);
        what = "moved to " + moved;
      }
      scenarios::add_to_timeline(scenario, down, change);
      scenarios::add_to_timeline(scenario, down + outage,
                                 ChangeDnsAction{set.zone, set.lines, {}, {}});
      told += fmt::format("DNS {} {} {} at {} for {}; ", set.owner, set.type, what,
                          sim::format_time(down), sim::format_time(outage));
      continue;
    }
    const bool host = net.links.empty() || (!net.hosts.empty() && pick(2) == 0);
    const std::string name =
        host ? net.hosts[pick(net.hosts.size())].name : net.links[pick(net.links.size())].name;
    if (host) {
      scenarios::add_to_timeline(scenario, down, SetHostUp{name, false});
      scenarios::add_to_timeline(scenario, down + outage, SetHostUp{name, true});
    } else {
      scenarios::add_to_timeline(scenario, down, SetLinkUp{name, false});
      scenarios::add_to_timeline(scenario, down + outage, SetLinkUp{name, true});
    }
    told += fmt::format("{} {} down at {} for {}; ", host ? "host" : "link", name,
                        sim::format_time(down), sim::format_time(outage));
  }
  return told;
}

}  // namespace mailsim::soak

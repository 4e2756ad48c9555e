#include "tests/soak/fault_schedule.hpp"

#include <algorithm>
#include <array>
#include <random>

#include <fmt/format.h>

#include "scenarios/model/model_edit.hpp"
#include "sim/time.hpp"

namespace mailsim::soak {

using namespace std::chrono_literals;
using scenarios::ChangeDnsAction;
using scenarios::SetHostUp;
using scenarios::SetLinkUp;

namespace {

// One RRset of a zone the lesson's DNS server serves: its owner (absolute), its type, and its
// records as zone-file lines with absolute owners.
struct RRset {
  std::string zone, owner, type;
  std::vector<std::string> lines;
};

std::vector<std::string> words(const std::string& line) {
  std::vector<std::string> out;
  std::string w;
  for (char c : line + " ")
    if (c == ' ' || c == '\t') {
      if (!w.empty()) out.push_back(std::move(w));
      w.clear();
    } else {
      w += c;
    }
  return out;
}

// The A and MX RRsets of the lesson's zones (a line that starts with a blank, a directive or a
// comment is left alone: the faults need not understand every zone file).
std::vector<RRset> address_and_mx_sets(const scenarios::DnsModel& dns) {
  std::vector<RRset> sets;
  for (const auto& [origin, text] : dns.zones) {
    const std::string dotted = origin.ends_with(".") ? origin : origin + ".";
    std::string line;
    for (std::size_t start = 0; start <= text.size();) {
      const std::size_t end = std::min(text.find('\n', start), text.size());
      line = text.substr(start, end - start);
      start = end + 1;
      if (line.empty() || line[0] == ' ' || line[0] == '\t' || line[0] == '$' || line[0] == ';')
        continue;
      std::vector<std::string> w = words(line.substr(0, line.find(';')));
      std::size_t t = 1;
      while (t < w.size() && w[t] != "A" && w[t] != "MX")
        ++t;
      if (t + 1 >= w.size() || t > 3) continue;
      const std::string owner = w[0] == "@"           ? dotted
                                : w[0].ends_with(".") ? w[0]
                                                      : w[0] + "." + dotted;
      std::string record = owner;
      for (std::size_t i = 1; i < w.size(); ++i)
        record += " " + w[i];
      auto same = std::find_if(sets.begin(), sets.end(), [&](const RRset& r) {
        return r.zone == origin && r.owner == owner && r.type == w[t];
      });
      if (same == sets.end()) sets.push_back({origin, owner, w[t], {}}), same = sets.end() - 1;
      same->lines.push_back(record);
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

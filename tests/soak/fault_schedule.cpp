#include "tests/soak/fault_schedule.hpp"

#include <algorithm>
#include <array>
#include <random>

#include <fmt/format.h>

#include "scenarios/model/model_edit.hpp"
#include "sim/time.hpp"

namespace mailsim::soak {

using namespace std::chrono_literals;
using scenarios::SetHostUp;
using scenarios::SetLinkUp;

std::string add_random_faults(scenarios::ScenarioModel& scenario, std::uint64_t seed) {
  // Not the simulator's streams: the faults are part of the scenario, drawn before the run.
  std::mt19937_64 draw(seed);
  auto pick = [&](std::size_t n) {
    return std::uniform_int_distribution<std::size_t>(0, n - 1)(draw);
  };
  const auto& net = scenario.network;
  if (net.hosts.empty() && net.links.empty()) return "no fault (nothing to break)";
  // Faults start while the lesson happens: up to ten minutes after its last timeline entry.
  sim::SimTime horizon = 10min;
  for (const auto& entry : scenario.timeline)
    horizon = std::max(horizon, entry.at + 10min);
  // From a blip to longer than Postfix's retries (the message then bounces after 5 days).
  constexpr std::array<sim::SimTime, 8> kOutages{1s, 20s, 2min, 10min, 1h, 6h, 2 * 24h, 6 * 24h};
  std::string told;
  const std::size_t faults = 1 + pick(4);
  for (std::size_t i = 0; i < faults; ++i) {
    const sim::SimTime down{std::uniform_int_distribution<std::int64_t>(0, horizon.count())(draw)};
    const sim::SimTime outage = kOutages[pick(kOutages.size())];
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

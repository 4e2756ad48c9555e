#pragma once
// A crowd described in a few lines (the `population:` section): how many domains, users and
// messages, and the shape of their day. The loader expands it, from the scenario's seed, into
// hosts, routers, links, DNS zones, mail servers, mail clients and timeline entries that follow
// the same rules as written ones (scenarios/population/population.hpp).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "scenarios/load/diagnostics.hpp"
#include "sim/time.hpp"

namespace mailsim::scenarios {

// How the users' PCs reach their domain: each on a line of its own to the domain's access
// router (home), or all on one shared LAN behind a single uplink (lan: a school, an office).
enum class PopulationAccess { home, lan };

struct PopulationTraffic {
  std::uint64_t messages = 0;  // per day
  int days = 1;
  // Clock times of the day (local, as `start` shows them) around which mail is busiest; two
  // thirds of the messages fall within about an hour of one of them, the rest all day long.
  std::vector<sim::SimTime> peaks;
  // The clock times between which mail is sent (`hours: [08:00:00, 17:00:00]`); all day when
  // both are zero.
  sim::SimTime from{0}, until{0};
  // Shares of the recipients (normalised): a user of the sender's domain, a user of another
  // domain, an address nobody has (at another domain).
  double same_domain = 0.3;
  double other_domains = 0.65;
  double unknown = 0.05;
  // Sizes of the attached file: log-normal around the median (half smaller, half larger), at
  // most `max_size`; under 1 kB no file is attached.
  std::uint64_t median_size = 10'000;
  std::uint64_t max_size = 1'000'000;
  bool operator==(const PopulationTraffic&) const = default;
};

struct PopulationFaults {
  double mx_down = 0;  // share of the domains whose MX host goes down
  sim::SimTime at{0};
  sim::SimTime lasting = std::chrono::hours(2);
  bool operator==(const PopulationFaults&) const = default;
};

struct PopulationModel {
  std::vector<std::string> domain_names;  // the domains named in the file (`domains: [...]`)
  int domains = 0;                        // how many, named ones first, then d<N>.example
  int users = 0;
  PopulationAccess access = PopulationAccess::home;
  std::optional<sim::SimTime> fetch_every;  // each client fetches its mail at this interval
  PopulationTraffic traffic;
  PopulationFaults faults;
  // Where the section is written: every generated thing carries this position, so that an
  // error about it points at the section, and the writer leaves it out (the section says it).
  SourcePos pos;
  bool operator==(const PopulationModel&) const = default;
};

}  // namespace mailsim::scenarios

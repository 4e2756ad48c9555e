#pragma once
// Random faults for the soak test: from a seed, hosts and links of a scenario go down and come
// back up at random times (some in the middle of a message's SMTP dialogues), and the DNS
// administrator moves an address to another host or
// removes an A or MX record for a while, as timeline entries. The same seed gives the same
// faults.
#include <cstdint>
#include <string>

#include "scenarios/model/scenario_model.hpp"

namespace mailsim::soak {

// Adds 1 to 4 faults to `scenario`'s timeline, drawn from `seed`; returns them in words (for
// the failure message that lets a person replay the run).
std::string add_random_faults(scenarios::ScenarioModel& scenario, std::uint64_t seed);

}  // namespace mailsim::soak

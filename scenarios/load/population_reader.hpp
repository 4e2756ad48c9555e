#pragma once
// Reads the `population:` section and adds what it generates to the scenario, section by
// section, so that the written sections after it may name generated hosts, servers and clients
// (and are checked against them as against written ones).
#include <optional>
#include <string>
#include <vector>

#include "scenarios/load/yaml_node.hpp"

#include "scenarios/load/diagnostics.hpp"
#include "scenarios/model/scenario_model.hpp"
#include "scenarios/population/population.hpp"

namespace mailsim::scenarios {

// The most messages a population may send in all: each waits in the timeline, in memory.
inline constexpr std::uint64_t kMaxPopulationMessages = 2'000'000;

std::optional<PopulationModel> read_population(const YamlNode& node, bool has_duration,
                                               Diagnostics& diag);

// Generates `s.population`'s world (the network already read: generated addresses avoid the
// written ones, and the file's DNS server, if any, serves the zones).
GeneratedPopulation generate_for(const ScenarioModel& s, const std::string& dns_server);
// Adds the generated hosts, routers and links; a name the file already uses is reported.
void add_population_network(ScenarioModel& s, GeneratedPopulation& g, Diagnostics& diag);
// Adds the zones (and the DNS server when the file has no `dns:`), servers and clients.
void add_population_mail(ScenarioModel& s, GeneratedPopulation& g, Diagnostics& diag);
// Merges the generated sends and faults into the written timeline, in time order (written
// entries first at the same time).
void add_population_timeline(ScenarioModel& s, GeneratedPopulation& g);

}  // namespace mailsim::scenarios

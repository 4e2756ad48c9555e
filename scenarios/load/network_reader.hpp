#pragma once
// Reads the `network:` section of a scenario: hosts, routers and links, with units as people
// write them, references checked (with a "did you mean"), every problem reported with its place.
#include "scenarios/load/yaml_node.hpp"

#include "scenarios/load/diagnostics.hpp"
#include "scenarios/model/network_model.hpp"

namespace mailsim::scenarios {

NetworkModel read_network(const YamlNode& node, Diagnostics& diag);

// The keys each mapping of the section accepts, for the schema consistency test.
std::vector<std::string> network_keys();
std::vector<std::string> host_keys();
std::vector<std::string> router_keys();
std::vector<std::string> link_keys();

}  // namespace mailsim::scenarios

#pragma once
// Reads the `timeline:` section: actions at given times (links and hosts going down or up,
// link parameters changing, a person typing an SMTP session, a mail client sending or fetching),
// with their references checked against the network and the mail clients.
#include <vector>

#include "scenarios/load/yaml_node.hpp"

#include "scenarios/load/diagnostics.hpp"
#include "scenarios/model/scenario_model.hpp"

namespace mailsim::scenarios {

std::vector<TimelineEntry> read_timeline(const std::vector<YamlNode>& entries,
                                         const NetworkModel& network, const MailModel& mail,
                                         Diagnostics& diag);

// The action keys a timeline entry may hold, for messages and the schema test.
const std::vector<std::string>& timeline_action_keys();

}  // namespace mailsim::scenarios

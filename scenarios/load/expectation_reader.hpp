#pragma once
// Reads the `expect:` section: what the run must show, checked against the network's names.
#include <vector>

#include "scenarios/load/yaml_node.hpp"

#include "scenarios/load/diagnostics.hpp"
#include "scenarios/model/expectation_model.hpp"
#include "scenarios/model/mail_model.hpp"
#include "scenarios/model/network_model.hpp"

namespace mailsim::scenarios {

std::vector<ExpectationEntry> read_expectations(const std::vector<YamlNode>& entries,
                                                const NetworkModel& network, const MailModel& mail,
                                                Diagnostics& diag);

const std::vector<std::string>& expectation_keys();

}  // namespace mailsim::scenarios

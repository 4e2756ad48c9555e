#pragma once
// Reads `mail: clients:`: each person's mail client, the host it runs on, its user's address,
// where it submits mail and where it fetches it.
#include <optional>
#include <vector>

#include "scenarios/load/yaml_node.hpp"

#include "scenarios/load/diagnostics.hpp"
#include "scenarios/model/mail_model.hpp"
#include "scenarios/model/network_model.hpp"

namespace mailsim::scenarios {

std::vector<MailClientModel> read_clients(const std::vector<YamlNode>& entries,
                                          const NetworkModel& network,
                                          const std::vector<MailServerModel>& servers,
                                          Diagnostics& diag);

// A client that fetches at an interval never lets the run settle: the scenario needs a
// `duration` then.
void check_periodic_fetch(const std::vector<MailClientModel>& clients,
                          const std::optional<sim::SimTime>& duration, Diagnostics& diag);

}  // namespace mailsim::scenarios

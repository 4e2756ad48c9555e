#pragma once
// Reads the policy keys of one `mail: servers:` entry beyond the basics: sizes and quotas, the
// relay host, the retry schedule and delay warnings, spam rules and filing rules.
#include <vector>

#include "scenarios/load/diagnostics.hpp"
#include "scenarios/model/mail_model.hpp"
#include "scenarios/model/network_model.hpp"

namespace mailsim::scenarios {

class YamlMap;

void read_server_policy(YamlMap& server, MailServerModel& out, const NetworkModel& network,
                        Diagnostics& diag);

}  // namespace mailsim::scenarios

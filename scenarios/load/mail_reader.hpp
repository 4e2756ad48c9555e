#pragma once
// Reads the `dns:` and `mail:` sections: the DNS server with its zones, and the mail servers.
#include <yaml-cpp/yaml.h>

#include "scenarios/load/diagnostics.hpp"
#include "scenarios/model/mail_model.hpp"
#include "scenarios/model/network_model.hpp"

namespace mailsim::scenarios {

std::optional<DnsModel> read_dns(const YAML::Node& node, const NetworkModel& network,
                                 Diagnostics& diag);
std::vector<MailServerModel> read_mail(const YAML::Node& node, const NetworkModel& network,
                                       Diagnostics& diag);

}  // namespace mailsim::scenarios

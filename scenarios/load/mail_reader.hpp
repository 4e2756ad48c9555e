#pragma once
// Reads the `dns:` and `mail:` sections: the DNS server with its zones, the mail servers and
// the mail clients.
#include "scenarios/load/yaml_node.hpp"

#include "scenarios/load/diagnostics.hpp"
#include "scenarios/model/mail_model.hpp"
#include "scenarios/model/network_model.hpp"

namespace mailsim::scenarios {

std::optional<DnsModel> read_dns(const YamlNode& node, const NetworkModel& network,
                                 Diagnostics& diag);
// Fills the servers and clients (the DNS part is read by read_dns).
MailModel read_mail(const YamlNode& node, const NetworkModel& network, Diagnostics& diag);

}  // namespace mailsim::scenarios

#pragma once
// The DNS and mail parts of a scenario: who serves which zones, and the mail servers with
// their domains, users and policies.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "scenarios/load/diagnostics.hpp"

namespace mailsim::scenarios {

struct DnsModel {
  std::string server;                        // the host that serves every zone
  std::map<std::string, std::string> zones;  // origin -> records, one per line
  SourcePos pos;
};

struct MailServerModel {
  std::string host;  // its host name is also its mail name ("mx.b.example")
  std::vector<std::string> domains;
  std::map<std::string, std::string> users;   // login -> password (mailboxes)
  std::vector<std::string> trusted_networks;  // "192.0.2.0/24": may relay (Postfix mynetworks)
  std::vector<std::string> relay_domains;
  bool open_relay = false;
  bool greylisting = false;
  std::optional<std::string> dnsbl;  // a list zone, e.g. "bl.example"
  std::string spf = "off";           // off | score | reject
  bool submission = false;           // a submission service on port 587 for its users
  std::optional<int> daily_limit;    // messages per user per 24 hours on port 587
  SourcePos pos;
};

struct MailModel {
  std::optional<DnsModel> dns;
  std::vector<MailServerModel> servers;
};

}  // namespace mailsim::scenarios

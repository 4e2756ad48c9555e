#include "ui/cli/bridge_targets.hpp"

#include <iostream>

#include "ui/cli/serve_text.hpp"

namespace mailsim::cli {

namespace {

const scenarios::MailServerModel* server_named(const scenarios::ScenarioModel& s,
                                               const std::string& host) {
  for (const auto& server : s.mail.servers)
    if (server.host == host) return &server;
  return nullptr;
}

}  // namespace

std::optional<BridgeTarget> bridge_target(const scenarios::ScenarioModel& s,
                                          BridgeProtocol protocol, const std::string& host,
                                          const char* option, Lang lang) {
  BridgeTarget t;
  t.protocol = protocol;
  t.host = host;
  if (t.host.empty()) {
    const scenarios::MailServerModel* chosen = nullptr;
    if (protocol == BridgeProtocol::smtp) {
      for (const auto& server : s.mail.servers)
        if (server.submission && chosen == nullptr) chosen = &server;
    } else {
      for (const auto& client : s.mail.clients)
        if (client.fetch && chosen == nullptr) chosen = server_named(s, client.fetch->server);
    }
    if (chosen == nullptr && !s.mail.servers.empty()) chosen = &s.mail.servers.front();
    if (chosen == nullptr) {
      std::cerr << Text(msg::kServeNoServer, {{"option", option}}).render(lang) << "\n";
      return std::nullopt;
    }
    t.host = chosen->host;
  }
  const scenarios::HostModel* server_host = nullptr;
  std::string hosts;
  for (const auto& h : s.network.hosts) {
    if (h.name == t.host) server_host = &h;
    hosts += (hosts.empty() ? "" : ", ") + h.name;
  }
  if (server_host == nullptr) {
    std::cerr << Text(msg::kServeNoSuchHost, {{"value", t.host}, {"hosts", hosts}}).render(lang)
              << "\n";
    return std::nullopt;
  }
  t.address = server_host->address;
  const scenarios::MailServerModel* server = server_named(s, t.host);
  switch (protocol) {
    case BridgeProtocol::smtp:
      t.port = server != nullptr && server->submission ? 587 : 25;
      break;
    case BridgeProtocol::pop3:
      t.port = 110;
      break;
    case BridgeProtocol::imap:
      t.port = 143;
      break;
  }
  for (const auto& client : s.mail.clients)
    if (t.from.empty() && client.host != t.host) t.from = client.host;
  for (const auto& h : s.network.hosts)
    if (t.from.empty() && h.name != t.host) t.from = h.name;
  if (t.from.empty()) t.from = t.host;
  return t;
}

}  // namespace mailsim::cli

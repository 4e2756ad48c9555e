#include "scenarios/load/setting_warnings.hpp"

#include <algorithm>

#include "scenarios/load/messages.hpp"

namespace mailsim::scenarios {

void warn_about_settings(const ScenarioModel& scenario, Diagnostics& diag) {
  const auto& servers = scenario.mail.servers;
  for (const auto& client : scenario.mail.clients) {
    // A password on port 587 means submission; a server without it refuses the connection
    // (wrong-smtp-server teaches exactly that, and its warning says so before the class runs it).
    if (!client.submit || client.submit->password.empty() || client.submit->port != 587) continue;
    const auto server = std::find_if(servers.begin(), servers.end(), [&](const auto& s) {
      return s.host == client.submit->server;
    });
    if (server == servers.end() || server->submission) continue;
    diag.warning(client.pos, Text(msg::kPasswordWithoutSubmission,
                                  {{"client", client.name}, {"server", server->host}}));
  }
}

}  // namespace mailsim::scenarios

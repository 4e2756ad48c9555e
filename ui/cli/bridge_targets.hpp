#pragma once
// Which simulated server each `mailsim serve` listener reaches, and from which host.
#include <optional>
#include <string>

#include "scenarios/model/scenario_model.hpp"
#include "sim/text.hpp"
#include "ui/cli/bridge.hpp"

namespace mailsim::cli {

// SMTP: the first mail server with a submission service, on port 587 (else the first mail
// server, on 25); POP3 and IMAP: the server the first mail client fetches from (else the first
// mail server), on 110 and 143. `host`, when given, is the server instead (587 when it offers
// submission). The session starts from the first mail client's host, else from the first
// other host. Empty, with the reason on standard error, when there is none.
std::optional<BridgeTarget> bridge_target(const scenarios::ScenarioModel& scenario,
                                          BridgeProtocol protocol, const std::string& host,
                                          const char* option, Lang lang);

}  // namespace mailsim::cli

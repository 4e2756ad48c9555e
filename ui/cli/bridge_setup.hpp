#pragma once
// The listeners of `mailsim serve` and `mailsim-gui --smtp`, opened on a running scenario: each
// --smtp/--pop3/--imap address read, its simulated server chosen, STARTTLS's certificate made,
// and a line printed for each ("SMTP: listening on 127.0.0.1:2525, bridged to ...").
#include <memory>

#include "scenarios/build/scenario_run.hpp"
#include "sim/text.hpp"
#include "ui/cli/bridge.hpp"
#include "ui/cli/options.hpp"
#include "ui/cli/tls_context.hpp"

namespace mailsim::cli {

struct BridgeSetup {
  std::unique_ptr<TlsContext> tls;  // before the bridge, which uses it
  std::unique_ptr<Bridge> bridge;
};

// Null, with the reason on standard error, when an address, the host, a certificate or a port
// cannot serve. The options' --cert, --key and --no-tls are checked by check_tls_options first.
std::unique_ptr<BridgeSetup> open_bridges(const Options& o, scenarios::ScenarioRun& run,
                                          BridgeLimits limits, double speed, Lang lang);

}  // namespace mailsim::cli

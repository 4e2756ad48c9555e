#pragma once
// `mailsim serve`: runs a scenario in real time (or faster) and bridges real TCP connections
// into it (bridge.hpp), narrating as `mailsim run` does; Ctrl-C stops it with what became of
// each message.
#include "sim/text.hpp"
#include "ui/cli/options.hpp"

namespace mailsim::cli {

// The exit status: 0 after Ctrl-C, 2 when the options or the scenario are wrong, 3 when an
// event failed.
int serve_command(const Options& options, Lang lang);

}  // namespace mailsim::cli

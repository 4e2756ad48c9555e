#pragma once
// `mailsim run`: runs a scenario headless and narrates it (or writes its trace as JSON lines),
// with the dialogues' transcript on request.
#include "sim/text.hpp"
#include "ui/cli/options.hpp"

namespace mailsim::cli {

// The exit status: 0 when the run went to its end, 2 when the options or the scenario are wrong.
int run_command(const Options& options, Lang lang);

}  // namespace mailsim::cli

#pragma once
// `mailsim report`: runs a lesson and writes its page (ui/report/lesson_page.hpp).
#include "sim/text.hpp"
#include "ui/cli/options.hpp"

namespace mailsim::cli {

// The exit status: 0 when the page is written, 2 when the options or the scenario are wrong or
// the file cannot be written, 3 when the run failed.
int report_command(const Options& options, Lang lang);

}  // namespace mailsim::cli

#pragma once
// `mailsim grade --against LESSON FILE...`: grades each student's file in a process of its own
// (`mailsim grade-file`, under a wall-time and a memory limit) and prints the class's table.
#include "sim/text.hpp"
#include "ui/cli/options.hpp"

namespace mailsim::cli {

// 0 once every file has its row (whatever its score), 2 when the options or the lesson are
// wrong.
int grade_command(const Options& options, Lang lang);

}  // namespace mailsim::cli

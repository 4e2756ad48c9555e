#pragma once
// `mailsim exercise make LESSON -o OUT`: the student's copy of a lesson (scenarios/exercise),
// or one copy per variant (--variants N) or per student (--students FILE), each in a world of
// its own. docs/exercises.md tells the teacher's side.
#include "sim/text.hpp"
#include "ui/cli/options.hpp"

namespace mailsim::cli {

// 0 when every copy is written, 2 when the options, the lesson or a cut are wrong.
int exercise_command(const Options& options, Lang lang);

}  // namespace mailsim::cli

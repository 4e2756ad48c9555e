#pragma once
// Grades one student's file against a lesson, in the process `mailsim grade` starts for it
// (the hidden command `mailsim grade-file`): the file is loaded and built as `validate` does;
// the lesson's expectations (those of the file's variant, when it has one) replace the file's
// own; the run is graded as `check` does. The result goes to standard output as JSON.
#include <string>

#include "scenarios/model/scenario_model.hpp"
#include "sim/text.hpp"
#include "ui/cli/grade_report.hpp"
#include "ui/cli/options.hpp"

namespace mailsim::cli {

// The exit status of a grading process that ran out of memory (under --memory-limit).
inline constexpr int kOutOfMemoryStatus = 4;

GradedFile grade_one(const scenarios::ScenarioModel& lesson, const std::string& file, Lang lang);

// `mailsim grade-file --against LESSON FILE`: 0 after writing the JSON, 2 when the lesson does
// not load, kOutOfMemoryStatus.
int grade_file_command(const Options& options, Lang lang);

}  // namespace mailsim::cli

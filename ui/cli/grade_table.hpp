#pragma once
// The grading table of a class, in the format asked: text (a block per file, with each
// expectation and its evidence), csv (a row per file, for a spreadsheet), json, or md (a
// Markdown table, with the evidence in its cells).
#include <string>

#include "sim/text.hpp"
#include "ui/cli/grade_report.hpp"

namespace mailsim::cli {

std::string grade_table(const ClassReport& report, const std::string& format, Lang lang);

}  // namespace mailsim::cli

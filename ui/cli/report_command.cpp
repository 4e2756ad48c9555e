#include "ui/cli/report_command.hpp"

#include <fstream>
#include <iostream>

#include "ui/cli/cli_text.hpp"
#include "ui/cli/lesson_report_text.hpp"
#include "ui/cli/scenario_source.hpp"
#include "ui/report/lesson_page.hpp"
#include "ui/report/lesson_record.hpp"

namespace mailsim::cli {

int report_command(const Options& o, Lang lang) {
  std::optional<std::uint64_t> seed;
  if (!parse_seed(o.seed, lang, seed)) return 2;
  auto run = start(o.scenario, seed, lang);
  if (!run) return 2;
  const report::LessonRecord record =
      report::record_lesson(*run, o.scenario, seed.value_or(run->model().seed), lang);
  if (report_failure(*run, lang)) return 3;
  std::ofstream out(o.output, std::ios::binary);
  out << report::lesson_page(record);
  out.close();
  if (!out) {
    std::cerr << Text(msg::kCannotWriteFile, {{"path", o.output}}).render(lang) << "\n";
    return 2;
  }
  if (!o.quiet) std::cerr << Text(msg::kReportWritten, {{"path", o.output}}).render(lang) << "\n";
  return 0;
}

}  // namespace mailsim::cli

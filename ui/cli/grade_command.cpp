#include "ui/cli/grade_command.hpp"

#include <charconv>
#include <csignal>
#include <cstring>
#include <iostream>

#include "ui/cli/child_process.hpp"
#include "ui/cli/classroom_text.hpp"
#include "ui/cli/grade_one.hpp"
#include "ui/cli/grade_table.hpp"
#include "ui/cli/scenario_source.hpp"

namespace mailsim::cli {
namespace {

namespace c = classroom;

bool parse_limits(const Options& o, Lang lang, ChildLimits& limits) {
  try {
    const sim::SimTime wall = sim::parse_time(o.time_limit);
    if (wall.count() <= 0) {
      std::cerr << Text(c::kTimeLimitZero).render(lang) << "\n";
      return false;
    }
    limits.wall = std::chrono::duration_cast<std::chrono::milliseconds>(wall);
    if (limits.wall.count() == 0) limits.wall = std::chrono::milliseconds(1);
  } catch (const sim::TimeParseError& e) {
    std::cerr << Text(c::kBadTimeLimit).with("error", e.text()).render(lang) << "\n";
    return false;
  }
  std::uint64_t mib = 0;
  const std::string& m = o.memory_limit;
  const auto [end, error] = std::from_chars(m.data(), m.data() + m.size(), mib);
  if (error != std::errc{} || end != m.data() + m.size() || mib < 64 || mib > 1048576) {
    std::cerr << Text(c::kBadMemoryLimit, {{"value", m}}).render(lang) << "\n";
    return false;
  }
  limits.memory_bytes = mib << 20;
  return true;
}

// The row of a file whose process ended without a grade.
GradedFile stopped(const std::string& file, const std::string& why, std::size_t expectations,
                   const std::vector<std::string>& descriptions) {
  GradedFile g;
  g.file = file;
  g.status = GradedFile::Status::stopped;
  g.stopped = why;
  for (std::size_t i = 0; i < expectations; ++i)
    g.results.push_back({false, descriptions[i], ""});
  return g;
}

GradedFile grade_in_child(const Options& o, const std::string& file, const ChildLimits& limits,
                          const std::vector<std::string>& descriptions, Lang lang) {
  const std::vector<std::string> argv{
      own_program(), "grade-file", "--lang", lang == Lang::fr ? "fr" : "en",
      "--against",   o.against,    "--",     file};
  std::string error;
  const auto outcome = run_child(argv, limits, error);
  const std::size_t n = descriptions.size();
  if (!outcome)
    return stopped(file, Text(c::kCannotStart, {{"file", file}, {"reason", error}}).render(lang), n,
                   descriptions);
  if (outcome->end == ChildOutcome::End::timed_out)
    return stopped(file, Text(c::kStoppedTime, {{"limit", o.time_limit}}).render(lang), n,
                   descriptions);
  if (outcome->end == ChildOutcome::End::exited && outcome->status == kOutOfMemoryStatus)
    return stopped(file, Text(c::kStoppedMemory, {{"limit", o.memory_limit}}).render(lang), n,
                   descriptions);
  if (outcome->end == ChildOutcome::End::exited && outcome->status == 0) {
    const auto json = nlohmann::json::parse(outcome->out, nullptr, false);
    if (!json.is_discarded())
      if (auto graded = graded_from_json(json)) return *graded;
  }
  const std::string how = outcome->end == ChildOutcome::End::signalled
                              ? std::string(strsignal(outcome->signal))
                              : "exit " + std::to_string(outcome->status);
  return stopped(file, Text(c::kStoppedOther, {{"how", how}}).render(lang), n, descriptions);
}

}  // namespace

int grade_command(const Options& o, Lang lang) {
  ChildLimits limits;
  if (!parse_limits(o, lang, limits)) return 2;
  const auto lesson = load(o.against, lang);
  if (!lesson) return 2;
  const auto descriptions = describe_expectations(*lesson, lang);
  if (!descriptions) return 2;
  ClassReport report{o.against, *descriptions, {}};
  for (const auto& file : o.files)
    report.files.push_back(grade_in_child(o, file, limits, *descriptions, lang));
  std::cout << grade_table(report, o.format, lang);
  return 0;
}

}  // namespace mailsim::cli

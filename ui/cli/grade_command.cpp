#include "ui/cli/grade_command.hpp"

#include <algorithm>
#include <atomic>
#include <charconv>
#include <csignal>
#include <cstring>
#include <iostream>
#include <thread>

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

// How many files are graded at once: --jobs, or one per processor core.
bool parse_jobs(const std::string& text, Lang lang, std::size_t& jobs) {
  if (text.empty()) {
    jobs = std::max(1u, std::thread::hardware_concurrency());
    return true;
  }
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), jobs);
  if (error != std::errc{} || end != text.data() + text.size() || jobs < 1 || jobs > 64) {
    std::cerr << Text(c::kBadJobs, {{"value", text}}).render(lang) << "\n";
    return false;
  }
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
  std::size_t jobs = 1;
  if (!parse_limits(o, lang, limits) || !parse_jobs(o.jobs, lang, jobs)) return 2;
  const auto lesson = load(o.against, lang);
  if (!lesson) return 2;
  const auto descriptions = describe_expectations(*lesson, lang);
  if (!descriptions) return 2;
  ClassReport report{o.against, *descriptions, {}};
  // Each worker takes the next file; every row keeps its file's place in the table.
  report.files.resize(o.files.size());
  std::atomic<std::size_t> next{0};
  auto work = [&] {
    for (std::size_t i = next++; i < o.files.size(); i = next++)
      report.files[i] = grade_in_child(o, o.files[i], limits, *descriptions, lang);
  };
  std::vector<std::jthread> workers;
  for (std::size_t w = 1; w < std::min(jobs, o.files.size()); ++w)
    workers.emplace_back(work);
  work();
  workers.clear();  // joins
  std::cout << grade_table(report, o.format, lang);
  return 0;
}

}  // namespace mailsim::cli

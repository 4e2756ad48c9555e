#include "ui/cli/grade_one.hpp"

#include <filesystem>
#include <iostream>
#include <new>

#include "scenarios/build/expectation_check.hpp"
#include "scenarios/build/scenario_run.hpp"
#include "scenarios/exercise/variant.hpp"
#include "scenarios/write/scenario_writer.hpp"
#include "sim/lines.hpp"
#include "ui/cli/classroom_text.hpp"
#include "ui/cli/cli_text.hpp"
#include "ui/cli/scenario_source.hpp"

namespace mailsim::cli {
namespace {

namespace c = classroom;

// The diagnostics' lines, without the empty one after the last.
std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> out = split_lines(text);
  std::erase(out, std::string());
  return out;
}

// Every expectation unmet, with the same evidence (a file that does not validate, or where
// the expectations name what the file does not have).
void none_met(GradedFile& g, const scenarios::ScenarioModel& teacher, const std::string& evidence,
              Lang lang) {
  const auto descriptions = describe_expectations(teacher, lang);
  for (std::size_t i = 0; i < teacher.expectations.size(); ++i)
    g.results.push_back(
        {false, descriptions && i < descriptions->size() ? (*descriptions)[i] : "", evidence});
}

}  // namespace

GradedFile grade_one(const scenarios::ScenarioModel& lesson, const std::string& file, Lang lang) {
  GradedFile g;
  g.file = file;
  scenarios::LoadResult student = scenarios::load_scenario_file(file);
  if (!student.scenario) {
    g.status = GradedFile::Status::invalid;
    g.errors = lines_of(student.diagnostics.render(lang));
    none_met(g, lesson, "", lang);
    return g;
  }
  g.variant = student.scenario->variant;
  // A copy made for a student is named after the student (zoe-martin.yaml, or a name holding it:
  // zoe-martin-final.yaml). A file carrying another student's key is that student's world copied
  // whole: graded as such it would pass, so each expectation says why it is not met.
  if (const std::string own = scenarios::file_name_for(g.variant);
      !g.variant.empty() && own.find_first_not_of("0123456789") != std::string::npos &&
      scenarios::file_name_for(std::filesystem::path(file).stem().string()).find(own) ==
          std::string::npos) {
    none_met(
        g, lesson,
        Text(c::kOtherStudentsWorld, {{"key", g.variant},
                                      {"file", std::filesystem::path(file).filename().string()},
                                      {"own", own + ".yaml"}})
            .render(lang),
        lang);
    return g;
  }
  // The teacher's expectations, in the file's world.
  scenarios::ScenarioModel teacher = lesson;
  if (!g.variant.empty()) {
    scenarios::LoadResult renamed = scenarios::Variant(lesson, g.variant).apply(lesson);
    if (renamed.scenario) teacher = std::move(*renamed.scenario);
  }
  {  // Builds as `validate` does: a file that validates is one `run` builds.
    scenarios::Diagnostics diag(file);
    scenarios::ScenarioRun build(*student.scenario, diag);
    if (!build.ok()) {
      g.status = GradedFile::Status::invalid;
      g.errors = lines_of(diag.render(lang));
      none_met(g, teacher, "", lang);
      return g;
    }
  }
  // The file with the teacher's expectations, loaded again: the loader checks that what they
  // name (hosts, clients, addresses) is in the file.
  scenarios::ScenarioModel merged = *student.scenario;
  merged.expectations = teacher.expectations;
  scenarios::LoadResult graded =
      scenarios::load_scenario_text(scenarios::write_scenario(merged), file);
  if (!graded.scenario) {
    std::string reasons;
    for (const auto& d : graded.diagnostics.all())
      reasons += (reasons.empty() ? "" : "; ") + d.message.render(lang);
    none_met(g, teacher, Text(c::kCannotCheck, {{"reason", reasons}}).render(lang), lang);
    return g;
  }
  scenarios::Diagnostics diag(file);
  scenarios::ScenarioRun run(*graded.scenario, diag);
  scenarios::ExpectationChecker checker(
      run.model(), run.network(), run.sim().trace(),
      [&run](const std::string& agent, const std::string& queue_id, const std::string& rcpt) {
        return run.mail().holds(agent, queue_id, rcpt);
      });
  run.run_to_completion();
  // The run catches what an event throws: out of memory (--memory-limit) is the process's end.
  if (run.failure() && run.failure()->kind == "std::bad_alloc") throw std::bad_alloc();
  if (run.failure()) {
    g.status = GradedFile::Status::stopped;
    g.stopped = Text(c::kStoppedOther, {{"how", run.failure()->kind + ": " + run.failure()->what}})
                    .render(lang);
  }
  for (const auto& r : checker.results())
    g.results.push_back(
        {r.passed && !run.failure(), r.description.render(lang), r.evidence.render(lang)});
  return g;
}

int grade_file_command(const Options& o, Lang lang) {
  try {
    const auto lesson = load(o.against, lang);
    if (!lesson) return 2;
    for (const auto& file : o.files)
      std::cout << to_json(grade_one(*lesson, file, lang)) << "\n";
    return 0;
  } catch (const std::bad_alloc&) {
    return kOutOfMemoryStatus;
  }
}

}  // namespace mailsim::cli

// mailsim: runs scenarios headless and narrates them, in English or French.
//
//   mailsim run FILE|NAME [--until T] [--seed N] [--format text|json] [--packets] [--transcript]
//   mailsim serve FILE|NAME [--smtp A:P] [--pop3 A:P] [--imap A:P] [--host H] [--speed N]
//   mailsim report FILE|NAME -o PAGE.html [--seed N]
//   mailsim list | show NAME | check FILE|NAME [--seed N] | validate FILE|NAME
//   mailsim exercise make LESSON -o OUT [--cut PATH] [--variants N | --students FILE]
//   mailsim grade --against LESSON FILE... [--format text|csv|json|md]
//   global: --lang en|fr, --quiet, --help, --version (see docs/mailsim.1)
#include <iostream>
#include <optional>
#include <string>

#include "scenarios/build/check_messages.hpp"
#include "scenarios/build/expectation_check.hpp"
#include "scenarios/build/scenario_run.hpp"
#include "scenarios/library/builtin.hpp"
#include "scenarios/population/population.hpp"
#include "scenarios/write/scenario_writer.hpp"
#include "sim/inert.hpp"
#include "ui/cli/cli_text.hpp"
#include "ui/cli/exercise_command.hpp"
#include "ui/cli/grade_command.hpp"
#include "ui/cli/grade_one.hpp"
#include "ui/cli/options.hpp"
#include "ui/cli/report_command.hpp"
#include "ui/cli/run_command.hpp"
#include "ui/cli/scenario_source.hpp"
#include "ui/cli/serve_command.hpp"
#include "ui/cli/terminal.hpp"

namespace {

using namespace mailsim;

int cmd_list(bool quiet, Lang lang) {
  for (const auto& s : scenarios::builtin_scenarios()) {
    scenarios::LoadResult r = scenarios::load_scenario_text(s.text, std::string(s.name));
    std::cout << s.name << "  "
              << (r.scenario ? spell_controls(r.scenario->title.in(lang), Keep::layout) : "?")
              << "\n";
  }
  if (!quiet) std::cout << "\n" << Text(cli::msg::kListHint).render(lang) << "\n";
  return 0;
}

int cmd_show(const std::string& name, bool expand, Lang lang) {
  if (expand) {  // a file or a built-in scenario, its population written out
    const scenarios::LoadResult loaded = cli::load_file_or_builtin(name);
    std::cerr << loaded.diagnostics.render(lang);
    if (!loaded.scenario) return 2;
    std::cout << scenarios::write_scenario(scenarios::expanded(*loaded.scenario));
    return 0;
  }
  if (const auto* s = scenarios::find_builtin(name)) {
    std::cout << s->text;
    return 0;
  }
  std::cerr << cli::load_file_or_builtin(name).diagnostics.render(lang);
  return 2;
}

// Loads and builds the scenario without running it: a file that validates is one `run` builds.
int cmd_validate(const std::string& file, bool quiet, Lang lang) {
  const scenarios::LoadResult loaded = cli::load_file_or_builtin(file);
  // The loader's errors, or its warnings: settings that load but will surprise at run time.
  std::cerr << loaded.diagnostics.render(lang);
  if (!loaded.scenario || !cli::start(*loaded.scenario, std::nullopt, lang)) return 2;
  if (!quiet) std::cout << Text(cli::msg::kValid, {{"file", file}}).render(lang) << "\n";
  return 0;
}

// Quiet, only the failed expectations and the summary: what a script or a teacher grading
// many files needs.
int cmd_check(const cli::Options& o, Lang lang) {
  std::optional<std::uint64_t> seed;
  if (!cli::parse_seed(o.seed, lang, seed)) return 2;
  auto started = cli::start(o.scenario, seed, lang);
  if (!started) return 2;
  scenarios::ScenarioRun& run = *started;
  const scenarios::ScenarioModel* scenario = &run.model();
  scenarios::ExpectationChecker checker(
      run.model(), run.network(), run.sim().trace(),
      [&run](const std::string& agent, const std::string& queue_id, const std::string& rcpt) {
        return run.mail().holds(agent, queue_id, rcpt);
      });
  run.run_to_completion();
  if (cli::report_failure(run, lang)) return 3;
  const bool colours = cli::colours_wanted(1);
  if (!o.quiet) std::cout << spell_controls(scenario->title.in(lang), Keep::layout) << "\n\n";
  int passed = 0;
  const auto results = checker.results();
  for (const auto& r : results) {
    passed += r.passed ? 1 : 0;
    if (o.quiet && r.passed) continue;
    const std::string label =
        Text(r.passed ? scenarios::check::kPass : scenarios::check::kFail).render(lang);
    Text line(scenarios::check::kResultLine,
              {{"label", cli::paint(label, r.passed ? cli::Tone::good : cli::Tone::bad, colours)}});
    line.with("description", r.description).with("evidence", r.evidence);
    std::cout << line.render(lang) << "\n";
  }
  if (!o.quiet || passed != static_cast<int>(results.size())) std::cout << "\n";
  std::cout << counted(scenarios::check::kSummary, static_cast<unsigned long long>(passed), lang,
                       {{"total", std::to_string(results.size())}})
                   .render(lang)
            << "\n";
  return passed == static_cast<int>(results.size()) ? 0 : 1;
}

}  // namespace

int main(int argc, char** argv) {
  Lang lang = cli::language(argc, argv);
  cli::Options o;
  if (auto status = cli::parse_command_line(argc, argv, lang, o)) return *status;
  if (o.command == "run") return cli::run_command(o, lang);
  if (o.command == "serve") return cli::serve_command(o, lang);
  if (o.command == "report") return cli::report_command(o, lang);
  if (o.command == "validate") return cmd_validate(o.scenario, o.quiet, lang);
  if (o.command == "show") return cmd_show(o.scenario, o.expand, lang);
  if (o.command == "check") return cmd_check(o, lang);
  if (o.command == "list") return cmd_list(o.quiet, lang);
  if (o.command == "exercise") return cli::exercise_command(o, lang);
  if (o.command == "grade") return cli::grade_command(o, lang);
  if (o.command == "grade-file") return cli::grade_file_command(o, lang);
  return 2;
}

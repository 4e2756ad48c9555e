// mailsim: runs scenarios headless and narrates them, in English or French.
//
//   mailsim run FILE [--until T] [--seed N] [--lang en|fr] [--format text|json] [--packets]
//   mailsim validate FILE
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <optional>
#include <string>

#include <CLI/CLI.hpp>

#include "agents/narration/narrator.hpp"
#include "scenarios/build/check_messages.hpp"
#include "scenarios/build/expectation_check.hpp"
#include "scenarios/build/scenario_run.hpp"
#include "scenarios/library/builtin.hpp"
#include "scenarios/load/scenario_reader.hpp"
#include "sim/time.hpp"
#include "sim/trace_format.hpp"
#include "ui/cli/cli_text.hpp"
#include "ui/cli/terminal.hpp"

namespace {

using namespace mailsim;

// French when the environment says so (LANG=fr_FR.UTF-8), English otherwise.
Lang default_lang() {
  for (const char* var : {"LC_ALL", "LC_MESSAGES", "LANG"}) {
    const char* v = std::getenv(var);
    if (v != nullptr && *v != '\0')
      return std::string_view(v).substr(0, 2) == "fr" ? Lang::fr : Lang::en;
  }
  return Lang::en;
}

// Packet-by-packet records are for the window and --packets; the narration tells the story.
bool is_detail(std::string_view kind) {
  if (kind == "net.packet.dropped") return false;  // a lost packet is part of the story
  return kind.starts_with("net.packet.") || kind == "net.tcp.cwnd" || kind == "net.tcp.state" ||
         kind == "net.route.recomputed";
}

// A path to a file, or the name of a built-in scenario.
scenarios::LoadResult load_file_or_builtin(const std::string& arg) {
  if (std::filesystem::exists(arg)) return scenarios::load_scenario_file(arg);
  if (const auto* builtin = scenarios::find_builtin(arg))
    return scenarios::load_scenario_text(builtin->text, std::string(builtin->name) + ".yaml");
  scenarios::LoadResult missing{std::nullopt, scenarios::Diagnostics(arg)};
  const std::string suggestion = scenarios::closest_match(arg, scenarios::builtin_names());
  missing.diagnostics.error({}, suggestion.empty()
                                    ? Text(cli::msg::kNoSuchScenario, {{"name", arg}})
                                    : Text(cli::msg::kNoSuchScenarioSuggest,
                                           {{"name", arg}, {"suggestion", suggestion}}));
  return missing;
}

std::optional<scenarios::ScenarioModel> load(const std::string& file, Lang lang) {
  scenarios::LoadResult result = load_file_or_builtin(file);
  if (!result.scenario) {
    std::cerr << result.diagnostics.render(lang);
    return std::nullopt;
  }
  return std::move(result.scenario);
}

int cmd_list(Lang lang) {
  for (const auto& s : scenarios::builtin_scenarios()) {
    scenarios::LoadResult r = scenarios::load_scenario_text(s.text, std::string(s.name));
    std::cout << s.name << "  " << (r.scenario ? r.scenario->title.in(lang) : "?") << "\n";
  }
  std::cout << "\n" << Text(cli::msg::kListHint).render(lang) << "\n";
  return 0;
}

int cmd_show(const std::string& name, Lang lang) {
  if (const auto* s = scenarios::find_builtin(name)) {
    std::cout << s->text;
    return 0;
  }
  std::cerr << load_file_or_builtin(name).diagnostics.render(lang);
  return 2;
}

int cmd_validate(const std::string& file, Lang lang) {
  auto scenario = load(file, lang);
  if (!scenario) return 2;
  std::cout << Text(cli::msg::kValid, {{"file", file}}).render(lang) << "\n";
  return 0;
}

int cmd_check(const std::string& file, std::optional<std::uint64_t> seed, Lang lang) {
  auto scenario = load(file, lang);
  if (!scenario) return 2;
  scenarios::Diagnostics diag(file);
  scenarios::ScenarioRun run(*scenario, diag, seed);
  if (!run.ok()) {
    std::cerr << diag.render(lang);
    return 2;
  }
  scenarios::ExpectationChecker checker(
      run.model(), run.network(), run.sim().trace(),
      [&run](const std::string& agent, const std::string& queue_id, const std::string& rcpt) {
        return run.mail().holds(agent, queue_id, rcpt);
      });
  run.run_to_completion();
  const bool colours = cli::colours_wanted(1);
  std::cout << scenario->title.in(lang) << "\n\n";
  int passed = 0;
  const auto results = checker.results();
  for (const auto& r : results) {
    passed += r.passed ? 1 : 0;
    const std::string label =
        Text(r.passed ? scenarios::check::kPass : scenarios::check::kFail).render(lang);
    Text line(scenarios::check::kResultLine,
              {{"label", cli::paint(label, r.passed ? cli::Tone::good : cli::Tone::bad, colours)}});
    line.with("description", r.description).with("evidence", r.evidence);
    std::cout << line.render(lang) << "\n";
  }
  std::cout << "\n"
            << Text(scenarios::check::kSummary,
                    {{"passed", std::to_string(passed)}, {"total", std::to_string(results.size())}})
                   .render(lang)
            << "\n";
  return passed == static_cast<int>(results.size()) ? 0 : 1;
}

struct RunOptions {
  std::string file;
  std::string until;
  std::optional<std::uint64_t> seed;
  std::string format = "text";
  bool packets = false;
};

int cmd_run(const RunOptions& o, Lang lang) {
  std::optional<sim::SimTime> until;
  if (!o.until.empty()) {
    try {
      until = sim::parse_time(o.until);
    } catch (const sim::TimeParseError& e) {
      std::cerr << "--until: " << e.text().render(lang) << "\n";
      return 2;
    }
  }
  auto scenario = load(o.file, lang);
  if (!scenario) return 2;
  scenarios::Diagnostics diag(o.file);
  scenarios::ScenarioRun run(*scenario, diag, o.seed);
  if (!run.ok()) {
    std::cerr << diag.render(lang);
    return 2;
  }
  agents::Narrator narrator(lang);
  const std::optional<sim::SimTime> end = until ? until : scenario->duration;
  cli::ProgressBar bar(end.value_or(sim::SimTime(0)), end.has_value() && cli::colours_wanted(2));
  const bool colours = cli::colours_wanted(1);
  std::unique_ptr<sim::TraceWriter> json;
  std::optional<sim::Trace::SubscriptionId> printer;
  if (o.format == "json") {
    json = std::make_unique<sim::TraceWriter>(run.sim().trace(), std::cout, sim::TraceFormat::json);
  } else {
    std::cout << scenario->title.in(lang) << "\n";
    if (!scenario->description.in(lang).empty())
      std::cout << scenario->description.in(lang) << "\n";
    std::cout << "\n";
    printer = run.sim().trace().subscribe([&](const sim::TraceRecord& r) {
      if (!o.packets && is_detail(r.kind().name)) return;
      bar.clear();
      const auto sentence = narrator.narrate(r);
      std::cout << cli::paint(sim::format_time(r.time()), cli::Tone::plain, colours) << "  "
                << cli::paint(sentence ? *sentence : sim::format_text(r),
                              cli::tone_of(r.kind().name), colours)
                << "\n";
    });
  }
  if (end) {
    // In slices, so that the progress bar moves; the events run exactly as in one call.
    constexpr int kSlices = 200;
    for (int i = 1; i <= kSlices; ++i) {
      run.run_until(*end * i / kSlices);
      bar.update(run.sim().now());
    }
    bar.clear();
  } else {
    run.run_to_completion();
  }
  // The run is over: what the scenario's teardown does is not part of the story.
  json.reset();
  if (printer) run.sim().trace().unsubscribe(*printer);
  if (o.format != "json")
    std::cout << "\n"
              << Text(cli::msg::kRunEnd, {{"time", sim::format_time(run.sim().now())},
                                          {"events", std::to_string(run.sim().events_executed())}})
                     .render(lang)
              << "\n";
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  Lang lang = default_lang();
  CLI::App app{
      "MailSim: how an email really travels, simulated. Examples:\n"
      "  mailsim list\n"
      "  mailsim run firewall-port-25 --lang fr\n"
      "  mailsim show firewall-port-25 > my-lesson.yaml\n"
      "  mailsim run lesson.yaml --until 2h --format json > trace.jsonl\n"
      "  mailsim validate lesson.yaml",
      "mailsim"};
  app.require_subcommand(1);
  app.fallthrough();  // --lang may come after the subcommand too
  std::string lang_text;
  app.add_option("--lang", lang_text, "language of the narration and the errors: en or fr")
      ->check(CLI::IsMember({"en", "fr"}));

  RunOptions run;
  CLI::App* run_cmd = app.add_subcommand("run", "run a scenario headless and narrate it");
  run_cmd->add_option("scenario", run.file, "a scenario file, or a built-in scenario's name")
      ->required();
  run_cmd->add_option("--until", run.until, "stop at this simulated time (90s, 1h30min, 00:05:00)");
  run_cmd->add_option("--seed", run.seed, "replace the scenario's seed");
  run_cmd
      ->add_option("--format", run.format,
                   "text (narration) or json (the trace, one record a line)")
      ->check(CLI::IsMember({"text", "json"}));
  run_cmd->add_flag("--packets", run.packets, "also narrate every packet and TCP detail");

  CLI::App* list_cmd = app.add_subcommand("list", "list the built-in scenarios with their titles");
  std::string show_name;
  CLI::App* show_cmd = app.add_subcommand("show", "print a built-in scenario, to copy and edit it");
  show_cmd->add_option("name", show_name, "the scenario's name (see mailsim list)")->required();

  std::string check_file;
  std::optional<std::uint64_t> check_seed;
  CLI::App* check_cmd = app.add_subcommand(
      "check", "run a scenario and grade its expectations; exit status 0 only if all are met");
  check_cmd->add_option("scenario", check_file, "a scenario file, or a built-in scenario's name")
      ->required();
  check_cmd->add_option("--seed", check_seed, "replace the scenario's seed");

  std::string validate_file;
  CLI::App* validate_cmd = app.add_subcommand("validate", "load a scenario and report its errors");
  validate_cmd
      ->add_option("scenario", validate_file, "a scenario file, or a built-in scenario's name")
      ->required();

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e);
  }
  if (!lang_text.empty()) parse_lang(lang_text, lang);
  if (*run_cmd) return cmd_run(run, lang);
  if (*validate_cmd) return cmd_validate(validate_file, lang);
  if (*show_cmd) return cmd_show(show_name, lang);
  if (*check_cmd) return cmd_check(check_file, check_seed, lang);
  if (*list_cmd) return cmd_list(lang);
  return 1;
}

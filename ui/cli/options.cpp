#include "ui/cli/options.hpp"

#include <charconv>
#include <cstdlib>
#include <iostream>
#include <string_view>

#include <CLI/CLI.hpp>

#include "scenarios/model/scenario_model.hpp"
#include "ui/cli/classroom_text.hpp"
#include "ui/cli/cli_text.hpp"
#include "ui/cli/help_text.hpp"
#include "ui/cli/lesson_report_text.hpp"

#ifndef MAILSIM_VERSION
#define MAILSIM_VERSION "unknown"
#endif

namespace mailsim::cli {

Lang language(int argc, char** argv) {
  Lang lang = Lang::en;
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    if (arg == "--lang" && i + 1 < argc && parse_lang(argv[i + 1], lang)) return lang;
    if (arg.starts_with("--lang=") && parse_lang(arg.substr(7), lang)) return lang;
  }
  for (const char* var : {"LC_ALL", "LC_MESSAGES", "LANG"}) {
    const char* v = std::getenv(var);
    if (v != nullptr && *v != '\0')
      return std::string_view(v).substr(0, 2) == "fr" ? Lang::fr : Lang::en;
  }
  return Lang::en;
}

namespace {

// French puts a space before a colon, a non-breaking one so that a line never starts with the
// colon; CLI11 writes the colon right after a heading, so the space ends the heading's name.
constexpr const char* kBeforeColon = "\u00a0";

// What CLI11 writes itself in a help screen, in the person's language: its labels, and the
// headings of the option and command groups.
void name_the_parts(CLI::App& app, Lang lang) {
  if (lang != Lang::fr) return;
  auto f = app.get_formatter();
  f->label("Usage", std::string("Utilisation") + kBeforeColon);
  f->label("Positionals", std::string("Arguments") + kBeforeColon);
  f->label("REQUIRED", "OBLIGATOIRE");
  f->label("SUBCOMMAND", "COMMANDE");
  app.option_defaults()->group(std::string("Options") + kBeforeColon);
}

CLI::App* command(CLI::App& app, const char* name, const Message& what, const Message& footer,
                  Lang lang) {
  CLI::App* cmd = app.add_subcommand(name, Text(what).render(lang));
  cmd->footer(Text(footer).render(lang));
  if (lang == Lang::fr) {
    cmd->group(std::string("Commandes") + kBeforeColon);
    // A command's options, its help flag too, are a group of their own.
    cmd->option_defaults()->group(std::string("Options") + kBeforeColon);
    if (CLI::Option* help = cmd->get_help_ptr()) help->group(std::string("Options") + kBeforeColon);
  }
  return cmd;
}

void scenario_argument(CLI::App& cmd, Options& out, const Message& what, Lang lang) {
  cmd.add_option("scenario", out.scenario, Text(what).render(lang))
      ->required()
      ->type_name(lang == Lang::fr ? "FICHIER|NOM" : "FILE|NAME");
}

void seed_option(CLI::App& cmd, Options& out, Lang lang) {
  cmd.add_option("--seed", out.seed, Text(help::kSeed).render(lang))->type_name("N");
}

Text usage_error(const CLI::ParseError& e) {
  // CLI11 words its errors in English only; the common ones are said again in the catalog.
  const std::string what = e.what();
  const std::string_view extra = "The following argument was not expected: ";
  const std::string_view extras = "The following arguments were not expected: ";
  const std::string_view required = " is required";
  if (what.starts_with(extra))
    return Text(msg::kUsageUnexpected, {{"what", what.substr(extra.size())}});
  if (what.starts_with(extras))
    return Text(msg::kUsageUnexpected, {{"what", what.substr(extras.size())}});
  if (what.ends_with(required) && what.find(' ') == what.size() - required.size())
    return Text(msg::kUsageRequired, {{"what", what.substr(0, what.size() - required.size())}});
  return Text(msg::kUsage, {{"detail", what}});
}

// `exercise make` and `grade`, and `grade-file`, the hidden command `grade` runs in a process
// of its own for each file.
void classroom_commands(CLI::App& app, Options& out, Lang lang) {
  namespace c = classroom;
  auto text = [lang](const Message& m) { return Text(m).render(lang); };
  const char* file = lang == Lang::fr ? "FICHIER" : "FILE";
  CLI::App* exercise = command(app, "exercise", c::kExercise, c::kExerciseFooter, lang);
  exercise->require_subcommand(0, 1);
  CLI::App* make = command(*exercise, "make", c::kMake, c::kMakeFooter, lang);
  make->add_option("lesson", out.scenario, text(c::kLesson))->required()->type_name(file);
  make->add_option("--hide", out.hide, text(c::kHide))
      ->check(CLI::IsMember({"expect", "questions"}))
      ->delimiter(',');
  make->add_option("--cut", out.cuts, text(c::kCut))
      ->type_name(lang == Lang::fr ? "CHEMIN" : "PATH");
  make->add_option("-o,--output", out.output, text(c::kOutput))
      ->required()
      ->type_name(lang == Lang::fr ? "FICHIER|DOSSIER" : "FILE|FOLDER");
  make->add_option("--variants", out.variants, text(c::kVariants))->type_name("N");
  make->add_option("--students", out.students, text(c::kStudents))->type_name(file);
  make->add_flag("--seed-from-name", out.seed_from_name, text(c::kSeedFromName));

  for (const char* name : {"grade", "grade-file"}) {
    CLI::App* grade = command(app, name, c::kGrade, c::kGradeFooter, lang);
    grade->add_option("--against", out.against, text(c::kAgainst))->required()->type_name(file);
    grade->add_option("files", out.files, text(c::kGradeFiles))->required()->type_name(file);
    grade->add_option("--format", out.format, text(c::kGradeFormat))
        ->check(CLI::IsMember({"text", "csv", "json", "md"}));
    grade->add_option("--time-limit", out.time_limit, text(c::kTimeLimit))
        ->type_name(lang == Lang::fr ? "TEMPS" : "TIME");
    grade->add_option("--memory-limit", out.memory_limit, text(c::kMemoryLimit))->type_name("MiB");
    if (std::string_view(name) == "grade")
      grade->add_option("-j,--jobs", out.jobs, text(c::kJobs))->type_name("N");
    if (std::string_view(name) == "grade-file") grade->group("");  // not in the help
  }
}

}  // namespace

std::optional<int> parse_command_line(int argc, char** argv, Lang lang, Options& out) {
  auto text = [lang](const Message& m) { return Text(m).render(lang); };
  CLI::App app{text(help::kApp), "mailsim"};
  name_the_parts(app, lang);
  app.set_help_flag("-h,--help", text(help::kHelp));
  app.set_version_flag("--version", "mailsim " MAILSIM_VERSION, text(help::kVersion));
  app.footer(text(help::kAppFooter));
  app.require_subcommand(1);
  app.fallthrough();  // --lang and --quiet may come after the command too
  app.add_option("--lang", out.lang, text(help::kLang))
      ->check(CLI::IsMember({"en", "fr"}));  // CLI11 shows the choices: TEXT:{en,fr}
  app.add_flag("-q,--quiet", out.quiet, text(help::kQuiet));

  CLI::App* run = command(app, "run", help::kRun, help::kRunFooter, lang);
  scenario_argument(*run, out, help::kScenario, lang);
  run->add_option("--until", out.until, text(help::kUntil))
      ->type_name(lang == Lang::fr ? "TEMPS" : "TIME");
  seed_option(*run, out, lang);
  run->add_option("--format", out.format, text(help::kFormat))
      ->check(CLI::IsMember({"text", "json"}));
  run->add_option("--level", out.level, text(help::kLevel))
      ->check(CLI::IsMember({"story", "protocol", "packets"}));
  run->add_flag("--packets", out.packets, text(help::kPackets));
  run->add_flag("--transcript", out.transcript, text(help::kTranscript));
  run->add_flag("--show-messages", out.show_messages, text(help::kShowMessages));
  run->add_flag("--full-data", out.full_data, text(help::kFullData));
  run->add_option("--journey", out.journey, text(help::kJourney))->type_name("MESSAGE-ID|N");
  run->add_option("--svg", out.svg, text(help::kSvg))
      ->type_name(lang == Lang::fr ? "FICHIER" : "FILE");
  run->add_option("--pcap", out.pcap, text(help::kPcap))
      ->type_name(lang == Lang::fr ? "FICHIER" : "FILE");
  run->add_option("--capture-at", out.capture_at, text(help::kCaptureAt))
      ->type_name(lang == Lang::fr ? "HÔTE|LIEN|all" : "HOST|LINK|all");

  CLI::App* serve = command(app, "serve", help::kServe, help::kServeFooter, lang);
  scenario_argument(*serve, out, help::kScenario, lang);
  const std::string address = lang == Lang::fr ? "ADRESSE:PORT" : "ADDRESS:PORT";
  serve->add_option("--smtp", out.smtp, text(help::kServeSmtp))->type_name(address);
  serve->add_option("--pop3", out.pop3, text(help::kServePop3))->type_name(address);
  serve->add_option("--imap", out.imap, text(help::kServeImap))->type_name(address);
  serve->add_option("--host", out.host, text(help::kServeHost))
      ->type_name(lang == Lang::fr ? "HÔTE" : "HOST");
  serve->add_option("--speed", out.speed, text(help::kServeSpeed))->type_name("N");
  serve->add_option("--max-connections", out.max_connections, text(help::kServeMaxConnections))
      ->type_name("N");
  serve->add_option("--idle-timeout", out.idle_timeout, text(help::kServeIdleTimeout))
      ->type_name(lang == Lang::fr ? "TEMPS" : "TIME");
  const std::string file = lang == Lang::fr ? "FICHIER" : "FILE";
  serve->add_flag("--no-tls", out.no_tls, text(help::kServeNoTls));
  serve->add_option("--cert", out.cert, text(help::kServeCert))->type_name(file);
  serve->add_option("--key", out.key, text(help::kServeKey))->type_name(file);
  serve->add_option("--level", out.level, text(help::kLevel))
      ->check(CLI::IsMember({"story", "protocol", "packets"}));
  seed_option(*serve, out, lang);

  CLI::App* report = command(app, "report", msg::kReportHelp, msg::kReportFooter, lang);
  scenario_argument(*report, out, help::kScenario, lang);
  seed_option(*report, out, lang);
  report->add_option("-o,--output", out.output, text(msg::kReportOutput))
      ->required()
      ->type_name(lang == Lang::fr ? "FICHIER" : "FILE");

  command(app, "list", help::kList, help::kListFooter, lang);
  CLI::App* show = command(app, "show", help::kShow, help::kShowFooter, lang);
  scenario_argument(*show, out, help::kName, lang);
  show->add_flag("--expand", out.expand, text(help::kExpand));
  CLI::App* check = command(app, "check", help::kCheck, help::kCheckFooter, lang);
  scenario_argument(*check, out, help::kScenario, lang);
  seed_option(*check, out, lang);
  CLI::App* validate = command(app, "validate", help::kValidate, help::kValidateFooter, lang);
  scenario_argument(*validate, out, help::kScenario, lang);

  classroom_commands(app, out, lang);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    if (e.get_exit_code() == 0) return app.exit(e);  // --help, --version
    std::cerr << usage_error(e).render(lang) << "\n";
    return 2;  // the command line is wrong, as for a wrong scenario
  }
  out.command = app.get_subcommands().front()->get_name();
  if (out.command == "exercise" && !app.get_subcommand("exercise")->got_subcommand("make")) {
    std::cerr << Text(msg::kUsageRequired, {{"what", "make"}}).render(lang) << "\n";
    return 2;
  }
  return std::nullopt;
}

bool parse_seed(const std::optional<std::string>& given, Lang lang,
                std::optional<std::uint64_t>& out) {
  if (!given) return true;
  const std::string& text = *given;
  std::uint64_t value = 0;
  const char* end = text.data() + text.size();
  const auto [stop, error] = std::from_chars(text.data(), end, value);
  // Digits only: from_chars would stop quietly at "7x", and "+7" or " 7" are not its form.
  if (error != std::errc{} || stop != end) {
    std::cerr << Text(msg::kBadSeed, {{"value", text}}).render(lang) << "\n";
    return false;
  }
  out = value;
  return true;
}

bool parse_until(const std::optional<std::string>& given, Lang lang,
                 std::optional<sim::SimTime>& out) {
  if (!given) return true;
  const std::string& text = *given;
  try {
    out = sim::parse_time(text);
  } catch (const sim::TimeParseError& e) {
    std::cerr << Text(msg::kBadUntil).with("error", e.text()).render(lang) << "\n";
    return false;
  }
  if (out->count() <= 0) {
    std::cerr << Text(msg::kUntilNotAfterStart, {{"value", text}}).render(lang) << "\n";
    return false;
  }
  if (*out > scenarios::kMaxScenarioTime) {
    std::cerr << Text(msg::kUntilTooLate,
                      {{"value", text}, {"limit", scenarios::kMaxScenarioTimeText}})
                     .render(lang)
              << "\n";
    return false;
  }
  return true;
}

}  // namespace mailsim::cli

#include "ui/cli/serve_command.hpp"

#include <csignal>
#include <iostream>

#include "agents/narration/message_ledger.hpp"
#include "agents/narration/narrator.hpp"
#include "agents/narration/storyteller.hpp"
#include "scenarios/model/roles.hpp"
#include "ui/cli/bridge.hpp"
#include "ui/cli/bridge_setup.hpp"
#include "ui/cli/cli_text.hpp"
#include "ui/cli/narration_printer.hpp"
#include "ui/cli/scenario_source.hpp"
#include "ui/cli/serve_text.hpp"
#include "ui/cli/serve_tls.hpp"

namespace mailsim::cli {

namespace {

volatile bool stop_requested = false;
extern "C" void on_stop_signal(int) {
  stop_requested = true;
}

}  // namespace

int serve_command(const Options& o, Lang lang) {
  if (!o.smtp && !o.pop3 && !o.imap) {
    std::cerr << Text(msg::kServeNothing).render(lang) << "\n";
    return 2;
  }
  double speed = 1;
  if (o.speed) {
    try {
      std::size_t used = 0;
      speed = std::stod(*o.speed, &used);
      if (used != o.speed->size() || !(speed > 0) || speed > 1e6) throw std::invalid_argument("");
    } catch (const std::exception&) {
      std::cerr << Text(msg::kServeBadSpeed, {{"value", *o.speed}}).render(lang) << "\n";
      return 2;
    }
  }
  BridgeLimits limits;
  if (o.max_connections) limits.connections = *o.max_connections;
  if (o.idle_timeout) {
    std::optional<sim::SimTime> idle;
    if (!parse_until(o.idle_timeout, lang, idle)) return 2;
    limits.idle = std::chrono::duration_cast<std::chrono::milliseconds>(*idle);
  }
  if (!check_tls_options(o, lang)) return 2;
  std::optional<std::uint64_t> seed;
  if (!parse_seed(o.seed, lang, seed)) return 2;
  auto started = start(o.scenario, seed, lang);
  if (!started) return 2;
  scenarios::ScenarioRun& run = *started;

  std::cout << run.model().title.in(lang) << "\n\n";
  const auto bridges = open_bridges(o, run, limits, speed, lang);
  if (!bridges) return 2;
  Bridge& bridge = *bridges->bridge;
  std::ostringstream shown_speed;
  shown_speed << speed;
  std::cout << Text(msg::kServeStopHint, {{"speed", shown_speed.str()}}).render(lang) << "\n\n"
            << std::flush;

  agents::Level level = agents::Level::story;
  if (o.level) agents::parse_level(*o.level, level);
  agents::Storyteller teller(lang, level, scenarios::article_roles(run.model()));
  agents::MessageLedger ledger;
  NarrationPrinter printer(colours_wanted(1), lang);
  auto tell = [&](const std::vector<agents::NarrationLine>& lines) {
    for (const auto& line : lines)
      printer.sentence(line.time, line.text, tone_of(line.kind));
    if (!lines.empty()) std::cout << std::flush;  // a class watches it live
  };
  const auto narration = run.sim().trace().subscribe(
      [&](const sim::TraceRecord& r) { tell(teller.tell(r)); }, agents::Narrator::kinds_for(level));
  const auto journeys = run.sim().trace().subscribe(
      [&](const sim::TraceRecord& r) { ledger.observe(r); }, agents::MessageLedger::kinds());

  std::signal(SIGINT, on_stop_signal);
  std::signal(SIGTERM, on_stop_signal);
  bridge.serve(stop_requested);
  std::signal(SIGINT, SIG_DFL);
  std::signal(SIGTERM, SIG_DFL);

  run.sim().trace().unsubscribe(narration);
  tell(teller.finish());
  run.sim().trace().unsubscribe(journeys);
  if (report_failure(run, lang)) return 3;
  std::cout << "\n";
  for (const std::string& line : ledger.render(teller.narrator(), run.sim().now()))
    std::cout << line << "\n";
  std::cout << "\n"
            << counted(msg::kServeStopped, bridge.connections_accepted(), lang,
                       {{"time", sim::format_time(run.sim().now(), lang)}})
                   .render(lang)
            << "\n";
  return 0;
}

}  // namespace mailsim::cli

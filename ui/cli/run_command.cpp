#include "ui/cli/run_command.hpp"

#include <fstream>
#include <iostream>
#include <memory>

#include "agents/journey/conservation.hpp"
#include "agents/narration/message_ledger.hpp"
#include "agents/narration/narrator.hpp"
#include "agents/narration/storyteller.hpp"
#include "scenarios/build/question_schedule.hpp"
#include "scenarios/build/scenario_run.hpp"
#include "scenarios/model/roles.hpp"
#include "sim/inert.hpp"
#include "sim/trace_format.hpp"
#include "ui/cli/capture_option.hpp"
#include "ui/cli/cli_text.hpp"
#include "ui/cli/mailbox_listing.hpp"
#include "ui/cli/narration_printer.hpp"
#include "ui/cli/scenario_source.hpp"
#include "ui/cli/terminal.hpp"
#include "ui/cli/transcript.hpp"
#include "ui/report/journey_model.hpp"
#include "ui/report/journey_svg.hpp"

namespace mailsim::cli {

namespace {

// Runs to the scenario's end, or to --until; in slices when a progress bar is drawn, so that
// it moves; the events run exactly as in one call.
void run_to_end(scenarios::ScenarioRun& run, std::optional<sim::SimTime> end, ProgressBar& bar) {
  if (!end) {
    run.run_to_completion();
    return;
  }
  constexpr int kSlices = 200;
  for (int i = 1; i <= kSlices; ++i) {
    // end * i / kSlices, exactly, without the product that could overflow.
    run.run_until(*end / kSlices * i + *end % kSlices * i / kSlices);
    bar.update(run.sim().now());
  }
  bar.clear();
}

// --journey MESSAGE-ID|N: the message's chart into the --svg file; false, with the reason on
// standard error, when the run has no such message or the file cannot be written.
bool write_journey(const report::JourneyLog& log, const std::string& which, const std::string& path,
                   const agents::HostRoles& roles, Lang lang) {
  const auto messages = report::traced_messages(log);
  std::string id;
  const bool number = !which.empty() && which.find_first_not_of("0123456789") == std::string::npos;
  if (number && std::stoull(which) >= 1 && std::stoull(which) <= messages.size())
    id = messages[std::stoull(which) - 1].message_id;
  for (const auto& m : messages)
    if (m.message_id == which || m.message_id == "<" + which + ">") id = m.message_id;
  if (id.empty()) {
    std::string list;
    for (std::size_t i = 0; i < messages.size(); ++i)
      list += (i ? ", " : "") + std::to_string(i + 1) + " " + messages[i].message_id;
    std::cerr << Text(msg::kNoSuchMessage, {{"message", which}, {"messages", list}}).render(lang)
              << "\n";
    return false;
  }
  std::ofstream out(path);
  out << report::journey_svg(report::journey_chart(log, id, roles, lang), lang);
  if (!out) {
    std::cerr << Text(msg::kCannotWriteFile, {{"path", path}}).render(lang) << "\n";
    return false;
  }
  return true;
}

}  // namespace

int run_command(const Options& o, Lang lang) {
  for (auto [given, name] : {std::pair{o.transcript, "--transcript"},
                             {o.packets, "--packets"},
                             {o.level.has_value(), "--level"},
                             {o.format != "text", "--format"}}) {
    if (o.quiet && given) {
      std::cerr << Text(msg::kQuietAnd, {{"option", name}}).render(lang) << "\n";
      return 2;
    }
  }
  if (o.full_data && !o.transcript && !o.show_messages) {
    std::cerr << Text(msg::kFullDataAlone).render(lang) << "\n";
    return 2;
  }
  if (o.journey.has_value() != o.svg.has_value()) {
    std::cerr << Text(o.journey ? msg::kJourneyWithoutSvg : msg::kSvgWithoutJourney).render(lang)
              << "\n";
    return 2;
  }
  if (o.capture_at && !o.pcap) {
    std::cerr << Text(msg::kCaptureAtAlone).render(lang) << "\n";
    return 2;
  }
  agents::Level level = agents::Level::story;
  if (o.level) agents::parse_level(*o.level, level);  // CLI11 let only the three names through
  if (o.packets) {
    if (o.level && level != agents::Level::packets) {
      std::cerr << Text(msg::kPacketsAndLevel, {{"level", *o.level}}).render(lang) << "\n";
      return 2;
    }
    level = agents::Level::packets;
  }
  std::optional<sim::SimTime> until;
  std::optional<std::uint64_t> seed;
  if (!parse_until(o.until, lang, until) || !parse_seed(o.seed, lang, seed)) return 2;
  auto started = start(o.scenario, seed, lang);
  if (!started) return 2;
  scenarios::ScenarioRun& run = *started;
  const scenarios::ScenarioModel* scenario = &run.model();
  sim::capture::CapturePoint capture_point;
  if (o.capture_at && !parse_capture_at(*o.capture_at, *scenario, lang, capture_point)) return 2;
  std::unique_ptr<sim::capture::PcapWriter> capture;
  if (o.pcap && !(capture = open_capture(*o.pcap, capture_point, run, lang))) return 2;
  const std::optional<sim::SimTime> end = until ? until : scenario->duration;
  ProgressBar bar(end.value_or(sim::SimTime(0)), end && !o.quiet && colours_wanted(2));
  agents::Storyteller teller(lang, level, scenarios::article_roles(run.model()));
  agents::MessageLedger ledger;
  NarrationPrinter printer(colours_wanted(1), lang);
  std::unique_ptr<Transcript> transcript;
  if (o.transcript) transcript = std::make_unique<Transcript>(lang, o.full_data);
  std::unique_ptr<sim::TraceWriter> json;
  std::optional<sim::Trace::SubscriptionId> narration, journeys, asked;
  // A lesson's questions, in the narration where the window would pause for them.
  scenarios::QuestionSchedule questions(
      scenario->questions, [&](sim::SimTime at, std::size_t, const scenarios::Question& q) {
        bar.clear();
        printer.sentence(at, Text(msg::kQuestionAsked, {{"question", q.ask.in(lang)}}).render(lang),
                         Tone::warning);
      });
  auto tell = [&](const std::vector<agents::NarrationLine>& lines) {
    for (const auto& line : lines) {
      bar.clear();
      questions.before(line.time);
      printer.sentence(line.time, line.text, tone_of(line.kind));
    }
  };
  if (o.format == "json") {
    json = std::make_unique<sim::TraceWriter>(run.sim().trace(), std::cout, sim::TraceFormat::json);
  } else if (!o.quiet) {
    // The scenario's own words, inert like every argument of a catalog text (sim/text.cpp).
    std::cout << spell_controls(scenario->title.in(lang), Keep::layout) << "\n";
    if (!scenario->description.in(lang).empty())
      std::cout << spell_controls(scenario->description.in(lang), Keep::layout) << "\n";
    if (transcript) std::cout << "\n" << Text(msg::kTranscriptLegend).render(lang) << "\n";
    std::cout << "\n";
    narration = run.sim().trace().subscribe(
        [&](const sim::TraceRecord& r) {
          if (transcript) {
            if (auto lines = transcript->take(r); !lines.empty()) {
              bar.clear();
              questions.before(r.time());
              printer.transcript(r.time(), lines);
              return;
            }
            if (Transcript::is_dialogue_line(r))
              return;  // told by the other side of its connection
          }
          tell(teller.tell(r));
        },
        agents::Narrator::kinds_for(transcript ? std::max(level, agents::Level::protocol) : level));
    if (!scenario->questions.empty())
      asked = run.sim().trace().subscribe(
          [&](const sim::TraceRecord& r) { questions.after(r.kind().name, r.time()); },
          sim::Trace::kinds_starting_with(
              {scenarios::question_events().begin(), scenarios::question_events().end()}));
  }
  // A second delivery of one message to one recipient is told where it happens, with what
  // explains it (the checker subscribes first, so it has seen the delivery when asked).
  std::unique_ptr<agents::ConservationChecker> conservation;
  if (narration) conservation = std::make_unique<agents::ConservationChecker>(run.sim().trace());
  if (o.format != "json")
    journeys = run.sim().trace().subscribe(
        [&](const sim::TraceRecord& r) {
          ledger.observe(r);
          if (!conservation) return;
          if (auto again = conservation->delivered_again(r))
            tell({{r.time(), again->render(lang), "journey.delivered_again"}});
        },
        agents::MessageLedger::kinds());
  std::unique_ptr<report::JourneyLog> journey_log;
  if (o.journey) journey_log = std::make_unique<report::JourneyLog>(run.sim().trace());
  run_to_end(run, end, bar);
  // The run is over: what the scenario's teardown does is not part of the story.
  json.reset();
  capture.reset();
  if (narration) {
    run.sim().trace().unsubscribe(*narration);
    tell(teller.finish());
    questions.before(run.sim().now(), true);
  }
  if (asked) run.sim().trace().unsubscribe(*asked);
  if (journeys) run.sim().trace().unsubscribe(*journeys);
  if (report_failure(run, lang)) return 3;
  if (journey_log) {
    const bool written = write_journey(*journey_log, *o.journey, *o.svg,
                                       scenarios::article_roles(run.model()), lang);
    journey_log.reset();
    if (!written) return 2;
    if (!o.quiet && o.format != "json")
      std::cerr << Text(msg::kJourneyWritten, {{"path", *o.svg}}).render(lang) << "\n";
  }
  if (o.format == "json") {
    if (o.show_messages) print_mailboxes_json(std::cout, run.view());
    return 0;
  }
  // What became of each message, then the end; --quiet shows the table only.
  if (!o.quiet) std::cout << "\n";
  for (const std::string& line : ledger.render(teller.narrator(), run.sim().now()))
    std::cout << line << "\n";
  if (o.show_messages) {
    std::cout << "\n";
    print_mailboxes(std::cout, run.view(), lang, o.full_data);
  }
  if (!o.quiet)
    std::cout << "\n"
              << Text(msg::kRunEnd, {{"time", sim::format_time(run.sim().now(), lang)},
                                     {"events", std::to_string(run.sim().events_executed())}})
                     .render(lang)
              << "\n";
  return 0;
}

}  // namespace mailsim::cli

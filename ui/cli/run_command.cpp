#include "ui/cli/run_command.hpp"

#include <iostream>
#include <memory>

#include "agents/narration/message_ledger.hpp"
#include "agents/narration/narrator.hpp"
#include "agents/narration/storyteller.hpp"
#include "scenarios/build/scenario_run.hpp"
#include "scenarios/model/roles.hpp"
#include "sim/inert.hpp"
#include "sim/trace_format.hpp"
#include "ui/cli/cli_text.hpp"
#include "ui/cli/mailbox_listing.hpp"
#include "ui/cli/scenario_source.hpp"
#include "ui/cli/terminal.hpp"
#include "ui/cli/transcript.hpp"

namespace mailsim::cli {

namespace {

// Writes the narration: the time, then the sentence. A transcript line is indented under the
// sentences and leaves the time blank when the line above shows it already, so that a burst of
// lines reads as one block while a line that came later still says when.
class NarrationPrinter {
 public:
  NarrationPrinter(bool colours, Lang lang) : colours_(colours), lang_(lang) {}

  void sentence(sim::SimTime t, const std::string& text, Tone tone) {
    std::cout << paint(time_column(t), Tone::plain, colours_) << "  " << paint(text, tone, colours_)
              << "\n";
  }
  void transcript(sim::SimTime t, const std::vector<std::string>& lines) {
    for (const std::string& line : lines) {
      const bool repeated = printed_ && t == last_;
      const std::string time = time_column(t);
      std::cout << (repeated ? std::string(time.size(), ' ') : paint(time, Tone::plain, colours_))
                << "    " << line << "\n";
    }
  }

 private:
  std::string time_column(sim::SimTime t) {
    last_ = t;
    printed_ = true;
    return sim::format_time(t, lang_);
  }

  bool colours_;
  Lang lang_;
  sim::SimTime last_{0};
  bool printed_ = false;
};

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
  const std::optional<sim::SimTime> end = until ? until : scenario->duration;
  ProgressBar bar(end.value_or(sim::SimTime(0)), end && !o.quiet && colours_wanted(2));
  agents::Storyteller teller(lang, level, scenarios::article_roles(run.model()));
  agents::MessageLedger ledger;
  NarrationPrinter printer(colours_wanted(1), lang);
  std::unique_ptr<Transcript> transcript;
  if (o.transcript) transcript = std::make_unique<Transcript>(lang, o.full_data);
  std::unique_ptr<sim::TraceWriter> json;
  std::optional<sim::Trace::SubscriptionId> narration, journeys;
  auto tell = [&](const std::vector<agents::NarrationLine>& lines) {
    for (const auto& line : lines) {
      bar.clear();
      printer.sentence(line.time, line.text, tone_of(line.kind));
    }
  };
  if (o.format == "json") {
    json = std::make_unique<sim::TraceWriter>(run.sim().trace(), std::cout, sim::TraceFormat::json);
  } else if (!o.quiet) {
    // The scenario's own words, inert like every argument of a catalog text (sim/text.cpp).
    std::cout << spell_controls(scenario->title.in(lang), true) << "\n";
    if (!scenario->description.in(lang).empty())
      std::cout << spell_controls(scenario->description.in(lang), true) << "\n";
    if (transcript) std::cout << "\n" << Text(msg::kTranscriptLegend).render(lang) << "\n";
    std::cout << "\n";
    narration = run.sim().trace().subscribe(
        [&](const sim::TraceRecord& r) {
          if (transcript) {
            if (auto lines = transcript->take(r); !lines.empty()) {
              bar.clear();
              printer.transcript(r.time(), lines);
              return;
            }
            if (Transcript::is_dialogue_line(r))
              return;  // told by the other side of its connection
          }
          tell(teller.tell(r));
        },
        agents::Narrator::kinds_for(transcript ? std::max(level, agents::Level::protocol) : level));
  }
  if (o.format != "json")
    journeys = run.sim().trace().subscribe([&](const sim::TraceRecord& r) { ledger.observe(r); },
                                           agents::MessageLedger::kinds());
  run_to_end(run, end, bar);
  // The run is over: what the scenario's teardown does is not part of the story.
  json.reset();
  if (narration) {
    run.sim().trace().unsubscribe(*narration);
    tell(teller.finish());
  }
  if (journeys) run.sim().trace().unsubscribe(*journeys);
  if (report_failure(run, lang)) return 3;
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

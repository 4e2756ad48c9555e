#include "ui/report/lesson_record.hpp"

#include "agents/narration/message_ledger.hpp"
#include "scenarios/build/question_schedule.hpp"
#include "scenarios/model/roles.hpp"
#include "ui/report/journey_log.hpp"

namespace mailsim::report {

LessonRecord record_lesson(scenarios::ScenarioRun& run, const std::string& scenario,
                           std::uint64_t seed, Lang lang) {
  const scenarios::ScenarioModel& model = run.model();
  LessonRecord record;
  record.lang = lang;
  record.scenario = scenario;
  record.seed = seed;
  record.title = model.title;
  record.goal = model.description;
  record.questions = model.questions;

  const agents::HostRoles roles = scenarios::article_roles(model);
  agents::Storyteller teller(lang, agents::Level::story, roles);
  agents::MessageLedger ledger;
  JourneyLog log(run.sim().trace());
  scenarios::ExpectationChecker checker(
      model, run.network(), run.sim().trace(),
      [&run](const std::string& agent, const std::string& queue_id, const std::string& rcpt) {
        return run.mail().holds(agent, queue_id, rcpt);
      });
  // The questions come in the story where `mailsim run` asks them and the window pauses.
  scenarios::QuestionSchedule questions(
      model.questions, [&](sim::SimTime at, std::size_t index, const scenarios::Question&) {
        record.asked.push_back({index, record.story.size(), at});
      });
  auto tell = [&](std::vector<agents::NarrationLine> lines) {
    for (auto& line : lines) {
      questions.before(line.time);
      record.story.push_back(std::move(line));
    }
  };
  sim::Trace& trace = run.sim().trace();
  const auto story = trace.subscribe([&](const sim::TraceRecord& r) { tell(teller.tell(r)); },
                                     agents::Narrator::kinds_for(agents::Level::story));
  const auto asked =
      trace.subscribe([&](const sim::TraceRecord& r) { questions.after(r.kind().name, r.time()); },
                      sim::Trace::kinds_starting_with({scenarios::question_events().begin(),
                                                       scenarios::question_events().end()}));
  const auto fates = trace.subscribe([&](const sim::TraceRecord& r) { ledger.observe(r); },
                                     agents::MessageLedger::kinds());
  if (model.duration)
    run.run_until(*model.duration);
  else
    run.run_to_completion();
  // The run is over: what the scenario's teardown does is not part of the story.
  trace.unsubscribe(story);
  trace.unsubscribe(asked);
  trace.unsubscribe(fates);
  tell(teller.finish());
  questions.before(run.sim().now(), true);

  record.end = run.sim().now();
  record.events = run.sim().events_executed();
  record.outcomes = ledger.render(teller.narrator(), record.end);
  for (TracedMessage& m : traced_messages(log)) {
    JourneyChart chart = journey_chart(log, m.message_id, roles, lang);
    record.messages.push_back({std::move(m), std::move(chart)});
  }
  record.kept = kept_messages(run.view());
  record.expectations = checker.results();
  return record;
}

}  // namespace mailsim::report

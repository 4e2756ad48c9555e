#pragma once
// What the lesson page is made of, gathered in one run of the scenario: the story as `mailsim
// run` tells it at the story level, what became of each message, each message's journey chart,
// the messages the world holds at the end, and each expectation's result. The page
// (lesson_page) is then a pure function of this record.
#include <cstdint>
#include <string>
#include <vector>

#include "agents/narration/storyteller.hpp"
#include "scenarios/build/expectation_check.hpp"
#include "scenarios/build/scenario_run.hpp"
#include "sim/text.hpp"
#include "ui/report/journey_model.hpp"
#include "ui/report/kept_messages.hpp"

namespace mailsim::report {

struct MessageJourney {
  TracedMessage message;
  JourneyChart chart;
};

// A question as the run asked it: when, and after which line of the story.
struct AskedQuestion {
  std::size_t question = 0;    // its place in `questions`
  std::size_t story_line = 0;  // asked before story[story_line] (story.size(): at the end)
  sim::SimTime at{0};
};

struct LessonRecord {
  Lang lang = Lang::en;
  std::string scenario;  // as the teacher named it: a library name or a file
  std::uint64_t seed = 0;
  scenarios::LocalizedText title, goal;
  std::vector<scenarios::Question> questions;
  std::vector<AskedQuestion> asked;  // in the order asked; a question never asked is not there
  std::vector<agents::NarrationLine> story;
  std::vector<std::string> outcomes;  // the table `mailsim run` ends with
  std::vector<MessageJourney> messages;
  std::vector<KeptMessage> kept;
  std::vector<scenarios::ExpectationResult> expectations;
  sim::SimTime end{0};
  std::uint64_t events = 0;
};

// Runs `run` to the scenario's planned end (or until nothing is left to happen) and records
// it in `lang`. The caller checks run.failure() afterwards, as after any run.
LessonRecord record_lesson(scenarios::ScenarioRun& run, const std::string& scenario,
                           std::uint64_t seed, Lang lang);

}  // namespace mailsim::report

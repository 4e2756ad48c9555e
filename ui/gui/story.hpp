#pragma once
// The Story panel's lines: the run told at the story level, as `mailsim run` tells it (the same
// Storyteller, with the article's roles beside the host names), in English and in French at once,
// so that L switches the language of lines already told. A message delivered twice to one
// recipient is told right after the delivery, as `mailsim run` tells it (what the conservation
// check says of it: SMTP's own duplicate, or a violation).
#include <vector>

#include "agents/journey/conservation.hpp"
#include "agents/narration/storyteller.hpp"
#include "scenarios/build/scenario_run.hpp"

namespace mailsim::gui {

class Story {
 public:
  // `conservation` subscribed to the run's trace before the story, and outlives it.
  Story(scenarios::ScenarioRun& run, const agents::ConservationChecker& conservation);
  ~Story();
  Story(const Story&) = delete;
  Story& operator=(const Story&) = delete;

  const std::vector<agents::NarrationLine>& lines(Lang lang) const {
    return lang == Lang::fr ? fr_lines_ : en_lines_;
  }

 private:
  sim::Trace& trace_;
  agents::Storyteller en_, fr_;
  std::vector<agents::NarrationLine> en_lines_, fr_lines_;
  sim::Trace::SubscriptionId subscription_;
};

}  // namespace mailsim::gui

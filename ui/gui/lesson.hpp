#pragma once
// Lesson mode: the scenario's questions (`questions:`), each pausing the run where it is asked:
// at its time, or right after the first event of its kind (the first message delivered...).
// The question is shown, its answer revealed on a key, and the run goes on. Plain state, no
// drawing: the Player feeds it the run's events and times, the tests drive it the same way.
#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

#include "scenarios/model/question_model.hpp"
#include "sim/time.hpp"

namespace mailsim::gui {

class Lesson {
 public:
  explicit Lesson(std::vector<scenarios::Question> questions = {});

  const std::vector<scenarios::Question>& questions() const { return questions_; }
  // The question shown now, if any, and whether its answer is shown too.
  std::optional<std::size_t> open() const { return open_; }
  bool answer_shown() const { return answer_shown_; }

  // A replay from the start: every question is to be asked again.
  void restart();
  // An event of the run (a trace kind) at `at`: true when it is the first of a kind a question
  // waits for, so that the run stops right after it.
  bool on_event(std::string_view kind, sim::SimTime at);
  // The earliest time a question waits for, to play no further than it.
  std::optional<sim::SimTime> next_time() const;
  // The run is at `now`: the first question due and not asked yet opens; true when one is open.
  bool open_due(sim::SimTime now);
  // The run went straight to `t` (the timeline, Go to): the questions before it are not asked.
  void pass_before(sim::SimTime t);
  void reveal() { answer_shown_ = open_.has_value(); }
  // Closes the question shown: it is not asked again in this run.
  void close();

 private:
  std::optional<sim::SimTime> due(std::size_t i) const;

  std::vector<scenarios::Question> questions_;
  std::vector<std::optional<sim::SimTime>> fired_;  // when an `after:` question's event came
  std::vector<bool> asked_;
  std::optional<std::size_t> open_;
  bool answer_shown_ = false;
};

}  // namespace mailsim::gui

#pragma once
// When a lesson's questions (`questions:`) are asked along a told run: at the time each names,
// or right after the first event of its kind (the first message delivered...), each once, in
// time order. `mailsim run` prints them in its narration and the lesson page in its story, where
// the window pauses for them. The answers stay the teacher's: the window reveals them on a key.
#include <cstddef>
#include <functional>
#include <string_view>
#include <vector>

#include "scenarios/model/question_model.hpp"
#include "sim/time.hpp"

namespace mailsim::scenarios {

class QuestionSchedule {
 public:
  // `index`: the question's place in the scenario's list.
  using Ask = std::function<void(sim::SimTime at, std::size_t index, const Question&)>;
  QuestionSchedule(std::vector<Question> questions, Ask ask);

  // The narration is about to tell something at `t`: the questions due before it are asked
  // first (those due at `t` too when `inclusive`: the end of the run).
  void before(sim::SimTime t, bool inclusive = false);
  // An event of `kind` happened at `t` and was told.
  void after(std::string_view kind, sim::SimTime t);

 private:
  std::vector<Question> questions_;
  Ask ask_;
  std::vector<bool> asked_;
};

}  // namespace mailsim::scenarios

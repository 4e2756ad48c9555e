#pragma once
// `mailsim run` asks a lesson's questions (`questions:`) in its narration, where the window
// pauses for them: at the time each names, or right after the first event of its kind (the
// first message delivered...). Each is asked once. The answers stay the teacher's: the window
// reveals them on a key.
#include <functional>
#include <string_view>
#include <vector>

#include "scenarios/model/question_model.hpp"
#include "sim/time.hpp"

namespace mailsim::cli {

class LessonQuestions {
 public:
  using Ask = std::function<void(sim::SimTime at, const scenarios::Question&)>;
  LessonQuestions(std::vector<scenarios::Question> questions, Ask ask);

  // The narration is about to tell something at `t`: the questions due before it are asked
  // first (those due at `t` too when `inclusive`: the end of the run).
  void before(sim::SimTime t, bool inclusive = false);
  // An event of `kind` happened at `t` and was told.
  void after(std::string_view kind, sim::SimTime t);

 private:
  std::vector<scenarios::Question> questions_;
  Ask ask_;
  std::vector<bool> asked_;
};

}  // namespace mailsim::cli

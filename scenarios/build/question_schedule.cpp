#include "scenarios/build/question_schedule.hpp"

namespace mailsim::scenarios {

QuestionSchedule::QuestionSchedule(std::vector<Question> questions, Ask ask)
    : questions_(std::move(questions)), ask_(std::move(ask)), asked_(questions_.size(), false) {}

void QuestionSchedule::before(sim::SimTime t, bool inclusive) {
  // In time order, as they come in the run (the file may list them in any order).
  for (;;) {
    std::size_t next = questions_.size();
    for (std::size_t i = 0; i < questions_.size(); ++i) {
      const auto& at = questions_[i].at;
      if (asked_[i] || !at || *at > t || (*at == t && !inclusive)) continue;
      if (next == questions_.size() || *at < *questions_[next].at) next = i;
    }
    if (next == questions_.size()) return;
    asked_[next] = true;
    ask_(*questions_[next].at, next, questions_[next]);
  }
}

void QuestionSchedule::after(std::string_view kind, sim::SimTime t) {
  for (std::size_t i = 0; i < questions_.size(); ++i)
    if (!asked_[i] && !questions_[i].at && questions_[i].after == kind) {
      asked_[i] = true;
      ask_(t, i, questions_[i]);
    }
}

}  // namespace mailsim::scenarios

#include "ui/gui/lesson.hpp"

namespace mailsim::gui {

Lesson::Lesson(std::vector<scenarios::Question> questions) : questions_(std::move(questions)) {
  restart();
}

void Lesson::restart() {
  fired_.assign(questions_.size(), std::nullopt);
  asked_.assign(questions_.size(), false);
  open_.reset();
  answer_shown_ = false;
}

std::optional<sim::SimTime> Lesson::due(std::size_t i) const {
  return questions_[i].at ? questions_[i].at : fired_[i];
}

bool Lesson::on_event(std::string_view kind, sim::SimTime at) {
  bool first = false;
  for (std::size_t i = 0; i < questions_.size(); ++i)
    if (!questions_[i].at && !fired_[i] && questions_[i].after == kind) {
      fired_[i] = at;
      first = first || !asked_[i];
    }
  return first;
}

std::optional<sim::SimTime> Lesson::next_time() const {
  std::optional<sim::SimTime> next;
  for (std::size_t i = 0; i < questions_.size(); ++i)
    if (const auto t = due(i); t && !asked_[i] && (!next || *t < *next)) next = t;
  return next;
}

bool Lesson::open_due(sim::SimTime now) {
  if (open_) return true;
  for (std::size_t i = 0; i < questions_.size(); ++i)
    if (const auto t = due(i); t && !asked_[i] && *t <= now) {
      open_ = i;
      answer_shown_ = false;
      return true;
    }
  return false;
}

void Lesson::pass_before(sim::SimTime t) {
  for (std::size_t i = 0; i < questions_.size(); ++i)
    if (const auto at = due(i); at && *at < t) asked_[i] = true;
  if (open_ && asked_[*open_]) close();
}

void Lesson::close() {
  if (open_) asked_[*open_] = true;
  open_.reset();
  answer_shown_ = false;
}

}  // namespace mailsim::gui

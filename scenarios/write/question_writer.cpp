#include "scenarios/write/section_writers.hpp"

namespace mailsim::scenarios {
namespace {

// Always the two languages: the loader wants both for a question.
void write_both(MapWriter& w, std::string_view key, const LocalizedText& t) {
  w.map(key, Style::block, [&](MapWriter& m) {
    m.text("en", t.en);
    m.text("fr", t.fr);
  });
}

}  // namespace

void write_question(MapWriter& w, const Question& q) {
  if (q.at)
    w.instant("at", *q.at);
  else
    w.text("after", q.after);
  write_both(w, "ask", q.ask);
  write_both(w, "answer", q.answer);
}

}  // namespace mailsim::scenarios

#include "ui/report/lesson_page.hpp"

#include <fmt/format.h>

#include "scenarios/build/check_messages.hpp"
#include "sim/inert.hpp"
#include "ui/report/lesson_style.hpp"
#include "ui/report/lesson_text.hpp"
#include "ui/report/markup.hpp"

namespace mailsim::report {

namespace {

std::string html(const Text& text, Lang lang) {
  return markup_escaped(text.render(lang));
}

// A scenario's own words (its title, goal, questions): control characters spelt out, the
// author's line breaks kept (the style sheet shows them).
std::string authored(const scenarios::LocalizedText& text, Lang lang) {
  return markup_escaped(spell_controls(text.in(lang), Keep::layout));
}

std::string heading(const char* id, const Message& title, Lang lang) {
  return fmt::format("<section id=\"{}\">\n<h2>{}</h2>\n", id, html(Text(title), lang));
}

std::string contents(const LessonRecord& r) {
  std::string out = fmt::format("<nav id=\"contents\">\n<h2>{}</h2>\n<ol>\n",
                                html(Text(lesson::kContents), r.lang));
  auto entry = [&](const std::string& id, const std::string& text) {
    out += fmt::format("<li><a href=\"#{}\">{}</a></li>\n", id, text);
  };
  entry("goal", html(Text(lesson::kGoal), r.lang));
  entry("story", html(Text(lesson::kStory), r.lang));
  entry("messages", html(Text(lesson::kMessages), r.lang));
  entry("expectations", html(Text(lesson::kExpectations), r.lang));
  entry("questions", html(Text(lesson::kQuestions), r.lang));
  return out + "</ol>\n</nav>\n";
}

// A question in the story, where the run asked it, linked to its answer below.
std::string asked_in_story(const LessonRecord& r, const AskedQuestion& a) {
  const std::string number = std::to_string(a.question + 1);
  const Text line(lesson::kQuestionInStory,
                  {{"number", number}, {"question", r.questions[a.question].ask.in(r.lang)}});
  return fmt::format(
      "<li class=\"question\" data-kind=\"lesson.question\"><time>{}</time><span><a "
      "href=\"#question-{}\">{}</a></span></li>\n",
      sim::format_time(a.at, r.lang), number, html(line, r.lang));
}

std::string story(const LessonRecord& r) {
  std::string out = heading("story", lesson::kStory, r.lang) + "<ol class=\"story\">\n";
  std::size_t asked = 0;
  for (std::size_t i = 0; i <= r.story.size(); ++i) {
    for (; asked < r.asked.size() && r.asked[asked].story_line == i; ++asked)
      out += asked_in_story(r, r.asked[asked]);
    if (i == r.story.size()) break;
    const agents::NarrationLine& line = r.story[i];
    out += fmt::format("<li data-kind=\"{}\"><time>{}</time><span>{}</span></li>\n",
                       markup_escaped(line.kind), sim::format_time(line.time, r.lang),
                       markup_escaped(line.text));
  }
  out += "</ol>\n";
  // The table `mailsim run` ends with: its title, then a line per message.
  for (std::size_t i = 0; i < r.outcomes.size(); ++i)
    out += i == 0 ? fmt::format("<h3>{}</h3>\n<ul class=\"outcomes\">\n",
                                markup_escaped(r.outcomes[i]))
                  : fmt::format("<li>{}</li>\n", markup_escaped(r.outcomes[i]));
  return out + (r.outcomes.empty() ? "" : "</ul>\n") + "</section>\n";
}

std::string expectations(const LessonRecord& r) {
  namespace check = scenarios::check;
  std::string out = heading("expectations", lesson::kExpectations, r.lang);
  if (r.expectations.empty())
    return out + fmt::format("<p>{}</p>\n</section>\n", html(Text(lesson::kNoExpectation), r.lang));
  out +=
      fmt::format("<table>\n<thead><tr><th>{}</th><th>{}</th><th>{}</th></tr></thead>\n<tbody>\n",
                  html(Text(lesson::kResult), r.lang), html(Text(lesson::kExpected), r.lang),
                  html(Text(lesson::kEvidence), r.lang));
  unsigned long long passed = 0;
  for (const scenarios::ExpectationResult& e : r.expectations) {
    passed += e.passed ? 1 : 0;
    out += fmt::format("<tr class=\"{}\"><td class=\"result\">{}</td><td>{}</td><td>{}</td></tr>\n",
                       e.passed ? "met" : "failed",
                       html(Text(e.passed ? check::kPass : check::kFail), r.lang),
                       html(e.description, r.lang), html(e.evidence, r.lang));
  }
  const Text summary =
      counted(check::kSummary, passed, r.lang, {{"total", std::to_string(r.expectations.size())}});
  return out + fmt::format("</tbody>\n</table>\n<p class=\"summary\">{}</p>\n</section>\n",
                           html(summary, r.lang));
}

// The event an `after:` question waits for, as the page names it.
const Message& event_words(const std::string& kind) {
  if (kind == "mail.accepted") return lesson::kFirstAccepted;
  if (kind == "mail.relayed") return lesson::kFirstRelayed;
  if (kind == "mail.deferred") return lesson::kFirstDeferred;
  if (kind == "mail.bounced") return lesson::kFirstBounced;
  return lesson::kFirstDelivered;
}

// When the run asked question `index`, or why it did not.
std::string when_asked(const LessonRecord& r, std::size_t index) {
  const scenarios::Question& q = r.questions[index];
  const std::string event(q.at ? "" : event_words(q.after).text(r.lang));
  for (const AskedQuestion& a : r.asked)
    if (a.question == index) {
      const std::string time = sim::format_time(a.at, r.lang);
      return html(q.at ? Text(lesson::kAskedAt, {{"time", time}})
                       : Text(lesson::kAskedAfter, {{"time", time}, {"event", event}}),
                  r.lang);
    }
  return html(Text(lesson::kNotAsked, {{"event", event}}), r.lang);
}

std::string questions(const LessonRecord& r) {
  std::string out = heading("questions", lesson::kQuestions, r.lang);
  if (r.questions.empty())
    return out + fmt::format("<p>{}</p>\n</section>\n", html(Text(lesson::kNoQuestion), r.lang));
  out += "<ol class=\"questions\">\n";
  for (std::size_t i = 0; i < r.questions.size(); ++i) {
    const scenarios::Question& q = r.questions[i];
    out +=
        fmt::format("<li id=\"question-{}\"><p class=\"ask\">{}</p>\n<p class=\"asked\">{}</p>\n",
                    i + 1, authored(q.ask, r.lang), when_asked(r, i));
    if (!q.answer.in(r.lang).empty())
      out += fmt::format("<details><summary>{}</summary><p class=\"answer\">{}</p></details>\n",
                         html(Text(lesson::kAnswer), r.lang), authored(q.answer, r.lang));
    out += "</li>\n";
  }
  return out + "</ol>\n</section>\n";
}

}  // namespace

std::string lesson_page(const LessonRecord& r) {
  const char* lang = r.lang == Lang::fr ? "fr" : "en";
  const std::string title = authored(r.title, r.lang);
  std::string out = fmt::format(
      "<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"{0}\" "
      "xml:lang=\"{0}\">\n<head>\n<meta charset=\"utf-8\"/>\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n"
      "<title>{1}</title>\n<style>{2}</style>\n</head>\n<body>\n<header><h1>{1}</h1></header>\n",
      lang, title, kLessonStyle);
  out += contents(r);
  out += heading("goal", lesson::kGoal, r.lang) +
         fmt::format("<p class=\"goal\">{}</p>\n</section>\n", authored(r.goal, r.lang));
  out += story(r);
  out += messages_section(r);
  out += expectations(r);
  out += questions(r);
  const Text end(lesson::kEnd, {{"scenario", r.scenario},
                                {"seed", std::to_string(r.seed)},
                                {"time", sim::format_time(r.end, r.lang)},
                                {"events", std::to_string(r.events)}});
  out += fmt::format("<footer><p>{}</p></footer>\n</body>\n</html>\n", html(end, r.lang));
  return out;
}

}  // namespace mailsim::report

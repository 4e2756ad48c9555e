#pragma once
// The lesson page (`mailsim report`): one self-contained HTML file a student keeps, with the
// lesson's title and goal, its story, one section per message (its journey chart as inline SVG,
// the message as stored with its Received chain, a bounce's report), the expectations and their
// results, and the teacher's questions with their answers folded. Written as HTML5 that is also
// well-formed XML (every element closed, every attribute quoted), so that an XML parser checks
// it; no script, no external file. Everything from the scenario or the run is escaped.
#include <string>

#include "ui/report/lesson_record.hpp"

namespace mailsim::report {

std::string lesson_page(const LessonRecord& record);

// The section of the messages: one <article> per message the run traced, then the messages the
// mailboxes hold that no journey followed (a message typed by hand, a smuggled one).
std::string messages_section(const LessonRecord& record);

}  // namespace mailsim::report

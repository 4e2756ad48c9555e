// The lesson page's messages: each journey's chart, then the message as it was stored.
#include <fmt/format.h>

#include <set>

#include "agents/proto/imf/header.hpp"
#include "ui/report/journey_svg.hpp"
#include "ui/report/lesson_page.hpp"
#include "ui/report/lesson_text.hpp"
#include "ui/report/markup.hpp"
#include "ui/report/message_lines.hpp"
#include "ui/report/tries_axis.hpp"

namespace mailsim::report {

namespace {

std::string html(const Text& text, Lang lang) {
  return markup_escaped(text.render(lang));
}

// The Message-ID a stored message carries; empty when it has none or its header is broken.
std::string message_id_of(std::string_view content) {
  try {
    return proto::imf::parse_message(content).header.value("Message-ID").value_or("");
  } catch (const std::exception&) {
    return {};
  }
}

std::string where(const KeptMessage& m, Lang lang) {
  const std::string time = sim::format_time(m.at, lang);
  const std::string bytes = std::to_string(m.content.size());
  if (!m.client.empty())
    return html(Text(lesson::kInClient,
                     {{"client", m.client}, {"host", m.host}, {"time", time}, {"bytes", bytes}}),
                lang);
  return html(Text(lesson::kInMailbox, {{"user", m.user},
                                        {"server", m.server},
                                        {"folder", m.folder},
                                        {"uid", std::to_string(m.uid)},
                                        {"time", time},
                                        {"bytes", bytes}}),
              lang);
}

// Where the message is, then its lines as `mailsim run --show-messages` prints them.
std::string kept_message(const KeptMessage& m, Lang lang) {
  const ShownMessage shown = shown_message(m.content, false);
  std::string out =
      fmt::format("<p class=\"where\">{}</p>\n<pre class=\"message\">", where(m, lang));
  for (std::size_t i = 0; i < shown.lines.size(); ++i)
    out += (i ? "\n" : "") + markup_escaped(shown.lines[i]);
  if (shown.cut > 0) out += "\n" + html(counted(lesson::kBodyCut, shown.cut, lang), lang);
  return out + "</pre>\n";
}

std::string heading(const MessageJourney& j, std::size_t number, Lang lang) {
  const TracedMessage& m = j.message;
  std::string title = j.chart.title;
  if (m.sender.empty()) title = Text(lesson::kBounceOf, {{"recipient", m.recipient}}).render(lang);
  return html(Text(lesson::kMessageHeading, {{"number", std::to_string(number)}, {"title", title}}),
              lang);
}

}  // namespace

std::string messages_section(const LessonRecord& record) {
  const Lang lang = record.lang;
  std::string out =
      fmt::format("<section id=\"messages\">\n<h2>{}</h2>\n", html(Text(lesson::kMessages), lang));
  if (record.messages.empty())
    out += fmt::format("<p>{}</p>\n", html(Text(lesson::kNoMessage), lang));
  std::vector<std::string> ids;
  for (const KeptMessage& k : record.kept)
    ids.push_back(message_id_of(k.content));
  std::set<std::size_t> shown;
  for (std::size_t n = 0; n < record.messages.size(); ++n) {
    const MessageJourney& j = record.messages[n];
    const std::string id = fmt::format("message-{}", n + 1);
    out += fmt::format("<article class=\"message\" id=\"{}\">\n<h3>{}</h3>\n<p>{}</p>\n", id,
                       heading(j, n + 1, lang), html(Text(lesson::kJourney), lang));
    out += "<figure class=\"journey\">\n" + journey_svg_element(j.chart, lang, id + "-") +
           tries_axis_svg(j.chart, lang) + "</figure>\n";
    out += fmt::format("<h4>{}</h4>\n", html(Text(lesson::kAsStored), lang));
    bool stored = false;
    for (std::size_t k = 0; k < record.kept.size(); ++k)
      if (ids[k] == j.message.message_id) {
        out += kept_message(record.kept[k], lang);
        shown.insert(k);
        stored = true;
      }
    if (!stored) out += fmt::format("<p>{}</p>\n", html(Text(lesson::kNotStored), lang));
    out += "</article>\n";
  }
  if (shown.size() < record.kept.size()) {
    out += fmt::format("<article class=\"message\" id=\"other-messages\">\n<h3>{}</h3>\n",
                       html(Text(lesson::kOtherMessages), lang));
    for (std::size_t k = 0; k < record.kept.size(); ++k)
      if (!shown.contains(k)) out += kept_message(record.kept[k], lang);
    out += "</article>\n";
  }
  return out + "</section>\n";
}

}  // namespace mailsim::report

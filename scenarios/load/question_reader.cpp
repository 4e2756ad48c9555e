#include "scenarios/load/question_reader.hpp"

#include "scenarios/load/localized_reader.hpp"
#include "scenarios/load/messages.hpp"
#include "scenarios/load/yaml_map.hpp"

namespace mailsim::scenarios {

std::vector<Question> read_questions(const std::vector<YamlNode>& entries, Diagnostics& diag) {
  std::vector<Question> out;
  for (const auto& node : entries) {
    YamlMap m(node, Text(msg::kWhatQuestion), diag, "questions[]");
    if (!m.ok()) continue;
    Question q;
    q.pos = m.pos();
    const bool has_at = m.has("at"), has_after = m.has("after");
    if (has_at == has_after)
      diag.error(m.pos(), Text(has_at ? msg::kQuestionAtAndAfter : msg::kQuestionWhen));
    q.at = m.time("at");
    if (auto v = m.choice("after", question_events())) q.after = *v;
    q.ask = read_localized(m, "ask", Need::required, diag, "questions[].ask", Need::required);
    q.answer =
        read_localized(m, "answer", Need::required, diag, "questions[].answer", Need::required);
    m.finish();
    out.push_back(std::move(q));
  }
  return out;
}

}  // namespace mailsim::scenarios

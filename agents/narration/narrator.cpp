#include "agents/narration/narrator.hpp"

#include <fmt/format.h>

#include "agents/narration/reply_codes.hpp"
#include "agents/narration/sentences.hpp"

namespace mailsim::agents {
namespace {

// Collects a record's fields as text arguments.
class ArgCollector final : public sim::FieldVisitor {
 public:
  using FieldVisitor::field;
  void field(std::string_view k, std::int64_t v) override { add(k, fmt::to_string(v)); }
  void field(std::string_view k, std::uint64_t v) override { add(k, fmt::to_string(v)); }
  void field(std::string_view k, double v) override { add(k, fmt::format("{}", v)); }
  void field(std::string_view k, bool v) override { add(k, v ? "true" : "false"); }
  void field(std::string_view k, std::string_view v) override { add(k, std::string(v)); }
  void field(std::string_view k, sim::SimTime v) override { add(k, sim::format_time(v)); }
  std::vector<Text::Arg> args;

 private:
  void add(std::string_view k, std::string v) { args.emplace_back(std::string(k), std::move(v)); }
};

}  // namespace

const Message* Narrator::sentence_for(const sim::TraceKind& kind) {
  for (const Message* m : sentences())
    if (m->id == kind.name) return m;
  return nullptr;
}

std::span<const Message* const> Narrator::sentences() {
  return narration::kAll;
}

std::optional<std::string> Narrator::narrate(const sim::TraceRecord& record) const {
  const Message* m = sentence_for(record.kind());
  if (m == nullptr) return std::nullopt;
  ArgCollector c;
  record.visit_fields(c);
  for (const auto& [key, value] : c.args) {
    if (key == "reply") {
      if (auto code = parse_reply_code(value))
        c.args.emplace_back("explain", explain_reply(*code, lang_));
      break;
    }
  }
  return Text(*m, std::move(c.args)).render(lang_);
}

}  // namespace mailsim::agents

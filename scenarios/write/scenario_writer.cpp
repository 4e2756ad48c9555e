#include "scenarios/write/scenario_writer.hpp"

#include <stdexcept>

#include "scenarios/load/datetime.hpp"
#include "scenarios/load/scenario_reader.hpp"
#include "scenarios/write/block_text.hpp"
#include "scenarios/write/section_writers.hpp"

namespace mailsim::scenarios {
namespace {

const ScenarioModel kScenario{};

std::string indented(const std::string& text, int indent) {
  const std::string margin(static_cast<std::size_t>(indent), ' ');
  std::string out;
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t end = text.find('\n', pos);
    if (end == std::string::npos) end = text.size();
    if (end > pos) out += margin;  // an empty line of a literal block stays empty
    out += text.substr(pos, end - pos) + '\n';
    pos = end + 1;
  }
  return out;
}

// "key: text" at `indent`; a long one-line text folded (>-) over several lines, which yaml-cpp's
// emitter cannot do.
std::string text_line(std::string_view key, const std::string& text, int indent) {
  const int length = indent + static_cast<int>(key.size() + 2 + text.size());
  if (length > kLineWidth)
    if (auto folded = folded_block(text, indent + 2, kLineWidth))
      return std::string(static_cast<std::size_t>(indent), ' ') + std::string(key) + ": " + *folded;
  YAML::Emitter e;
  e << YAML::BeginMap;
  MapWriter w(e, indent);
  w.lines(key, text);
  e << YAML::EndMap;
  return indented(e.c_str(), indent);
}

// A title or description: one text for both languages, or `en:` and `fr:`.
std::string localized(std::string_view key, const LocalizedText& t) {
  if (t.en == t.fr) return text_line(key, t.en, 0);
  std::string out = std::string(key) + ":\n" + text_line("en", t.en, 2);
  if (!t.fr.empty()) out += text_line("fr", t.fr, 2);
  return out;
}

}  // namespace

std::string write_scenario(const ScenarioModel& model) {
  const ScenarioModel s = without_generated(model);
  std::string out = localized("title", s.title);
  if (!s.description.en.empty() || !s.description.fr.empty())
    out += localized("description", s.description);

  YAML::Emitter e;
  e << YAML::BeginMap;
  MapWriter w(e, 0);
  w.unsigned_integer("seed", s.seed, kScenario.seed);
  if (s.start_unix_seconds != kDefaultStartUnix ||
      s.start_utc_offset_minutes != kDefaultStartOffsetMinutes)
    w.text("start", format_start_time({s.start_unix_seconds, s.start_utc_offset_minutes}));
  w.duration("duration", s.duration);
  w.text("variant", s.variant, kScenario.variant);
  if (s.population)
    w.map("population", Style::block, [&](MapWriter& p) { write_population(p, *s.population); });
  if (!s.population || !s.network.hosts.empty() || !s.network.routers.empty() ||
      !s.network.links.empty())
    w.map("network", Style::block, [&](MapWriter& n) { write_network(n, s.network); });
  if (s.mail.dns) w.map("dns", Style::block, [&](MapWriter& d) { write_dns(d, *s.mail.dns); });
  if (!s.mail.servers.empty() || !s.mail.clients.empty())
    w.map("mail", Style::block, [&](MapWriter& m) { write_mail(m, s.mail); });
  w.list("timeline", s.timeline, Style::block, [&](MapWriter& t, const TimelineEntry& entry) {
    write_timeline_entry(t, entry, s.network);
  });
  w.list("expect", s.expectations, Style::block, write_expectation);
  w.list("questions", s.questions, Style::block, write_question);
  e << YAML::EndMap;
  if (!e.good()) throw std::logic_error("scenario writer: " + e.GetLastError());
  out += e.c_str();
  out += '\n';
  return out;
}

}  // namespace mailsim::scenarios

#include "ui/gui/event_log.hpp"

#include <algorithm>

#include "sim/strings.hpp"
#include "sim/text_fields.hpp"

namespace mailsim::gui {

namespace {

// The hosts a record names, and its stage, from its fields.
class Fields final : public sim::TextFieldVisitor {
 public:
  using TextFieldVisitor::field;
  std::vector<std::string> hosts;
  std::string stage;
  void field(std::string_view key, std::string_view value) override {
    if (key == "stage") stage = value;
    if ((key == "agent" || key == "client" || key == "server" || key == "host" ||
         key == "next_agent" || key == "node") &&
        !value.empty() && std::find(hosts.begin(), hosts.end(), value) == hosts.end())
      hosts.emplace_back(value);
  }
};

LogStage stage_of(std::string_view kind, std::string_view stage) {
  if (kind.starts_with("dns.")) return LogStage::dns;
  if (stage == "composition" || stage == "submission") return LogStage::submission;
  if (stage == "queueing" || stage == "retry" || stage == "bounce") return LogStage::queue;
  if (stage == "relay" || stage == "inbound_checks") return LogStage::relay;
  if (stage == "delivery") return LogStage::delivery;
  if (stage == "retrieval") return LogStage::retrieval;
  return LogStage::other;
}

void insert_sorted(std::vector<std::string>& v, const std::string& s) {
  const auto it = std::lower_bound(v.begin(), v.end(), s);
  if (it == v.end() || *it != s) v.insert(it, s);
}

}  // namespace

EventLog::EventLog(sim::Trace& trace, const agents::HostRoles& roles,
                   const agents::ConservationChecker& conservation)
    : trace_(trace),
      conservation_(conservation),
      en_(Lang::en, agents::Level::protocol, roles),
      fr_(Lang::fr, agents::Level::protocol, roles),
      subscription_(trace.subscribe([this](const sim::TraceRecord& r) { on_record(r); },
                                    agents::Narrator::kinds_for(agents::Level::protocol))) {}

EventLog::~EventLog() {
  trace_.unsubscribe(subscription_);
}

void EventLog::on_record(const sim::TraceRecord& r) {
  const auto en = en_.tell(r);
  const auto fr = fr_.tell(r);
  if (en.empty() || en.size() != fr.size()) return;
  Fields fields;
  r.visit_fields(fields);
  const bool story = agents::Narrator::level_of(r) == agents::Level::story;
  for (std::size_t i = 0; i < en.size(); ++i) {
    LogLine line;
    line.at = en[i].time;
    line.text[0] = en[i].text;
    line.text[1] = fr[i].text;
    line.kind = en[i].kind;
    line.hosts = fields.hosts;
    line.stage = stage_of(line.kind, fields.stage);
    line.story = story;
    add(std::move(line));
  }
  if (auto again = conservation_.delivered_again(r)) {
    LogLine line;
    line.at = r.time();
    line.text[0] = again->render(Lang::en);
    line.text[1] = again->render(Lang::fr);
    line.kind = "journey.delivered_again";
    line.hosts = fields.hosts;
    line.stage = LogStage::delivery;
    line.story = true;
    add(std::move(line));
  }
}

void EventLog::add(LogLine line) {
  insert_sorted(kinds_, line.kind);
  for (const auto& h : line.hosts)
    insert_sorted(hosts_, h);
  lines_.push_back(std::move(line));
}

bool matches(const LogLine& line, const LogFilter& f, Lang lang) {
  if (f.story_only && !line.story) return false;
  if (f.stage && line.stage != *f.stage) return false;
  if (!f.kind.empty() && line.kind != f.kind) return false;
  if (!f.host.empty() &&
      std::find(line.hosts.begin(), line.hosts.end(), f.host) == line.hosts.end())
    return false;
  if (!f.search.empty() && to_lower(line.in(lang)).find(to_lower(f.search)) == std::string::npos)
    return false;
  return true;
}

std::vector<std::size_t> filter_log(const EventLog& log, const LogFilter& filter, Lang lang,
                                    std::size_t first) {
  std::vector<std::size_t> out;
  const auto& lines = log.lines();
  for (std::size_t i = first; i < lines.size(); ++i)
    if (matches(lines[i], filter, lang)) out.push_back(i);
  return out;
}

}  // namespace mailsim::gui

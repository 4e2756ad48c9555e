#pragma once
// What the Log panel shows, without ImGui: the trace's narrated lines (the Narrator's sentences
// as `mailsim run --level protocol` prints them, in English and French so that the language can
// change during the run), each with the hosts it is about, its stage of the journey and its
// kind, and the filters a person narrows them with: a host, a stage, a kind, the story level
// only, and a text to search. A message delivered twice to one recipient gets a line of its own
// after the delivery, at the story level, as in the Story panel (what the conservation check
// says of it).
#include <optional>
#include <string>
#include <vector>

#include "agents/journey/conservation.hpp"
#include "agents/narration/storyteller.hpp"
#include "sim/trace.hpp"

namespace mailsim::gui {

// The stages a person filters by: the journey's (agents::Stage, some taken together) and DNS.
enum class LogStage { submission, queue, dns, relay, delivery, retrieval, other };
inline constexpr int kLogStageCount = 7;

struct LogLine {
  sim::SimTime at{0};
  std::string text[2];  // by language (Lang::en, Lang::fr)
  std::string kind;
  std::vector<std::string> hosts;
  LogStage stage = LogStage::other;
  bool story = false;  // told at the story level too
  const std::string& in(Lang lang) const { return text[lang == Lang::fr ? 1 : 0]; }
};

class EventLog {
 public:
  // `conservation` subscribed to `trace` before the log, and outlives it.
  EventLog(sim::Trace& trace, const agents::HostRoles& roles,
           const agents::ConservationChecker& conservation);
  ~EventLog();
  EventLog(const EventLog&) = delete;
  EventLog& operator=(const EventLog&) = delete;

  const std::vector<LogLine>& lines() const { return lines_; }
  // The hosts and kinds met so far, sorted, to choose from.
  const std::vector<std::string>& hosts() const { return hosts_; }
  const std::vector<std::string>& kinds() const { return kinds_; }

 private:
  void on_record(const sim::TraceRecord& r);
  void add(LogLine line);

  sim::Trace& trace_;
  const agents::ConservationChecker& conservation_;
  agents::Storyteller en_, fr_;
  std::vector<LogLine> lines_;
  std::vector<std::string> hosts_, kinds_;
  sim::Trace::SubscriptionId subscription_;
};

struct LogFilter {
  std::string host;  // empty: any
  std::optional<LogStage> stage;
  std::string kind;    // empty: any
  std::string search;  // in the line's text, whatever the case
  bool story_only = false;
  friend bool operator==(const LogFilter&, const LogFilter&) = default;
};

bool matches(const LogLine& line, const LogFilter& filter, Lang lang);
// The lines that pass, from `first` on (a panel filters only the lines added since).
std::vector<std::size_t> filter_log(const EventLog& log, const LogFilter& filter, Lang lang,
                                    std::size_t first = 0);

}  // namespace mailsim::gui

#pragma once
// The narration at one level (narrator.hpp's Level), as lines: what `mailsim run` prints and
// the window lists. The level's choice of records is Narrator::level_of; at the story level the
// storyteller also folds what repeats: after the first attempts of a message that failed the
// same way, the others become one line ("… 98 more attempts failed the same way, 1 h apart"),
// and an MX lookup that finds what it found before is not told again.
#include <map>
#include <set>
#include <string>
#include <vector>

#include "agents/narration/narrator.hpp"
#include "sim/time.hpp"
#include "sim/trace.hpp"

namespace mailsim::agents {

// "350 ms", "1.5 s", "4 h 20 min", "5 d 2 h" (French "5 j 2 h"): the two largest units.
std::string format_duration(sim::SimTime d, Lang lang);

struct NarrationLine {
  sim::SimTime time{0};
  std::string text;
  std::string kind;  // the record's kind (the summary of folded attempts: mail.deferred)
};

class Storyteller {
 public:
  // Attempts told one by one before the rest of the same failure is folded.
  static constexpr int kAttemptsShown = 2;

  Storyteller(Lang lang, Level level, HostRoles roles = {});

  // The lines `record` adds at this level: none, its sentence (a record without one in the
  // trace's text form), preceded at the story level by the summary of attempts folded so far.
  std::vector<NarrationLine> tell(const sim::TraceRecord& record);
  // The summaries still pending when the run ends.
  std::vector<NarrationLine> finish();

  const Narrator& narrator() const { return narrator_; }
  Level level() const { return level_; }

 private:
  struct Repeats {
    int shown = 0;
    sim::SimTime last{0};
    std::vector<sim::SimTime> folded;  // the attempts not told yet
    std::vector<sim::SimTime> gaps;    // between each folded attempt and the one before
  };
  // Folds a repeated failure; true when the record is not to be told.
  bool fold(const sim::TraceRecord& record);
  void flush(std::vector<NarrationLine>& out);

  Narrator narrator_;
  Level level_;
  std::map<std::string, Repeats> repeats_;  // agent, queue id, recipient, reply -> its attempts
  std::vector<std::string> pending_;        // keys with folded attempts, in order
  std::set<std::string> routes_told_;
};

}  // namespace mailsim::agents

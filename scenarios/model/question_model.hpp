#pragma once
// Lesson mode: the questions a teacher asks during a run. The window pauses the run at each,
// shows the question, reveals the answer on a key and goes on.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "scenarios/load/diagnostics.hpp"
#include "scenarios/model/localized_text.hpp"
#include "sim/time.hpp"

namespace mailsim::scenarios {

struct Question {
  std::optional<sim::SimTime> at;  // asked at this time...
  std::string after;               // ...or when the first event of this kind happens
  LocalizedText ask;
  LocalizedText answer;
  SourcePos pos;
  bool operator==(const Question&) const = default;
};

// The events a question may follow (`after:`): the trace kinds of a message's journey, the first
// time any message is accepted, handed over, deferred, delivered or bounced.
inline const std::vector<std::string>& question_events() {
  static const std::vector<std::string> events{"mail.accepted", "mail.relayed", "mail.deferred",
                                               "mail.delivered", "mail.bounced"};
  return events;
}

}  // namespace mailsim::scenarios

#pragma once
// Carries out a POP3 or IMAP engine's timer actions (agents/proto/timer_actions.hpp) on the
// endpoint's ActivityTimer. Those engines restart their one timer with each input, for the
// limit the endpoint gave the ActivityTimer too: "fire at now + limit" is a touch(), which
// moves a time stamp instead of rescheduling a kernel event for each piece of input. When the
// ActivityTimer fires, the endpoint tells the engine, which decides what the timeout does.
#include <variant>
#include <vector>

#include "agents/proto/timer_actions.hpp"
#include "agents/session_timer.hpp"

namespace mailsim::agents {

inline void carry_out(ActivityTimer& timer, const std::vector<proto::TimerAction>& actions) {
  for (const auto& action : actions) {
    if (std::holds_alternative<proto::StartTimer>(action)) {
      timer.touch();
    } else {
      timer.cancel();
    }
  }
}

}  // namespace mailsim::agents

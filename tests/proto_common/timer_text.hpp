#pragma once
// An engine's timer actions as text, so a test compares and prints them plainly:
// "start 1 at 600s", "cancel 1" (times in whole seconds, or in microseconds when not whole).
#include <fmt/format.h>

#include <string>
#include <variant>
#include <vector>

#include "agents/proto/timer_actions.hpp"

namespace mailsim::test {

inline std::string time_text(sim::SimTime t) {
  const auto us = t.count();
  return us % 1000000 == 0 ? fmt::format("{}s", us / 1000000) : fmt::format("{}us", us);
}

inline std::string timer_text(const proto::TimerAction& action) {
  if (const auto* start = std::get_if<proto::StartTimer>(&action))
    return fmt::format("start {} at {}", start->timer, time_text(start->at));
  return fmt::format("cancel {}", std::get<proto::CancelTimer>(action).timer);
}

inline std::vector<std::string> timer_texts(const proto::TimerActions& actions) {
  std::vector<std::string> out;
  for (const auto& a : actions)
    out.push_back(timer_text(a));
  return out;
}

}  // namespace mailsim::test

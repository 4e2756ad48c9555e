#include "ui/cli/terminal.hpp"

#include <unistd.h>

#include <cstdlib>
#include <iostream>

namespace mailsim::cli {

Tone tone_of(std::string_view kind) {
  const std::string_view last = kind.substr(kind.rfind('.') + 1);
  for (std::string_view bad : {"dropped", "failed", "refused", "timed_out", "reset", "bounced",
                               "double_bounce_discarded", "down"})
    if (last == bad) return Tone::bad;
  if (last == "deferred") return Tone::warning;
  for (std::string_view good : {"delivered", "accepted", "relayed", "opened", "up"})
    if (last == good) return Tone::good;
  return Tone::plain;
}

bool colours_wanted(int fd) {
  const char* no_colour = std::getenv("NO_COLOR");
  if (no_colour != nullptr && *no_colour != '\0') return false;
  const char* term = std::getenv("TERM");
  if (term != nullptr && std::string_view(term) == "dumb") return false;
  return isatty(fd) != 0;
}

std::string paint(std::string_view text, Tone tone, bool colours) {
  if (!colours || tone == Tone::plain) return std::string(text);
  const char* code = tone == Tone::good      ? "\x1b[32m"
                     : tone == Tone::warning ? "\x1b[33m"
                                             : "\x1b[31m";
  return std::string(code) + std::string(text) + "\x1b[0m";
}

void ProgressBar::update(sim::SimTime now) {
  if (!enabled_ || end_.count() <= 0) return;
  const auto wall = std::chrono::steady_clock::now();
  if (drawn_ && wall - last_ < std::chrono::milliseconds(100)) return;
  last_ = wall;
  const double fraction = std::min(1.0, static_cast<double>(now.count()) / end_.count());
  const int width = 30;
  const int filled = static_cast<int>(fraction * width);
  std::cerr << "\r[" << std::string(filled, '#') << std::string(width - filled, '.') << "] "
            << sim::format_time(now) << " / " << sim::format_time(end_) << std::flush;
  drawn_ = true;
}

void ProgressBar::clear() {
  if (!drawn_) return;
  std::cerr << "\r" << std::string(80, ' ') << "\r" << std::flush;
  drawn_ = false;
}

}  // namespace mailsim::cli

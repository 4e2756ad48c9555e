#pragma once
// How the command line writes to a terminal: colours (none with NO_COLOR or when piped) and a
// progress bar on standard error for long runs (none when standard error is not a terminal).
#include <chrono>
#include <string>
#include <string_view>

#include "sim/time.hpp"

namespace mailsim::cli {

enum class Tone { plain, good, warning, bad };

// The tone of a trace record kind: delivered/accepted/opened are good, deferred is a warning,
// dropped/refused/timed out/bounced are bad.
Tone tone_of(std::string_view kind);

bool colours_wanted(int fd);  // a terminal, and NO_COLOR unset
std::string paint(std::string_view text, Tone tone, bool colours);

class ProgressBar {
 public:
  ProgressBar(sim::SimTime end, bool enabled) : end_(end), enabled_(enabled) {}
  ~ProgressBar() { clear(); }
  void update(sim::SimTime now);  // redraws at most ten times a second
  void clear();

 private:
  sim::SimTime end_;
  bool enabled_;
  bool drawn_ = false;
  std::chrono::steady_clock::time_point last_{};
};

}  // namespace mailsim::cli

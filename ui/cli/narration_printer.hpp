#pragma once
// The narration as `mailsim run` and `mailsim serve` print it on a terminal.
#include <iostream>
#include <string>
#include <vector>

#include "sim/text.hpp"
#include "sim/time.hpp"
#include "ui/cli/terminal.hpp"

namespace mailsim::cli {

// Writes the narration: the time, then the sentence. A transcript line is indented under the
// sentences and leaves the time blank when the line above shows it already, so that a burst of
// lines reads as one block while a line that came later still says when.
class NarrationPrinter {
 public:
  NarrationPrinter(bool colours, Lang lang) : colours_(colours), lang_(lang) {}

  void sentence(sim::SimTime t, const std::string& text, Tone tone) {
    std::cout << paint(time_column(t), Tone::plain, colours_) << "  " << paint(text, tone, colours_)
              << "\n";
  }
  void transcript(sim::SimTime t, const std::vector<std::string>& lines) {
    for (const std::string& line : lines) {
      const bool repeated = printed_ && t == last_;
      const std::string time = time_column(t);
      std::cout << (repeated ? std::string(time.size(), ' ') : paint(time, Tone::plain, colours_))
                << "    " << line << "\n";
    }
  }

 private:
  std::string time_column(sim::SimTime t) {
    last_ = t;
    printed_ = true;
    return sim::format_time(t, lang_);
  }

  bool colours_;
  Lang lang_;
  sim::SimTime last_{0};
  bool printed_ = false;
};

}  // namespace mailsim::cli

// Going back in time in the window replays the scenario from its start. For every library
// scenario: the plain run to its end with nobody listening (the baseline), the window's silent
// pre-run when it opens, and a replay to the middle of the run as the window does it (with the
// scene following every packet). See bench/README.md.
//
//   build/bench/gui/gui_replay [--rounds R]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include "scenarios/build/scenario_run.hpp"
#include "scenarios/library/builtin.hpp"
#include "scenarios/load/scenario_reader.hpp"
#include "ui/gui/player.hpp"

namespace {

using namespace mailsim;
using Clock = std::chrono::steady_clock;

double ms_since(Clock::time_point start) {
  return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

}  // namespace

int main(int argc, char** argv) {
  int rounds = 5;
  for (int i = 1; i + 1 < argc; ++i)
    if (std::strcmp(argv[i], "--rounds") == 0) rounds = std::max(1, std::atoi(argv[i + 1]));
  double worst_replay = 0;
  std::string worst;
  for (const auto& s : scenarios::builtin_scenarios()) {
    auto loaded = scenarios::load_scenario_text(s.text, std::string(s.name) + ".yaml");
    if (!loaded.scenario) return 2;
    std::vector<double> plain, open, replay;
    for (int r = 0; r < rounds; ++r) {
      scenarios::Diagnostics diag("");
      auto start = Clock::now();
      scenarios::ScenarioRun run(*loaded.scenario, diag);
      run.run_to_completion();
      plain.push_back(ms_since(start));
      start = Clock::now();
      gui::Player player(*loaded.scenario, std::nullopt, diag);
      open.push_back(ms_since(start));
      player.seek(player.end());
      player.seek(player.end() / 2);
      replay.push_back(player.last_replay_ms());
    }
    const double p = median(plain), o = median(open), b = median(replay);
    std::printf(
        "%-28s plain_run_ms=%7.1f window_open_ms=%7.1f replay_to_middle_ms=%7.1f "
        "replay_ratio=%.2f\n",
        std::string(s.name).c_str(), p, o, b, b / std::max(p, 1e-3));
    if (b > worst_replay) worst_replay = b, worst = s.name;
  }
  std::printf("slowest replay: %s %.1f ms\n", worst.c_str(), worst_replay);
  return 0;
}

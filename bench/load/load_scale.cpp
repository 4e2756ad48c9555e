// What checking a big scenario file costs: links that name unknown hosts (each gets a "did you
// mean" search among every host name) and a mapping with many keys (duplicate-key check,
// unknown keys), and the memory loading takes per byte of YAML, against yaml-cpp's own node
// tree of the same text. See bench/README.md.
//
//   build/bench/load/load_scale [--links N] [--keys K] [--rounds R]
//
// The baseline, in the same run, is the same network with every link naming hosts that exist:
// the file is as long and parsed the same way, only the checks differ.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include <yaml-cpp/yaml.h>

#include "bench/bench_support.hpp"
#include "scenarios/load/scenario_reader.hpp"

namespace {

using mailsim::scenarios::load_scenario_text;

// N hosts pc0..pcN-1 behind one router; link i joins pc<i> to the router, or, when broken,
// to a host that does not exist: every other one a typo of a real name ("pcx12"), the others
// nowhere near one ("nowhere-12").
std::string network_file(int n, bool broken) {
  std::string text = "network:\n  hosts:\n";
  for (int i = 0; i < n; ++i)
    text += "    - {name: pc" + std::to_string(i) + ", address: 10." + std::to_string(i >> 16) +
            "." + std::to_string((i >> 8) & 255) + "." + std::to_string(i & 255) + "}\n";
  text += "  routers:\n    - {name: r}\n  links:\n";
  for (int i = 0; i < n; ++i) {
    std::string end = "pc" + std::to_string(i);
    if (broken) end = i % 2 ? "pcx" + std::to_string(i) : "nowhere-" + std::to_string(i);
    text += "    - {between: [" + end + ", r]}\n";
  }
  return text;
}

// One mapping (a host) with K keys: unknown ones (`key<i>`), or, when `duplicated`, each key
// twice.
std::string keys_file(int k, bool duplicated) {
  std::string text = "network:\n  hosts:\n    - name: pc\n      address: 10.0.0.1\n";
  for (int i = 0; i < k; ++i)
    text += "      key" + std::to_string(duplicated ? i / 2 : i) + ": 1\n";
  return text;
}

struct Timing {
  double seconds = 0;
  std::size_t errors = 0;
};

Timing load(const std::string& text, int rounds) {
  std::vector<double> times;
  Timing t;
  for (int r = 0; r < rounds; ++r) {
    const auto start = std::chrono::steady_clock::now();
    auto result = load_scenario_text(text, "bench.yaml");
    times.push_back(
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
    t.errors = result.diagnostics.size();
  }
  std::sort(times.begin(), times.end());
  t.seconds = times[times.size() / 2];
  return t;
}

long peak_kb() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss;
}

// How much the peak memory grows while `read` reads `text`, per byte of text, in a child process
// of its own.
template <class Read>
double bytes_per_byte(const std::string& text, Read read) {
  struct Growth {
    long kb;
  };
  Growth growth{};
  double peak_mb = 0;
  const bool ok = mailsim::bench::run_in_child(
      [&] {
        const long before = peak_kb();
        read(text);
        return Growth{peak_kb() - before};
      },
      growth, peak_mb);
  return ok ? static_cast<double>(growth.kb) * 1024.0 / static_cast<double>(text.size()) : -1;
}

}  // namespace

int main(int argc, char** argv) {
  int links = 10000, keys = 99000, rounds = 3;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--links" && i + 1 < argc)
      links = std::atoi(argv[++i]);
    else if (a == "--keys" && i + 1 < argc)
      keys = std::atoi(argv[++i]);
    else if (a == "--rounds" && i + 1 < argc)
      rounds = std::max(1, std::atoi(argv[++i]));
    else {
      std::puts("usage: load_scale [--links N] [--keys K] [--rounds R]");
      return a == "--help" ? 0 : 2;
    }
  }
  const std::string good = network_file(links, false);
  const std::string broken = network_file(links, true);
  const Timing base = load(good, rounds);
  const Timing bad = load(broken, rounds);
  std::printf(
      "links=%d file_kb=%zu valid_s=%.3f valid_errors=%zu broken_s=%.3f broken_errors=%zu "
      "broken_over_valid=%.2f\n",
      links, broken.size() / 1000, base.seconds, base.errors, bad.seconds, bad.errors,
      bad.seconds / base.seconds);
  // Memory: the loader (its document and the model it reads) against yaml-cpp's tree alone.
  const double loader = bytes_per_byte(good, [](const std::string& t) {
    const auto result = load_scenario_text(t, "bench.yaml");
    return result.diagnostics.size();
  });
  const double tree =
      bytes_per_byte(good, [](const std::string& t) { return YAML::Load(t).size(); });
  std::printf(
      "file_kb=%zu loader_bytes_per_yaml_byte=%.1f yaml_cpp_tree_bytes_per_yaml_byte=%.1f\n",
      good.size() / 1000, loader, tree);
  const Timing unknown = load(keys_file(keys, false), rounds);
  const Timing twice = load(keys_file(keys, true), rounds);
  std::printf("keys=%d unknown_keys_s=%.3f errors=%zu duplicated_keys_s=%.3f errors=%zu\n", keys,
              unknown.seconds, unknown.errors, twice.seconds, twice.errors);
  // Every broken link is reported, and nothing else (the file has no title: one error).
  const bool ok = bad.errors == base.errors + static_cast<std::size_t>(links);
  if (!ok) std::puts("unexpected number of errors");
  return ok ? 0 : 1;
}

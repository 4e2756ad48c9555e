// A city's day of mail, written as a `population:` section (issue 19): D domains, U users, M
// messages in one simulated day with peaks at 9:00 and 14:00, 5% of the MX hosts down for two
// hours. Run untraced and with the story narration written to /dev/null, each in a process of
// its own (its own peak memory), against the kernel's hold model in this process.
// See bench/README.md.
//
//   build/bench/city/city [--domains D] [--users U] [--messages M] [--untraced-only] [--hourly]
//                         [--in-process]
//   build/bench/city/city --scale    # messages 10k/100k/1M, then domains 100/1,000/10,000
//
// --hourly also writes, to standard error, the events and events per wall second of each
// simulated hour, with the pending events and the resident memory at its end: a quiet hour of a
// big city against a busy hour of a small one tells what the run's size costs, apart from how
// much happens at once.
// --in-process runs the untraced case in this process, without the hold model: for heaptrack,
// which does not follow the child.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <string>
#include <string_view>

#include <unistd.h>

#include "agents/narration/storyteller.hpp"
#include "bench/bench_support.hpp"
#include "scenarios/build/scenario_run.hpp"
#include "scenarios/load/scenario_reader.hpp"
#include "sim/strings.hpp"

namespace {

using namespace mailsim;

struct Case {
  int domains = 1000;
  int users = 10000;
  long messages = 100000;
  bool hourly = false;
};

struct Result {
  double load_s = 0, build_s = 0, run_s = 0;
  double run_cpu_s = 0;  // processor time of the run, which other processes do not inflate
  std::uint64_t events = 0;
  std::uint64_t delivered = 0;  // messages in the mailboxes at the end
  double simulated_h = 0;
  std::uint64_t sentence_bytes = 0;
};

// The city in ten lines.
std::string city_text(const Case& c) {
  return "title: A city's day of mail\n"
         "seed: 19\n"
         "population:\n"
         "  domains: " +
         std::to_string(c.domains) +
         "\n"
         "  users: " +
         std::to_string(c.users) +
         "\n"
         "  traffic:\n"
         "    messages: " +
         std::to_string(c.messages) +
         "\n"
         "    peaks: [\"09:00:00\", \"14:00:00\"]\n"
         "    recipients: {same_domain: 20%, other_domains: 75%, unknown: 5%}\n"
         "    size: {median: 4kB, max: 1MB}\n"
         "  faults: {mx_down: 5%, at: 10h, for: 2h}\n";
}

// The value of a glibc tunable set in GLIBC_TUNABLES ("name=value:name=value"), or nullopt.
std::optional<std::string> glibc_tunable(std::string_view name) {
  const char* tunables = std::getenv("GLIBC_TUNABLES");
  if (tunables == nullptr) return std::nullopt;
  for (std::string_view item : split_trimmed(tunables, ':'))
    if (item.size() > name.size() && item.starts_with(name) && item[name.size()] == '=')
      return std::string(item.substr(name.size() + 1));
  return std::nullopt;
}

// Whether malloc asks the kernel for transparent huge pages (glibc.malloc.hugetlb=1, which
// `make bench` sets): a city's mailboxes fill a gigabyte, and with 4 KiB pages the first touch
// of each costs a page fault (bench/README.md).
bool heap_huge_pages() {
  return glibc_tunable("glibc.malloc.hugetlb") == "1";
}

// How many freed blocks of each size malloc's per-thread cache keeps
// (glibc.malloc.tcache_count=N, which `make bench` sets): 7 is glibc's default.
std::string tcache_count() {
  return glibc_tunable("glibc.malloc.tcache_count").value_or("7");
}

// The process's resident memory now (the second field of /proc/self/statm, in pages).
double resident_mb() {
  std::FILE* f = std::fopen("/proc/self/statm", "r");
  if (f == nullptr) return 0;
  unsigned long size = 0, resident = 0;
  const bool read = std::fscanf(f, "%lu %lu", &size, &resident) == 2;
  std::fclose(f);
  return read ? static_cast<double>(resident) * static_cast<double>(sysconf(_SC_PAGESIZE)) / 1e6
              : 0;
}

double since(std::chrono::steady_clock::time_point t) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t).count();
}

Result run_case(const Case& c, bool narrated) {
  Result r;
  auto t = std::chrono::steady_clock::now();
  auto loaded = scenarios::load_scenario_text(city_text(c), "city.yaml");
  if (!loaded.scenario) {
    std::fputs(loaded.diagnostics.render(Lang::en).c_str(), stderr);
    std::exit(2);
  }
  r.load_s = since(t);
  t = std::chrono::steady_clock::now();
  scenarios::Diagnostics diag("city.yaml");
  scenarios::ScenarioRun run(*loaded.scenario, diag);
  if (!run.ok()) {
    std::fputs(diag.render(Lang::en).c_str(), stderr);
    std::exit(2);
  }
  loaded.scenario.reset();  // the run keeps its own copy
  r.build_s = since(t);
  agents::Storyteller teller(Lang::en, agents::Level::story);
  std::FILE* null = std::fopen("/dev/null", "w");
  if (narrated)
    run.sim().trace().subscribe([&](const sim::TraceRecord& rec) {
      for (const auto& line : teller.tell(rec)) {
        std::fwrite(line.text.data(), 1, line.text.size(), null);
        r.sentence_bytes += line.text.size();
      }
    });
  t = std::chrono::steady_clock::now();
  const double cpu = bench::process_cpu_seconds();
  // Up to run_to_completion's own guard of 30 days, for a city whose clients fetch forever.
  for (int hour = 1; c.hourly && hour <= 24 * 30 && run.sim().pending() > 0 && !run.failure();
       ++hour) {
    const std::uint64_t events = run.sim().events_executed();
    const auto start = std::chrono::steady_clock::now();
    run.run_until(std::chrono::hours(hour));
    const double wall = since(start);
    const std::uint64_t ran = run.sim().events_executed() - events;
    std::fprintf(
        stderr, "city hour=%d events=%llu wall_s=%.2f events_per_s=%.0f pending=%zu rss_mb=%.0f\n",
        hour, static_cast<unsigned long long>(ran), wall,
        wall > 0 ? static_cast<double>(ran) / wall : 0.0, run.sim().pending(), resident_mb());
  }
  run.run_to_completion();
  r.run_s = since(t);
  r.run_cpu_s = bench::process_cpu_seconds() - cpu;
  std::fclose(null);
  r.events = run.sim().events_executed();
  r.simulated_h = std::chrono::duration<double>(run.sim().now()).count() / 3600.0;
  for (const auto& server : run.mail().servers())
    for (const auto& user : server->store().users())
      r.delivered += server->store().messages(user, "INBOX").size();
  return r;
}

// Without a hold model (--in-process), its fields read 0.
bool report(const Case& c, bool narrated, bench::HoldRates hold, bool in_process = false) {
  Result r;
  double peak_mb = 0;
  if (in_process) {
    r = run_case(c, narrated);
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    peak_mb = bench::max_rss_mb(usage);
  } else if (!bench::run_in_child([&] { return run_case(c, narrated); }, r, peak_mb)) {
    std::fprintf(stderr, "city: the case failed\n");
    return false;
  }
  if (!in_process) {
    // The machine's speed drifts over a run of tens of seconds: the hold model is measured
    // again after the case, and the best of before and after is the baseline.
    const bench::HoldRates after = bench::best_hold_rates(5'000'000, 3);
    hold.wall = std::max(hold.wall, after.wall);
    hold.cpu = std::max(hold.cpu, after.cpu);
  }
  const double rate = static_cast<double>(r.events) / r.run_s;
  const double cpu_rate = static_cast<double>(r.events) / r.run_cpu_s;
  std::printf(
      "city %s domains=%d users=%d messages=%ld delivered=%llu simulated_h=%.1f load_s=%.2f "
      "build_s=%.2f run_s=%.2f run_cpu_s=%.2f events=%llu events_per_s=%.0f peak_rss_mb=%.0f "
      "hold_events_per_s=%.0f rate_over_hold=%.3f cpu_rate_over_hold=%.3f narration_mb=%.1f "
      "huge_pages=%s tcache_count=%s\n",
      narrated ? "narrated" : "untraced", c.domains, c.users, c.messages,
      static_cast<unsigned long long>(r.delivered), r.simulated_h, r.load_s, r.build_s, r.run_s,
      r.run_cpu_s, static_cast<unsigned long long>(r.events), rate, peak_mb, hold.wall,
      hold.wall > 0 ? rate / hold.wall : 0.0, hold.cpu > 0 ? cpu_rate / hold.cpu : 0.0,
      r.sentence_bytes / 1e6, heap_huge_pages() ? "on" : "off", tcache_count().c_str());
  std::fflush(stdout);
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  Case c;
  bool scale = false, untraced_only = false, in_process = false, unknown = false;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--domains" && i + 1 < argc)
      c.domains = std::atoi(argv[++i]);
    else if (a == "--users" && i + 1 < argc)
      c.users = std::atoi(argv[++i]);
    else if (a == "--messages" && i + 1 < argc)
      c.messages = std::atol(argv[++i]);
    else if (a == "--scale")
      scale = true;
    else if (a == "--untraced-only")
      untraced_only = true;
    else if (a == "--hourly")
      c.hourly = true;
    else if (a == "--in-process")
      in_process = true;
    else
      unknown = true;
  }
  if (unknown || (scale && in_process)) {
    std::puts(
        "usage: city [--domains D] [--users U] [--messages M] [--untraced-only] [--hourly] "
        "[--in-process] | --scale");
    return 2;
  }
  if (in_process) return report(c, false, {}, true) ? 0 : 1;
  const bench::HoldRates hold = bench::best_hold_rates(5'000'000, 3);
  if (!scale) {
    if (!report(c, false, hold)) return 1;
    return untraced_only || report(c, true, hold) ? 0 : 1;
  }
  for (const long m : {10'000L, 100'000L, 1'000'000L})
    if (!report(Case{1000, 10000, m}, false, hold)) return 1;
  for (const int d : {100, 10'000})  // 1,000 is the middle row above
    if (!report(Case{d, 10000, 100'000}, false, hold)) return 1;
  return 0;
}

#pragma once
// What the benchmarks share: the kernel's hold model, measured in the benchmark's own process
// as the baseline of its ratio, and running one case in a child process to read its own peak
// memory.
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <type_traits>

#include "sim/random.hpp"
#include "sim/simulator.hpp"

namespace mailsim::bench {

// Processor time of this process, in seconds: unlike wall time, it does not count the time
// the machine gave to other processes (other builds, a virtual machine's neighbours).
inline double process_cpu_seconds() {
  timespec t{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) * 1e-9;
}

// The peak resident memory in MB of `usage` (getrusage or wait4; ru_maxrss is in KiB).
inline double max_rss_mb(const rusage& usage) {
  return static_cast<double>(usage.ru_maxrss) / 1024.0;
}

// The hold model of bench/kernel_hold.cpp at N = 1,000: each event schedules one more at an
// exponential delay of mean 1 s. Returns its events per wall second, and per second of processor
// time in `cpu_rate` when given.
inline double hold_events_per_second(std::uint64_t events, double* cpu_rate = nullptr) {
  struct Hold {
    sim::Simulator* sim;
    sim::SplitMix64* rng;
    void operator()() const {
      const double u = static_cast<double>((rng->next() >> 11) + 1) * 0x1.0p-53;
      sim->schedule_after(sim::SimTime(std::llround(-std::log(u) * 1e6)), *this);
    }
  };
  sim::Simulator sim;
  sim::SplitMix64 rng{12345};
  for (int i = 0; i < 1000; ++i)
    sim.schedule_after(sim::SimTime(i), Hold{&sim, &rng});
  const auto start = std::chrono::steady_clock::now();
  const double cpu_start = process_cpu_seconds();
  for (std::uint64_t i = 0; i < events; ++i)
    sim.step();
  const double secs =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  if (cpu_rate != nullptr)
    *cpu_rate = static_cast<double>(events) / (process_cpu_seconds() - cpu_start);
  return static_cast<double>(events) / secs;
}

// The hold model's best rates over `rounds` runs. A single short run can come out a quarter
// slower (a cold processor, a neighbour's burst), which would flatter any ratio taken over it;
// the best is the kernel's real speed.
struct HoldRates {
  double wall = 0;  // events per wall second
  double cpu = 0;   // events per second of processor time
};
inline HoldRates best_hold_rates(std::uint64_t events, int rounds) {
  HoldRates best;
  for (int i = 0; i < rounds; ++i) {
    double cpu = 0;
    const double wall = hold_events_per_second(events, &cpu);
    best.wall = std::max(best.wall, wall);
    best.cpu = std::max(best.cpu, cpu);
  }
  return best;
}

// Runs `run()` in a child process: its result (plain data) through a pipe, its peak memory
// (ru_maxrss, MB) from wait4. False when the child failed.
template <class Run, class Result = std::invoke_result_t<Run>>
bool run_in_child(Run run, Result& result, double& peak_mb) {
  static_assert(std::is_trivially_copyable_v<Result>);
  int fds[2];
  if (pipe(fds) != 0) return false;
  const pid_t pid = fork();
  if (pid == 0) {
    close(fds[0]);
    const Result r = run();
    const bool ok = write(fds[1], &r, sizeof r) == static_cast<ssize_t>(sizeof r);
    _exit(ok ? 0 : 1);
  }
  close(fds[1]);
  const bool got = read(fds[0], &result, sizeof result) == static_cast<ssize_t>(sizeof result);
  close(fds[0]);
  int status = 0;
  rusage usage{};
  wait4(pid, &status, 0, &usage);
  peak_mb = max_rss_mb(usage);
  return got && WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

}  // namespace mailsim::bench

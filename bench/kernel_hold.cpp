// The classic hold model on MailSim's kernel against a baseline kernel made of
// std::priority_queue<{time, sequence, std::function<void()>}>. See bench/README.md.
//
//   build/bench/kernel_hold [--events E] [--rounds R] [N ...]
//
// Each executed event schedules one new event at now + an exponential delay of mean 1 s drawn
// from splitmix64 seeded with 12345, until E events have run. The two kernels run alternately
// R times per N; medians are reported.
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <queue>
#include <string>
#include <vector>

#include "sim/random.hpp"
#include "sim/simulator.hpp"

namespace {

using mailsim::sim::SimTime;
using mailsim::sim::Simulator;
using mailsim::sim::SplitMix64;

constexpr double kMeanUs = 1e6;

// delay = -ln(u) x mean with u in (0, 1], rounded to the microsecond.
std::int64_t draw_delay_us(SplitMix64& rng) {
  const double u = static_cast<double>((rng.next() >> 11) + 1) * 0x1.0p-53;
  return std::llround(-std::log(u) * kMeanUs);
}

struct Result {
  double seconds;
  std::int64_t final_time_us;
  double bytes_per_pending;
  double allocated_bytes_per_pending;
};

// ---- MailSim's kernel
constexpr mailsim::sim::TraceKind kHoldKind{"bench.hold", "bench"};
struct HoldRecord final : mailsim::sim::TraceRecord {
  explicit HoldRecord(std::int64_t d) : TraceRecord(kHoldKind), delay(d) {}
  void visit_fields(mailsim::sim::FieldVisitor& v) const override { v.field("delay_us", delay); }
  std::int64_t delay;
};

// With kTraced, every event also emits a trace record that nobody subscribes to: the cost of
// tracing when it is off.
template <bool kTraced>
struct Hold {
  Simulator* sim;
  SplitMix64* rng;
  void operator()() const {
    const std::int64_t delay = draw_delay_us(*rng);
    if constexpr (kTraced) sim->trace().emit<HoldRecord>(delay);
    sim->schedule_after(SimTime(delay), *this);
  }
};

template <bool kTraced = false>
Result run_mailsim(std::size_t n, std::uint64_t events) {
  Simulator sim;
  SplitMix64 rng{12345};
  for (std::size_t i = 0; i < n; ++i)
    sim.schedule_at(SimTime(draw_delay_us(rng)), Hold<kTraced>{&sim, &rng});
  const double allocated =
      static_cast<double>(sim.queue().allocated_bytes()) / static_cast<double>(n);
  auto start = std::chrono::steady_clock::now();
  for (std::uint64_t i = 0; i < events; ++i)
    sim.step();
  double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return {secs, sim.now().count(),
          static_cast<double>(mailsim::sim::EventQueue::kBytesPerPendingEvent), allocated};
}

// ---- Baseline kernel
struct BaselineEvent {
  std::int64_t time;
  std::uint64_t seq;
  std::function<void()> fn;
};
struct Later {
  bool operator()(const BaselineEvent& a, const BaselineEvent& b) const {
    return a.time > b.time || (a.time == b.time && a.seq > b.seq);
  }
};
struct BaselineKernel {
  std::priority_queue<BaselineEvent, std::vector<BaselineEvent>, Later> queue;
  std::int64_t now = 0;
  std::uint64_t seq = 0;
  void schedule_at(std::int64_t t, std::function<void()> fn) {
    queue.push(BaselineEvent{t, seq++, std::move(fn)});
  }
  void step() {
    BaselineEvent e = queue.top();  // copy the top, pop, call
    queue.pop();
    now = e.time;
    e.fn();
  }
};
struct BaselineHold {
  BaselineKernel* k;
  SplitMix64* rng;
  void operator()() const { k->schedule_at(k->now + draw_delay_us(*rng), *this); }
};

Result run_baseline(std::size_t n, std::uint64_t events) {
  BaselineKernel k;
  SplitMix64 rng{12345};
  for (std::size_t i = 0; i < n; ++i)
    k.schedule_at(draw_delay_us(rng), BaselineHold{&k, &rng});
  auto start = std::chrono::steady_clock::now();
  for (std::uint64_t i = 0; i < events; ++i)
    k.step();
  double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return {secs, k.now, static_cast<double>(sizeof(BaselineEvent)),
          static_cast<double>(sizeof(BaselineEvent))};
}

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

}  // namespace

int main(int argc, char** argv) {
  std::uint64_t events = 10'000'000;
  int rounds = 5;
  std::vector<std::size_t> sizes;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--events" && i + 1 < argc) {
      events = std::strtoull(argv[++i], nullptr, 10);
    } else if (a == "--rounds" && i + 1 < argc) {
      rounds = std::max(1, std::atoi(argv[++i]));
    } else if (a == "--help") {
      std::puts(
          "usage: kernel_hold [--events E] [--rounds R] [N ...]  (default: N = 1000 1000000)");
      return 0;
    } else {
      sizes.push_back(std::strtoull(a.c_str(), nullptr, 10));
    }
  }
  if (sizes.empty()) sizes = {1000, 1000000};

  std::vector<std::string> summary;
  {
    // Tracing with no subscriber, against no tracing at all, at the size where it would show.
    std::vector<double> plain, traced;
    for (int r = 0; r < rounds; ++r) {
      plain.push_back(static_cast<double>(events) / run_mailsim<false>(1000, events).seconds);
      traced.push_back(static_cast<double>(events) / run_mailsim<true>(1000, events).seconds);
    }
    char line[160];
    std::snprintf(line, sizeof line,
                  "trace_without_subscriber N=1000 events_per_s=%.0f untraced_events_per_s=%.0f "
                  "ratio=%.2f",
                  median(traced), median(plain), median(traced) / median(plain));
    summary.push_back(line);
  }
  int status = 0;
  for (std::size_t n : sizes) {
    std::vector<double> ours, base;
    Result last_ours{}, last_base{};
    for (int r = 0; r < rounds; ++r) {
      last_ours = run_mailsim(n, events);
      last_base = run_baseline(n, events);
      ours.push_back(static_cast<double>(events) / last_ours.seconds);
      base.push_back(static_cast<double>(events) / last_base.seconds);
      std::printf("round %d N=%zu mailsim_events_per_s=%.0f baseline_events_per_s=%.0f\n", r + 1, n,
                  ours.back(), base.back());
    }
    if (last_ours.final_time_us != last_base.final_time_us) {
      std::printf("ERROR: final simulated times differ: mailsim=%lld baseline=%lld\n",
                  static_cast<long long>(last_ours.final_time_us),
                  static_cast<long long>(last_base.final_time_us));
      status = 1;
    }
    double mo = median(ours), mb = median(base);
    std::printf(
        "N=%zu final_sim_time_us=%lld (both kernels agree: %s) baseline_bytes_per_event=%.0f "
        "allocated_bytes_per_pending_event=%.1f\n",
        n, static_cast<long long>(last_ours.final_time_us),
        last_ours.final_time_us == last_base.final_time_us ? "yes" : "NO",
        last_base.bytes_per_pending, last_ours.allocated_bytes_per_pending);
    char line[256];
    std::snprintf(line, sizeof line,
                  "hold N=%zu events_per_s=%.0f baseline_events_per_s=%.0f ratio=%.2f "
                  "bytes_per_pending_event=%.0f",
                  n, mo, mb, mo / mb, last_ours.bytes_per_pending);
    summary.push_back(line);
  }
  for (const auto& line : summary)
    std::puts(line.c_str());
  return status;
}

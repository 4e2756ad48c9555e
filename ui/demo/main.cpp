// The built-in demonstration: a sender's queue retrying a mail while the recipient's server is
// down, scheduled on the kernel with Postfix's default backoff, printed as the kernel's trace.
#include <algorithm>
#include <iostream>

#include "sim/simulator.hpp"
#include "sim/trace_format.hpp"

namespace {

using mailsim::sim::FieldVisitor;
using mailsim::sim::SimTime;
using mailsim::sim::Simulator;
using mailsim::sim::TraceKind;
using mailsim::sim::TraceRecord;
using namespace std::chrono_literals;

constexpr TraceKind kAttempt{"demo.delivery_attempt", "demo"};
constexpr TraceKind kServer{"demo.server", "demo"};

struct AttemptRecord : TraceRecord {
  AttemptRecord(bool ok, SimTime age, SimTime next)
      : TraceRecord(kAttempt), delivered(ok), age(age), next(next) {}
  void visit_fields(FieldVisitor& v) const override {
    v.field("to", "mx.b.example");
    v.field("result", delivered ? "delivered" : "deferred (connection refused)");
    v.field("message_age", age);
    if (!delivered) v.field("next_attempt", next);
  }
  bool delivered;
  SimTime age, next;
};

struct ServerRecord : TraceRecord {
  explicit ServerRecord(bool up) : TraceRecord(kServer), up(up) {}
  void visit_fields(FieldVisitor& v) const override {
    v.field("host", "mx.b.example");
    v.field("state", up ? "up" : "down");
  }
  bool up;
};

// Postfix defaults: queue_run_delay, minimal_backoff_time, maximal_backoff_time.
constexpr SimTime kQueueRunDelay = 300s;
constexpr SimTime kMinBackoff = 300s;
constexpr SimTime kMaxBackoff = 4000s;

struct Demo {
  Simulator sim{42};
  bool server_up = false;
  SimTime next_attempt{0};
  bool delivered = false;

  void attempt() {
    SimTime age = sim.now();  // the mail was queued at 00:00:00
    if (server_up) {
      delivered = true;
      sim.trace().emit<AttemptRecord>(true, age, SimTime{0});
      return;
    }
    next_attempt = sim.now() + std::clamp(age, kMinBackoff, kMaxBackoff);
    sim.trace().emit<AttemptRecord>(false, age, next_attempt);
  }

  void queue_scan() {
    if (delivered) return;
    if (sim.now() >= next_attempt) attempt();
    if (!delivered) sim.schedule_after(kQueueRunDelay, [this] { queue_scan(); });
  }
};

}  // namespace

int main() {
  std::cout << "MailSim kernel demonstration: mx.b.example is down from 00:00:00 to 01:10:00;\n"
               "the sender's queue retries with Postfix's default backoff (300 s to 4000 s,\n"
               "queue scanned every 300 s).\n\n";
  Demo demo;
  mailsim::sim::TraceWriter writer(demo.sim.trace(), std::cout, mailsim::sim::TraceFormat::text);
  demo.sim.schedule_at(SimTime{0}, [&] { demo.sim.trace().emit<ServerRecord>(false); });
  demo.sim.schedule_at(SimTime{0}, [&] { demo.attempt(); });
  demo.sim.schedule_at(kQueueRunDelay, [&] { demo.queue_scan(); });
  demo.sim.schedule_at(70min, [&] {
    demo.server_up = true;
    demo.sim.trace().emit<ServerRecord>(true);
  });
  demo.sim.run();
  std::cout << "\n"
            << demo.sim.events_executed() << " events, simulated time "
            << mailsim::sim::format_time(demo.sim.now()) << "\n";
  return demo.delivered ? 0 : 1;
}

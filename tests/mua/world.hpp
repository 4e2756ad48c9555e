#pragma once
// A small two-provider world written as a scenario: alice@a.example on alice-pc submits to
// smtp.a.example (port 587), bob@b.example on bob-pc fetches from mx.b.example. Tests add the
// clients' settings, the timeline and the duration.
#include <map>
#include <memory>
#include <string>

#include <gtest/gtest.h>

#include "agents/narration/narrator.hpp"
#include "scenarios/build/scenario_run.hpp"
#include "scenarios/load/scenario_reader.hpp"

namespace mua_test {

inline std::string world(const std::string& clients, const std::string& rest) {
  return R"(title: mua
network:
  hosts:
    - {name: alice-pc, address: 192.0.2.10}
    - {name: smtp.a.example, address: 192.0.2.25}
    - {name: ns.example, address: 203.0.113.53}
    - {name: mx.b.example, address: 198.51.100.25}
    - {name: bob-pc, address: 198.51.100.10}
  routers: [{name: r}]
  links:
    - {between: [alice-pc, r], latency: 5ms}
    - {between: [smtp.a.example, r]}
    - {between: [ns.example, r]}
    - {between: [mx.b.example, r]}
    - {between: [bob-pc, r], latency: 5ms}
dns:
  server: ns.example
  zones:
    b.example.: |
      @ 3600 SOA ns.example. hostmaster.b.example. 1 7200 900 1209600 300
      @ 300 MX 10 mx.b.example.
      mx.b.example. 300 A 198.51.100.25
mail:
  servers:
    - {host: smtp.a.example, domains: [a.example], users: {alice: wonderland}, submission: true}
    - {host: mx.b.example, domains: [b.example], users: {bob: builder}}
  clients:
)" + clients +
         rest;
}

// Every record of a run, by kind, and the mail client's sentences, for the assertions.
struct Recorder {
  explicit Recorder(mailsim::sim::Trace& t) : trace(t) {
    id = t.subscribe([this](const mailsim::sim::TraceRecord& r) {
      kinds[std::string(r.kind().name)]++;
      if (auto s = mailsim::agents::Narrator(mailsim::Lang::en).narrate(r);
          s && r.kind().name.starts_with("mua."))
        sentences.push_back(*s);
    });
  }
  ~Recorder() { trace.unsubscribe(id); }
  mailsim::sim::Trace& trace;
  mailsim::sim::Trace::SubscriptionId id;
  std::map<std::string, int> kinds;
  std::vector<std::string> sentences;
};

struct World {
  explicit World(const std::string& text)
      : loaded(mailsim::scenarios::load_scenario_text(text, "t.yaml")) {
    if (!loaded.scenario) {
      ADD_FAILURE() << loaded.diagnostics.render(mailsim::Lang::en);
      return;
    }
    run = std::make_unique<mailsim::scenarios::ScenarioRun>(*loaded.scenario, diag);
    EXPECT_TRUE(run->ok()) << diag.render(mailsim::Lang::en);
    recorder = std::make_unique<Recorder>(run->sim().trace());
  }
  // Runs until nothing is left to do; what the trace said is in the recorder.
  Recorder& run_to_end() {
    run->run_to_completion();
    return *recorder;
  }
  mailsim::scenarios::LoadResult loaded;
  mailsim::scenarios::Diagnostics diag{"t.yaml"};
  std::unique_ptr<mailsim::scenarios::ScenarioRun> run;
  std::unique_ptr<Recorder> recorder;  // destroyed before the run it listens to
};

inline const std::string kAlice =
    "    - {name: alice, host: alice-pc, address: Alice <alice@a.example>,\n"
    "       submit: {server: smtp.a.example, password: wonderland}}\n";

}  // namespace mua_test

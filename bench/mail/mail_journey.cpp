// The whole mail stack's cost: the first-mail world of the library with M messages submitted
// by Alice's mail client (STARTTLS, AUTH, MX lookup, relay, delivery) and fetched by Bob by
// IMAP, run with nobody listening to the trace, narrated as `mailsim run` does (the story
// level: the journey in the article's words, in English), and narrated with every packet as
// `mailsim run --level packets` does. See bench/README.md.
//
//   build/bench/mail/mail_journey [--mails M] [--rounds R] [--volume V]
//
// Then, once and quiet, the volume check: V mails (100,000 by default; 0: none), every one of
// which Bob must fetch in his one IMAP session.
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include "agents/narration/storyteller.hpp"
#include "scenarios/build/scenario_run.hpp"
#include "scenarios/library/builtin.hpp"
#include "scenarios/load/scenario_reader.hpp"

namespace {

using namespace mailsim;

struct Result {
  double seconds = 0;
  std::uint64_t events = 0;
  std::size_t fetched = 0;
  std::size_t sentence_bytes = 0;
};

// first-mail with `mails` sends, one every 200 ms, and Bob fetching once at the end.
scenarios::ScenarioModel world(int mails) {
  const auto* first = scenarios::find_builtin("first-mail");
  auto loaded = scenarios::load_scenario_text(first->text, "first-mail.yaml");
  if (!loaded.scenario) {
    std::fputs(loaded.diagnostics.render(Lang::en).c_str(), stderr);
    std::exit(2);
  }
  scenarios::ScenarioModel m = *loaded.scenario;
  const scenarios::TimelineEntry send = m.timeline.front();
  const scenarios::TimelineEntry fetch = m.timeline.back();
  m.timeline.clear();
  for (int i = 0; i < mails; ++i) {
    scenarios::TimelineEntry e = send;
    e.at = std::chrono::seconds(1) + std::chrono::milliseconds(200) * i;
    std::get<scenarios::SendMailAction>(e.action).subject = "Message " + std::to_string(i);
    m.timeline.push_back(e);
  }
  scenarios::TimelineEntry f = fetch;
  f.at = std::chrono::seconds(1) + std::chrono::milliseconds(200) * mails + std::chrono::minutes(5);
  m.timeline.push_back(f);
  m.expectations.clear();
  return m;
}

enum class Narration { none, story, packets };

Result run_once(const scenarios::ScenarioModel& model, Narration narration) {
  scenarios::Diagnostics diag("bench");
  scenarios::ScenarioRun run(model, diag);
  if (!run.ok()) {
    std::fputs(diag.render(Lang::en).c_str(), stderr);
    std::exit(2);
  }
  Result r;
  agents::Storyteller teller(
      Lang::en, narration == Narration::story ? agents::Level::story : agents::Level::packets);
  std::optional<sim::Trace::SubscriptionId> sub;
  if (narration != Narration::none)
    sub = run.sim().trace().subscribe([&](const sim::TraceRecord& rec) {
      for (const auto& line : teller.tell(rec))
        r.sentence_bytes += line.text.size();
    });
  const auto start = std::chrono::steady_clock::now();
  run.run_to_completion();
  r.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  if (sub) run.sim().trace().unsubscribe(*sub);
  r.events = run.sim().events_executed();
  r.fetched = run.mail().clients().at("bob")->inbox().size();
  return r;
}

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

}  // namespace

int main(int argc, char** argv) {
  int mails = 1000;
  int rounds = 3;
  int volume = 100000;
  for (int i = 1; i + 1 < argc; i += 2) {
    if (std::strcmp(argv[i], "--mails") == 0) mails = std::atoi(argv[i + 1]);
    if (std::strcmp(argv[i], "--rounds") == 0) rounds = std::atoi(argv[i + 1]);
    if (std::strcmp(argv[i], "--volume") == 0) volume = std::atoi(argv[i + 1]);
  }
  const scenarios::ScenarioModel model = world(mails);
  std::vector<double> quiet_s, narrated_s, packets_s;
  Result quiet, narrated, packets;
  for (int round = 0; round < rounds; ++round) {  // alternated, medians compared
    quiet = run_once(model, Narration::none);
    narrated = run_once(model, Narration::story);
    packets = run_once(model, Narration::packets);
    quiet_s.push_back(quiet.seconds);
    narrated_s.push_back(narrated.seconds);
    packets_s.push_back(packets.seconds);
  }
  if (quiet.fetched != static_cast<std::size_t>(mails) || narrated.events != quiet.events) {
    std::fprintf(stderr, "wrong run: %zu of %d mails fetched, %llu vs %llu events\n", quiet.fetched,
                 mails, static_cast<unsigned long long>(narrated.events),
                 static_cast<unsigned long long>(quiet.events));
    return 1;
  }
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  const double q = median(quiet_s), n = median(narrated_s), p = median(packets_s);
  std::printf(
      "mail_journey mails=%d events=%llu mails_per_s=%.0f events_per_s=%.0f "
      "narrated_over_quiet=%.2f narration_mb=%.1f packets_narrated_over_quiet=%.2f "
      "packets_narration_mb=%.1f peak_rss_mb=%.1f\n",
      mails, static_cast<unsigned long long>(quiet.events), mails / q, quiet.events / q, n / q,
      narrated.sentence_bytes / 1e6, p / q, packets.sentence_bytes / 1e6, usage.ru_maxrss / 1024.0);
  if (volume <= 0) return 0;
  const Result big = run_once(world(volume), Narration::none);
  getrusage(RUSAGE_SELF, &usage);
  std::printf("volume mails=%d fetched=%zu events=%llu wall_s=%.1f peak_rss_mb=%.1f\n", volume,
              big.fetched, static_cast<unsigned long long>(big.events), big.seconds,
              usage.ru_maxrss / 1024.0);
  if (big.fetched != static_cast<std::size_t>(volume)) {
    std::fprintf(stderr, "wrong run: %zu of %d mails fetched\n", big.fetched, volume);
    return 1;
  }
  return 0;
}

#include "agents/narration/storyteller.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "agents/journey/records.hpp"
#include "agents/narration/story_sentences.hpp"
#include "sim/trace_format.hpp"

namespace mailsim::agents {

std::string format_duration(sim::SimTime d, Lang lang) {
  using namespace std::chrono;
  auto part = [lang](const Message& unit, std::int64_t n) {
    return Text(unit, {{"n", std::to_string(n)}}).render(lang);
  };
  const std::int64_t us = d.count();
  if (us < 1'000'000) return part(narration::kMilliseconds, (us + 500) / 1000);
  if (us < 60'000'000) {
    std::string s = fmt::format("{:.1f}", static_cast<double>(us) / 1e6);
    if (s.ends_with(".0")) s.resize(s.size() - 2);
    if (lang == Lang::fr) std::replace(s.begin(), s.end(), '.', ',');
    return Text(narration::kSeconds, {{"n", s}}).render(lang);
  }
  const std::int64_t seconds = us / 1'000'000;
  const std::int64_t units[] = {seconds / 86400, seconds / 3600 % 24, seconds / 60 % 60,
                                seconds % 60};
  const Message* names[] = {&narration::kDays, &narration::kHours, &narration::kMinutes,
                            &narration::kSeconds};
  std::size_t first = 0;
  while (units[first] == 0)
    ++first;
  std::string out = part(*names[first], units[first]);
  if (first + 1 < 4 && units[first + 1] != 0)
    out += " " + part(*names[first + 1], units[first + 1]);
  return out;
}

Storyteller::Storyteller(Lang lang, Level level, HostRoles roles)
    : narrator_(lang, std::move(roles)), level_(level) {}

bool Storyteller::fold(const sim::TraceRecord& record) {
  const auto* deferred = dynamic_cast<const MailOutcomeRecord*>(&record);
  if (deferred == nullptr || &record.kind() != &kinds::kMailDeferred) return false;
  const std::string key = deferred->agent + '\n' + deferred->queue_id + '\n' + deferred->recipient +
                          '\n' + deferred->reply;
  Repeats& r = repeats_[key];
  const sim::SimTime gap = record.time() - r.last;
  r.last = record.time();
  if (r.shown < kAttemptsShown) {
    ++r.shown;
    return false;
  }
  if (r.folded.empty()) pending_.push_back(key);
  r.folded.push_back(record.time());
  r.gaps.push_back(gap);
  return true;
}

void Storyteller::flush(std::vector<NarrationLine>& out) {
  const Lang lang = narrator_.lang();
  for (const std::string& key : pending_) {
    Repeats& r = repeats_[key];
    const auto [lo, hi] = std::minmax_element(r.gaps.begin(), r.gaps.end());
    const std::string min = format_duration(*lo, lang), max = format_duration(*hi, lang);
    const std::string spacing =
        min == max ? Text(narration::kSpacingSame, {{"interval", min}}).render(lang)
                   : Text(narration::kSpacingRange, {{"min", min}, {"max", max}}).render(lang);
    const Text line =
        counted(narration::kMoreAttempts, r.folded.size(), lang,
                {{"spacing", spacing}, {"last", sim::format_time(r.folded.back(), lang)}});
    out.push_back({r.folded.back(), line.render(lang), std::string(kinds::kMailDeferred.name)});
    r.folded.clear();
    r.gaps.clear();
  }
  pending_.clear();
}

std::vector<NarrationLine> Storyteller::tell(const sim::TraceRecord& record) {
  std::vector<NarrationLine> out;
  if (!Narrator::tells(record, level_)) return out;
  if (level_ == Level::story && fold(record)) return out;
  auto sentence = narrator_.narrate(record);
  std::string text = sentence ? std::move(*sentence) : sim::format_text(record);
  // The same answer to the same MX question is part of each retry, not news.
  if (level_ == Level::story && record.kind().name == "dns.mail.route" &&
      !routes_told_.insert(text).second)
    return out;
  if (level_ == Level::story) flush(out);
  out.push_back({record.time(), std::move(text), std::string(record.kind().name)});
  return out;
}

std::vector<NarrationLine> Storyteller::finish() {
  std::vector<NarrationLine> out;
  flush(out);
  return out;
}

}  // namespace mailsim::agents

#include "scenarios/load/scenario_reader.hpp"

#include <chrono>
#include <filesystem>
#include <fstream>
#include <limits>
#include <sstream>

#include "scenarios/load/client_reader.hpp"
#include "scenarios/load/datetime.hpp"
#include "scenarios/load/expectation_reader.hpp"
#include "scenarios/load/localized_reader.hpp"
#include "scenarios/load/mail_reader.hpp"
#include "scenarios/load/messages.hpp"
#include "scenarios/load/network_reader.hpp"
#include "scenarios/load/population_reader.hpp"
#include "scenarios/load/question_reader.hpp"
#include "scenarios/load/setting_warnings.hpp"
#include "scenarios/load/timeline_reader.hpp"
#include "scenarios/load/yaml_document.hpp"
#include "scenarios/load/yaml_map.hpp"
#include "sim/units.hpp"

namespace mailsim::scenarios {
namespace {

// A mail's Date field shows the years 1900 to 9999 (RFC 5322 wants four digits): the start
// must be in them, and so must every instant of the timeline and the scenario's end.
constexpr std::int64_t kFirstDay = -2208988800;      // 1900-01-01 00:00:00
constexpr std::int64_t kPastLastDay = 253402300800;  // 10000-01-01 00:00:00

void check_date(const ScenarioModel& s, sim::SimTime at, SourcePos pos, Diagnostics& diag) {
  const std::int64_t local = s.start_unix_seconds + s.start_utc_offset_minutes * 60LL +
                             std::chrono::floor<std::chrono::seconds>(at).count();
  if (local < kPastLastDay) return;
  const std::string date =
      format_start_time({local - s.start_utc_offset_minutes * 60LL, s.start_utc_offset_minutes});
  diag.error(pos, Text(msg::kAfterYear9999, {{"date", date.substr(0, date.find(' '))}}));
}

void check_dates(const ScenarioModel& s, std::optional<SourcePos> duration_pos, Diagnostics& diag) {
  for (const auto& entry : s.timeline) {
    sim::SimTime last = entry.at;
    if (const auto* typed = std::get_if<TypedSessionAction>(&entry.action)) {
      const auto lines = static_cast<std::int64_t>(typed->lines.size());
      if (typed->pause.count() > 0 && lines > (kMaxScenarioTime - last) / typed->pause)
        continue;  // reported by the timeline reader: past kMaxScenarioTime
      last += typed->pause * lines;
    }
    check_date(s, last, entry.pos, diag);
  }
  if (s.duration && duration_pos) check_date(s, *s.duration, *duration_pos, diag);
}

std::optional<ScenarioModel> read_scenario(const YamlNode& root, Diagnostics& diag,
                                           std::vector<std::string>* keys) {
  ScenarioModel s;
  s.file = diag.file();
  YamlMap m(root, Text(msg::kWhatScenario), diag);
  if (!m.ok()) return std::nullopt;
  s.title = read_localized(m, "title", Need::required, diag, "title");
  s.description = read_localized(m, "description", Need::optional, diag, "description");
  if (auto seed = m.unsigned_integer("seed")) s.seed = *seed;  // the range of --seed
  s.start_unix_seconds = kDefaultStartUnix;
  s.start_utc_offset_minutes = kDefaultStartOffsetMinutes;
  if (auto start = m.text("start")) {
    if (auto t = parse_start_time(*start)) {
      if (t->unix_seconds + t->utc_offset_minutes * 60LL >= kFirstDay) {
        s.start_unix_seconds = t->unix_seconds;
        s.start_utc_offset_minutes = t->utc_offset_minutes;
      } else {
        diag.error(position_of(*m.child("start")), Text(msg::kStartYear, {{"value", *start}}));
      }
    } else {
      diag.error(position_of(*m.child("start")), Text(msg::kBadStart, {{"value", *start}}));
    }
  }
  s.duration = m.time("duration");
  if (auto variant = m.text("variant")) s.variant = *variant;
  // A population's things are added after each written section they belong with, so that the
  // sections after it may name them and are checked against them.
  if (auto population = m.child("population"))
    s.population = read_population(*population, s.duration.has_value(), diag);
  const bool crowd = s.population.has_value();
  // Without a population, `network` is required (with one, it may add to what is generated).
  if (auto net = m.child("network", crowd ? Need::optional : Need::required))
    s.network = read_network(*net, diag);
  GeneratedPopulation generated;
  if (crowd) {
    const auto dns = m.child("dns");  // a server written there serves the generated zones
    generated = generate_for(s, dns ? dns->get("server").scalar() : std::string());
    add_population_network(s, generated, diag);
  }
  if (auto dns = m.child("dns")) s.mail.dns = read_dns(*dns, s.network, diag);
  if (auto mail = m.child("mail")) {
    MailModel read = read_mail(*mail, s.network, diag);
    s.mail.servers = std::move(read.servers);
    s.mail.clients = std::move(read.clients);
  }
  check_periodic_fetch(s.mail.clients, s.duration, diag);  // a population's said once, above
  if (crowd) add_population_mail(s, generated, diag);
  s.timeline = read_timeline(m.list("timeline"), s.network, s.mail, diag);
  if (crowd) add_population_timeline(s, generated);
  s.expectations = read_expectations(m.list("expect"), s.network, s.mail, diag);
  s.questions = read_questions(m.list("questions"), diag);
  check_dates(s,
              m.child("duration") ? std::optional(position_of(*m.child("duration"))) : std::nullopt,
              diag);
  m.finish();
  if (keys) *keys = m.known_keys();
  return s;
}

}  // namespace

LoadResult load_scenario_text(std::string_view text, const std::string& file) {
  LoadResult result{std::nullopt, Diagnostics(file)};
  auto root = load_yaml(text, result.diagnostics);
  if (!root) return result;
  auto scenario = read_scenario(*root, result.diagnostics, nullptr);
  if (!result.diagnostics.empty()) return result;
  if (scenario) warn_about_settings(*scenario, result.diagnostics);
  result.scenario = std::move(scenario);
  return result;
}

LoadResult load_scenario_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    LoadResult result{std::nullopt, Diagnostics(path)};
    result.diagnostics.error({}, Text(msg::kCannotRead));
    return result;
  }
  // A huge file is rejected from its size, after reading no more than the limit (to name the
  // line where it passes it).
  std::error_code ec;
  const auto size = std::filesystem::file_size(path, ec);
  const std::size_t limit = YamlLimits{}.max_bytes;
  std::string text(limit + 1, '\0');
  in.read(text.data(), static_cast<std::streamsize>(text.size()));
  text.resize(static_cast<std::size_t>(in.gcount()));
  if (!ec && size > limit) {
    LoadResult result{std::nullopt, Diagnostics(path)};
    report_too_large(text, size, limit, result.diagnostics);
    return result;
  }
  return load_scenario_text(text, path);
}

std::vector<std::string> scenario_keys() {
  Diagnostics scratch("");
  std::vector<std::string> keys;
  read_scenario(empty_yaml_map(), scratch, &keys);
  return keys;
}

}  // namespace mailsim::scenarios

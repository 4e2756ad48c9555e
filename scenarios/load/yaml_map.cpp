#include "scenarios/load/yaml_map.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <limits>
#include <unordered_set>

#include <fmt/format.h>

#include "scenarios/load/key_recorder.hpp"
#include "scenarios/load/messages.hpp"
#include "scenarios/load/name_index.hpp"
#include "scenarios/load/yaml_document.hpp"
#include "scenarios/model/scenario_model.hpp"
#include "sim/strings.hpp"
#include "sim/units.hpp"

namespace mailsim::scenarios {
namespace {
std::string join(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& s : items)
    out += (out.empty() ? "" : ", ") + s;
  return out;
}
}  // namespace

YamlMap::YamlMap(const YamlNode& node, Text what, Diagnostics& diag, std::string_view path)
    : what_(std::move(what)), diag_(diag), path_(path), pos_(position_of(node)) {
  if (!node.is_map()) {
    diag_.error(pos_, about(msg::kNotAMap, {}));
    return;
  }
  ok_ = true;
  flow_ = node.flow();
  std::unordered_set<std::string> seen;  // a mapping may hold many thousand keys
  for (std::size_t i = 0; i < node.size(); ++i) {
    const YamlNode key_node = node.key(i);
    std::string key = key_node.is_scalar() ? key_node.scalar() : std::string("?");
    if (!seen.insert(key).second) {
      diag_.error(position_of(key_node), about(msg::kDuplicateKey, {{"key", key}}));
      continue;
    }
    entries_.push_back(Entry{std::move(key), key_node, node.value(i)});
  }
}

void YamlMap::declare(std::string_view key) {
  if (std::find(known_.begin(), known_.end(), key) == known_.end()) known_.emplace_back(key);
  record_key(path_, key);
}

YamlMap::Entry* YamlMap::find(std::string_view key, Need need) {
  declare(key);
  for (auto& e : entries_) {
    if (e.key == key) {
      e.used = true;
      return &e;
    }
  }
  if (need == Need::required && ok_)
    diag_.error(pos_, about(msg::kMissingKey, {{"key", std::string(key)}}));
  return nullptr;
}

bool YamlMap::has(std::string_view key) {
  declare(key);
  return std::any_of(entries_.begin(), entries_.end(),
                     [&](const Entry& e) { return e.key == key; });
}

Text YamlMap::about(const Message& m, std::vector<Text::Arg> args) const {
  Text t(m, std::move(args));
  t.with("what", what_);
  return t;
}

// A list where one value belongs is often a text starting with '[' ("[URGENT] ...") or a value
// written as a list item: say how to write one value.
Text YamlMap::one_value_expected(const Entry& e) const {
  if (!e.value.is_sequence()) return about(msg::kExpectedText, {{"key", e.key}});
  // "[URGENT]" alone: a text in brackets, read as a list of one.
  const bool flow = e.value.flow() && e.value.size() == 1;
  const std::string first =
      e.value.size() > 0 && e.value[0].is_scalar() ? e.value[0].scalar() : std::string("...");
  return about(flow ? msg::kOneValueNotBracketList : msg::kOneValueNotList,
               {{"key", e.key}, {"first", first}});
}

void YamlMap::bad_value(const Entry& e, Text problem) {
  Text t = about(msg::kBadValue, {{"key", e.key}});
  t.with("problem", std::move(problem));
  diag_.error(position_of(e.value), std::move(t));
}

std::optional<std::string> YamlMap::scalar(std::string_view key, Need need, Entry** entry) {
  Entry* e = find(key, need);
  *entry = e;
  if (e == nullptr) return std::nullopt;
  if (!e->value.is_scalar()) {
    if (e->value.is_null() && need == Need::optional) return std::nullopt;
    diag_.error(position_of(e->value), one_value_expected(*e));
    return std::nullopt;
  }
  return e->value.scalar();
}

std::optional<std::string> YamlMap::text(std::string_view key, Need need) {
  Entry* e;
  return scalar(key, need, &e);
}

// Converts a scalar with one of the unit parsers; their errors are catalog texts.
template <class T, class Parse>
std::optional<T> YamlMap::convert(std::string_view key, Need need, Parse parse) {
  Entry* e;
  auto s = scalar(key, need, &e);
  if (!s) return std::nullopt;
  try {
    return parse(*s);
  } catch (const LocalizedError& err) {
    bad_value(*e, err.text());
    return std::nullopt;
  }
}

// A scenario's times are delays and instants after the start: never negative, and at most
// kMaxScenarioTime, so that adding two of them cannot overflow.
std::optional<sim::SimTime> YamlMap::time(std::string_view key, Need need) {
  auto t =
      convert<sim::SimTime>(key, need, [](const std::string& s) { return sim::parse_time(s); });
  if (t && t->count() < 0) {
    const Entry* e = find(key, need);
    diag_.error(position_of(e->value),
                about(msg::kNegativeTime, {{"key", e->key}, {"value", e->value.scalar()}}));
    return std::nullopt;
  }
  if (t && *t > kMaxScenarioTime) {
    const Entry* e = find(key, need);
    diag_.error(position_of(e->value), about(msg::kTimeTooLong, {{"key", e->key},
                                                                 {"limit", kMaxScenarioTimeText},
                                                                 {"value", e->value.scalar()}}));
    return std::nullopt;
  }
  return t;
}

std::optional<std::uint64_t> YamlMap::size(std::string_view key, Need need) {
  return convert<std::uint64_t>(key, need, [](const std::string& s) { return sim::parse_size(s); });
}

std::optional<std::uint64_t> YamlMap::size(std::string_view key, std::uint64_t max, Need need,
                                           const Message* too_large) {
  auto v = size(key, need);
  if (v && *v > max) {
    const Entry* e = find(key, need);
    diag_.error(
        position_of(e->value),
        about(too_large ? *too_large : msg::kSizeTooLarge,
              {{"key", e->key}, {"limit", sim::format_size(max)}, {"value", e->value.scalar()}}));
    return std::nullopt;
  }
  return v;
}

// Every bandwidth of a scenario is a link's: 0 would carry nothing (the network refuses it).
std::optional<std::uint64_t> YamlMap::bandwidth(std::string_view key, Need need) {
  auto v = convert<std::uint64_t>(key, need,
                                  [](const std::string& s) { return sim::parse_bandwidth(s); });
  if (v && *v == 0) {
    const Entry* e = find(key, need);
    diag_.error(position_of(e->value), about(msg::kZeroBandwidth, {{"key", e->key}}));
    return std::nullopt;
  }
  return v;
}

// A whole number from `min` to `max`, digits only (from_chars: no "+7", no "0x10").
template <class T>
std::optional<T> YamlMap::whole(std::string_view key, T min, T max, Need need) {
  Entry* e;
  auto s = scalar(key, need, &e);
  if (!s) return std::nullopt;
  T value = 0;
  const char* end = s->data() + s->size();
  auto [ptr, ec] = std::from_chars(s->data(), end, value);
  if (ec != std::errc() || ptr != end || value < min || value > max) {
    diag_.error(position_of(e->value), about(msg::kExpectedInteger, {{"key", e->key},
                                                                     {"min", std::to_string(min)},
                                                                     {"max", std::to_string(max)},
                                                                     {"value", *s}}));
    return std::nullopt;
  }
  return value;
}

std::optional<std::int64_t> YamlMap::integer(std::string_view key, std::int64_t min,
                                             std::int64_t max, Need need) {
  return whole<std::int64_t>(key, min, max, need);
}

// The whole range of a 64-bit unsigned number (a seed, as --seed takes it).
std::optional<std::uint64_t> YamlMap::unsigned_integer(std::string_view key, Need need) {
  return whole<std::uint64_t>(key, 0, std::numeric_limits<std::uint64_t>::max(), need);
}

std::optional<double> YamlMap::number(std::string_view key, double min, double max, Need need) {
  Entry* e;
  auto s = scalar(key, need, &e);
  if (!s) return std::nullopt;
  double value = 0;
  const char* end = s->data() + s->size();
  auto [ptr, ec] = std::from_chars(s->data(), end, value);
  if (ec != std::errc() || ptr != end || !std::isfinite(value) || value < min || value > max) {
    diag_.error(position_of(e->value), about(msg::kExpectedNumber, {{"key", e->key},
                                                                    {"min", fmt::format("{}", min)},
                                                                    {"max", fmt::format("{}", max)},
                                                                    {"value", *s}}));
    return std::nullopt;
  }
  return value;
}

std::optional<double> YamlMap::probability(std::string_view key, Need need) {
  Entry* e;
  auto s = scalar(key, need, &e);
  if (!s) return std::nullopt;
  std::string_view v = trim(*s);
  double scale = 1;
  if (!v.empty() && v.back() == '%') {
    v = trim(v.substr(0, v.size() - 1));
    scale = 100;
  }
  // "0,5 %": a decimal comma is a decimal point.
  std::string number(v);
  std::replace(number.begin(), number.end(), ',', '.');
  v = number;
  double value = 0;
  auto [ptr, ec] = std::from_chars(v.data(), v.data() + v.size(), value);
  // `!(value >= 0)` also refuses NaN.
  if (ec != std::errc() || ptr != v.data() + v.size() || !(value >= 0) || value / scale > 1) {
    diag_.error(position_of(e->value), about(msg::kBadLoss, {{"key", e->key}, {"value", *s}}));
    return std::nullopt;
  }
  return value / scale;
}

std::optional<bool> YamlMap::boolean(std::string_view key, Need need) {
  Entry* e;
  auto s = scalar(key, need, &e);
  if (!s) return std::nullopt;
  if (*s == "true" || *s == "yes" || *s == "on") return true;
  if (*s == "false" || *s == "no" || *s == "off") return false;
  diag_.error(position_of(e->value), about(msg::kExpectedBool, {{"key", e->key}, {"value", *s}}));
  return std::nullopt;
}

std::optional<std::string> YamlMap::choice(std::string_view key,
                                           const std::vector<std::string>& choices, Need need) {
  Entry* e;
  auto s = scalar(key, need, &e);
  if (!s) return std::nullopt;
  if (std::find(choices.begin(), choices.end(), *s) != choices.end()) return s;
  const std::string suggestion = closest_match(*s, choices);
  if (suggestion.empty())
    diag_.error(
        position_of(e->value),
        about(msg::kBadChoice, {{"key", e->key}, {"choices", join(choices)}, {"value", *s}}));
  else
    diag_.error(position_of(e->value), about(msg::kBadChoiceSuggest, {{"key", e->key},
                                                                      {"choices", join(choices)},
                                                                      {"value", *s},
                                                                      {"suggestion", suggestion}}));
  return std::nullopt;
}

std::optional<YamlNode> YamlMap::child(std::string_view key, Need need) {
  Entry* e = find(key, need);
  if (e == nullptr) return std::nullopt;
  return e->value;
}

std::vector<YamlNode> YamlMap::list(std::string_view key, Need need) {
  Entry* e = find(key, need);
  if (e == nullptr || (e->value.is_null() && need == Need::optional)) return {};
  if (!e->value.is_sequence()) {
    diag_.error(position_of(e->value), about(msg::kNotAList, {{"key", e->key}}));
    return {};
  }
  return e->value.items();
}

std::vector<std::string> YamlMap::texts(std::string_view key, Need need) {
  std::vector<std::string> out;
  for (const auto& item : list(key, need)) {
    if (item.is_scalar())
      out.push_back(item.scalar());
    else
      diag_.error(position_of(item), about(msg::kExpectedText, {{"key", std::string(key)}}));
  }
  return out;
}

void YamlMap::finish() {
  const NameIndex known(known_);
  for (const auto& e : entries_) {
    if (e.used || known.contains(e.key)) continue;
    const std::string suggestion = known.closest(e.key);
    // "{subject: Hello, Bob}": the comma ends the value and "Bob" becomes a key without value.
    if (flow_ && e.value.is_null() && e.key_node.is_scalar())
      diag_.error(position_of(e.key_node), about(msg::kCommaInFlowMap, {{"key", e.key}}));
    else if (suggestion.empty())
      diag_.error(position_of(e.key_node),
                  about(msg::kUnknownKey, {{"key", e.key}, {"known", join(known_)}}));
    else
      diag_.error(position_of(e.key_node),
                  about(msg::kUnknownKeySuggest, {{"key", e.key}, {"suggestion", suggestion}}));
  }
}

}  // namespace mailsim::scenarios

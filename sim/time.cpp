#include "sim/time.hpp"

#include <cctype>
#include <cstdlib>
#include <limits>
#include <optional>

#include <fmt/format.h>

#include "sim/messages.hpp"
#include "sim/strings.hpp"
#include "sim/time_text.hpp"

namespace mailsim::sim {
namespace {

constexpr std::string_view kUnitList = "us, ms, s, min, mn, h, d, j";

struct Unit {
  std::string_view name;
  std::int64_t micros;
};
// "mn" and "j" (jour) as French writers put them.
constexpr Unit kUnits[] = {
    {"us", 1},           {"µs", 1},        {"ms", 1000},        {"s", 1000000},
    {"min", 60000000},   {"mn", 60000000}, {"h", 3600000000LL}, {"d", 86400000000LL},
    {"j", 86400000000LL}};

// The unit a bare number after `unit` counts in, as in "1h30" or "2min30"; none after seconds.
const Unit* unit_after(const Unit& unit) {
  const std::int64_t below = unit.micros == 86400000000LL  ? 3600000000LL  // d -> h
                             : unit.micros == 3600000000LL ? 60000000      // h -> min
                             : unit.micros == 60000000     ? 1000000       // min -> s
                                                           : 0;
  for (const Unit& u : kUnits)
    if (u.micros == below) return &u;
  return nullptr;
}

bool is_decimal_mark(char c) {
  return c == '.' || c == ',';  // "1.5h", "1,5 h"
}

constexpr std::int64_t kMax = std::numeric_limits<std::int64_t>::max();

bool is_space(char c) {
  return std::isspace(static_cast<unsigned char>(c)) != 0;
}
bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

[[noreturn]] void fail(const Message& m, std::string_view input,
                       std::initializer_list<Text::Arg> extra = {}) {
  std::vector<Text::Arg> args{{"input", std::string(input)}};
  args.insert(args.end(), extra.begin(), extra.end());
  throw TimeParseError(Text(m, std::move(args)));
}

// Multiplies a decimal number "int.frac" by a unit in microseconds, exactly; nullopt on overflow.
std::optional<std::int64_t> scale(std::string_view integer, std::string_view fraction,
                                  std::int64_t unit) {
  std::int64_t whole = 0;
  for (char c : integer) {
    if (whole > (kMax - 9) / 10) return std::nullopt;
    whole = whole * 10 + (c - '0');
  }
  if (whole != 0 && whole > kMax / unit) return std::nullopt;
  std::int64_t total = whole * unit;
  // Fraction: digits beyond microsecond precision are truncated.
  std::int64_t place = unit;
  for (char c : fraction) {
    place /= 10;
    if (place == 0) break;
    std::int64_t add = (c - '0') * place;
    if (total > kMax - add) return std::nullopt;
    total += add;
  }
  return total;
}

// "HH:MM:SS[.ffffff]" after an optional day count, already trimmed.
SimTime parse_clock(std::string_view input, std::string_view s, std::int64_t days) {
  auto bad = [&] { fail(msg::kTimeBadClock, input); };
  std::int64_t parts[3] = {0, 0, 0};
  std::size_t pos = 0;
  for (int i = 0; i < 3; ++i) {
    std::size_t start = pos;
    while (pos < s.size() && is_digit(s[pos]))
      ++pos;
    std::size_t len = pos - start;
    if (len == 0 || len > (i == 0 ? 9 : 2)) bad();
    parts[i] = std::atoll(std::string(s.substr(start, len)).c_str());
    if (i < 2) {
      if (pos >= s.size() || s[pos] != ':') bad();
      ++pos;
    }
  }
  std::int64_t micros = 0;
  if (pos < s.size()) {
    if (s[pos] != '.') bad();
    ++pos;
    std::size_t start = pos;
    while (pos < s.size() && is_digit(s[pos]))
      ++pos;
    std::size_t len = pos - start;
    if (len == 0 || len > 6 || pos != s.size()) bad();
    std::string digits(s.substr(start, len));
    digits.append(6 - len, '0');
    micros = std::atoll(digits.c_str());
  }
  if (parts[1] >= 60 || parts[2] >= 60) bad();
  std::int64_t seconds = parts[0] * 3600 + parts[1] * 60 + parts[2];
  if (days > (kMax / 1000000 - seconds) / 86400) fail(msg::kTimeOutOfRange, input);
  const std::int64_t whole = days * 86400 + seconds;
  if (whole > (kMax - micros) / 1000000) fail(msg::kTimeOutOfRange, input);  // with the fraction
  return SimTime(whole * 1000000 + micros);
}

}  // namespace

SimTime parse_time(std::string_view text) {
  const std::string_view input = text;
  std::string_view s = trim(text);
  if (s.empty()) fail(msg::kTimeEmpty, input);
  bool negative = false;
  if (s.front() == '-') {
    negative = true;
    s = trim(s.substr(1));
    if (s.empty()) fail(msg::kTimeEmpty, input);
  }
  auto sign = [&](SimTime t) { return negative ? -t : t; };

  if (s.find(':') != std::string_view::npos) {
    // Optional day count: "1d 02:03:04".
    std::int64_t days = 0;
    std::size_t colon = s.find(':');
    std::size_t d = s.find('d');
    if (d != std::string_view::npos && d < colon) {
      std::string_view count = trim(s.substr(0, d));
      if (count.empty() || count.size() > 9) fail(msg::kTimeBadClock, input);
      for (char c : count)
        if (!is_digit(c)) fail(msg::kTimeBadClock, input);
      days = std::atoll(std::string(count).c_str());
      s = trim(s.substr(d + 1));
    }
    return sign(parse_clock(input, s, days));
  }

  std::int64_t total = 0;
  std::size_t pos = 0;
  const Unit* last = nullptr;  // the unit of the number before
  while (pos < s.size()) {
    while (pos < s.size() && is_space(s[pos]))
      ++pos;
    std::size_t start = pos;
    while (pos < s.size() && is_digit(s[pos]))
      ++pos;
    std::string_view integer = s.substr(start, pos - start);
    std::string_view fraction;
    if (pos < s.size() && is_decimal_mark(s[pos])) {
      std::size_t fstart = ++pos;
      while (pos < s.size() && is_digit(s[pos]))
        ++pos;
      fraction = s.substr(fstart, pos - fstart);
    }
    if (integer.empty() && fraction.empty())
      fail(msg::kTimeBadNumber, input, {{"rest", std::string(s.substr(start))}});
    std::string number(s.substr(start, pos - start));
    while (pos < s.size() && is_space(s[pos]))
      ++pos;
    std::size_t ustart = pos;
    while (pos < s.size() && !is_digit(s[pos]) && !is_space(s[pos]) && !is_decimal_mark(s[pos]))
      ++pos;
    std::string_view unit_name = s.substr(ustart, pos - ustart);
    const Unit* unit = nullptr;
    if (unit_name.empty()) {
      if (total == 0 && pos >= s.size() && number.find_first_not_of("0.,") == std::string::npos)
        return SimTime(0);  // a bare zero needs no unit
      // "1h30", "2min30", "1j12": the last whole number counts in the unit below the one before.
      if (last != nullptr && pos >= s.size() && fraction.empty()) unit = unit_after(*last);
      if (unit == nullptr)
        fail(msg::kTimeMissingUnit, input, {{"number", number}, {"units", std::string(kUnitList)}});
    }
    for (const Unit& u : kUnits)
      if (!unit_name.empty() && u.name == unit_name) unit = &u;
    if (unit == nullptr)
      fail(msg::kTimeUnknownUnit, input,
           {{"unit", std::string(unit_name)}, {"units", std::string(kUnitList)}});
    auto part = scale(integer, fraction, unit->micros);
    if (!part || total > kMax - *part) fail(msg::kTimeOutOfRange, input);
    total += *part;
    last = unit;
  }
  return sign(SimTime(total));
}

std::string format_time(SimTime t) {
  std::int64_t us = t.count();
  std::string out;
  // Work in unsigned magnitude so that the most negative value prints too.
  std::uint64_t mag = us < 0 ? 0 - static_cast<std::uint64_t>(us) : static_cast<std::uint64_t>(us);
  if (us < 0) out += '-';
  std::uint64_t micros = mag % 1000000;
  std::uint64_t seconds = mag / 1000000;
  std::uint64_t days = seconds / 86400;
  seconds %= 86400;
  if (days > 0) out += fmt::format("{}d ", days);
  out += fmt::format("{:02}:{:02}:{:02}", seconds / 3600, seconds / 60 % 60, seconds % 60);
  if (micros != 0) out += fmt::format(".{:06}", micros);
  return out;
}

std::string format_time(SimTime t, Lang lang) {
  return time_text(t).render(lang);
}

Text time_text(SimTime t) {
  const std::string text = format_time(t);
  const std::size_t d = text.find("d ");
  if (d == std::string::npos)
    return Text(msg::kClockTime, {{"sign", ""}, {"days", ""}, {"clock", text}});
  const std::size_t digits = text.front() == '-' ? 1 : 0;
  Text out(msg::kClockTime, {{"sign", text.substr(0, digits)}, {"clock", text.substr(d + 2)}});
  out.with("days", Text(msg::kClockDays, {{"days", text.substr(digits, d - digits)}}));
  return out;
}

}  // namespace mailsim::sim

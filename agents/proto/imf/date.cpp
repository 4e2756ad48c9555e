#include "agents/proto/imf/date.hpp"

#include <fmt/compile.h>
#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <limits>
#include <vector>

#include "agents/proto/imf/messages.hpp"
#include "sim/strings.hpp"

namespace mailsim::proto::imf {

using namespace std::chrono;

namespace {

constexpr std::array<std::string_view, 7> kDays{"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
constexpr std::array<std::string_view, 12> kMonths{"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                   "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

void check_offset(minutes offset) {
  if (offset >= hours(24) || offset <= -hours(24))
    throw DateError(Text(msg::kBadZoneOffset, {{"offset", std::to_string(offset.count())}}));
}

bool all_digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

int to_int(std::string_view s) {
  int v = 0;
  for (const char c : s)
    v = v * 10 + (c - '0');
  return v;
}

std::optional<sys_seconds> make_instant(int y, int mo, int d, int h, int mi, int s) {
  const year_month_day ymd{year{y}, month{static_cast<unsigned>(mo)},
                           day{static_cast<unsigned>(d)}};
  if (!ymd.ok() || h > 23 || mi > 59 || s > 60) return std::nullopt;
  if (s == 60) s = 59;  // a leap second is shown as the second before it
  return sys_days(ymd) + hours(h) + minutes(mi) + seconds(s);
}

// Obsolete zone names (RFC 5322 4.3).
std::optional<minutes> zone_name(std::string_view z) {
  const std::string u = to_upper(z);
  if (u == "UT" || u == "GMT" || u == "Z") return minutes(0);
  static constexpr std::array<std::pair<std::string_view, int>, 8> kUs{{{"EST", -5},
                                                                        {"EDT", -4},
                                                                        {"CST", -6},
                                                                        {"CDT", -5},
                                                                        {"MST", -7},
                                                                        {"MDT", -6},
                                                                        {"PST", -8},
                                                                        {"PDT", -7}}};
  for (const auto& [name, h] : kUs)
    if (u == name) return hours(h);
  if (u.size() == 1 && std::isalpha(static_cast<unsigned char>(u[0])) && u != "J")
    return minutes(0);  // military zones: their meaning was botched, so read as -0000
  return std::nullopt;
}

// "+0100" / "-0830" written
std::string zone_text(minutes offset) {
  const auto off = offset.count();
  const auto abs_off = off < 0 ? -off : off;
  return fmt::format(FMT_COMPILE("{}{:02}{:02}"), off < 0 ? '-' : '+', abs_off / 60, abs_off % 60);
}

// "+0100" / "-0830" read
std::optional<minutes> numeric_zone(std::string_view z) {
  if (z.size() != 5 || (z[0] != '+' && z[0] != '-') || !all_digits(z.substr(1)))
    return std::nullopt;
  const int hh = to_int(z.substr(1, 2));
  const int mm = to_int(z.substr(3, 2));
  if (mm > 59) return std::nullopt;
  const minutes m = hours(hh) + minutes(mm);
  return z[0] == '-' ? -m : m;
}

}  // namespace

ScenarioClock::ScenarioClock() : ScenarioClock(sys_days(2026y / March / 2) + 8h, 0min) {}

ScenarioClock::ScenarioClock(sys_seconds start, minutes offset) : start_(start), offset_(offset) {
  check_offset(offset);
}

ScenarioClock ScenarioClock::from_iso8601(std::string_view text) {
  const auto d = parse_iso8601(text);
  return ScenarioClock(d.utc, d.offset);
}

sys_time<microseconds> ScenarioClock::instant(sim::SimTime t) const {
  const std::int64_t start_us = sys_time<microseconds>(start_).time_since_epoch().count();
  const std::int64_t max = std::numeric_limits<std::int64_t>::max();
  const std::int64_t min = std::numeric_limits<std::int64_t>::min();
  if ((t.count() > 0 && start_us > max - t.count()) ||
      (t.count() < 0 && start_us < min - t.count())) {
    // Far beyond any year a date can show: name the year, roughly (a year is 365.2425 days).
    const double years =
        (static_cast<double>(start_us) + static_cast<double>(t.count())) / (365.2425 * 86400e6);
    throw DateError(Text(msg::kYearOutOfRange, {{"year", fmt::format("{:.0f}", 1970 + years)}}));
  }
  return sys_time<microseconds>(start_) + t;
}

DateTime ScenarioClock::at(sim::SimTime t) const {
  return DateTime{floor<seconds>(instant(t)), offset_};
}

std::string ScenarioClock::date(sim::SimTime t) const {
  return format_date(at(t));
}

std::string format_date(const DateTime& date) {
  check_offset(date.offset);
  const auto local = date.utc + date.offset;
  const auto days = floor<std::chrono::days>(local);
  const year_month_day ymd{days};
  const int y = static_cast<int>(ymd.year());
  if (y < 1900 || y > 9999)
    throw DateError(Text(msg::kYearOutOfRange, {{"year", std::to_string(y)}}));
  const hh_mm_ss hms{local - days};
  return fmt::format(FMT_COMPILE("{}, {} {} {} {:02}:{:02}:{:02} {}"),
                     kDays[weekday(days).c_encoding()], static_cast<unsigned>(ymd.day()),
                     kMonths[static_cast<unsigned>(ymd.month()) - 1], y, hms.hours().count(),
                     hms.minutes().count(), hms.seconds().count(), zone_text(date.offset));
}

std::string format_time_of_day(const DateTime& date) {
  check_offset(date.offset);
  const auto local = date.utc + date.offset;
  const hh_mm_ss hms{local - floor<std::chrono::days>(local)};
  return fmt::format(FMT_COMPILE("{:02}:{:02} {}"), hms.hours().count(), hms.minutes().count(),
                     zone_text(date.offset));
}

sys_days local_day(const DateTime& date) {
  return floor<std::chrono::days>(date.utc + date.offset);
}

std::optional<DateTime> parse_date(std::string_view text) {
  // Tokens split at white space and commas, comments dropped.
  std::vector<std::string> tokens;
  std::string current;
  int depth = 0;
  auto flush = [&] {
    if (!current.empty()) tokens.push_back(std::move(current));
    current.clear();
  };
  for (const char c : text) {
    if (c == '(') {
      flush();
      ++depth;
    } else if (c == ')' && depth > 0) {
      --depth;
    } else if (depth > 0) {
      continue;
    } else if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == ',') {
      flush();
    } else {
      current += c;
    }
  }
  flush();
  std::size_t i = 0;
  if (i < tokens.size() && tokens[i].size() == 3 && !all_digits(tokens[i])) {
    const bool is_day = std::any_of(kDays.begin(), kDays.end(),
                                    [&](std::string_view d) { return iequals(d, tokens[i]); });
    if (!is_day) return std::nullopt;
    ++i;
  }
  if (tokens.size() - i < 4 || tokens.size() - i > 5) return std::nullopt;
  const auto& day_t = tokens[i];
  const auto& month_t = tokens[i + 1];
  const auto& year_t = tokens[i + 2];
  const auto& time_t = tokens[i + 3];
  if (!all_digits(day_t) || day_t.size() > 2 || !all_digits(year_t) || year_t.size() < 2 ||
      year_t.size() > 4)
    return std::nullopt;
  int month_number = 0;
  for (std::size_t m = 0; m < kMonths.size(); ++m)
    if (iequals(kMonths[m], month_t)) month_number = static_cast<int>(m) + 1;
  if (month_number == 0) return std::nullopt;
  int y = to_int(year_t);
  if (year_t.size() == 2) y += y < 50 ? 2000 : 1900;
  if (year_t.size() == 3) y += 1900;
  // hh:mm or hh:mm:ss
  const auto parts = split_trimmed(time_t, ':');
  if (parts.size() < 2 || parts.size() > 3) return std::nullopt;
  for (const auto p : parts)
    if (!all_digits(p) || p.size() != 2) return std::nullopt;
  const int sec = parts.size() == 3 ? to_int(parts[2]) : 0;
  const auto local =
      make_instant(y, month_number, to_int(day_t), to_int(parts[0]), to_int(parts[1]), sec);
  if (!local) return std::nullopt;
  minutes offset{0};
  if (tokens.size() - i == 5) {
    auto z = numeric_zone(tokens[i + 4]);
    if (!z) z = zone_name(tokens[i + 4]);
    if (!z) return std::nullopt;
    offset = *z;
  }
  return DateTime{*local - offset, offset};
}

DateTime parse_iso8601(std::string_view text) {
  const auto fail = [&] {
    return DateError(Text(msg::kBadIso8601, {{"text", std::string(text)}}));
  };
  const auto t = trim(text);
  // YYYY-MM-DDTHH:MM:SS then Z or +HH:MM
  if (t.size() < 20 || t[4] != '-' || t[7] != '-' ||
      (t[10] != 'T' && t[10] != 't' && t[10] != ' ') || t[13] != ':' || t[16] != ':')
    throw fail();
  for (const auto& [pos, len] : {std::pair{0, 4}, {5, 2}, {8, 2}, {11, 2}, {14, 2}, {17, 2}})
    if (!all_digits(t.substr(pos, len))) throw fail();
  const auto local =
      make_instant(to_int(t.substr(0, 4)), to_int(t.substr(5, 2)), to_int(t.substr(8, 2)),
                   to_int(t.substr(11, 2)), to_int(t.substr(14, 2)), to_int(t.substr(17, 2)));
  if (!local) throw fail();
  const auto zone = t.substr(19);
  minutes offset{0};
  if (zone == "Z" || zone == "z") {
    offset = 0min;
  } else if (zone.size() == 6 && (zone[0] == '+' || zone[0] == '-') && zone[3] == ':' &&
             all_digits(zone.substr(1, 2)) && all_digits(zone.substr(4, 2)) &&
             to_int(zone.substr(4, 2)) < 60) {
    offset = hours(to_int(zone.substr(1, 2))) + minutes(to_int(zone.substr(4, 2)));
    if (zone[0] == '-') offset = -offset;
  } else {
    throw fail();
  }
  check_offset(offset);
  return DateTime{*local - offset, offset};
}

std::string format_iso8601(const DateTime& date) {
  check_offset(date.offset);
  const auto local = date.utc + date.offset;
  const auto days = floor<std::chrono::days>(local);
  const year_month_day ymd{days};
  const hh_mm_ss hms{local - days};
  const auto off = date.offset.count();
  const auto abs_off = off < 0 ? -off : off;
  return fmt::format(FMT_COMPILE("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}{}{:02}:{:02}"),
                     static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                     static_cast<unsigned>(ymd.day()), hms.hours().count(), hms.minutes().count(),
                     hms.seconds().count(), off < 0 ? '-' : '+', abs_off / 60, abs_off % 60);
}

}  // namespace mailsim::proto::imf

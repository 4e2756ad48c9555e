#include "scenarios/load/datetime.hpp"

#include <chrono>
#include <cstdlib>

#include <fmt/format.h>

#include "sim/strings.hpp"

namespace mailsim::scenarios {
namespace {

// Reads exactly `n` digits at `pos`.
std::optional<int> digits(std::string_view s, std::size_t& pos, std::size_t n) {
  if (pos + n > s.size()) return std::nullopt;
  int v = 0;
  for (std::size_t i = 0; i < n; ++i) {
    const char c = s[pos + i];
    if (c < '0' || c > '9') return std::nullopt;
    v = v * 10 + (c - '0');
  }
  pos += n;
  return v;
}

bool expect(std::string_view s, std::size_t& pos, char c) {
  if (pos < s.size() && s[pos] == c) {
    ++pos;
    return true;
  }
  return false;
}

}  // namespace

std::optional<StartTime> parse_start_time(std::string_view text) {
  using namespace std::chrono;
  const std::string_view s = trim(text);
  std::size_t pos = 0;
  auto y = digits(s, pos, 4);
  if (!y || !expect(s, pos, '-')) return std::nullopt;
  auto mo = digits(s, pos, 2);
  if (!mo || !expect(s, pos, '-')) return std::nullopt;
  auto d = digits(s, pos, 2);
  if (!d || !(expect(s, pos, ' ') || expect(s, pos, 'T'))) return std::nullopt;
  auto h = digits(s, pos, 2);
  if (!h || !expect(s, pos, ':')) return std::nullopt;
  auto mi = digits(s, pos, 2);
  if (!mi) return std::nullopt;
  int sec = 0;
  if (expect(s, pos, ':')) {
    auto v = digits(s, pos, 2);
    if (!v) return std::nullopt;
    sec = *v;
  }
  const year_month_day date{year{*y}, month{static_cast<unsigned>(*mo)},
                            day{static_cast<unsigned>(*d)}};
  if (!date.ok() || *h > 23 || *mi > 59 || sec > 59) return std::nullopt;

  int offset = 0;
  while (pos < s.size() && s[pos] == ' ')
    ++pos;
  if (pos < s.size()) {
    if (s[pos] == 'Z' && pos + 1 == s.size()) {
      ++pos;
    } else if (s[pos] == '+' || s[pos] == '-') {
      const int sign = s[pos] == '-' ? -1 : 1;
      ++pos;
      auto oh = digits(s, pos, 2);
      expect(s, pos, ':');
      auto om = digits(s, pos, 2);
      if (!oh || !om || *oh > 14 || *om > 59) return std::nullopt;
      offset = sign * (*oh * 60 + *om);
    } else {
      return std::nullopt;
    }
  }
  if (pos != s.size()) return std::nullopt;
  const std::int64_t local =
      sys_days(date).time_since_epoch().count() * 86400LL + *h * 3600 + *mi * 60 + sec;
  return StartTime{local - offset * 60LL, offset};
}

std::string format_start_time(const StartTime& t) {
  using namespace std::chrono;
  const std::int64_t local = t.unix_seconds + t.utc_offset_minutes * 60LL;
  const auto days =
      sys_days{std::chrono::days{local >= 0 ? local / 86400 : (local - 86399) / 86400}};
  const std::int64_t in_day = local - days.time_since_epoch().count() * 86400LL;
  const year_month_day ymd{days};
  const int off = std::abs(t.utc_offset_minutes);
  return fmt::format("{:04}-{:02}-{:02} {:02}:{:02}:{:02} {}{:02}:{:02}", int(ymd.year()),
                     unsigned(ymd.month()), unsigned(ymd.day()), in_day / 3600, in_day / 60 % 60,
                     in_day % 60, t.utc_offset_minutes < 0 ? '-' : '+', off / 60, off % 60);
}

}  // namespace mailsim::scenarios

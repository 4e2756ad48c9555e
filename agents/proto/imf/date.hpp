#pragma once
// Dates of RFC 5322 section 3.3 ("Mon, 2 Mar 2026 09:00:00 +0100") computed from the scenario's
// start instant plus the simulated time: never from the machine's clock or time zone, so that
// two runs of a scenario write the same bytes.
#include <chrono>
#include <optional>
#include <string>
#include <string_view>

#include "sim/text.hpp"
#include "sim/time.hpp"

namespace mailsim::proto::imf {

class DateError : public LocalizedError {
 public:
  using LocalizedError::LocalizedError;
};

// An instant and the zone offset it is written in.
struct DateTime {
  std::chrono::sys_seconds utc;
  std::chrono::minutes offset{0};  // east of UTC; +01:00 is 60min

  bool operator==(const DateTime&) const = default;
};

// Maps simulated time to calendar time: SimTime 0 is `start`; dates are written with `offset`.
class ScenarioClock {
 public:
  // 2026-03-02T08:00:00Z, a Monday, written in UTC.
  ScenarioClock();
  // Throws DateError for an offset of 24 hours or more.
  ScenarioClock(std::chrono::sys_seconds start, std::chrono::minutes offset);
  // "2026-03-02T09:00:00+01:00": the start instant and the offset it is written with.
  static ScenarioClock from_iso8601(std::string_view text);

  std::chrono::sys_seconds start() const { return start_; }
  std::chrono::minutes offset() const { return offset_; }
  // The instant (to the microsecond) and its date (to the second, rounded down). Throws
  // DateError, naming the year, for a time so far from the start that the instant overflows.
  std::chrono::sys_time<std::chrono::microseconds> instant(sim::SimTime t) const;
  DateTime at(sim::SimTime t) const;
  // at(t) written for a Date field.
  std::string date(sim::SimTime t) const;

 private:
  std::chrono::sys_seconds start_;
  std::chrono::minutes offset_;
};

// "Mon, 2 Mar 2026 09:00:00 +0100". Throws DateError for a year outside 1900-9999 or an offset
// of 24 hours or more.
std::string format_date(const DateTime& date);
// "10:01 +0100": the time of day to the minute (seconds dropped) with its zone, as a provider's
// reply says when a limit lifts; and the calendar day it falls on in its own zone.
std::string format_time_of_day(const DateTime& date);
std::chrono::sys_days local_day(const DateTime& date);

// Reads a date-time as real mailers write it: optional day name, 1 or 2 digit day, English month
// abbreviation in any case, 2, 3 or 4 digit year (obsolete forms of 4.3), optional seconds,
// numeric zone or an obsolete name (UT, GMT, Z, EST ... PDT; military letters count as
// +0000), comments such as "(CET)" ignored. The day name is not checked. nullopt if it is not
// a date.
std::optional<DateTime> parse_date(std::string_view text);

// "2026-03-02T09:00:00+01:00" or "2026-03-02T08:00:00Z" (a space may replace the T). Throws
// DateError naming the text and the expected form.
DateTime parse_iso8601(std::string_view text);
std::string format_iso8601(const DateTime& date);

}  // namespace mailsim::proto::imf

#pragma once
// Simulated time: microseconds since the start of the run. One parser and one printer serve
// every place a person writes or reads a time.
#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>

#include "sim/text.hpp"

namespace mailsim::sim {

using SimTime = std::chrono::duration<std::int64_t, std::micro>;

// Thrown by parse_time; text() renders the error in English or French.
class TimeParseError : public LocalizedError {
 public:
  using LocalizedError::LocalizedError;
};

// Accepts durations with units ("5s", "250ms", "5min", "2h", "4d", "1h30min", "1.5h", "90 s";
// units: us, ms, s, min, h, d), as French writers put them too ("5mn", "2j", "1,5h", "1h30"),
// and the clock form ("00:00:05", "1d 02:03:04.005006").
SimTime parse_time(std::string_view text);

// Clock form: "00:00:05", "01:30:00.250000", "1d 02:03:04.005006"; fractions only when
// non-zero; negative times get a leading '-'.
std::string format_time(SimTime t);
// The same for a reader of `lang`: days are "5j" in French ("5j 00:55:30"). Only for people:
// traces, files and parse_time keep format_time(t).
std::string format_time(SimTime t, Lang lang);

}  // namespace mailsim::sim

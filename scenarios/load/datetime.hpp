#pragma once
// The scenario's start: "2026-11-29 08:00:00 +01:00", "2026-11-29T08:00:00+01:00",
// "2026-11-29T07:00:00Z" or "2026-11-29 08:00" (UTC). Seconds since 1970 plus the zone the
// scenario's dates are shown in.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace mailsim::scenarios {

struct StartTime {
  std::int64_t unix_seconds = 0;
  int utc_offset_minutes = 0;
};

std::optional<StartTime> parse_start_time(std::string_view text);
std::string format_start_time(const StartTime& t);  // "2026-11-29 08:00:00 +01:00"

}  // namespace mailsim::scenarios

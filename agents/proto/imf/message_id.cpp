#include "agents/proto/imf/message_id.hpp"

#include <fmt/compile.h>
#include <fmt/format.h>

namespace mailsim::proto::imf {

using namespace std::chrono;

std::string MessageIdGenerator::next(const ScenarioClock& clock, sim::SimTime now) {
  const auto instant = clock.instant(now);
  const auto days = floor<std::chrono::days>(instant);
  const year_month_day ymd{days};
  const hh_mm_ss hms{instant - days};
  ++counter_;
  return fmt::format(FMT_COMPILE("<{:04}{:02}{:02}{:02}{:02}{:02}.{:06}.{}@{}>"),
                     static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                     static_cast<unsigned>(ymd.day()), hms.hours().count(), hms.minutes().count(),
                     hms.seconds().count(), hms.subseconds().count(), counter_, host_);
}

}  // namespace mailsim::proto::imf

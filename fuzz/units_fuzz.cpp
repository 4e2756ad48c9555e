// The time, date and size parsers of scenario files and the command line: every text is a value
// or a LocalizedError, and a value printed and read again is the same value.
#include <cstdlib>
#include <string>

#include "fuzz/fuzz_input.hpp"
#include "scenarios/load/datetime.hpp"
#include "sim/time.hpp"
#include "sim/units.hpp"

using namespace mailsim;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  try {
    const sim::SimTime t = sim::parse_time(text);
    if (t.count() >= 0 && sim::parse_time(sim::format_time(t)) != t) std::abort();
  } catch (const LocalizedError&) {
  }
  try {
    const std::uint64_t bytes = sim::parse_size(text);
    (void)sim::format_size(bytes);
  } catch (const LocalizedError&) {
  }
  try {
    (void)sim::parse_bandwidth(text);
  } catch (const LocalizedError&) {
  }
  if (auto start = scenarios::parse_start_time(text)) {
    const auto again = scenarios::parse_start_time(scenarios::format_start_time(*start));
    if (!again || again->unix_seconds != start->unix_seconds ||
        again->utc_offset_minutes != start->utc_offset_minutes)
      std::abort();
  }
  return 0;
}

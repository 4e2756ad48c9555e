#include "scenarios/write/quantities.hpp"

#include <fmt/format.h>

namespace mailsim::scenarios {
namespace {

struct Unit {
  const char* name;
  std::uint64_t factor;
};

// value/factor with every decimal needed (none when exact), or "" when that takes more than
// `max_decimals` digits.
std::string exact(std::uint64_t value, std::uint64_t factor, int max_decimals, const char* unit) {
  std::uint64_t rest = value % factor;
  std::string frac;
  for (int i = 0; i < max_decimals && rest != 0; ++i) {
    rest *= 10;
    frac += static_cast<char>('0' + rest / factor);
    rest %= factor;
  }
  if (rest != 0) return {};
  return fmt::format("{}{}{}{}", value / factor, frac.empty() ? "" : ".", frac, unit);
}

}  // namespace

std::string duration_text(sim::SimTime t) {
  if (t.count() == 0) return "0s";
  if (t.count() < 0) return "-" + duration_text(-t);
  constexpr std::int64_t kSecond = 1000000;
  std::int64_t us = t.count();
  std::string out;
  constexpr Unit kWhole[] = {{"d", 86400 * kSecond}, {"h", 3600 * kSecond}, {"min", 60 * kSecond}};
  for (const Unit& u : kWhole) {
    const auto factor = static_cast<std::int64_t>(u.factor);
    if (us >= factor) out += fmt::format("{}{}", us / factor, u.name);
    us %= factor;
  }
  if (us == 0) return out;
  // The seconds: "1.5s" after a larger unit or from one second up, else ms or us.
  if (!out.empty() || us >= kSecond)
    return out + exact(static_cast<std::uint64_t>(us), kSecond, 6, "s");
  if (us >= 1000) return out + exact(static_cast<std::uint64_t>(us), 1000, 3, "ms");
  return out + fmt::format("{}us", us);
}

std::string size_text(std::uint64_t bytes) {
  // 65536 reads better as 64KiB than 65.536kB; 1536000 as 1.536MB.
  constexpr Unit kBinary[] = {{"GiB", 1ULL << 30}, {"MiB", 1ULL << 20}, {"KiB", 1ULL << 10}};
  if (bytes % 1000 != 0)
    for (const Unit& u : kBinary)
      if (bytes >= u.factor && bytes % u.factor == 0) return exact(bytes, u.factor, 0, u.name);
  constexpr Unit kDecimal[] = {{"GB", 1000000000}, {"MB", 1000000}, {"kB", 1000}};
  for (const Unit& u : kDecimal)
    if (bytes >= u.factor)
      if (auto s = exact(bytes, u.factor, 3, u.name); !s.empty()) return s;
  return fmt::format("{}B", bytes);
}

std::string bandwidth_text(std::uint64_t bps) {
  constexpr Unit kUnits[] = {{"Gbps", 1000000000}, {"Mbps", 1000000}, {"kbps", 1000}};
  for (const Unit& u : kUnits)
    if (bps >= u.factor)
      if (auto s = exact(bps, u.factor, 3, u.name); !s.empty()) return s;
  return fmt::format("{}bps", bps);
}

std::string number_text(double value) {
  return fmt::format("{}", value);  // fmt prints the shortest text that reads back exactly
}

}  // namespace mailsim::scenarios

#include "sim/units.hpp"

#include <algorithm>
#include <cctype>
#include <limits>
#include <vector>

#include <fmt/format.h>

#include "sim/messages.hpp"
#include "sim/strings.hpp"

namespace mailsim::sim {
namespace {

struct Unit {
  std::string_view name;
  std::uint64_t factor;
};

// The French octet units too: o, ko, Mo, Go, Kio, Mio, Gio.
constexpr Unit kSizeUnits[] = {{"B", 1},
                               {"kB", 1000},
                               {"KB", 1000},
                               {"MB", 1000000},
                               {"GB", 1000000000},
                               {"KiB", 1024},
                               {"MiB", 1024 * 1024},
                               {"GiB", 1024ULL * 1024 * 1024},
                               {"o", 1},
                               {"ko", 1000},
                               {"Ko", 1000},
                               {"Mo", 1000000},
                               {"Go", 1000000000},
                               {"Kio", 1024},
                               {"kio", 1024},
                               {"Mio", 1024 * 1024},
                               {"Gio", 1024ULL * 1024 * 1024}};
constexpr std::string_view kSizeUnitList =
    "B, kB, MB, GB, KiB, MiB, GiB, o, ko, Mo, Go, Kio, Mio, Gio";
constexpr std::string_view kSizeExample = "25MB";

constexpr Unit kRateUnits[] = {{"bps", 1},           {"kbps", 1000},        {"Mbps", 1000000},
                               {"Gbps", 1000000000}, {"bit/s", 1},          {"kbit/s", 1000},
                               {"Mbit/s", 1000000},  {"Gbit/s", 1000000000}};
constexpr std::string_view kRateUnitList = "bps, kbps, Mbps, Gbps, bit/s, kbit/s, Mbit/s, Gbit/s";
constexpr std::string_view kRateExample = "10Mbps";

// `example` is a valid quantity of the same kind, shown in the message.
[[noreturn]] void fail(const Message& m, std::string_view input, std::string_view units,
                       std::string_view example, std::string unit = {}) {
  throw UnitParseError(Text(m, {{"input", std::string(input)},
                                {"units", std::string(units)},
                                {"example", std::string(example)},
                                {"unit", std::move(unit)}}));
}

// Parses "<decimal><spaces><unit>"; `units` lists the accepted units. A missing unit is
// allowed (factor 1) only when `bare_allowed`.
std::uint64_t parse_quantity(std::string_view input, const Unit* units, std::size_t count,
                             std::string_view unit_list, std::string_view example,
                             bool bare_allowed, const Message& unknown, const Message& missing) {
  std::string_view s = trim(input);
  std::size_t pos = 0;
  while (pos < s.size() &&
         (std::isdigit(static_cast<unsigned char>(s[pos])) || s[pos] == '.' || s[pos] == ','))
    ++pos;
  // A decimal comma ("1,5Mo") is a decimal point.
  std::string digits(s.substr(0, pos));
  std::replace(digits.begin(), digits.end(), ',', '.');
  std::string_view number = digits;
  std::string_view unit = trim(s.substr(pos));
  const std::size_t dot = number.find('.');
  if (number.empty() || number == "." ||
      (dot != std::string_view::npos && number.find('.', dot + 1) != std::string_view::npos))
    fail(msg::kQuantityBadNumber, input, unit_list, example);

  std::uint64_t factor = 1;
  if (unit.empty()) {
    if (!bare_allowed) fail(missing, input, unit_list, example);
    if (dot != std::string_view::npos) fail(msg::kQuantityBadNumber, input, unit_list, example);
  } else {
    const Unit* found = nullptr;
    for (std::size_t i = 0; i < count; ++i)
      if (units[i].name == unit) found = &units[i];
    if (found == nullptr) fail(unknown, input, unit_list, example, std::string(unit));
    factor = found->factor;
  }

  // Exact decimal arithmetic: whole part times factor, plus the fraction's digits scaled.
  std::string_view whole = number.substr(0, dot);
  std::string_view fraction = dot == std::string_view::npos ? "" : number.substr(dot + 1);
  constexpr std::uint64_t kMax = std::numeric_limits<std::uint64_t>::max();
  std::uint64_t value = 0;
  for (char c : whole) {
    if (value > (kMax - 9) / 10) fail(msg::kQuantityTooLarge, input, unit_list, example);
    value = value * 10 + static_cast<std::uint64_t>(c - '0');
  }
  if (value != 0 && value > kMax / factor) fail(msg::kQuantityTooLarge, input, unit_list, example);
  value *= factor;
  if (!fraction.empty()) {
    // fraction_digits / 10^k x factor, rounded down to a whole byte or bit.
    if (fraction.size() > 18) fail(msg::kQuantityBadNumber, input, unit_list, example);
    std::uint64_t remainder_digits = 0;
    std::uint64_t scale = 1;
    for (char c : fraction) {
      remainder_digits = remainder_digits * 10 + static_cast<std::uint64_t>(c - '0');
      scale *= 10;
    }
    // remainder_digits / scale * factor, rounded down to a whole byte or bit.
    const unsigned __int128 part =
        static_cast<unsigned __int128>(remainder_digits) * factor / scale;
    if (value > kMax - static_cast<std::uint64_t>(part))
      fail(msg::kQuantityTooLarge, input, unit_list, example);
    value += static_cast<std::uint64_t>(part);
  }
  return value;
}

// Prints value/factor with up to three decimals, trailing zeros removed.
std::string scaled(std::uint64_t value, std::uint64_t factor, std::string_view unit) {
  const std::uint64_t whole = value / factor;
  const std::uint64_t thousandths =
      static_cast<std::uint64_t>(static_cast<unsigned __int128>(value % factor) * 1000 / factor);
  std::string out = fmt::format("{}", whole);
  if (thousandths != 0) {
    std::string frac = fmt::format("{:03}", thousandths);
    while (frac.back() == '0')
      frac.pop_back();
    out += '.' + frac;
  }
  out += unit;
  return out;
}

}  // namespace

std::uint64_t parse_size(std::string_view text) {
  return parse_quantity(text, kSizeUnits, std::size(kSizeUnits), kSizeUnitList, kSizeExample, true,
                        msg::kSizeUnknownUnit, msg::kSizeUnknownUnit);
}

std::uint64_t parse_bandwidth(std::string_view text) {
  return parse_quantity(text, kRateUnits, std::size(kRateUnits), kRateUnitList, kRateExample, false,
                        msg::kBandwidthUnknownUnit, msg::kBandwidthMissingUnit);
}

std::string format_size(std::uint64_t bytes) {
  if (bytes >= 1000000000) return scaled(bytes, 1000000000, "GB");
  if (bytes >= 1000000) return scaled(bytes, 1000000, "MB");
  if (bytes >= 1000) return scaled(bytes, 1000, "kB");
  return fmt::format("{}B", bytes);
}

std::string format_bandwidth(std::uint64_t bps) {
  if (bps >= 1000000000) return scaled(bps, 1000000000, "Gbps");
  if (bps >= 1000000) return scaled(bps, 1000000, "Mbps");
  if (bps >= 1000) return scaled(bps, 1000, "kbps");
  return fmt::format("{}bps", bps);
}

}  // namespace mailsim::sim

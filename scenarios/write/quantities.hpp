#pragma once
// Times, sizes, bandwidths and fractions as a person writes them in a scenario ("1h30min",
// "25MB", "20Mbps", "0.05"), each read back by the loader to exactly the same value: unlike
// sim::format_size, which rounds to three decimals for display, nothing is ever rounded here.
#include <cstdint>
#include <string>

#include "sim/time.hpp"

namespace mailsim::scenarios {

// A delay with units, largest first: "250ms", "5min", "1h30min", "1d2h", "1.5s", "2.5ms",
// "7us"; zero is "0s".
std::string duration_text(sim::SimTime t);

// A whole number of binary units when a decimal unit would need decimals ("64KiB", "10MiB"),
// else the largest decimal unit that needs at most three ("25MB", "1.5MB", "1234.567kB"), else
// bytes ("512B").
std::string size_text(std::uint64_t bytes);

// The largest unit that needs at most three decimals: "20Mbps", "1.5Gbps", "64kbps", "512bps".
std::string bandwidth_text(std::uint64_t bits_per_second);

// The shortest decimal that reads back as the same double: "0.05", "0.3", "1e-07".
std::string number_text(double value);

}  // namespace mailsim::scenarios

#pragma once
// Data sizes and bandwidths as people write them ("25MB", "1500B", "10Mbps"): one parser and
// one printer each, like sim/time.hpp for durations.
#include <cstdint>
#include <string>
#include <string_view>

#include "sim/text.hpp"

namespace mailsim::sim {

class UnitParseError : public LocalizedError {
 public:
  using LocalizedError::LocalizedError;
};

// Bytes. Units: B, kB/KB, MB, GB (powers of 1000, as mail servers and disks count) and KiB,
// MiB, GiB (powers of 1024); a bare whole number is bytes ("10240000", as in Postfix's
// message_size_limit). Decimals are allowed before a unit: "1.5MB". The French units too: o, ko,
// Mo, Go, Kio, Mio, Gio, and a decimal comma ("1,5Mo").
std::uint64_t parse_size(std::string_view text);

// Bits per second. Units: bps, kbps, Mbps, Gbps, or bit/s, kbit/s, Mbit/s, Gbit/s (powers of
// 1000). A decimal comma is a decimal point ("9,6 kbit/s"). A unit is required: a bare
// number could mean bits or bytes.
std::uint64_t parse_bandwidth(std::string_view text);

// "0B", "1500B", "25MB", "1.5MB", "10.24MB": the largest decimal unit that keeps at least 1,
// with up to three decimals, trailing zeros removed.
std::string format_size(std::uint64_t bytes);

// "512bps", "64kbps", "10Mbps", "1.5Gbps".
std::string format_bandwidth(std::uint64_t bits_per_second);

}  // namespace mailsim::sim

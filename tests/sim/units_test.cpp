#include "sim/units.hpp"

#include <gtest/gtest.h>

using namespace mailsim;
using namespace mailsim::sim;

TEST(ParseSize, UnitsAndBareBytes) {
  EXPECT_EQ(parse_size("1500B"), 1500u);
  EXPECT_EQ(parse_size("25MB"), 25000000u);
  EXPECT_EQ(parse_size("25 MB"), 25000000u);
  EXPECT_EQ(parse_size("10kB"), 10000u);
  EXPECT_EQ(parse_size("10KB"), 10000u);
  EXPECT_EQ(parse_size("2GB"), 2000000000u);
  EXPECT_EQ(parse_size("10MiB"), 10485760u);
  EXPECT_EQ(parse_size("1KiB"), 1024u);
  EXPECT_EQ(parse_size("1.5MB"), 1500000u);
  EXPECT_EQ(parse_size("0.5KiB"), 512u);
  EXPECT_EQ(parse_size("10240000"), 10240000u);  // Postfix's message_size_limit
  EXPECT_EQ(parse_size("0"), 0u);
}

TEST(ParseSize, FrenchUnitsAndDecimalComma) {
  EXPECT_EQ(parse_size("10Mo"), 10000000u);
  EXPECT_EQ(parse_size("10 Mio"), 10485760u);
  EXPECT_EQ(parse_size("1500o"), 1500u);
  EXPECT_EQ(parse_size("64 ko"), 64000u);
  EXPECT_EQ(parse_size("2Go"), 2000000000u);
  EXPECT_EQ(parse_size("1,5Mo"), 1500000u);
  EXPECT_EQ(parse_size("1,5 MB"), 1500000u);
  EXPECT_THROW(parse_size("1,5"), UnitParseError);  // a bare number is whole bytes
  EXPECT_THROW(parse_size("1,,5Mo"), UnitParseError);
  EXPECT_THROW(parse_size("1.5,5Mo"), UnitParseError);
}

TEST(ParseSize, Errors) {
  for (const char* bad : {"", "MB", "25 parsecs", "25mb", "25 mo", "1.5", "1..5MB", "-3MB", "1e6B",
                          "99999999999999999999B", "20000000000GB"})
    EXPECT_THROW(parse_size(bad), UnitParseError) << bad;
  try {
    parse_size("25 Mb");
    FAIL();
  } catch (const UnitParseError& e) {
    EXPECT_STREQ(e.what(),
                 "'25 Mb': unknown size unit 'Mb'; use one of B, kB, MB, GB, KiB, MiB, GiB, o, "
                 "ko, Mo, Go, Kio, Mio, Gio (for example 1500B, 25MB or 10MiB)");
    EXPECT_EQ(e.text().render(Lang::fr),
              "« 25 Mb » : unité de taille « Mb » inconnue ; utilisez B, kB, MB, GB, KiB, MiB, "
              "GiB, o, ko, Mo, Go, Kio, Mio, Gio (par exemple 1500o, 25Mo ou 10Mio)");
  }
}

TEST(ParseBandwidth, UnitsAreRequired) {
  EXPECT_EQ(parse_bandwidth("10Mbps"), 10000000u);
  EXPECT_EQ(parse_bandwidth("64kbps"), 64000u);
  EXPECT_EQ(parse_bandwidth("1.5Gbps"), 1500000000u);
  EXPECT_EQ(parse_bandwidth("512 bps"), 512u);
  EXPECT_EQ(parse_bandwidth("20Mbit/s"), 20000000u);
  EXPECT_EQ(parse_bandwidth("20 Mbit/s"), 20000000u);
  EXPECT_EQ(parse_bandwidth("9,6 kbit/s"), 9600u);
  EXPECT_EQ(parse_bandwidth("1 Gbit/s"), 1000000000u);
  EXPECT_THROW(parse_bandwidth("10"), UnitParseError);
  EXPECT_THROW(parse_bandwidth("10MB"), UnitParseError);
  try {
    parse_bandwidth("100");
    FAIL();
  } catch (const UnitParseError& e) {
    EXPECT_STREQ(e.what(),
                 "'100': a bandwidth needs a unit (bps, kbps, Mbps, Gbps, bit/s, kbit/s, Mbit/s, "
                 "Gbit/s), for example 10Mbps: a bare number could mean bits or bytes");
  }
}

TEST(FormatUnits, ReadableAndRoundTripping) {
  EXPECT_EQ(format_size(0), "0B");
  EXPECT_EQ(format_size(1500), "1.5kB");
  EXPECT_EQ(format_size(25000000), "25MB");
  EXPECT_EQ(format_size(10240000), "10.24MB");
  EXPECT_EQ(format_bandwidth(10000000), "10Mbps");
  EXPECT_EQ(format_bandwidth(1544000), "1.544Mbps");
  EXPECT_EQ(format_bandwidth(512), "512bps");
  for (std::uint64_t v : {0ull, 999ull, 1500ull, 25000000ull, 10240000ull, 3000000000ull})
    EXPECT_EQ(parse_size(format_size(v)), v) << v;
}

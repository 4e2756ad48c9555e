#include "sim/time.hpp"
#include "sim/time_text.hpp"

#include <gtest/gtest.h>

#include <limits>

using namespace mailsim;
using namespace mailsim::sim;
using namespace std::chrono_literals;

TEST(ParseTime, SingleUnits) {
  EXPECT_EQ(parse_time("5s"), 5s);
  EXPECT_EQ(parse_time("250ms"), 250ms);
  EXPECT_EQ(parse_time("5min"), 5min);
  EXPECT_EQ(parse_time("2h"), 2h);
  EXPECT_EQ(parse_time("4d"), 96h);
  EXPECT_EQ(parse_time("7us"), 7us);
  EXPECT_EQ(parse_time("7µs"), 7us);
  EXPECT_EQ(parse_time("90s"), 90s);
}

TEST(ParseTime, CombinationsSpacesAndDecimals) {
  EXPECT_EQ(parse_time("1h30min"), 90min);
  EXPECT_EQ(parse_time("1h 30min 15s"), 90min + 15s);
  EXPECT_EQ(parse_time("  90 s "), 90s);
  EXPECT_EQ(parse_time("1.5h"), 90min);
  EXPECT_EQ(parse_time("0.25s"), 250ms);
  EXPECT_EQ(parse_time(".5s"), 500ms);
  EXPECT_EQ(parse_time("1.0000019s"), 1000001us);  // beyond microseconds: truncated
  EXPECT_EQ(parse_time("0"), 0s);
  EXPECT_EQ(parse_time("-5s"), -5s);
}

// As French writers put them: "mn", "j" (jours), a decimal comma, and "1h30" for 1 h 30 min.
TEST(ParseTime, FrenchForms) {
  EXPECT_EQ(parse_time("5mn"), 5min);
  EXPECT_EQ(parse_time("2j"), 48h);
  EXPECT_EQ(parse_time("1,5h"), 90min);
  EXPECT_EQ(parse_time("1,5 h"), 90min);
  EXPECT_EQ(parse_time("1h30"), 90min);
  EXPECT_EQ(parse_time("1 h 30"), 90min);
  EXPECT_EQ(parse_time("1h05"), 65min);
  EXPECT_EQ(parse_time("2min30"), 150s);
  EXPECT_EQ(parse_time("1j12"), 36h);
  EXPECT_EQ(parse_time("1d 2h30"), 26h + 30min);
  // Only a last whole number, and not after seconds: "30s15" could mean anything.
  for (const char* bad : {"30s15", "1h30 15", "1h30,5", "250ms3", "1,,5h", "1,5"})
    EXPECT_THROW(parse_time(bad), TimeParseError) << "accepted: '" << bad << "'";
}

// Found by fuzz/units_fuzz: the day count was range-checked, the microseconds added after it
// overflowed (UBSan: signed integer overflow in parse_clock).
TEST(ParseTime, TheLastMicrosecondFitsAndOneMoreIsOutOfRange) {
  EXPECT_EQ(parse_time("106751991d 04:00:54.775807").count(),
            std::numeric_limits<std::int64_t>::max());
  EXPECT_THROW(parse_time("106751991d 04:00:54.775808"), TimeParseError);
  EXPECT_THROW(parse_time("-106751991d 04:00:54.775808"), TimeParseError);
}

TEST(ParseTime, ClockForms) {
  EXPECT_EQ(parse_time("00:00:05"), 5s);
  EXPECT_EQ(parse_time("01:30:00"), 90min);
  EXPECT_EQ(parse_time("26:00:00"), 26h);
  EXPECT_EQ(parse_time("00:00:01.204"), 1204ms);
  EXPECT_EQ(parse_time("1d 02:03:04.005006"), 24h + 2h + 3min + 4s + 5006us);
  EXPECT_EQ(parse_time("1d 02:00:00"), 26h);
  EXPECT_EQ(parse_time("2d02:00:00"), 50h);
}

TEST(ParseTime, ErrorsNameTheUnitAndListValidOnes) {
  try {
    parse_time("5 parsecs");
    FAIL() << "no error";
  } catch (const TimeParseError& e) {
    EXPECT_STREQ(e.what(),
                 "'5 parsecs': unknown time unit 'parsecs'; use one of us, ms, s, min, mn, h, d, j "
                 "(for example 250ms, 1h30min or 00:05:00)");
    EXPECT_NE(e.text().render(Lang::fr).find("unité de temps « parsecs » inconnue"),
              std::string::npos);
  }
}

TEST(ParseTime, EveryBadFormIsRejected) {
  for (const char* bad : {"", "   ", "5", "12", "s", "5m", "5 sec", "abc", "00:60:00", "00:00:60",
                          "1:2", "00:00:05.1234567", "00:00:05.", "xd 01:00:00", "1..5s", "-",
                          "99999999999999999999s", "300000000d"}) {
    EXPECT_THROW(parse_time(bad), TimeParseError) << "accepted: '" << bad << "'";
  }
}

TEST(ParseTime, MissingUnitMessageSuggestsOne) {
  try {
    parse_time("30");
    FAIL();
  } catch (const TimeParseError& e) {
    EXPECT_STREQ(e.what(),
                 "'30': the number 30 has no unit; write it with one of us, ms, s, min, mn, h, d, "
                 "j, for example 30s");
  }
}

TEST(FormatTime, ClockForm) {
  EXPECT_EQ(format_time(0s), "00:00:00");
  EXPECT_EQ(format_time(5s), "00:00:05");
  EXPECT_EQ(format_time(1204ms), "00:00:01.204000");
  EXPECT_EQ(format_time(26h + 3min + 4s + 5006us), "1d 02:03:04.005006");
  EXPECT_EQ(format_time(-5s), "-00:00:05");
  EXPECT_EQ(format_time(SimTime::max()), "106751991d 04:00:54.775807");
  EXPECT_EQ(format_time(SimTime::min()), "-106751991d 04:00:54.775808");
}

TEST(FormatTime, RoundTripsThroughTheParser) {
  for (SimTime t : {SimTime(0), SimTime(1), SimTime(999999), SimTime(86400000000LL),
                    SimTime(123456789012LL), SimTime(-42)}) {
    EXPECT_EQ(parse_time(format_time(t)), t) << format_time(t);
  }
}

// A time kept as a catalog text renders as format_time does in each language: the days are
// "5d" in English and "5j" in French, and a time under a day has none.
TEST(FormatTime, AsACatalogTextInEachLanguage) {
  for (SimTime t : {SimTime(0), SimTime(1500000), SimTime(5 * 86400000000LL + 3330088012LL),
                    SimTime(-2 * 86400000000LL)}) {
    EXPECT_EQ(time_text(t).render(Lang::en), format_time(t));
    EXPECT_EQ(time_text(t).render(Lang::fr), format_time(t, Lang::fr));
  }
  EXPECT_EQ(time_text(SimTime(5 * 86400000000LL + 3330088012LL)).render(Lang::fr),
            "5j 00:55:30.088012");
  EXPECT_EQ(time_text(SimTime(-2 * 86400000000LL)).render(Lang::fr), "-2j 00:00:00");
}

#include "agents/proto/imf/date.hpp"

#include <gtest/gtest.h>

#include "agents/proto/imf/message_id.hpp"

using mailsim::Lang;
using namespace mailsim::proto::imf;
using namespace std::chrono;
using namespace std::chrono_literals;

TEST(Date, DefaultClockStartsOnAMondayMorningInUtc) {
  const ScenarioClock clock;
  EXPECT_EQ(clock.date(0s), "Mon, 2 Mar 2026 08:00:00 +0000");
  EXPECT_EQ(clock.date(1999999us), "Mon, 2 Mar 2026 08:00:01 +0000");  // rounded down
  EXPECT_EQ(clock.date(5 * 24h + 30min), "Sat, 7 Mar 2026 08:30:00 +0000");
}

// A simulated time so far that the instant would overflow is an error that names the year, not
// undefined behaviour; a date past 9999 is an error too.
TEST(Date, InstantsBeyondWhatADateCanShowAreErrors) {
  const ScenarioClock clock;
  try {
    (void)clock.instant(mailsim::sim::SimTime::max());
    ADD_FAILURE() << "no error";
  } catch (const DateError& e) {
    EXPECT_EQ(e.text().render(Lang::en),
              "the year 294303 cannot be written in a mail date (years 1900 to 9999)");
  }
  EXPECT_THROW((void)clock.date(hours(24 * 365 * 8000)), DateError);
}

TEST(Date, SeveralInstantsAndZones) {
  const auto paris = ScenarioClock::from_iso8601("2026-03-02T09:00:00+01:00");
  EXPECT_EQ(paris.date(0s), "Mon, 2 Mar 2026 09:00:00 +0100");
  EXPECT_EQ(paris.date(15h + 30min), "Tue, 3 Mar 2026 00:30:00 +0100");
  EXPECT_EQ(paris.start(), sys_days(2026y / March / 2) + 8h);

  const auto newfoundland = ScenarioClock::from_iso8601("2026-03-01T22:00:00-03:30");
  EXPECT_EQ(newfoundland.date(2h), "Mon, 2 Mar 2026 00:00:00 -0330");

  const auto leap = ScenarioClock::from_iso8601("2028-02-28T23:00:00Z");
  EXPECT_EQ(leap.date(1h), "Tue, 29 Feb 2028 00:00:00 +0000");
  EXPECT_EQ(leap.date(25h), "Wed, 1 Mar 2028 00:00:00 +0000");

  const auto kiribati = ScenarioClock::from_iso8601("2026-12-31 23:59:59+14:00");
  EXPECT_EQ(kiribati.date(1s), "Fri, 1 Jan 2027 00:00:00 +1400");
  EXPECT_EQ(format_date({sys_days(1999y / December / 31) + 23h + 59min + 59s, -8h}),
            "Fri, 31 Dec 1999 15:59:59 -0800");
}

TEST(Date, Iso8601RoundTripAndErrors) {
  const auto d = parse_iso8601("2026-03-02T09:00:00+01:00");
  EXPECT_EQ(format_iso8601(d), "2026-03-02T09:00:00+01:00");
  EXPECT_EQ(format_iso8601(parse_iso8601("2026-03-02t08:00:00z")), "2026-03-02T08:00:00+00:00");
  for (const std::string_view bad :
       {"", "2026-03-02", "2026-03-02T09:00:00", "2026-02-30T09:00:00Z", "2026-03-02T24:00:00Z",
        "2026-03-02T09:00:00+0100", "2026-03-02T09:00:00+01:60", "2026-03-02T09:00:00+24:00",
        "26-03-02T09:00:00Z", "2026-03-02T09:00:00Zjunk"}) {
    EXPECT_THROW(parse_iso8601(bad), DateError) << bad;
  }
  try {
    parse_iso8601("tomorrow");
  } catch (const DateError& e) {
    EXPECT_EQ(e.text().render(Lang::fr),
              "« tomorrow » n'est pas un instant de départ : écrivez-le comme "
              "2026-03-02T09:00:00+01:00 ou 2026-03-02T08:00:00Z");
  }
  EXPECT_THROW(ScenarioClock(sys_seconds{}, 24h), DateError);
  EXPECT_THROW(format_date({sys_days(1800y / January / 1), 0min}), DateError);
}

TEST(Date, ParsesWhatMailersWrite) {
  const DateTime nine_paris{sys_days(2026y / March / 2) + 8h, 60min};
  EXPECT_EQ(parse_date("Mon, 2 Mar 2026 09:00:00 +0100"), nine_paris);
  EXPECT_EQ(parse_date("Mon,  2 Mar 2026 09:00:00 +0100 (CET)"), nine_paris);
  EXPECT_EQ(parse_date("02 mar 2026 09:00:00 +0100"), nine_paris);
  EXPECT_EQ(parse_date("Mon, 2 Mar 2026\r\n 09:00:00 +0100"), nine_paris);
  EXPECT_EQ(parse_date("Mon, 2 Mar 26 08:00 GMT"), (DateTime{nine_paris.utc, 0min}));
  EXPECT_EQ(parse_date("2 Mar 2026 03:00:00 EST"), (DateTime{nine_paris.utc, -5h}));
  EXPECT_EQ(parse_date("2 Mar 2026 08:00:00"), (DateTime{nine_paris.utc, 0min}));
  EXPECT_EQ(parse_date("31 Dec 99 23:59:60 +0000")->utc,
            sys_days(1999y / December / 31) + 23h + 59min + 59s);
  for (const std::string_view bad :
       {"", "Mon,", "Foo, 2 Mar 2026 09:00:00 +0100", "2 Foo 2026 09:00:00 +0100",
        "29 Feb 2026 09:00:00 +0000", "32 Mar 2026 09:00:00 +0000", "2 Mar 2026 24:00:00 +0000",
        "2 Mar 2026 9:00:00 +0000", "2 Mar 2026 09:00:00 +01", "2 Mar 2026 09:00:00 CEST",
        "2 Mar 2026 09:00:00 +0100 extra", "2 Mar 20266 09:00:00 +0000"}) {
    EXPECT_FALSE(parse_date(bad).has_value()) << bad;
  }
}

TEST(Date, FormatAndParseAgreeForManyInstants) {
  for (int i = 0; i < 200; ++i) {
    const DateTime d{sys_days(2026y / January / 1) + hours(i * 37) + seconds(i * 4099),
                     minutes((i % 27 - 13) * 60 + (i % 2) * 30)};
    const auto text = format_date(d);
    EXPECT_EQ(parse_date(text), d) << text;
  }
}

TEST(MessageId, DeterministicFromTimeHostAndCounter) {
  const ScenarioClock clock;
  MessageIdGenerator ids("mx.a.example");
  EXPECT_EQ(ids.next(clock, 250us), "<20260302080000.000250.1@mx.a.example>");
  EXPECT_EQ(ids.next(clock, 250us), "<20260302080000.000250.2@mx.a.example>");
  EXPECT_EQ(ids.next(clock, 26h + 1s), "<20260303100001.000000.3@mx.a.example>");
  MessageIdGenerator again("mx.a.example");
  EXPECT_EQ(again.next(clock, 250us), "<20260302080000.000250.1@mx.a.example>");
}

#pragma once
// Catalog entries of the kernel layer (English and French).
#include <array>

#include "sim/text.hpp"

namespace mailsim::sim::msg {

inline constexpr Message kTimeEmpty{
    "time.empty", "a time is needed here, for example 5s, 250ms, 1h30min or 00:05:00",
    "il faut une durée ici, par exemple 5s, 250ms, 1h30min ou 00:05:00"};
inline constexpr Message kTimeUnknownUnit{
    "time.unknown_unit",
    "'{input}': unknown time unit '{unit}'; use one of {units} (for example 250ms, 1h30min or "
    "00:05:00)",
    "« {input} » : unité de temps « {unit} » inconnue ; utilisez {units} (par exemple 250ms, "
    "1h30min ou 00:05:00)"};
inline constexpr Message kTimeMissingUnit{
    "time.missing_unit",
    "'{input}': the number {number} has no unit; write it with one of {units}, for example "
    "{number}s",
    "« {input} » : le nombre {number} n'a pas d'unité ; ajoutez {units}, par exemple {number}s"};
inline constexpr Message kTimeBadNumber{
    "time.bad_number", "'{input}': expected a number at '{rest}', for example 5s or 1h30min",
    "« {input} » : un nombre est attendu à « {rest} », par exemple 5s ou 1h30min"};
inline constexpr Message kTimeBadClock{
    "time.bad_clock",
    "'{input}': a clock time is written HH:MM:SS or HH:MM:SS.ffffff, with minutes and seconds "
    "below 60, optionally after a day count such as '1d 02:00:00'",
    "« {input} » : une heure s'écrit HH:MM:SS ou HH:MM:SS.ffffff, minutes et secondes inférieures "
    "à 60, éventuellement après un nombre de jours comme « 1d 02:00:00 »"};
inline constexpr Message kTimeOutOfRange{
    "time.out_of_range", "'{input}': this time is too large (the limit is about 290,000 years)",
    "« {input} » : cette durée est trop grande (la limite est d'environ 290 000 ans)"};
inline constexpr Message kScheduleInPast{
    "sim.schedule_in_past", "an event was scheduled at {at}, before the current time {now}",
    "un événement a été programmé à {at}, avant l'heure courante {now}"};
inline constexpr Message kQuantityBadNumber{
    "units.bad_number",
    "'{input}': expected a number followed by a unit ({units}), for example {example}",
    "« {input} » : il faut un nombre suivi d'une unité ({units}), par exemple {example}"};
inline constexpr Message kQuantityTooLarge{"units.too_large", "'{input}': this value is too large",
                                           "« {input} » : cette valeur est trop grande"};
inline constexpr Message kSizeUnknownUnit{
    "units.size_unknown_unit",
    "'{input}': unknown size unit '{unit}'; use one of {units} (for example 1500B, 25MB or 10MiB)",
    "« {input} » : unité de taille « {unit} » inconnue ; utilisez {units} (par exemple 1500o, "
    "25Mo ou 10Mio)"};
inline constexpr Message kBandwidthUnknownUnit{
    "units.bandwidth_unknown_unit",
    "'{input}': unknown bandwidth unit '{unit}'; use one of {units} (for example 10Mbps)",
    "« {input} » : unité de débit « {unit} » inconnue ; utilisez {units} (par exemple "
    "10Mbit/s)"};
inline constexpr Message kBandwidthMissingUnit{
    "units.bandwidth_missing_unit",
    "'{input}': a bandwidth needs a unit ({units}), for example 10Mbps: a bare number could mean "
    "bits or bytes",
    "« {input} » : un débit a besoin d'une unité ({units}), par exemple 10Mbit/s : un nombre seul "
    "pourrait compter des bits ou des octets"};

// The clock form's days, as each language abbreviates them: "5d 00:55:30", "5j 00:55:30".
inline constexpr Message kClockDays{"sim.time.clock_days", "{days}d ", "{days}j "};
// A whole time in the clock form: its sign, its days (kClockDays, or nothing), the clock.
inline constexpr Message kClockTime{"sim.time.clock", "{sign}{days}{clock}", "{sign}{days}{clock}"};

inline constexpr std::array kAll{&kClockDays,
                                 &kClockTime,
                                 &kTimeEmpty,
                                 &kTimeUnknownUnit,
                                 &kTimeMissingUnit,
                                 &kTimeBadNumber,
                                 &kTimeBadClock,
                                 &kTimeOutOfRange,
                                 &kScheduleInPast,
                                 &kQuantityBadNumber,
                                 &kQuantityTooLarge,
                                 &kSizeUnknownUnit,
                                 &kBandwidthUnknownUnit,
                                 &kBandwidthMissingUnit};

}  // namespace mailsim::sim::msg

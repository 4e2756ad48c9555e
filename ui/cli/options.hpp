#pragma once
// The command line's grammar (CLI11): commands, options, their help in English or French, and
// the checks of the values CLI11 cannot explain in both languages (--seed, --until).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "sim/text.hpp"
#include "sim/time.hpp"

namespace mailsim::cli {

struct Options {
  std::string command;   // run, serve, report, list, show, check, validate, exercise, grade...
  std::string scenario;  // run, report, show, check, validate: a file or a built-in scenario
  std::string lang;      // --lang, empty when not given
  bool quiet = false;
  std::optional<std::string> until;  // run: as typed, checked by parse_until
  std::optional<std::string> seed;   // run, check: as typed, checked by parse_seed
  std::string format = "text";
  std::optional<std::string> level;  // run: story, protocol or packets; story when not given
  bool packets = false;              // run: the same as --level packets
  bool transcript = false;
  bool show_messages = false;          // run: each mailbox's messages after the run
  bool expand = false;                 // show: a population written out as plain YAML
  bool full_data = false;              // run: messages in full, in the transcript and the mailboxes
  std::optional<std::string> journey;  // run: a Message-ID, or N for the run's Nth message
  std::optional<std::string> svg;      // run: where --journey writes its chart
  std::optional<std::string> pcap;     // run: the capture file
  std::optional<std::string> capture_at;  // run: all, a host or a link; checked by run
  std::string output;  // report: the HTML file; exercise make: the copy, or the copies' folder
  // serve: the addresses to listen on, the simulated server, the speed and the limits.
  std::optional<std::string> smtp, pop3, imap;
  std::string host;
  std::optional<std::string> speed;
  std::optional<std::size_t> max_connections;
  std::optional<std::string> idle_timeout;
  // exercise make: the lesson is `scenario`.
  std::vector<std::string> hide;
  std::vector<std::string> cuts;
  std::optional<std::string> variants;  // as typed, checked by the command
  std::optional<std::string> students;  // a file of names
  bool seed_from_name = false;
  // grade (and grade-file, the process that grades one file): the lesson and the files.
  std::string against;
  std::vector<std::string> files;
  std::string time_limit = "20s";
  std::string memory_limit = "2048";
  std::string jobs;     // `grade`: files graded at once (empty: one per processor core)
  bool no_tls = false;  // serve: STARTTLS not offered to real clients
  std::optional<std::string> cert, key;  // serve: PEM files instead of a self-signed certificate
};

// The language of messages: --lang anywhere on the line (so that --help obeys it too), else
// LC_ALL, LC_MESSAGES, LANG (French when they start with "fr"), else English.
Lang language(int argc, char** argv);

// Fills `out`; returns an exit status when there is nothing left to do: after --help or
// --version (0), or a mistake CLI11 reported (2).
std::optional<int> parse_command_line(int argc, char** argv, Lang lang, Options& out);

// A whole number from 0 to 2^64-1, digits only; false, with the reason on standard error,
// otherwise. Not given: true, and `out` stays empty.
bool parse_seed(const std::optional<std::string>& text, Lang lang,
                std::optional<std::uint64_t>& out);
// A time after the start of the run, in any form sim::parse_time reads; as parse_seed.
bool parse_until(const std::optional<std::string>& text, Lang lang,
                 std::optional<sim::SimTime>& out);

}  // namespace mailsim::cli

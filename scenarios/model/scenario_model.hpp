#pragma once
// A whole scenario as written in its file. The loader fills it, the builder runs it, the
// writer saves it back.
#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "scenarios/model/expectation_model.hpp"
#include "scenarios/model/localized_text.hpp"
#include "scenarios/model/mail_model.hpp"
#include "scenarios/model/network_model.hpp"
#include "scenarios/model/population_model.hpp"
#include "scenarios/model/question_model.hpp"
#include "sim/time.hpp"

namespace mailsim::scenarios {

// The largest attached file a scenario may ask for: a run holds each message in memory, several
// times over while it is sent (about five times its size), and real servers refuse far smaller
// ones (10MB to 50MB is usual).
inline constexpr std::uint64_t kMaxAttachment = 100'000'000;

// The longest time a scenario may name (an instant, a delay, --until): 100 years of 365 days.
// Every sum of two such times fits a SimTime many times over.
inline constexpr sim::SimTime kMaxScenarioTime = std::chrono::hours(24 * 365 * 100);
inline constexpr const char* kMaxScenarioTimeText = "36500d";

// ---- Timeline actions
struct SetLinkUp {
  std::string link;
  bool up = true;
  bool operator==(const SetLinkUp&) const = default;
};
struct SetHostUp {
  std::string host;
  bool up = true;
  bool operator==(const SetHostUp&) const = default;
};
struct ChangeLink {
  std::string link;
  sim::net::LinkParams params;  // starts from the link's parameters in the file
  bool operator==(const ChangeLink&) const = default;
};
// A person typing at a terminal, like the article's telnet test: one line every `pause`.
// A named session (the window's console names its sessions) is opened by its first entry;
// a later entry with the same name types more lines into it and has no from, to or port.
struct TypedSessionAction {
  std::string session;  // optional name
  std::string from;     // host (empty when continuing a named session)
  std::string to;       // host name or address
  std::uint16_t port = 25;
  std::vector<std::string> lines;
  sim::SimTime pause = std::chrono::seconds(1);
  bool operator==(const TypedSessionAction&) const = default;
};
// SMTP smuggling: a second message hidden after "<LF>.<CR><LF>" in the body of the first, with
// its own envelope, that a lenient server takes for a message of its own.
struct SmuggledMail {
  std::string mail_from;
  std::string to;
  std::string from;  // the From: header it shows
  std::string subject;
  std::string body;
  bool operator==(const SmuggledMail&) const = default;
};

// A person writes a message in a mail client, which submits it by SMTP. Either `client` names a
// client of the `mail` section (its server and login come from there), or `from` and `server`
// describe a one-off client (port 25 without a login, as a program sending straight to an MX).
struct SendMailAction {
  std::string client;  // a mail client's name
  std::string from;    // the client's host (one-off client)
  std::string server;  // the server's host (one-off client)
  std::uint16_t port = 25;
  std::string mail_from;  // the envelope sender; defaults to the client's address
  std::vector<std::string> to;
  std::vector<std::string> cc;
  std::string user;  // logs in (AUTH) with these when set: submission on port 587
  std::string password;
  std::string subject = "Hello";
  std::string body = "Hello!";
  std::uint64_t attachment = 0;  // bytes of an attached file, at most kMaxAttachment
  std::optional<SmuggledMail> smuggle;
  bool operator==(const SendMailAction&) const = default;
};
// The DNS administrator changes one RRset (a name and a type) of a zone: the new records, in
// zone-file lines; none removes it.
struct ChangeDnsAction {
  std::string zone;                // "b.example."
  std::vector<std::string> lines;  // "mx.b.example. 300 A 198.51.100.25"
  std::string name;                // when removing: the owner ("mx.b.example." or "@")
  std::string type;                // when removing: "A", "MX"...
  bool operator==(const ChangeDnsAction&) const = default;
};
// A mail client fetches the mail of its user now (POP3 or IMAP, as configured).
struct FetchMailAction {
  std::string client;
  bool operator==(const FetchMailAction&) const = default;
};
using Action = std::variant<SetLinkUp, SetHostUp, ChangeLink, TypedSessionAction, SendMailAction,
                            FetchMailAction, ChangeDnsAction>;

struct TimelineEntry {
  sim::SimTime at{0};
  Action action;
  SourcePos pos;
  bool operator==(const TimelineEntry&) const = default;
};

struct ScenarioModel {
  std::string file;
  LocalizedText title;
  LocalizedText description;
  std::uint64_t seed = 1;
  std::int64_t start_unix_seconds = 0;   // wall-clock time of simulated 00:00:00, UTC
  int start_utc_offset_minutes = 0;      // the zone the scenario's dates are shown in
  std::optional<sim::SimTime> duration;  // how long `mailsim run` runs by default
  // An exercise's copy: the key of its world (`mailsim exercise make --variants/--students`),
  // which the grader uses to rebuild the teacher's expectations for that world. Empty otherwise.
  std::string variant;
  // A crowd written in a few lines; what it generates is in network, mail and timeline too,
  // each thing at the section's position (scenarios/population/population.hpp).
  std::optional<PopulationModel> population;
  NetworkModel network;
  MailModel mail;
  std::vector<TimelineEntry> timeline;
  std::vector<ExpectationEntry> expectations;
  std::vector<Question> questions;  // lesson mode (the window)
  // Compares `file` and the source positions too: compare copies with them cleared to ask
  // whether two scenarios say the same thing.
  bool operator==(const ScenarioModel&) const = default;
};

}  // namespace mailsim::scenarios

#pragma once
// A whole scenario as written in its file. The loader fills it, the builder runs it, the
// writer saves it back.
#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "scenarios/model/expectation_model.hpp"
#include "scenarios/model/mail_model.hpp"
#include "scenarios/model/network_model.hpp"
#include "sim/time.hpp"

namespace mailsim::scenarios {

struct LocalizedText {
  std::string en;
  std::string fr;
  const std::string& in(Lang lang) const { return lang == Lang::fr && !fr.empty() ? fr : en; }
};

// ---- Timeline actions
struct SetLinkUp {
  std::string link;
  bool up = true;
};
struct SetHostUp {
  std::string host;
  bool up = true;
};
struct ChangeLink {
  std::string link;
  sim::net::LinkParams params;  // starts from the link's parameters in the file
};
// A person typing at a terminal, like the article's telnet test: one line every `pause`.
struct TypedSessionAction {
  std::string from;  // host
  std::string to;    // host name or address
  std::uint16_t port = 25;
  std::vector<std::string> lines;
  sim::SimTime pause = std::chrono::seconds(1);
};
// A mail client hands a message to a mail server by SMTP (port 25), as in the article.
struct SendMailAction {
  std::string from;    // the client's host
  std::string server;  // the server's host
  std::uint16_t port = 25;
  std::string mail_from;
  std::vector<std::string> to;
  std::string user;  // logs in (AUTH) with these when set: submission on port 587
  std::string password;
  std::string subject = "Hello";
  std::string body = "Hello!";
};
using Action = std::variant<SetLinkUp, SetHostUp, ChangeLink, TypedSessionAction, SendMailAction>;

struct TimelineEntry {
  sim::SimTime at{0};
  Action action;
  SourcePos pos;
};

struct ScenarioModel {
  std::string file;
  LocalizedText title;
  LocalizedText description;
  std::uint64_t seed = 1;
  std::int64_t start_unix_seconds = 0;   // wall-clock time of simulated 00:00:00, UTC
  int start_utc_offset_minutes = 0;      // the zone the scenario's dates are shown in
  std::optional<sim::SimTime> duration;  // how long `mailsim run` runs by default
  NetworkModel network;
  MailModel mail;
  std::vector<TimelineEntry> timeline;
  std::vector<ExpectationEntry> expectations;
};

}  // namespace mailsim::scenarios

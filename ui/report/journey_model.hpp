#pragma once
// A message's journey as a sequence chart: one lifeline per host that took part (the writer's
// mail client, the submission server, relays, DNS servers, the mailbox server, the reader's mail
// client), and in time order an arrow for each SMTP command and reply, each DNS question and
// answer, each POP3 or IMAP line, with notes for what a host did alone (queued, deferred, filed
// into a mailbox). Long waits (retries, a reader who fetches later) are kept as gaps with their
// duration, so that the second of a hand-over and the hours between tries both fit.
//
// A pure function of the trace's copies (JourneyLog): the window draws it (ui/gui), the SVG
// writer (journey_svg) prints it, and `mailsim run --journey` writes that SVG.
#include <cstdint>
#include <string>
#include <vector>

#include "agents/narration/narrator.hpp"
#include "sim/text.hpp"
#include "sim/time.hpp"
#include "ui/report/journey_log.hpp"

namespace mailsim::report {

// A message the chart can follow: its Message-ID, its sender and first recipient, its subject.
struct TracedMessage {
  std::string message_id;
  std::string sender;  // empty: a bounce (the null reverse-path)
  std::string recipient;
  std::string subject;
  sim::SimTime first{0};
};
// In the order they first appeared.
std::vector<TracedMessage> traced_messages(const JourneyLog& log);

struct Lifeline {
  std::string host;
  std::string roles;  // in the article's words, "MSA, MTA"; "DNS" for a name server
};

// What a step of the chart shows; the colours follow the window's packets.
enum class Channel : std::uint8_t { smtp, dns, retrieval, connection, note, failure };

struct ChartStep {
  enum class Type : std::uint8_t { arrow, note, gap };
  // What the step means for the message's fate, for the time axis of its tries (tries_axis):
  // an SMTP connection opened is a try; the notes after it say how it ended.
  enum class Moment : std::uint8_t {
    none,
    composed,
    queued,
    attempt,
    failed,
    deferred,
    delivered,
    bounced,
    fetch
  };
  Type type = Type::arrow;
  Moment moment = Moment::none;
  sim::SimTime at{0};
  int from = -1, to = -1;  // lifelines; a note is on `from`
  Channel channel = Channel::smtp;
  std::string label;    // "MAIL FROM", "250", "MX?"
  std::string detail;   // the whole line or question, for a tooltip
  sim::SimTime gap{0};  // a gap: how long nothing happened
};

struct JourneyChart {
  std::string message_id;
  std::string title;  // "alice@a.example -> bob@b.example: Bonjour Bob"
  std::vector<Lifeline> lifelines;
  std::vector<ChartStep> steps;  // in time order; a gap between two steps far apart
};

// Steps further apart than this are separated by a gap.
inline constexpr sim::SimTime kChartGap = std::chrono::seconds(2);

// The chart of `message_id` as far as the log goes; no lifeline when the log never saw it.
// `roles`: each host's roles in the article (scenarios::article_roles).
JourneyChart journey_chart(const JourneyLog& log, const std::string& message_id,
                           const agents::HostRoles& roles, Lang lang);

// The label of a protocol line on an arrow: "MAIL FROM", "250", "RETR", "FETCH".
std::string line_label(agents::DialogueProtocol protocol, bool client, std::string_view line);

}  // namespace mailsim::report

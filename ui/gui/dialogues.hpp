#pragma once
// The window's Dialogues panel model: every SMTP, POP3 and IMAP connection (typed sessions too)
// with its lines in order, who said each, the session's state and, for an SMTP reply, its code.
// The lines are the command line's transcript (ui/cli/transcript), taken from the side that
// tells each connection; each record is read once, and its lines kept in English and French so
// that the language can change while the run goes on.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "agents/journey/dialogue_records.hpp"
#include "agents/narration/reply_codes.hpp"
#include "sim/trace.hpp"
#include "ui/cli/transcript.hpp"

namespace mailsim::gui {

struct DialogueLine {
  sim::SimTime at{0};
  bool client = false;  // the client speaks (else the server)
  std::string text[2];  // by language (Lang::en, Lang::fr): only summed-up content differs
  std::optional<agents::ReplyCode> reply;  // an SMTP reply's code, explained on hover
  const std::string& in(Lang lang) const { return text[lang == Lang::fr ? 1 : 0]; }
};

struct Dialogue {
  std::uint64_t conn = 0;
  std::string connection;  // "alice-pc -> smtp.a.example:587"
  agents::DialogueProtocol protocol = agents::DialogueProtocol::smtp;
  std::string state;  // the server's session state (RCPT, TRANSACTION...), else the client's
  bool server_state = false;
  std::vector<DialogueLine> lines;
};

class Dialogues {
 public:
  explicit Dialogues(sim::Trace& trace);
  ~Dialogues();
  Dialogues(const Dialogues&) = delete;
  Dialogues& operator=(const Dialogues&) = delete;

  // In the order the connections said their first line.
  const std::vector<Dialogue>& all() const { return dialogues_; }

 private:
  void on_record(const sim::TraceRecord& r);
  Dialogue& dialogue(std::uint64_t conn);

  sim::Trace& trace_;
  cli::Transcript transcript_{Lang::en};
  std::vector<Dialogue> dialogues_;
  std::map<std::uint64_t, std::size_t> index_;  // connection id -> dialogues_
  sim::Trace::SubscriptionId subscription_;
};

}  // namespace mailsim::gui

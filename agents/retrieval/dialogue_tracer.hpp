#pragma once
// Turns what a POP3 or IMAP session tells of its dialogue (proto::mailbox::DialogueEvent) into
// the retrieval records (retrieval_records.hpp), as SmtpDialogueTracer does for SMTP: one
// record per line, and a message the server sends (a POP3 RETR or TOP answer between "+OK"
// and ".", an IMAP literal) told once, with its line and byte counts. A literal the client
// sends (APPEND's message) is told in its lines, as a person typing it would show it.
#include <string>

#include "agents/journey/dialogue_tracer.hpp"
#include "agents/proto/mailbox/dialogue_event.hpp"
#include "agents/retrieval/retrieval_records.hpp"

namespace mailsim::agents {

class RetrievalDialogueTracer : public DialogueTracer {
 public:
  // The parties say the protocol and the side, which choose the kinds.
  RetrievalDialogueTracer(sim::Trace& trace, DialogueParties parties);

  void on_event(const proto::mailbox::DialogueEvent& e);

  // The last line received: what a failure quotes.
  const std::string& last_received() const { return last_in_; }

 private:
  std::string last_in_;
};

}  // namespace mailsim::agents

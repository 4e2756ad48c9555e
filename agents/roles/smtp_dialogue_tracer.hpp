#pragma once
// Turns the events an SMTP session reports to its observer into dialogue records
// (smtp_dialogue_records.hpp): each line, each change of state, TLS. The lines of a message
// in DATA are counted, and one content record (lines, octets) comes just before the final dot.
#include "agents/journey/dialogue_tracer.hpp"
#include "agents/proto/smtp/client_session.hpp"
#include "agents/proto/smtp/server_session.hpp"
#include "agents/roles/smtp_dialogue_records.hpp"

namespace mailsim::agents {

class SmtpDialogueTracer : public DialogueTracer {
 public:
  // The parties say the side, which chooses the kinds.
  SmtpDialogueTracer(sim::Trace& trace, DialogueParties parties);

  void on_event(const proto::smtp::ServerEvent& e);
  void on_event(const proto::smtp::ClientEvent& e);

 private:
  void data_line(std::string_view line);
};

}  // namespace mailsim::agents

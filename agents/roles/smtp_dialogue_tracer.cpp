#include "agents/roles/smtp_dialogue_tracer.hpp"

#include "agents/proto/smtp/crlf_lines.hpp"

namespace mailsim::agents {

namespace smtp = proto::smtp;

namespace {

DialogueKinds smtp_kinds(DialogueSide side) {
  if (side == DialogueSide::client)
    return {&kinds::kSmtpClientSent, &kinds::kSmtpClientReceived, &kinds::kSmtpClientContent,
            &kinds::kSmtpClientState};
  return {&kinds::kSmtpServerSent, &kinds::kSmtpServerReceived, &kinds::kSmtpServerContent,
          &kinds::kSmtpServerState};
}

}  // namespace

SmtpDialogueTracer::SmtpDialogueTracer(sim::Trace& trace, DialogueParties parties)
    : DialogueTracer(trace, parties, smtp_kinds(parties.side)) {}

// Inside DATA every line but the lone dot is message content. A lone dot that does not end
// the message (a bare LF before it) gets its own summary too: the transcript shows it.
void SmtpDialogueTracer::data_line(std::string_view text) {
  if (text != ".") return DialogueTracer::content_line(text);
  content_end();
  const bool client = parties().side == DialogueSide::client;
  client ? sent(text) : received(text);
}

void SmtpDialogueTracer::on_event(const smtp::ServerEvent& e) {
  if (!active()) return;
  using Kind = smtp::ServerEvent::Kind;
  switch (e.kind) {
    case Kind::line_in:
      return received(e.text);
    case Kind::line_out:
      return sent(e.text);
    case Kind::content_in:
      return smtp::for_each_crlf_line(e.text, [this](std::string_view line) { data_line(line); });
    case Kind::transition:
      return state(state_name(e.from), state_name(e.to));
    case Kind::policy_query:  // the endpoint tells it, with what the question is about
      return;
    case Kind::tls_started:
      return emit(kinds::kSmtpServerTls);
  }
}

void SmtpDialogueTracer::on_event(const smtp::ClientEvent& e) {
  if (!active()) return;
  using Kind = smtp::ClientEvent::Kind;
  switch (e.kind) {
    case Kind::line_out:
      return sent(e.text);
    case Kind::content_out:
      return smtp::for_each_crlf_line(e.text, [this](std::string_view line) { data_line(line); });
    case Kind::line_in:
      return received(e.text);
    case Kind::transition:
      return state(state_name(e.from), state_name(e.to));
    case Kind::tls_started:
      return emit(kinds::kSmtpClientTls);
  }
}

}  // namespace mailsim::agents

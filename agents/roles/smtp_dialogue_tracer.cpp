#include "agents/roles/smtp_dialogue_tracer.hpp"

namespace mailsim::agents {

namespace smtp = proto::smtp;

void SmtpDialogueTracer::line(const sim::TraceKind& kind, std::string_view text) {
  emit(kind, [&](SmtpRecord& r) { r.line = std::string(text); });
}

void SmtpDialogueTracer::transition(const sim::TraceKind& kind, std::string_view from,
                                    std::string_view to) {
  emit(kind, [&](SmtpRecord& r) {
    r.from = std::string(from);
    r.to = std::string(to);
  });
}

// Inside DATA every line but the lone dot is message content. A lone dot that does not end
// the message (a bare LF before it) gets its own summary too: the transcript shows it.
void SmtpDialogueTracer::content_line(std::string_view text, const sim::TraceKind& content_kind,
                                      const sim::TraceKind& line_kind) {
  if (text != ".") {
    ++content_lines_;
    content_bytes_ += text.size() + 2;
    return;
  }
  if (content_lines_ > 0) {
    emit(content_kind, [&](SmtpRecord& r) {
      r.lines = content_lines_;
      r.bytes = content_bytes_;
    });
  }
  content_lines_ = 0;
  content_bytes_ = 0;
  line(line_kind, text);
}

void SmtpDialogueTracer::on_event(const smtp::ServerEvent& e) {
  if (!trace_.active()) return;
  using Kind = smtp::ServerEvent::Kind;
  switch (e.kind) {
    case Kind::line_in:
      if (e.from == smtp::ServerState::data) {
        content_line(e.text, kinds::kSmtpServerContent, kinds::kSmtpServerReceived);
      } else {
        line(kinds::kSmtpServerReceived, e.text);
      }
      break;
    case Kind::line_out:
      line(kinds::kSmtpServerSent, e.text);
      break;
    case Kind::transition:
      transition(kinds::kSmtpServerState, state_name(e.from), state_name(e.to));
      break;
    case Kind::policy_query:
      emit(kinds::kSmtpServerPolicy, [&](SmtpRecord& r) { r.step = std::string(e.text); });
      break;
    case Kind::tls_started:
      emit(kinds::kSmtpServerTls);
      break;
  }
}

void SmtpDialogueTracer::on_event(const smtp::ClientEvent& e) {
  if (!trace_.active()) return;
  using Kind = smtp::ClientEvent::Kind;
  switch (e.kind) {
    case Kind::line_out:
      if (e.from == smtp::ClientState::message) {
        content_line(e.text, kinds::kSmtpClientContent, kinds::kSmtpClientSent);
      } else {
        line(kinds::kSmtpClientSent, e.text);
      }
      break;
    case Kind::line_in:
      line(kinds::kSmtpClientReceived, e.text);
      break;
    case Kind::transition:
      transition(kinds::kSmtpClientState, state_name(e.from), state_name(e.to));
      break;
    case Kind::tls_started:
      emit(kinds::kSmtpClientTls);
      break;
  }
}

}  // namespace mailsim::agents

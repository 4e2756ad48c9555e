#pragma once
// Turns the events an SMTP session reports to its observer into trace records
// (smtp_dialogue_records.hpp). The lines of a message in DATA are not one record each: they
// are counted, and one "content" record (lines, octets) comes just before the final dot, so
// a 10 MB message costs one record, and a transcript stays readable.
#include "agents/proto/smtp/client_session.hpp"
#include "agents/proto/smtp/server_session.hpp"
#include "agents/roles/smtp_dialogue_records.hpp"
#include "sim/trace.hpp"

namespace mailsim::agents {

class SmtpDialogueTracer {
 public:
  SmtpDialogueTracer(sim::Trace& trace, SmtpParties parties)
      : trace_(trace), parties_(std::move(parties)) {}

  SmtpParties& parties() { return parties_; }
  const SmtpParties& parties() const { return parties_; }

  void on_event(const proto::smtp::ServerEvent& e);
  void on_event(const proto::smtp::ClientEvent& e);

  // Publishes a record of `kind` after `fill(record)` has set its own fields; nothing is
  // built when no one listens.
  template <class Fill>
  void emit(const sim::TraceKind& kind, Fill&& fill) {
    if (!trace_.active()) return;
    SmtpRecord r(kind, parties_);
    fill(r);
    trace_.publish(r);
  }
  void emit(const sim::TraceKind& kind) {
    emit(kind, [](SmtpRecord&) {});
  }

 private:
  void content_line(std::string_view line, const sim::TraceKind& content_kind,
                    const sim::TraceKind& line_kind);
  void line(const sim::TraceKind& kind, std::string_view text);
  void transition(const sim::TraceKind& kind, std::string_view from, std::string_view to);

  sim::Trace& trace_;
  SmtpParties parties_;
  std::uint64_t content_lines_ = 0;  // message lines seen since the last summary
  std::uint64_t content_bytes_ = 0;
};

}  // namespace mailsim::agents

#include "agents/retrieval/dialogue_tracer.hpp"

namespace mailsim::agents {

void DialogueTracer::emit(const sim::TraceKind& kind,
                          const std::function<void(RetrievalRecord&)>& fill) const {
  if (!trace_.active()) return;
  RetrievalRecord r(kind);
  r.protocol = parties_.protocol;
  r.conn = parties_.conn;
  r.client = parties_.client;
  r.server = parties_.server;
  if (fill) fill(r);
  trace_.publish(r);
}

void DialogueTracer::split(std::string_view bytes, std::string& pending, bool outgoing) {
  while (!bytes.empty()) {
    const auto lf = bytes.find('\n');
    const std::string_view piece =
        bytes.substr(0, lf == std::string_view::npos ? bytes.size() : lf);
    pending.append(piece);
    if (lf == std::string_view::npos) {
      if (pending.size() >= kMaxTracedLine) {
        line(pending, outgoing);
        pending.clear();
      }
      return;
    }
    if (!pending.empty() && pending.back() == '\r') pending.pop_back();
    line(pending, outgoing);
    pending.clear();
    bytes.remove_prefix(lf + 1);
  }
}

void DialogueTracer::line(std::string_view text, bool outgoing) {
  if (!outgoing) last_in_.assign(text);
  if (!trace_.active()) return;
  const bool server = parties_.side == RetrievalSide::server;
  const sim::TraceKind& kind =
      outgoing ? (server ? kinds::kRetrievalServerSent : kinds::kRetrievalClientSent)
               : (server ? kinds::kRetrievalServerReceived : kinds::kRetrievalClientReceived);
  emit(kind, [&](RetrievalRecord& r) { r.line.assign(text); });
}

}  // namespace mailsim::agents

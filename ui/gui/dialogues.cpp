#include "ui/gui/dialogues.hpp"

namespace mailsim::gui {

Dialogues::Dialogues(sim::Trace& trace)
    : trace_(trace),
      subscription_(trace.subscribe(
          [this](const sim::TraceRecord& r) { on_record(r); },
          sim::Trace::kinds_starting_with({"smtp.", "retrieval.", "typed.", "net.conn.opened"}))) {}

Dialogues::~Dialogues() {
  trace_.unsubscribe(subscription_);
}

Dialogue& Dialogues::dialogue(std::uint64_t conn) {
  auto [it, fresh] = index_.try_emplace(conn, dialogues_.size());
  if (fresh) dialogues_.emplace_back().conn = conn;
  return dialogues_[it->second];
}

void Dialogues::on_record(const sim::TraceRecord& r) {
  const auto lines = transcript_.lines(r);
  const auto* record = dynamic_cast<const agents::DialogueRecord*>(&r);
  if (record == nullptr || record->parties.conn == 0) return;
  const auto& parties = record->parties;
  if (const auto* s = dynamic_cast<const agents::DialogueStateRecord*>(&r)) {
    // The server's state names the step of the protocol (RCPT, DATA); a client's, when the
    // server tells nothing (a typed session's server is the one that does).
    const bool server = parties.side == agents::DialogueSide::server;
    Dialogue& d = dialogue(parties.conn);
    if (server || !d.server_state) {
      d.state = std::string(s->to);
      d.server_state = server;
    }
    return;
  }
  if (lines.empty()) return;
  Dialogue& d = dialogue(lines.front().conn);
  if (d.connection.empty()) {
    d.connection = lines.front().connection;
    d.protocol = parties.protocol;
  }
  const bool smtp_like = parties.protocol == agents::DialogueProtocol::smtp ||
                         parties.protocol == agents::DialogueProtocol::typed;
  for (const auto& l : lines) {
    DialogueLine line{r.time(), l.client_speaks, {l.text, l.in(Lang::fr)}, std::nullopt};
    if (!line.client && !l.content && smtp_like) line.reply = agents::parse_reply_code(l.text);
    d.lines.push_back(std::move(line));
  }
}

}  // namespace mailsim::gui

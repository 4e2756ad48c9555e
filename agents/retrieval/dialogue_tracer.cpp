#include "agents/retrieval/dialogue_tracer.hpp"

namespace mailsim::agents {

namespace mailbox = proto::mailbox;

namespace {

DialogueKinds retrieval_kinds(DialogueSide side) {
  if (side == DialogueSide::client)
    return {&kinds::kRetrievalClientSent, &kinds::kRetrievalClientReceived,
            &kinds::kRetrievalClientContent, nullptr};
  return {&kinds::kRetrievalServerSent, &kinds::kRetrievalServerReceived,
          &kinds::kRetrievalServerContent, &kinds::kRetrievalServerState};
}

}  // namespace

RetrievalDialogueTracer::RetrievalDialogueTracer(sim::Trace& trace, DialogueParties parties)
    : DialogueTracer(trace, parties, retrieval_kinds(parties.side)) {}

void RetrievalDialogueTracer::on_event(const mailbox::DialogueEvent& e) {
  using Kind = mailbox::DialogueEvent::Kind;
  if (e.kind == Kind::line_in) last_in_.assign(e.text);
  if (!active()) return;
  const bool server_side = parties().side == DialogueSide::server;
  switch (e.kind) {
    case Kind::line_in:
      return received(e.text);
    case Kind::line_out:
      return sent(e.text);
    case Kind::content_in:
    case Kind::content_out:
      if ((e.kind == Kind::content_out) == server_side) {  // from the server: a message
        count(e.lines, e.bytes, e.text);
        return content_end();
      }
      return mailbox::for_each_line(e.text, [&](std::string_view line) {
        e.kind == Kind::content_out ? sent(line) : received(line);
      });
  }
}

}  // namespace mailsim::agents

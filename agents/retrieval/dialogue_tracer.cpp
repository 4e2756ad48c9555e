#include "agents/retrieval/dialogue_tracer.hpp"

#include <algorithm>

#include "agents/proto/imap/literal_reader.hpp"
#include "sim/strings.hpp"

namespace mailsim::agents {

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

void RetrievalDialogueTracer::split(std::string_view bytes, std::string& pending, bool outgoing) {
  while (!bytes.empty()) {
    if (literal_left_ > 0 && from_server(outgoing)) {
      bytes = literal(bytes);
      continue;
    }
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

// Counts the literal's bytes and lines (a last line without its LF counts too).
std::string_view RetrievalDialogueTracer::literal(std::string_view bytes) {
  const std::size_t n = std::min<std::uint64_t>(literal_left_, bytes.size());
  std::uint64_t lines = 0;
  for (char c : bytes.substr(0, n)) {
    if (content_at_line_start_) ++lines;
    content_at_line_start_ = c == '\n';
  }
  count(lines, n);
  literal_left_ -= n;
  if (literal_left_ == 0) content_end();
  return bytes.substr(n);
}

void RetrievalDialogueTracer::line(std::string_view text, bool outgoing) {
  if (!outgoing) last_in_.assign(text);
  if (from_server(outgoing)) return server_line(text, outgoing);
  if (pop3()) commands_.emplace_back(text);
  record_line(text, outgoing);
}

void RetrievalDialogueTracer::server_line(std::string_view text, bool outgoing) {
  if (!pop3()) {
    record_line(text, outgoing);
    if (auto n = proto::imap::trailing_literal_size(text); n && *n > 0) {
      literal_left_ = *n;
      content_at_line_start_ = true;
    }
    return;
  }
  if (body_ != Body::none) {
    if (text == ".") {
      if (body_ == Body::message) content_end();
      body_ = Body::none;
    } else if (body_ == Body::message) {
      content_line(text);  // as sent: dot-stuffed, with CRLF
      return;
    }
    return record_line(text, outgoing);
  }
  // Every command gets one status line, in order (the greeting answers none).
  const bool ok = text.starts_with("+OK");
  if ((ok || text.starts_with("-ERR")) && !commands_.empty()) {
    if (ok) body_ = pop3_body(commands_.front());
    commands_.pop_front();
  }
  record_line(text, outgoing);
}

// What a POP3 command's "+OK" opens: a message (RETR, TOP), a listing (LIST or UIDL without
// an argument, CAPA), or nothing more.
RetrievalDialogueTracer::Body RetrievalDialogueTracer::pop3_body(std::string_view command) {
  const auto space = command.find(' ');
  const std::string verb = to_upper(command.substr(0, space));
  const bool argument = space != std::string_view::npos;
  if (verb == "RETR" || verb == "TOP") return Body::message;
  if (verb == "CAPA" || ((verb == "LIST" || verb == "UIDL") && !argument)) return Body::listing;
  return Body::none;
}

void RetrievalDialogueTracer::record_line(std::string_view text, bool outgoing) {
  outgoing ? sent(text) : received(text);
}

}  // namespace mailsim::agents

#pragma once
// One side's report of one dialogue (dialogue_records.hpp): the endpoint gives the parties and
// the kinds its side reports under, then tells each line, state change and content as it
// happens. The lines of a message's content are not one record each: they are counted and
// told in one content record, so a 10 MB message costs one record and a transcript stays
// readable. Nothing is built when no one listens.
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>

#include "agents/journey/dialogue_records.hpp"
#include "sim/trace.hpp"

namespace mailsim::agents {

// The kinds one side of one protocol reports its dialogue under (null: never reported).
struct DialogueKinds {
  const sim::TraceKind* sent = nullptr;
  const sim::TraceKind* received = nullptr;
  const sim::TraceKind* content = nullptr;
  const sim::TraceKind* state = nullptr;
};

class DialogueTracer {
 public:
  DialogueTracer(sim::Trace& trace, DialogueParties parties, DialogueKinds kinds)
      : trace_(trace), parties_(std::move(parties)), kinds_(kinds) {}

  DialogueParties& parties() { return parties_; }
  const DialogueParties& parties() const { return parties_; }
  bool active() const { return trace_.active(); }

  void sent(std::string_view line) { emit<DialogueLineRecord>(*kinds_.sent, line); }
  void received(std::string_view line) { emit<DialogueLineRecord>(*kinds_.received, line); }
  void state(std::string_view from, std::string_view to) {
    emit<DialogueStateRecord>(*kinds_.state, from, to);
  }

  // Content: one line of it as sent (its CRLF counted, the line kept for the record's text),
  // or a run of bytes that holds `lines` lines (and the bytes themselves when at hand);
  // content_end() tells what was counted, if anything, and starts again.
  void content_line(std::string_view line) {
    count(1, line.size() + 2);
    content_text_.append(line).append("\r\n");
  }
  void count(std::uint64_t lines, std::uint64_t bytes, std::string_view text = {}) {
    content_lines_ += lines;
    content_bytes_ += bytes;
    content_text_.append(text);
  }
  void content_end() {
    if (content_lines_ > 0 || content_bytes_ > 0)
      emit<DialogueContentRecord>(*kinds_.content, content_lines_, content_bytes_,
                                  std::string_view(content_text_));
    content_lines_ = 0;
    content_bytes_ = 0;
    std::string().swap(content_text_);  // a 100 MB message's text is not kept after its record
  }

  // A record of shape R (DialogueRecord: the parties alone) and `kind`, with R's own fields.
  template <class R = DialogueRecord, class... Args>
  void emit(const sim::TraceKind& kind, Args&&... args) {
    trace_.emit<R>(kind, parties_, std::forward<Args>(args)...);
  }
  // The session's end, after `fill` has set the fields that tell it.
  template <class Fill>
  void end(const sim::TraceKind& kind, Fill&& fill) {
    if (!trace_.active()) return;
    DialogueEndRecord r(kind, parties_);
    fill(r);
    trace_.publish(r);
  }

 private:
  sim::Trace& trace_;
  DialogueParties parties_;
  DialogueKinds kinds_;
  std::uint64_t content_lines_ = 0;  // content counted since the last content record
  std::uint64_t content_bytes_ = 0;
  std::string content_text_;  // the lines told by content_line() since the last record
};

}  // namespace mailsim::agents

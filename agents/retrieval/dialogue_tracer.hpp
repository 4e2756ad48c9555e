#pragma once
// Cuts the bytes of one retrieval connection into lines, each way, and writes one trace
// record per line: what the side that owns the tracer sent, and what it received. Bytes
// arrive in any split; a line is recorded once its LF has come (CR dropped). A line longer
// than kMaxTracedLine is recorded in pieces of that size, so memory stays bounded.
//
// A message the server sends is told once, with its line and byte counts, as SMTP tells
// DATA: the lines of a POP3 RETR or TOP answer between "+OK" and ".", and an IMAP literal
// (the {n} bytes after a line ending in "{n}"). The protocol lines around it stay lines.
#include <cstdint>
#include <deque>
#include <functional>
#include <string>
#include <string_view>

#include "agents/journey/dialogue_tracer.hpp"
#include "agents/retrieval/retrieval_records.hpp"

namespace mailsim::agents {

class RetrievalDialogueTracer : public DialogueTracer {
 public:
  static constexpr std::size_t kMaxTracedLine = 8192;

  // The parties say the protocol and the side, which choose the kinds.
  RetrievalDialogueTracer(sim::Trace& trace, DialogueParties parties);

  void bytes_sent(std::string_view bytes) { split(bytes, out_, true); }
  void bytes_received(std::string_view bytes) { split(bytes, in_, false); }
  // The last complete line received: what a failure quotes.
  const std::string& last_received() const { return last_in_; }

 private:
  enum class Body : std::uint8_t { none, listing, message };  // a POP3 multi-line answer

  void split(std::string_view bytes, std::string& pending, bool outgoing);
  void line(std::string_view text, bool outgoing);
  void server_line(std::string_view text, bool outgoing);
  std::string_view literal(std::string_view bytes);  // returns what follows it
  void record_line(std::string_view text, bool outgoing);
  static Body pop3_body(std::string_view command);
  bool from_server(bool outgoing) const {
    return outgoing == (parties().side == DialogueSide::server);
  }
  bool pop3() const { return parties().protocol == DialogueProtocol::pop3; }

  std::string out_, in_;  // partial lines
  std::string last_in_;
  std::deque<std::string> commands_;  // POP3 commands awaiting their status line
  Body body_ = Body::none;
  std::uint64_t literal_left_ = 0;     // IMAP literal bytes still to come from the server
  bool content_at_line_start_ = true;  // inside a literal: the last byte was LF
};

}  // namespace mailsim::agents

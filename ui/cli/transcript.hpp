#pragma once
// `mailsim run --transcript`: the SMTP, POP3 and IMAP dialogues line by line, as a student
// reads them in an RFC ("C: EHLO a.example", "S: 250 ..."), each labelled with the connection
// it belongs to, because several sessions interleave in time:
//   [smtp.a.example -> mx.b.example:25] C: MAIL FROM:<alice@a.example>
//
// Each line is taken once, from one side of its connection: the client's when a simulated
// client traces it (an SMTP client, a POP3/IMAP client, or a person typing, as with telnet),
// the server's otherwise (a client that writes no records). The client's side is the one a
// person at the keyboard sees: their command, then the reply when it arrives; and it is the
// only side that shows what a typed session sends in DATA. A simulated client always reports
// its connection (connecting, or the typed session opened) before the server accepts it, so
// the side is known before the first line. Every dialogue record carries its connection's id,
// which is how lines find their connection.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "agents/journey/dialogue_records.hpp"
#include "sim/text.hpp"
#include "sim/trace.hpp"

namespace mailsim::cli {

// One line of a dialogue, as the side that tells its connection saw it.
struct TranscriptLine {
  std::uint64_t conn = 0;
  std::string connection;  // "alice-pc -> mx.b.example:25"
  bool client_speaks = false;
  std::string text;      // the line as a terminal shows it, or the content summed up
  bool content = false;  // a line of a message's content, or its summary (DATA, RETR, a literal)
  // The summary's words when the content is summed up (`text` is them in the transcript's
  // language): the only part of a line that another language would say otherwise.
  std::optional<Text> summary = std::nullopt;
  std::string in(Lang lang) const { return summary ? summary->render(lang) : text; }
};

// A message's content (SMTP DATA) is summed up in one line ("the message itself: 10 lines,
// 338 bytes"), unless it is the point of the lesson: a message typed by hand is shown as typed
// (each line is a line of its session), and a message that holds a bare CR or LF, as in an
// SMTP smuggling attack, is shown line by line with those bytes spelt out. With `full_data`
// (--full-data) every message a program sends is shown in full too.
class Transcript {
 public:
  explicit Transcript(Lang lang, bool full_data = false) : lang_(lang), full_data_(full_data) {}

  // Reads every record (connections are learnt from some); returns the transcript's rows when
  // the record is a dialogue line (or a message's content) of the side that tells its
  // connection: one row, or a message's lines; none otherwise.
  std::vector<std::string> take(const sim::TraceRecord& record);
  // The same lines as data, for who lays them out itself (the window).
  std::vector<TranscriptLine> lines(const sim::TraceRecord& record);

  // A line sent or received, on either side: the transcript shows it instead of a sentence.
  static bool is_dialogue_line(const sim::TraceRecord& record);

  // The line as a terminal can show it: control bytes other than tab are spelt out (<CR>,
  // <0x1B>), everything else is left as it was on the wire.
  static std::string visible(std::string_view line);

 private:
  struct Connection {
    std::string label;  // "alice-pc -> mx.b.example:25"
    bool client_told = false;
  };
  std::string row(const TranscriptLine& line) const;
  bool shown_in_full(const agents::DialogueContentRecord& content) const;

  Lang lang_;
  bool full_data_;
  std::map<std::uint64_t, Connection> connections_;
  std::map<std::uint64_t, std::uint16_t> ports_;  // connection -> the server's port
};

}  // namespace mailsim::cli

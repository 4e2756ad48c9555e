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

#include "sim/text.hpp"
#include "sim/trace.hpp"

namespace mailsim::cli {

// One line of a dialogue, as the side that tells its connection saw it.
struct TranscriptLine {
  std::uint64_t conn = 0;
  std::string connection;  // "alice-pc -> mx.b.example:25"
  bool client_speaks = false;
  std::string text;      // the line as a terminal shows it, or the content summed up
  bool content = false;  // a message's content summed up (DATA, RETR, a literal)
};

class Transcript {
 public:
  explicit Transcript(Lang lang) : lang_(lang) {}

  // Reads every record (connections are learnt from some); returns the line when the record is
  // a dialogue line of the side that tells its connection. The window lays these out itself.
  std::optional<TranscriptLine> line(const sim::TraceRecord& record);

  // Reads every record (connections are learnt from some); returns the transcript line when
  // the record is a dialogue line of the side that tells its connection.
  std::optional<std::string> take(const sim::TraceRecord& record);

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

  Lang lang_;
  std::map<std::uint64_t, Connection> connections_;
  std::map<std::uint64_t, std::uint16_t> ports_;  // connection -> the server's port
};

}  // namespace mailsim::cli

#pragma once
// `mailsim run --transcript`: the SMTP, POP3 and IMAP dialogues line by line, as a student
// reads them in an RFC ("C: EHLO a.example", "S: 250 ..."), each labelled with the connection
// it belongs to, because several sessions interleave in time:
//   [smtp.a.example -> mx.b.example:25] C: MAIL FROM:<alice@a.example>
//
// Each line is taken once, from one side of its connection: the client's when a simulated
// client traces it (an SMTP client, a POP3/IMAP client, or a person typing, as with telnet),
// the server's otherwise (a real client through a bridge). The client's side is the one a
// person at the keyboard sees: their command, then the reply when it arrives; and it is the
// only side that shows what a typed session sends in DATA. A simulated client always reports
// its connection (connecting, or the typed session opened) before the server accepts it, so
// the side is known before the first line.
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>

#include "sim/net/address.hpp"
#include "sim/text.hpp"
#include "sim/trace.hpp"

namespace mailsim::cli {

class Transcript {
 public:
  // Names the host at an address (a typed session only knows the address it dialled).
  using HostName = std::function<std::string(sim::net::Ipv4Address)>;

  Transcript(Lang lang, HostName host_name) : lang_(lang), host_name_(std::move(host_name)) {}

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
  struct ClientOpen {  // a client's end of a connection, from net.conn.opened
    std::uint64_t conn = 0;
    std::string host;
    sim::net::Ipv4Address remote;
    std::uint16_t port = 0;
  };

  std::string label(const std::string& client, const std::string& server, std::uint64_t conn) const;
  Connection& learn(std::uint64_t conn, const std::string& client, const std::string& server,
                    bool client_side);
  std::string row(const Connection& c, bool client_speaks, const std::string& text) const;

  Lang lang_;
  HostName host_name_;
  std::map<std::uint64_t, Connection> connections_;
  std::map<std::uint64_t, std::uint16_t> ports_;    // connection -> the server's port
  std::map<std::string, ClientOpen> client_opens_;  // "host -> address:port" -> latest
  std::map<std::string, std::uint64_t> typed_;      // typed session name -> connection
};

}  // namespace mailsim::cli

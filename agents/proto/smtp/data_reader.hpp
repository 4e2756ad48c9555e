#pragma once
// The server's DATA phase (RFC 5321 4.1.1.4 and 4.5.2): finds the end of the message in a
// stream that arrives in arbitrary pieces, removes the dot-stuffing, normalises line ends to
// CRLF, and notes what must be refused after the final dot (a line too long, a message too
// big, a bare LF in reject mode).
//
// The end-of-data mode is the lesson of SMTP smuggling (CVE-2023-51764): two servers that
// disagree on where a message ends let a sender hide a second message inside the first.
#include <cstddef>
#include <functional>
#include <string>
#include <string_view>

namespace mailsim::proto::smtp {

enum class EndOfDataMode {
  normalize,  // only <CRLF>.<CRLF> ends data; a bare LF elsewhere counts as a line end
  reject,     // as normalize, and a bare LF anywhere makes the message refused (550 5.5.2)
  lenient,    // vulnerable: <LF>.<LF> and <LF>.<CR><LF> also end data
  keep,       // only <CRLF>.<CRLF> ends data, and a bare LF is kept as it came: a server that
              // relays it so (dot_stuff's pass_bare_lf) is the outbound half of smuggling
};
std::string_view mode_name(EndOfDataMode mode);

struct DataLimits {
  // Octets, CRLF included; 0: any length. RFC 5321 4.5.3.1.6 asks clients for at most 1000, but
  // real servers keep longer lines rather than lose mail from clients that do not wrap them:
  // Postfix chops them into line_length_limit (2048) pieces on input and joins them again on
  // delivery; Exim accepts them. A limit makes the message refused after its final dot.
  std::size_t max_line = 0;
  std::size_t max_message = 0;  // octets of unstuffed content; 0 = no limit
};

class DataReader {
 public:
  // Lines as received, each ending in CRLF: a run of whole lines in one call. A line kept
  // short of its full length, or ended by a bare LF, is given as kept, with CRLF.
  using LinesSeen = std::function<void(std::string_view lines)>;

  DataReader(EndOfDataMode mode, DataLimits limits, LinesSeen on_lines = {});

  // Consumes bytes up to and including the end-of-data line; returns how many it used. When
  // finished() turns true the rest of the input belongs to the command phase.
  std::size_t consume(std::string_view bytes);
  bool finished() const { return finished_; }
  // Room for a message of this size (as SIZE= declared it), so that the content does not
  // grow by copies.
  void reserve(std::size_t octets);

  const std::string& content() const { return content_; }  // unstuffed, CRLF line ends
  std::string take_content() { return std::move(content_); }
  std::size_t size() const { return size_; }  // octets of content, counted past the limit
  bool line_too_long() const { return line_too_long_; }
  bool too_big() const { return limits_.max_message != 0 && size_ > limits_.max_message; }
  bool bare_lf_seen() const { return bare_lf_seen_; }

 private:
  std::size_t plain_lines(std::string_view bytes);
  void finish_line(bool crlf);
  void append(std::string_view bytes);

  EndOfDataMode mode_;
  DataLimits limits_;
  LinesSeen on_lines_;
  std::string seen_;             // a line finish_line tells, with its CRLF
  std::string line_;             // the current line, kept up to its limit (a line or the size)
  std::size_t line_length_ = 0;  // its full length so far
  std::size_t keep_ = std::string::npos;  // octets of a line worth keeping
  char last_ = 0;                         // its last octet so far (a CR before the LF makes CRLF)
  bool previous_crlf_ = true;             // how the previous line ended (DATA's own line counts)
  bool finished_ = false;
  bool line_too_long_ = false;
  bool bare_lf_seen_ = false;
  std::size_t size_ = 0;
  std::string content_;
};

// The client's side of 4.5.2: turns a message into the DATA bytes, final "." line included.
// Lines may end in CRLF or a bare LF; each becomes CRLF, a stray CR becomes a space (as
// Postfix's cleanup_replace_stray_cr_lf), and a line starting with "." gets a second one.
// With pass_bare_lf, bare LF and CR pass unchanged and only lines after a CRLF are stuffed,
// which is what a vulnerable outbound server does.
// With a line_limit (Postfix's smtp_line_length_limit, 998 when relaying: postconf(5), "The
// Postfix limit was 990 with Postfix 2.8 and earlier"), a longer line is
// broken after `line_limit` octets by inserting <CR><LF><SPACE> (smtp_proto.c's
// smtp_text_out), so no line sent is over RFC 5321 4.5.3.1.6's 1,000 octets with its CRLF.
std::string dot_stuff(std::string_view message, bool pass_bare_lf = false,
                      std::size_t line_limit = 0);
// False when dot_stuff(message) is the message itself and the final ".\r\n": it is empty or
// ends in CRLF, no line starts with a dot, (unless pass_bare_lf) every CR and LF is part of a
// CRLF, and (with a line_limit) no line is longer. The client then sends the message's own
// bytes instead of a stuffed copy.
bool needs_dot_stuffing(std::string_view message, bool pass_bare_lf = false,
                        std::size_t line_limit = 0);
// Whether any octet has its high bit set (8BITMIME).
bool has_eight_bit(std::string_view bytes);
// How many lines of `message` are longer than `line_limit` octets (without their line end):
// the lines dot_stuff breaks.
std::size_t lines_longer_than(std::string_view message, std::size_t line_limit);

}  // namespace mailsim::proto::smtp

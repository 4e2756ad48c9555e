#pragma once
// The bytes of an SMTP smuggling attack (CVE-2023-51764 and its kin; SEC Consult, "SMTP
// Smuggling - Spoofing E-Mails Worldwide", December 2023): appended after the body of a first
// message, they end its data for a server that accepts <LF>.<CR><LF> and then hold the
// commands and content of a second message with an envelope of the attacker's choosing.
// A server that reads only <CR><LF>.<CR><LF> as the end sees them as text of the first one.
#include <string>
#include <string_view>

namespace mailsim::proto::smtp {

struct SmuggledMessage {
  std::string mail_from;  // the envelope sender, without brackets
  std::string to;         // the envelope recipient and To: field
  std::string from;       // the From: field it shows (the envelope sender when empty)
  std::string subject;
  std::string body;  // LF or CRLF line ends (written CRLF)
};

// "<LF>.<CR><LF>" then MAIL FROM, RCPT TO, DATA and the second message's header and body, each
// line ending in CRLF, without the final dot (the first message's own end closes it). The
// sending client must pass bare LFs unchanged (dot_stuff's pass_bare_lf).
inline constexpr std::string_view kSmuggledEnd = "\n.\r\n";
std::string smuggling_payload(const SmuggledMessage& m);

}  // namespace mailsim::proto::smtp

#include "agents/proto/smtp/smuggling.hpp"

#include "agents/proto/imf/compose.hpp"

namespace mailsim::proto::smtp {

std::string smuggling_payload(const SmuggledMessage& m) {
  const std::string& from = m.from.empty() ? m.mail_from : m.from;
  std::string out(kSmuggledEnd);
  out += "MAIL FROM:<" + m.mail_from + ">\r\nRCPT TO:<" + m.to + ">\r\nDATA\r\n";
  out += "From: " + from + "\r\nTo: " + m.to + "\r\nSubject: " + m.subject + "\r\n\r\n";
  out += imf::to_crlf(m.body);
  return out;
}

}  // namespace mailsim::proto::smtp

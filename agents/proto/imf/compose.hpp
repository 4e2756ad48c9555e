#pragma once
// Building a new message as a mail client (or the submission server, RFC 6409 8) would: the
// required Date and From, a deterministic Message-ID, addresses and subject encoded when they
// hold non-ASCII text, and a text/plain body declared as UTF-8 when it needs to be.
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "agents/proto/imf/address.hpp"
#include "agents/proto/imf/date.hpp"
#include "agents/proto/imf/header.hpp"
#include "agents/proto/imf/message_id.hpp"

namespace mailsim::proto::imf {

struct Draft {
  Mailbox from;
  std::vector<Mailbox> to;
  std::vector<Mailbox> cc;
  std::string subject;      // UTF-8, encoded on output when needed
  std::string in_reply_to;  // a Message-ID ("<...>") or empty
  std::string body;         // UTF-8 text; LF or CRLF line ends (written CRLF)
  std::vector<std::pair<std::string, std::string>> extra_fields;  // appended as given
  // A file of this many bytes attached (0: none), so that a lesson can make a message big:
  // the message becomes multipart/mixed with the text and the file in base64, which is how a
  // mail client sends it, 4/3 of the file's size plus line ends.
  std::uint64_t attachment_size = 0;
  std::string attachment_name = "attachment.bin";
  // Bytes appended after the body exactly as they are, bare LFs included: the SMTP smuggling
  // lesson hides a second message there. A client sending it must pass bare LFs unchanged.
  std::string raw_tail;
};

// Fields in this order: Date, From, To, Cc, Subject, Message-ID, In-Reply-To, the extra
// fields, MIME-Version, Content-Type, Content-Transfer-Encoding. A body that is all ASCII is
// "text/plain; charset=us-ascii" in 7bit, otherwise "charset=utf-8" in 8bit; with an
// attachment, that text is the first part of a multipart/mixed body. A text with a line of
// more than 998 octets (RFC 5322 2.1.1) goes in quoted-printable instead. Line breaks in the
// subject become spaces; a subject word too long for a line goes in encoded words. Throws
// ParseError when a field is malformed.
Message compose(const Draft& draft, const ScenarioClock& clock, sim::SimTime now,
                MessageIdGenerator& ids);

// LF or lone CR line ends turned into CRLF.
std::string to_crlf(std::string_view text);

}  // namespace mailsim::proto::imf

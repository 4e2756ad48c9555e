#pragma once
// The MIME structure of a stored message as IMAP shows it: the parts that BODY[1], BODY[2.1]
// and BODY[1.MIME] name (RFC 3501 6.4.5), and the BODY and BODYSTRUCTURE lists (7.4.2).
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "agents/proto/imf/mime.hpp"

namespace mailsim::proto::imap {

struct MimePart {
  std::string_view header;  // the part's header with the blank line that ends it
  std::string_view body;    // what follows: the bytes BODY[n] returns
  imf::ContentType type;    // text/plain; charset=us-ascii when not given (RFC 2045 5.2)
  // A multipart's parts; for message/rfc822, the one message it holds.
  std::vector<MimePart> parts;
};

// Reads a message (or a part's text: header, blank line, body). A multipart whose boundary
// never appears is one part as its bytes stand; nesting deeper than a few levels is read as
// leaves, so a crafted message cannot make the server recurse without end.
MimePart read_structure(std::string_view text);

// The part that section numbers name ({1, 2} for "1.2"): a message that is not multipart has
// only part 1, itself; a message/rfc822 part's numbers go on into the message it holds.
// nullptr when there is no such part.
const MimePart* find_part(const MimePart& message, const std::vector<std::uint32_t>& path);

// The BODYSTRUCTURE list, with extension data (MD5, disposition, language) when
// with_extensions, else the BODY list.
std::string body_structure(const MimePart& message, bool with_extensions);

}  // namespace mailsim::proto::imap

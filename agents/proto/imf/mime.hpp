#pragma once
// The small part of MIME (RFC 2045, 2046) that delivery status notifications and the mail client
// need: reading and writing Content-Type with parameters, splitting or joining a multipart body,
// and the quoted-printable encoding of a text whose lines are too long to send as they are.
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "agents/proto/imf/header.hpp"

namespace mailsim::proto::imf {

struct ContentType {
  std::string type;                                         // lower case: "multipart"
  std::string subtype;                                      // lower case: "report"
  std::vector<std::pair<std::string, std::string>> params;  // names lower case, values unquoted

  bool is(std::string_view type, std::string_view subtype) const;
  std::optional<std::string> param(std::string_view name) const;
  // "multipart/report; report-type=delivery-status; boundary="..."" (values quoted if needed).
  std::string to_string() const;
};

// "text/plain; charset=utf-8 (comment)"; nullopt when there is no type/subtype. A parameter
// without '=' is skipped; RFC 2231 continuations are not joined.
std::optional<ContentType> parse_content_type(std::string_view value);

// Content-Disposition (RFC 2183) read the same way: "attachment; filename=a.pdf" gives type
// "attachment", no subtype, and the parameters; nullopt when it does not start with a token.
std::optional<ContentType> parse_content_disposition(std::string_view value);

struct BodyPart {
  Header header;
  std::string body;
};

// Splits a multipart body at "--boundary" lines (RFC 2046 5.1.1); preamble and epilogue are
// dropped, and a missing close delimiter ends the last part at the end of the text. Throws
// ParseError when no delimiter line is found, or a part's header is malformed.
std::vector<BodyPart> split_multipart(std::string_view body, std::string_view boundary);

// The text of each part (its header, the blank line, its body) as it stands in `body`, cut
// as split_multipart cuts; nullopt when no delimiter line is found.
std::optional<std::vector<std::string_view>> multipart_texts(std::string_view body,
                                                             std::string_view boundary);

// Preamble, each part (its header, a blank line, its body), close delimiter, all CRLF.
std::string join_multipart(const std::vector<BodyPart>& parts, std::string_view boundary,
                           std::string_view preamble);
// join_multipart's pieces, for a body written in place (an attachment generated straight into
// the message instead of joined from a copy of it): the delimiter line, header and blank line
// that open a part (its body and a CRLF follow), and the close delimiter after the last part.
void append_part_start(std::string& out, std::string_view boundary, const Header& header);
void append_close_delimiter(std::string& out, std::string_view boundary);

// Quoted-printable (RFC 2045 6.7) of a text with CRLF line ends: '=', control characters and
// 8-bit bytes as =XX, white space at a line's end as =20 or =09, and soft line breaks ("=" at
// the end of a line) so that no encoded line passes 76 characters. Line ends stay CRLF.
std::string encode_quoted_printable(std::string_view text);
// The reverse: =XX and soft line breaks undone; a malformed "=" is kept as it is.
std::string decode_quoted_printable(std::string_view text);

}  // namespace mailsim::proto::imf

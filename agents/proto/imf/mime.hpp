#pragma once
// The small part of MIME (RFC 2045, 2046) that delivery status notifications need: reading and
// writing Content-Type with parameters, and splitting or joining a multipart body.
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

struct BodyPart {
  Header header;
  std::string body;
};

// Splits a multipart body at "--boundary" lines (RFC 2046 5.1.1); preamble and epilogue are
// dropped, and a missing close delimiter ends the last part at the end of the text. Throws
// ParseError when no delimiter line is found, or a part's header is malformed.
std::vector<BodyPart> split_multipart(std::string_view body, std::string_view boundary);

// Preamble, each part (its header, a blank line, its body), close delimiter, all CRLF.
std::string join_multipart(const std::vector<BodyPart>& parts, std::string_view boundary,
                           std::string_view preamble);

}  // namespace mailsim::proto::imf

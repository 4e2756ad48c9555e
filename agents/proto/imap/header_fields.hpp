#pragma once
// A minimal RFC 5322 header reader for IMAP's ENVELOPE, SEARCH and BODY[HEADER.FIELDS]:
// split header from body, unfold, find fields by case-insensitive name. Private to IMAP
// until the full message parser of agents/proto/imf (mailsim_imf) lands; then these helpers
// should call it instead.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace mailsim::proto::imap {

// The header section including the blank line that ends it (the whole message if none).
std::string_view header_section(std::string_view message);
// What follows the blank line (empty if none).
std::string_view body_section(std::string_view message);

struct HeaderField {
  std::string_view name;
  std::string_view raw;  // the whole field, folded, with its final CRLF
};
std::vector<HeaderField> header_fields(std::string_view message);

// First field of that name, unfolded (CRLF before white space removed), outer space trimmed.
std::optional<std::string> header_value(std::string_view message, std::string_view name);

bool iequals(std::string_view a, std::string_view b);
// Case-insensitive (ASCII) substring search, as IMAP SEARCH does.
bool icontains(std::string_view haystack, std::string_view needle);

}  // namespace mailsim::proto::imap

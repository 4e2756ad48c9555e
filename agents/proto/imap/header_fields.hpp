#pragma once
// Header fields of a stored message for ENVELOPE, SEARCH and BODY[HEADER.FIELDS], read with
// the RFC 5322 parser of agents/proto/imf. A header that does not parse (a client can APPEND
// anything) counts as having no fields: ENVELOPE shows NIL and header searches do not match,
// while BODY[] still returns the bytes as stored.
#include <optional>
#include <string>
#include <string_view>

#include "agents/proto/imf/header.hpp"

#include "sim/strings.hpp"

namespace mailsim::proto::imap {

// The header section including the blank line that ends it (the whole message if none).
std::string_view header_section(std::string_view message);
// What follows the blank line (empty if none).
std::string_view body_section(std::string_view message);

// The parsed header; empty when it breaks RFC 5322.
imf::Header read_header(std::string_view message);
// First field of that name (case-insensitive), unfolded and trimmed.
std::optional<std::string> header_value(std::string_view message, std::string_view name);

using mailsim::iequals;  // sim/strings.hpp
// Case-insensitive (ASCII) substring search, as IMAP SEARCH does.
bool icontains(std::string_view haystack, std::string_view needle);

}  // namespace mailsim::proto::imap

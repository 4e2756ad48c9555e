#pragma once
// Base64 (RFC 4648 section 4), shared by SMTP AUTH, RFC 2047 encoded words and the attachments
// a mail client composes.
#include <optional>
#include <string>
#include <string_view>

namespace mailsim::proto {

std::string base64_encode(std::string_view bytes);

// Strict decoding: standard alphabet, '=' padding required to a multiple of 4, no whitespace.
// Returns nullopt for anything else, so a server can answer "501 5.5.2" to bad input.
std::optional<std::string> base64_decode(std::string_view text);

}  // namespace mailsim::proto

#pragma once
// RFC 2047 encoded words ("=?UTF-8?Q?R=C3=A9union?="): decoded for display, produced on
// output when a header holds non-ASCII text. Charsets: UTF-8, ISO-8859-1 (and its aliases
// latin1, l1, iso_8859-1) and US-ASCII; everything is turned into UTF-8.
#include <string>
#include <string_view>

namespace mailsim::proto::imf {

// Decodes every well-formed encoded word and drops the white space between two adjacent ones
// (section 6.2). A word is recognised only when it stands alone: preceded by the start, white
// space, '(' or '"' and followed by the end, white space, ')' or '"' (quotes are tolerated
// because many mailers put encoded words inside quoted display names). Malformed words (unknown
// charset or encoding, bad base64 or hex, bytes invalid in their charset) are left as they
// are. Decoded control characters (a CR or LF smuggled in "=0D=0A") become spaces so that
// display stays on one line. The text is also unfolded, and the result is always valid
// UTF-8: a raw byte that is not (an 8-bit header in another charset) shows as U+FFFD.
std::string decode_encoded_words(std::string_view text);

// For unstructured fields (Subject, Comments): ASCII text comes back unchanged; runs of words
// holding non-ASCII (UTF-8) become encoded words of at most 75 characters, split between
// characters, never inside one: Q for Latin text (below U+0280, so French stays readable on the
// wire), B for other scripts. An ASCII word that looks like an encoded word is encoded too, so
// that it reads back as itself, and so is a word of more than 77 characters, which could not be
// folded onto a line of 78 otherwise.
std::string encode_unstructured(std::string_view utf8);

// For a display name (a phrase in From, To, Cc): plain atoms as they are, a quoted string when
// the name holds specials such as '.' or ',', encoded words when it holds non-ASCII.
std::string encode_phrase(std::string_view utf8);

bool is_ascii(std::string_view text);
bool is_valid_utf8(std::string_view text);
std::string latin1_to_utf8(std::string_view latin1);

}  // namespace mailsim::proto::imf

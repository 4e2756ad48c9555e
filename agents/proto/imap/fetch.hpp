#pragma once
// FETCH data items (RFC 3501 6.4.5, 7.4.2): parsing the request, rendering the answer.
// Supported: FLAGS UID RFC822.SIZE INTERNALDATE ENVELOPE RFC822 RFC822.HEADER RFC822.TEXT,
// BODY BODYSTRUCTURE, BODY[] BODY[HEADER] BODY[TEXT] BODY[HEADER.FIELDS (..)]
// BODY[HEADER.FIELDS.NOT (..)], MIME part numbers before them (BODY[1], BODY[2.1.MIME],
// BODY[3.HEADER] of a message/rfc822 part), their BODY.PEEK forms, partial fetches
// BODY[...]<start.count>, and the macros ALL, FAST and FULL.
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "agents/proto/imap/arg_parser.hpp"
#include "agents/proto/imf/date.hpp"
#include "agents/proto/mailbox/mail_store.hpp"

namespace mailsim::proto::imap {

struct FetchItem {
  enum class Kind {
    flags,
    uid,
    size,
    internal_date,
    envelope,
    section,  // BODY[...] / BODY.PEEK[...]
    rfc822,
    rfc822_header,
    rfc822_text,
    body,            // BODY: the structure without extension data
    body_structure,  // BODYSTRUCTURE
  };
  enum class Section { all, header, text, header_fields, header_fields_not, mime };
  Kind kind = Kind::flags;
  Section section = Section::all;
  bool peek = false;
  std::vector<std::uint32_t> part;  // "1.2": {1, 2}; empty: the message
  std::vector<std::string> fields;  // HEADER.FIELDS names
  std::optional<std::pair<std::uint32_t, std::uint32_t>> partial;  // <start.count>
};

// Reads a fetch-att, a macro or a parenthesised list; nullopt with parser.error() otherwise.
std::optional<std::vector<FetchItem>> parse_fetch_items(ArgParser& parser);

// Whether fetching these items sets \Seen (BODY[...] without PEEK, RFC822, RFC822.TEXT).
bool fetch_sets_seen(const std::vector<FetchItem>& items);

struct FetchTarget {
  const mailbox::StoredMessage& message;
  mailbox::Flags flags;  // as this session shows them (with \Recent of the session)
  const imf::ScenarioClock& calendar;
};

// "(UID 4 FLAGS (\Seen) ...)". with_uid adds UID first when not asked (UID FETCH);
// with_flags adds FLAGS at the end when not asked (they changed by this fetch).
std::string render_fetch(const std::vector<FetchItem>& items, const FetchTarget& target,
                         bool with_uid, bool with_flags);

}  // namespace mailsim::proto::imap

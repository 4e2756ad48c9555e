#pragma once
// FETCH data items (RFC 3501 6.4.5, 7.4.2): parsing the request, rendering the answer.
// Supported: FLAGS UID RFC822.SIZE INTERNALDATE ENVELOPE RFC822 RFC822.HEADER RFC822.TEXT,
// BODY[] BODY[HEADER] BODY[TEXT] BODY[HEADER.FIELDS (..)] BODY[HEADER.FIELDS.NOT (..)] and
// their BODY.PEEK forms, partial fetches BODY[...]<start.count>, the macros ALL and FAST.
// Not: BODY, BODYSTRUCTURE, FULL, MIME part numbers.
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
  };
  enum class Section { all, header, text, header_fields, header_fields_not };
  Kind kind = Kind::flags;
  Section section = Section::all;
  bool peek = false;
  std::vector<std::string> fields;                                 // HEADER.FIELDS names
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

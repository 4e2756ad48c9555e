#include "agents/proto/imap/fetch.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>

#include "agents/proto/imap/body_structure.hpp"
#include "agents/proto/imap/header_fields.hpp"
#include "agents/proto/imap/wire_format.hpp"

namespace mailsim::proto::imap {
namespace {

using Kind = FetchItem::Kind;
using Section = FetchItem::Section;

FetchItem item_of(Kind kind) {
  FetchItem item;
  item.kind = kind;
  return item;
}

// "<start.count>" after a section (RFC 3501 6.4.5), if there is one.
bool parse_partial(ArgParser& p, FetchItem& item) {
  if (p.peek() != '<') return true;
  p.expect('<');
  auto start = p.number();
  auto count = start && p.expect('.') ? p.number() : std::nullopt;
  if (!count || *count == 0 || !p.expect('>')) return p.fail("a partial range <start.count>");
  item.partial = std::make_pair(*start, *count);
  return true;
}

// "1.2." before a section text, or "1.2" before "]" (RFC 3501 6.4.5 section-part).
bool parse_part_numbers(ArgParser& p, FetchItem& item) {
  while (std::isdigit(static_cast<unsigned char>(p.peek()))) {
    auto n = p.number();
    if (!n || *n == 0) return p.fail("a part number (1 or more)");
    item.part.push_back(*n);
    if (p.peek() == ']') return true;
    if (!p.expect('.')) return false;
  }
  // After "1.": another number or a section text, not the end.
  return item.part.empty() || p.peek() != ']' || p.fail("a part number or a section text");
}

// After "BODY[" or "BODY.PEEK[": the section spec, "]" and a partial range.
bool parse_section(ArgParser& p, FetchItem& item) {
  if (!parse_part_numbers(p, item)) return false;
  if (p.peek() == ']') {
    item.section = Section::all;
  } else if (!item.part.empty() && p.prefix("MIME")) {
    item.section = Section::mime;
  } else if (p.prefix("HEADER.FIELDS.NOT")) {
    item.section = Section::header_fields_not;
  } else if (p.prefix("HEADER.FIELDS")) {
    item.section = Section::header_fields;
  } else if (p.prefix("HEADER")) {
    item.section = Section::header;
  } else if (p.prefix("TEXT")) {
    item.section = Section::text;
  } else {
    return p.fail("a part number, HEADER, TEXT, HEADER.FIELDS, MIME (after a part) or ']'");
  }
  if (item.section == Section::header_fields || item.section == Section::header_fields_not) {
    if (!p.sp() || !p.expect('(')) return false;
    while (true) {
      auto name = p.astring();
      if (!name) return false;
      item.fields.push_back(*name);
      if (p.peek() == ')') break;
      if (!p.sp()) return false;
    }
    p.expect(')');
  }
  return p.expect(']') && parse_partial(p, item);
}

std::optional<FetchItem> parse_one(ArgParser& p) {
  struct Simple {
    std::string_view name;
    Kind kind;
  };
  static constexpr Simple kSimple[] = {
      {"FLAGS", Kind::flags},
      {"UID", Kind::uid},
      {"RFC822.SIZE", Kind::size},
      {"INTERNALDATE", Kind::internal_date},
      {"ENVELOPE", Kind::envelope},
      {"RFC822.HEADER", Kind::rfc822_header},
      {"RFC822.TEXT", Kind::rfc822_text},
      {"RFC822", Kind::rfc822},
      {"BODYSTRUCTURE", Kind::body_structure},
  };
  FetchItem item = item_of(Kind::section);
  if (p.prefix("BODY.PEEK[")) {
    item.peek = true;
  } else if (!p.prefix("BODY[")) {
    for (const Simple& s : kSimple)
      if (p.keyword(s.name)) return item_of(s.kind);
    if (p.keyword("BODY")) return item_of(Kind::body);
    p.fail("a fetch attribute (FLAGS UID RFC822.SIZE INTERNALDATE ENVELOPE BODY[...] ...)");
    return std::nullopt;
  }
  if (!parse_section(p, item)) return std::nullopt;
  return item;
}

std::string section_text(const FetchItem& item) {
  switch (item.section) {
    case Section::all:
      return "";
    case Section::header:
      return "HEADER";
    case Section::text:
      return "TEXT";
    case Section::mime:
      return "MIME";
    case Section::header_fields:
    case Section::header_fields_not: {
      std::string names;
      for (const std::string& f : item.fields)
        names += (names.empty() ? "" : " ") + imap_astring(f);
      return fmt::format("HEADER.FIELDS{} ({})",
                         item.section == Section::header_fields_not ? ".NOT" : "", names);
    }
  }
  return "";
}

std::string section_name(const FetchItem& item) {
  std::string part;
  for (std::uint32_t n : item.part)
    part += fmt::format("{}{}", part.empty() ? "" : ".", n);
  std::string text = section_text(item);
  return fmt::format("BODY[{}{}{}]", part, !part.empty() && !text.empty() ? "." : "", text);
}

std::string selected_fields(std::string_view message, const FetchItem& item) {
  std::string out;
  const imf::Header header = read_header(message);
  for (const imf::Field& f : header.fields()) {
    bool listed = std::any_of(item.fields.begin(), item.fields.end(),
                              [&](const std::string& n) { return iequals(n, f.name); });
    if (listed == (item.section == Section::header_fields)) out += f.name + ":" + f.raw + "\r\n";
  }
  return out + "\r\n";
}

std::string section_bytes(std::string_view message, const FetchItem& item) {
  switch (item.section) {
    case Section::all:
      return std::string(message);
    case Section::header:
      return std::string(header_section(message));
    case Section::text:
      return std::string(body_section(message));
    case Section::header_fields:
    case Section::header_fields_not:
      return selected_fields(message, item);
    case Section::mime:
      break;  // only after part numbers: see part_bytes
  }
  return {};
}

// The bytes a section names; nullopt (NIL) for a part the message does not have, or HEADER
// and TEXT after a part that holds no message (RFC 3501 6.4.5).
std::optional<std::string> part_bytes(std::string_view message, const FetchItem& item) {
  if (item.part.empty()) return section_bytes(message, item);
  const MimePart root = read_structure(message);
  const MimePart* part = find_part(root, item.part);
  if (part == nullptr) return std::nullopt;
  if (item.section == Section::all) return std::string(part->body);
  if (item.section == Section::mime) return std::string(part->header);
  if (!part->type.is("message", "rfc822")) return std::nullopt;
  return section_bytes(part->body, item);
}

// Message bodies always go as literals: they hold CRLF.
std::string literal(std::string_view bytes) {
  return fmt::format("{{{}}}\r\n{}", bytes.size(), bytes);
}

}  // namespace

std::optional<std::vector<FetchItem>> parse_fetch_items(ArgParser& p) {
  if (p.keyword("ALL"))
    return std::vector<FetchItem>{item_of(Kind::flags), item_of(Kind::internal_date),
                                  item_of(Kind::size), item_of(Kind::envelope)};
  if (p.keyword("FAST"))
    return std::vector<FetchItem>{item_of(Kind::flags), item_of(Kind::internal_date),
                                  item_of(Kind::size)};
  if (p.keyword("FULL"))
    return std::vector<FetchItem>{item_of(Kind::flags), item_of(Kind::internal_date),
                                  item_of(Kind::size), item_of(Kind::envelope),
                                  item_of(Kind::body)};
  std::vector<FetchItem> items;
  if (p.peek() != '(') {
    auto one = parse_one(p);
    if (!one) return std::nullopt;
    items.push_back(*one);
    return items;
  }
  p.expect('(');
  while (true) {
    auto one = parse_one(p);
    if (!one) return std::nullopt;
    items.push_back(*one);
    if (p.peek() == ')') break;
    if (!p.sp()) return std::nullopt;
  }
  p.expect(')');
  return items;
}

bool fetch_sets_seen(const std::vector<FetchItem>& items) {
  return std::any_of(items.begin(), items.end(), [](const FetchItem& i) {
    return (i.kind == Kind::section && !i.peek) || i.kind == Kind::rfc822 ||
           i.kind == Kind::rfc822_text;
  });
}

std::string render_fetch(const std::vector<FetchItem>& items, const FetchTarget& target,
                         bool with_uid, bool with_flags) {
  const mailbox::StoredMessage& m = target.message;
  std::vector<std::string> parts;
  auto asked = [&](Kind k) {
    return std::any_of(items.begin(), items.end(), [k](const FetchItem& i) { return i.kind == k; });
  };
  if (with_uid && !asked(Kind::uid)) parts.push_back(fmt::format("UID {}", m.uid));
  for (const FetchItem& item : items) {
    switch (item.kind) {
      case Kind::flags:
        parts.push_back(fmt::format("FLAGS ({})", mailbox::format_flags(target.flags)));
        break;
      case Kind::uid:
        parts.push_back(fmt::format("UID {}", m.uid));
        break;
      case Kind::size:
        parts.push_back(fmt::format("RFC822.SIZE {}", m.size()));
        break;
      case Kind::internal_date:
        parts.push_back("INTERNALDATE " + imap_date_time(m.internal_date, target.calendar));
        break;
      case Kind::envelope:
        parts.push_back("ENVELOPE " + envelope(m.content));
        break;
      case Kind::rfc822:
        parts.push_back("RFC822 " + literal(m.content));
        break;
      case Kind::rfc822_header:
        parts.push_back("RFC822.HEADER " + literal(header_section(m.content)));
        break;
      case Kind::rfc822_text:
        parts.push_back("RFC822.TEXT " + literal(body_section(m.content)));
        break;
      case Kind::body:
      case Kind::body_structure:
        parts.push_back(fmt::format(
            "{} {}", item.kind == Kind::body ? "BODY" : "BODYSTRUCTURE",
            body_structure(read_structure(m.content), item.kind == Kind::body_structure)));
        break;
      case Kind::section: {
        auto bytes = part_bytes(m.content, item);
        std::string name = section_name(item);
        if (item.partial) {  // RFC 3501 6.4.5: the answer names only the start
          auto [start, count] = *item.partial;
          if (bytes) bytes = start < bytes->size() ? bytes->substr(start, count) : std::string();
          name += fmt::format("<{}>", start);
        }
        parts.push_back(name + " " + (bytes ? literal(*bytes) : std::string("NIL")));
        break;
      }
    }
  }
  if (with_flags && !asked(Kind::flags))
    parts.push_back(fmt::format("FLAGS ({})", mailbox::format_flags(target.flags)));
  std::string out = "(";
  for (std::size_t i = 0; i < parts.size(); ++i)
    out += (i ? " " : "") + parts[i];
  return out + ")";
}

}  // namespace mailsim::proto::imap

#include "agents/proto/imap/search.hpp"

#include <algorithm>
#include <cctype>
#include <iterator>

#include "agents/proto/imap/header_fields.hpp"
#include "agents/proto/imf/encoded_words.hpp"

namespace mailsim::proto::imap {
namespace {

using Kind = SearchKey::Kind;
using mailbox::Flag;

std::optional<SearchKey> parse_key(ArgParser& p, int depth);

// RFC 3501 "date": d-Mon-yyyy, day of one or two digits, optionally quoted.
std::optional<std::chrono::sys_days> parse_search_date(std::string_view text) {
  using namespace std::chrono;
  static constexpr std::string_view kMonths[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                                 "jul", "aug", "sep", "oct", "nov", "dec"};
  std::size_t dash = text.find('-');
  if (dash == 0 || dash > 2 || text.size() != dash + 9 || text[dash + 4] != '-')
    return std::nullopt;
  unsigned d = 0, y = 0;
  for (char c : text.substr(0, dash)) {
    if (c < '0' || c > '9') return std::nullopt;
    d = d * 10 + static_cast<unsigned>(c - '0');
  }
  for (char c : text.substr(dash + 5)) {
    if (c < '0' || c > '9') return std::nullopt;
    y = y * 10 + static_cast<unsigned>(c - '0');
  }
  std::string month;
  for (char c : text.substr(dash + 1, 3))
    month += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  auto it = std::find(std::begin(kMonths), std::end(kMonths), month);
  if (it == std::end(kMonths)) return std::nullopt;
  year_month_day ymd{year{static_cast<int>(y)},
                     std::chrono::month{static_cast<unsigned>(it - std::begin(kMonths) + 1)},
                     day{d}};
  if (!ymd.ok()) return std::nullopt;
  return sys_days(ymd);
}

bool parse_keys_until(ArgParser& p, SearchKey& list, char close, int depth) {
  while (true) {
    auto key = parse_key(p, depth);
    if (!key) return false;
    list.children.push_back(std::move(*key));
    if (close ? p.peek() == close : p.at_end()) return true;
    if (!p.sp()) return false;
  }
}

std::optional<SearchKey> parse_key(ArgParser& p, int depth) {
  if (depth > 32) {
    p.fail("fewer nested keys");
    return std::nullopt;
  }
  struct FlagKey {
    std::string_view name;
    Kind kind;
    Flag flag;
  };
  static constexpr FlagKey kFlagKeys[] = {
      {"SEEN", Kind::flag_set, Flag::seen},
      {"UNSEEN", Kind::flag_clear, Flag::seen},
      {"DELETED", Kind::flag_set, Flag::deleted},
      {"UNDELETED", Kind::flag_clear, Flag::deleted},
      {"ANSWERED", Kind::flag_set, Flag::answered},
      {"UNANSWERED", Kind::flag_clear, Flag::answered},
      {"FLAGGED", Kind::flag_set, Flag::flagged},
      {"UNFLAGGED", Kind::flag_clear, Flag::flagged},
      {"DRAFT", Kind::flag_set, Flag::draft},
      {"UNDRAFT", Kind::flag_clear, Flag::draft},
      {"RECENT", Kind::flag_set, Flag::recent},
  };
  SearchKey key;
  if (p.keyword("ALL")) return key;  // an empty all_of matches everything
  for (const FlagKey& f : kFlagKeys)
    if (p.keyword(f.name)) {
      key.kind = f.kind;
      key.flag = f.flag;
      return key;
    }
  if (p.keyword("NEW")) {
    key.kind = Kind::new_;
    return key;
  }
  if (p.keyword("OLD")) {
    key.kind = Kind::old;
    return key;
  }
  static constexpr std::string_view kHeaderKeys[] = {"FROM", "TO", "CC", "BCC", "SUBJECT"};
  for (std::string_view h : kHeaderKeys)
    if (p.keyword(h)) {
      key.kind = Kind::header;
      key.name = h;
      auto v = p.sp() ? p.astring() : std::nullopt;
      if (!v) return std::nullopt;
      key.value = *v;
      return key;
    }
  if (p.keyword("HEADER")) {
    key.kind = Kind::header;
    auto name = p.sp() ? p.astring() : std::nullopt;
    auto v = name && p.sp() ? p.astring() : std::nullopt;
    if (!v) return std::nullopt;
    key.name = *name;
    key.value = *v;
    return key;
  }
  for (auto [name, kind] : {std::pair{"BODY", Kind::body}, std::pair{"TEXT", Kind::text}})
    if (p.keyword(name)) {
      key.kind = kind;
      auto v = p.sp() ? p.astring() : std::nullopt;
      if (!v) return std::nullopt;
      key.value = *v;
      return key;
    }
  for (auto [name, kind] : {std::pair{"LARGER", Kind::larger}, std::pair{"SMALLER", Kind::smaller}})
    if (p.keyword(name)) {
      key.kind = kind;
      auto n = p.sp() ? p.number() : std::nullopt;
      if (!n) return std::nullopt;
      key.number = *n;
      return key;
    }
  for (auto [name, kind] : {std::pair{"BEFORE", Kind::before}, std::pair{"ON", Kind::on},
                            std::pair{"SINCE", Kind::since}})
    if (p.keyword(name)) {
      key.kind = kind;
      if (!p.sp()) return std::nullopt;
      ArgParser at_date = p;
      auto text = p.astring();
      auto date = text ? parse_search_date(*text) : std::nullopt;
      if (!date) {
        at_date.fail("a date such as 1-Feb-2024");
        p = at_date;
        return std::nullopt;
      }
      key.day = *date;
      return key;
    }
  if (p.keyword("UID")) {
    key.kind = Kind::uid_set;
    std::string_view w = p.sp() ? p.word() : std::string_view{};
    key.set = SequenceSet::parse(w);
    if (!key.set) {
      p.fail("a UID set");
      return std::nullopt;
    }
    return key;
  }
  if (p.keyword("NOT")) {
    key.kind = Kind::negate;
    auto child = p.sp() ? parse_key(p, depth + 1) : std::nullopt;
    if (!child) return std::nullopt;
    key.children.push_back(std::move(*child));
    return key;
  }
  if (p.keyword("OR")) {
    key.kind = Kind::any_of;
    for (int i = 0; i < 2; ++i) {
      auto child = p.sp() ? parse_key(p, depth + 1) : std::nullopt;
      if (!child) return std::nullopt;
      key.children.push_back(std::move(*child));
    }
    return key;
  }
  if (p.peek() == '(') {
    p.expect('(');
    if (!parse_keys_until(p, key, ')', depth + 1) || !p.expect(')')) return std::nullopt;
    return key;
  }
  char c = p.peek();
  if ((c >= '1' && c <= '9') || c == '*') {
    key.kind = Kind::seq_set;
    key.set = SequenceSet::parse(p.word());
    if (key.set) return key;
  }
  p.fail(
      "a search key (ALL SEEN UNSEEN DELETED FROM TO SUBJECT SINCE UID ...; SENTBEFORE, SENTON, "
      "SENTSINCE and keywords are not supported)");
  return std::nullopt;
}

}  // namespace

std::optional<SearchKey> parse_search(ArgParser& p) {
  if (p.keyword("CHARSET")) {
    auto charset = p.sp() ? p.astring() : std::nullopt;
    if (!charset || !p.sp()) return std::nullopt;
    if (!iequals(*charset, "US-ASCII") && !iequals(*charset, "UTF-8")) {
      p.fail("charset US-ASCII or UTF-8");
      return std::nullopt;
    }
  }
  SearchKey root;
  if (!parse_keys_until(p, root, '\0', 0)) return std::nullopt;
  return root;
}

bool matches(const SearchKey& key, const SearchTarget& t) {
  switch (key.kind) {
    case Kind::all_of:
      return std::all_of(key.children.begin(), key.children.end(),
                         [&](const SearchKey& k) { return matches(k, t); });
    case Kind::any_of:
      return std::any_of(key.children.begin(), key.children.end(),
                         [&](const SearchKey& k) { return matches(k, t); });
    case Kind::negate:
      return !matches(key.children.front(), t);
    case Kind::flag_set:
      return t.flags.has(key.flag);
    case Kind::flag_clear:
      return !t.flags.has(key.flag);
    case Kind::new_:
      return t.flags.has(Flag::recent) && !t.flags.has(Flag::seen);
    case Kind::old:
      return !t.flags.has(Flag::recent);
    case Kind::header: {
      // Raw or with RFC 2047 encoded words decoded: SUBJECT "Réunion" finds
      // "=?UTF-8?Q?R=C3=A9union?=".
      auto value = header_value(t.message.content, key.name);
      return value && (icontains(*value, key.value) ||
                       icontains(imf::decode_encoded_words(*value), key.value));
    }
    case Kind::body:
      return icontains(body_section(t.message.content), key.value);
    case Kind::text:
      return icontains(t.message.content, key.value);
    case Kind::larger:
      return t.message.size() > key.number;
    case Kind::smaller:
      return t.message.size() < key.number;
    case Kind::uid_set:
      return key.set->contains(t.message.uid, t.largest_uid);
    case Kind::seq_set:
      return key.set->contains(t.seq, t.largest_seq);
    case Kind::before:
    case Kind::on:
    case Kind::since: {
      const imf::DateTime at = t.calendar.at(t.message.internal_date);
      auto day = std::chrono::floor<std::chrono::days>(at.utc + at.offset);
      if (key.kind == Kind::before) return day < key.day;
      if (key.kind == Kind::on) return day == key.day;
      return day >= key.day;
    }
  }
  return false;
}

}  // namespace mailsim::proto::imap

#include "agents/proto/imap/wire_format.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <iterator>
#include <variant>
#include <vector>

#include "agents/proto/imap/arg_parser.hpp"
#include "agents/proto/imap/header_fields.hpp"
#include "agents/proto/imf/address.hpp"
#include "agents/proto/imf/encoded_words.hpp"

namespace mailsim::proto::imap {
namespace {

bool quotable(std::string_view s) {
  if (s.size() > 1000) return false;
  for (char c : s) {
    auto u = static_cast<unsigned char>(c);
    if (u == 0 || u >= 0x80 || c == '\r' || c == '\n') return false;
  }
  return true;
}

// One mailbox of an ENVELOPE address list: (name adl mailbox host). The display name goes
// back to its header form (encoded words for non-ASCII), as clients expect.
std::string envelope_mailbox(const imf::Mailbox& m) {
  std::string name =
      imf::is_ascii(m.display_name) ? m.display_name : imf::encode_phrase(m.display_name);
  return fmt::format("({} NIL {} {})", name.empty() ? "NIL" : imap_string(name),
                     imap_string(m.local_part), imap_string(m.domain));
}

// An address list as ENVELOPE writes it (RFC 3501 7.4.2): a group is opened by
// (NIL NIL "name" NIL) and closed by (NIL NIL NIL NIL). A field that does not parse is NIL.
std::string address_list(const std::optional<std::string>& value) {
  if (!value) return "NIL";
  std::vector<imf::Address> list;
  try {
    list = imf::parse_address_list(*value);
  } catch (const imf::AddressError&) {
    return "NIL";
  }
  if (list.empty()) return "NIL";
  std::string out = "(";
  for (const imf::Address& a : list) {
    if (const auto* m = std::get_if<imf::Mailbox>(&a)) {
      out += envelope_mailbox(*m);
      continue;
    }
    const auto& group = std::get<imf::Group>(a);
    out += fmt::format("(NIL NIL {} NIL)", imap_string(group.display_name));
    for (const imf::Mailbox& m : group.members)
      out += envelope_mailbox(m);
    out += "(NIL NIL NIL NIL)";
  }
  return out + ")";
}

}  // namespace

std::string imap_string(std::string_view s) {
  if (!quotable(s)) return fmt::format("{{{}}}\r\n{}", s.size(), s);
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + '"';
}

std::string imap_nstring(const std::optional<std::string>& s) {
  return s ? imap_string(*s) : "NIL";
}

std::string imap_astring(std::string_view s) {
  bool atom = !s.empty() && !iequals(s, "NIL");
  for (char c : s)
    atom = atom && is_atom_char(c);
  return atom ? std::string(s) : imap_string(s);
}

std::string imap_date_time(sim::SimTime t, const imf::ScenarioClock& calendar) {
  using namespace std::chrono;
  static constexpr const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                            "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  const imf::DateTime at = calendar.at(t);
  sys_seconds when = at.utc + at.offset;  // the wall clock in that zone
  sys_days day = floor<days>(when);
  year_month_day ymd(day);
  hh_mm_ss hms(when - day);
  const auto zone = at.offset.count() < 0 ? -at.offset.count() : at.offset.count();
  return fmt::format("\"{:02}-{}-{:04} {:02}:{:02}:{:02} {}{:02}{:02}\"",
                     static_cast<unsigned>(ymd.day()),
                     kMonths[static_cast<unsigned>(ymd.month()) - 1], static_cast<int>(ymd.year()),
                     hms.hours().count(), hms.minutes().count(), hms.seconds().count(),
                     at.offset.count() < 0 ? '-' : '+', zone / 60, zone % 60);
}

std::optional<sim::SimTime> parse_imap_date_time(std::string_view text,
                                                 const imf::ScenarioClock& calendar) {
  using namespace std::chrono;
  static constexpr std::string_view kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                 "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  std::string padded(text);
  if (padded.size() == 25) padded = "0" + padded;
  if (!padded.empty() && padded[0] == ' ') padded[0] = '0';
  // "dd-Mon-yyyy hh:mm:ss +zzzz"
  if (padded.size() != 26 || padded[2] != '-' || padded[6] != '-' || padded[11] != ' ' ||
      padded[14] != ':' || padded[17] != ':' || padded[20] != ' ' ||
      (padded[21] != '+' && padded[21] != '-'))
    return std::nullopt;
  auto num = [&](std::size_t at, std::size_t len) -> std::optional<int> {
    int v = 0;
    for (std::size_t i = at; i < at + len; ++i) {
      if (padded[i] < '0' || padded[i] > '9') return std::nullopt;
      v = v * 10 + (padded[i] - '0');
    }
    return v;
  };
  auto d = num(0, 2), y = num(7, 4), hh = num(12, 2), mm = num(15, 2), ss = num(18, 2),
       zh = num(22, 2), zm = num(24, 2);
  auto month =
      std::find(std::begin(kMonths), std::end(kMonths), std::string_view(padded).substr(3, 3));
  if (!d || !y || !hh || !mm || !ss || !zh || !zm || month == std::end(kMonths) || *hh > 23 ||
      *mm > 59 || *ss > 60 || *zm > 59)
    return std::nullopt;
  year_month_day ymd{year{*y},
                     std::chrono::month{static_cast<unsigned>(month - std::begin(kMonths) + 1)},
                     day{static_cast<unsigned>(*d)}};
  if (!ymd.ok()) return std::nullopt;
  seconds zone = hours(*zh) + minutes(*zm);
  if (padded[21] == '-') zone = -zone;
  sys_seconds when = sys_days(ymd) + hours(*hh) + minutes(*mm) + seconds(*ss) - zone;
  return duration_cast<sim::SimTime>(when - calendar.start());
}

std::string envelope(std::string_view message) {
  const imf::Header header = read_header(message);
  auto field = [&](std::string_view name) { return header.value(name); };
  auto from = field("From");
  auto sender = field("Sender");
  auto reply_to = field("Reply-To");
  return fmt::format("({} {} {} {} {} {} {} {} {} {})", imap_nstring(field("Date")),
                     imap_nstring(field("Subject")), address_list(from),
                     address_list(sender ? sender : from), address_list(reply_to ? reply_to : from),
                     address_list(field("To")), address_list(field("Cc")),
                     address_list(field("Bcc")), imap_nstring(field("In-Reply-To")),
                     imap_nstring(field("Message-ID")));
}

}  // namespace mailsim::proto::imap

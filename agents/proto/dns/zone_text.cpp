#include "agents/proto/dns/zone_text.hpp"

#include <charconv>
#include <optional>

#include "agents/proto/dns/messages.hpp"

namespace mailsim::proto::dns {

namespace {
std::string_view next_word(std::string_view& rest) {
  const auto start = rest.find_first_not_of(" \t");
  if (start == std::string_view::npos) {
    rest = {};
    return {};
  }
  rest.remove_prefix(start);
  const auto end = std::min(rest.find_first_of(" \t"), rest.size());
  const auto word = rest.substr(0, end);
  rest.remove_prefix(end);
  return word;
}
}  // namespace

ResourceRecord record_from_text(std::string_view line, const Name& origin) {
  std::string_view rest = line;
  const auto owner = next_word(rest);
  const auto ttl_text = next_word(rest);
  const auto type_text = next_word(rest);
  std::uint32_t ttl = 0;
  auto [p, ec] = std::from_chars(ttl_text.data(), ttl_text.data() + ttl_text.size(), ttl);
  if (owner.empty() || type_text.empty() || ec != std::errc() ||
      p != ttl_text.data() + ttl_text.size() || ttl > 0x7FFFFFFF)
    throw ZoneError(Text(msg::kZoneLineForm, {{"line", std::string(line)}}));
  const Name name = Name::parse(owner, origin);
  const RecordType type = parse_type(type_text);
  return make_record(name, ttl, parse_rdata(type, rest, origin));
}

Zone zone_from_text(std::string_view origin_text, std::string_view text) {
  const Name origin = Name::parse(origin_text);
  std::vector<ResourceRecord> records;
  std::optional<ResourceRecord> soa;
  std::size_t number = 0;
  while (!text.empty()) {
    const auto eol = std::min(text.find('\n'), text.size());
    std::string_view line = text.substr(0, eol);
    text.remove_prefix(std::min(eol + 1, text.size()));
    ++number;
    const auto first = line.find_first_not_of(" \t\r");
    if (first == std::string_view::npos || line[first] == ';') continue;
    if (line.back() == '\r') line.remove_suffix(1);
    try {
      auto r = record_from_text(line.substr(first), origin);
      if (r.type == RecordType::SOA && !soa)
        soa = std::move(r);
      else
        records.push_back(std::move(r));
    } catch (const LocalizedError& e) {
      throw ZoneError(
          Text(msg::kZoneLine, {{"zone", origin.to_string()}, {"number", std::to_string(number)}})
              .with("error", e.text()));
    }
  }
  if (!soa) throw ZoneError(Text(msg::kZoneNeedsSoa, {{"zone", origin.to_string()}}));
  Zone zone(origin, std::move(*soa));
  for (auto& r : records)
    zone.add(std::move(r));
  return zone;
}

}  // namespace mailsim::proto::dns

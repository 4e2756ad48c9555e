#pragma once
// Zones written as text, one record a line: "owner TTL TYPE data", as in a master file
// (RFC 1035 5.1) without directives: "@" is the origin, a name without a final dot is relative
// to it ("mx" in b.example. is mx.b.example.). Blank lines and lines starting with ';' are skipped.
// The zone's SOA must be among the records.
#include <string_view>

#include "agents/proto/dns/zone.hpp"

namespace mailsim::proto::dns {

// Throws ZoneError naming the line and what is wrong with it.
Zone zone_from_text(std::string_view origin, std::string_view text);
// One line's record; throws LocalizedError.
ResourceRecord record_from_text(std::string_view line, const Name& origin = Name());

}  // namespace mailsim::proto::dns

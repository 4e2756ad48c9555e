#pragma once
// A zone (RFC 1034 4.2): the records under one origin, starting with its SOA, served with
// authority. Records may be added, replaced or removed at run time (the scenario's "fix the MX
// record" exercise); the server answers from whatever the zone holds at that moment.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "agents/proto/dns/record.hpp"
#include "sim/text.hpp"

namespace mailsim::proto::dns {

class ZoneError : public LocalizedError {
 public:
  using LocalizedError::LocalizedError;
};

class Zone {
 public:
  // The SOA's owner must be the origin; throws ZoneError.
  Zone(Name origin, ResourceRecord soa);

  const Name& origin() const { return origin_; }
  const ResourceRecord& soa() const;
  const SoaData& soa_data() const;
  // TTL of the SOA sent with a negative answer: min(SOA TTL, SOA MINIMUM) (RFC 2308 3 and 5).
  std::uint32_t negative_ttl() const;

  // Adds one record; a second SOA replaces the first. Throws ZoneError when the name is
  // outside the zone or when a CNAME would share its name with other data.
  void add(ResourceRecord record);
  // Replaces the whole RRset (name, type); an empty list removes it.
  void replace(const Name& name, RecordType type, std::vector<ResourceRecord> records);
  std::size_t remove(const Name& name, RecordType type);  // returns how many were removed

  std::vector<ResourceRecord> find(const Name& name, RecordType type) const;
  std::vector<ResourceRecord> all_at(const Name& name) const;
  bool has_name(const Name& name) const;         // some record owned by exactly this name
  bool has_descendants(const Name& name) const;  // some record strictly below it
  // The highest delegation point (a name with NS records, other than the origin) on the way
  // from the origin down to `name`, if any.
  std::optional<Name> delegation_for(const Name& name) const;
  std::vector<ResourceRecord> records() const;  // all, in name order

 private:
  struct Node {
    Name name;
    std::vector<ResourceRecord> records;
  };
  Node* node(const Name& name);
  const Node* node(const Name& name) const;

  Name origin_;
  std::map<std::string, Node> nodes_;  // key: Name::key()
};

// The zones one server holds; a query goes to the zone with the longest matching origin.
class ZoneSet {
 public:
  Zone& add_zone(Zone zone);  // replaces a zone with the same origin
  Zone* zone_for(const Name& name);
  const Zone* zone_for(const Name& name) const;
  Zone* zone(const Name& origin);  // exact origin
  const std::vector<Zone>& zones() const { return zones_; }

  // Replaces the RRset (name, type) in the zone that holds the name (an empty list removes
  // it): the scripted "fix the MX record". Throws ZoneError when no zone holds the name.
  void replace(const Name& name, RecordType type, std::vector<ResourceRecord> records);

  // A/AAAA records for `host` in any zone held (for the additional section).
  std::vector<ResourceRecord> addresses_of(const Name& host) const;

 private:
  // Zones whose origin is `name` or one of its ancestors, in the order they were added.
  std::vector<const Zone*> zones_above(const Name& name) const;

  std::vector<Zone> zones_;
  // Origin key -> index in zones_: a server holding a thousand zones answers without looking
  // at each of them (a name has a handful of ancestors).
  std::unordered_map<std::string, std::size_t> by_origin_;
};

}  // namespace mailsim::proto::dns

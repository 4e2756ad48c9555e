#include "agents/proto/dns/zone.hpp"

#include <algorithm>

#include "agents/proto/dns/messages.hpp"

namespace mailsim::proto::dns {

Zone::Zone(Name origin, ResourceRecord soa) : origin_(std::move(origin)) {
  if (soa.type != RecordType::SOA || !std::holds_alternative<SoaData>(soa.data))
    throw ZoneError(Text(msg::kZoneNeedsSoa, {{"zone", origin_.to_string()}}));
  add(std::move(soa));
}

const ResourceRecord& Zone::soa() const {
  const Node* apex = node(origin_);
  for (const auto& r : apex->records)
    if (r.type == RecordType::SOA) return r;
  throw ZoneError(
      Text(msg::kZoneNeedsSoa, {{"zone", origin_.to_string()}}));  // never: add keeps it
}

const SoaData& Zone::soa_data() const {
  return std::get<SoaData>(soa().data);
}

std::uint32_t Zone::negative_ttl() const {
  return std::min(soa().ttl, soa_data().minimum);
}

Zone::Node* Zone::node(const Name& name) {
  auto it = nodes_.find(name.key());
  return it == nodes_.end() ? nullptr : &it->second;
}

const Zone::Node* Zone::node(const Name& name) const {
  auto it = nodes_.find(name.key());
  return it == nodes_.end() ? nullptr : &it->second;
}

void Zone::add(ResourceRecord record) {
  if (!record.name.is_subdomain_of(origin_))
    throw ZoneError(Text(msg::kRecordOutsideZone,
                         {{"name", record.name.to_string()}, {"zone", origin_.to_string()}}));
  if (record.type == RecordType::SOA && !(record.name == origin_))
    throw ZoneError(Text(msg::kRecordOutsideZone,
                         {{"name", record.name.to_string()}, {"zone", origin_.to_string()}}));
  auto [it, inserted] = nodes_.try_emplace(record.name.key(), Node{record.name, {}});
  auto& records = it->second.records;
  const bool has_cname = std::any_of(records.begin(), records.end(),
                                     [](const auto& r) { return r.type == RecordType::CNAME; });
  if ((record.type == RecordType::CNAME && !records.empty() && !has_cname) ||
      (record.type != RecordType::CNAME && has_cname))
    throw ZoneError(Text(msg::kCnameAndOther, {{"name", record.name.to_string()}}));
  if (record.type == RecordType::SOA || record.type == RecordType::CNAME)
    std::erase_if(records, [&](const auto& r) { return r.type == record.type; });
  if (std::find(records.begin(), records.end(), record) == records.end())
    records.push_back(std::move(record));
}

void Zone::replace(const Name& name, RecordType type, std::vector<ResourceRecord> records) {
  if (type == RecordType::SOA && records.empty()) return;  // the SOA stays
  for (const auto& r : records)
    if (!(r.name == name) || r.type != type)
      throw ZoneError(
          Text(msg::kReplaceMismatch,
               {{"record", to_string(r)}, {"type", type_name(type)}, {"name", name.to_string()}}));
  remove(name, type);
  for (auto& r : records)
    add(std::move(r));
}

std::size_t Zone::remove(const Name& name, RecordType type) {
  if (type == RecordType::SOA && name == origin_) return 0;
  Node* n = node(name);
  if (!n) return 0;
  const auto removed = std::erase_if(n->records, [&](const auto& r) { return r.type == type; });
  if (n->records.empty()) nodes_.erase(name.key());
  return removed;
}

std::vector<ResourceRecord> Zone::find(const Name& name, RecordType type) const {
  std::vector<ResourceRecord> out;
  if (const Node* n = node(name))
    for (const auto& r : n->records)
      if (r.type == type || type == RecordType::ANY) out.push_back(r);
  return out;
}

std::vector<ResourceRecord> Zone::all_at(const Name& name) const {
  const Node* n = node(name);
  return n ? n->records : std::vector<ResourceRecord>{};
}

bool Zone::has_name(const Name& name) const {
  return node(name) != nullptr;
}

bool Zone::has_descendants(const Name& name) const {
  return std::any_of(nodes_.begin(), nodes_.end(), [&](const auto& kv) {
    const Name& n = kv.second.name;
    return n.label_count() > name.label_count() && n.is_subdomain_of(name);
  });
}

std::optional<Name> Zone::delegation_for(const Name& name) const {
  if (!name.is_subdomain_of(origin_)) return std::nullopt;
  for (std::size_t count = origin_.label_count() + 1; count <= name.label_count(); ++count) {
    const Name cut = name.suffix(count);
    if (!find(cut, RecordType::NS).empty()) return cut;
  }
  return std::nullopt;
}

std::vector<ResourceRecord> Zone::records() const {
  std::vector<ResourceRecord> out;
  for (const auto& [key, n] : nodes_)
    out.insert(out.end(), n.records.begin(), n.records.end());
  return out;
}

Zone& ZoneSet::add_zone(Zone zone) {
  if (Zone* existing = this->zone(zone.origin())) {
    *existing = std::move(zone);
    return *existing;
  }
  by_origin_.emplace(zone.origin().key(), zones_.size());
  zones_.push_back(std::move(zone));
  return zones_.back();
}

std::vector<const Zone*> ZoneSet::zones_above(const Name& name) const {
  std::vector<std::size_t> found;
  for (std::size_t count = 0; count <= name.label_count(); ++count) {
    auto it = by_origin_.find(name.suffix(count).key());
    if (it != by_origin_.end()) found.push_back(it->second);
  }
  std::sort(found.begin(), found.end());
  std::vector<const Zone*> out;
  for (std::size_t i : found)
    out.push_back(&zones_[i]);
  return out;
}

Zone* ZoneSet::zone_for(const Name& name) {
  return const_cast<Zone*>(static_cast<const ZoneSet*>(this)->zone_for(name));
}

const Zone* ZoneSet::zone_for(const Name& name) const {
  // The longest origin that holds the name: walk from the name itself up to the root.
  for (std::size_t count = name.label_count() + 1; count-- > 0;) {
    auto it = by_origin_.find(name.suffix(count).key());
    if (it != by_origin_.end()) return &zones_[it->second];
  }
  return nullptr;
}

Zone* ZoneSet::zone(const Name& origin) {
  auto it = by_origin_.find(origin.key());
  return it == by_origin_.end() ? nullptr : &zones_[it->second];
}

void ZoneSet::replace(const Name& name, RecordType type, std::vector<ResourceRecord> records) {
  Zone* z = zone_for(name);
  if (!z) throw ZoneError(Text(msg::kNoZoneFor, {{"name", name.to_string()}}));
  z->replace(name, type, std::move(records));
}

std::vector<ResourceRecord> ZoneSet::addresses_of(const Name& host) const {
  std::vector<ResourceRecord> out;
  // Only a zone above the host can hold its records (Zone::add refuses the others).
  for (const Zone* z : zones_above(host)) {
    for (auto type : {RecordType::A, RecordType::AAAA}) {
      auto found = z->find(host, type);
      for (auto& r : found)
        if (std::find(out.begin(), out.end(), r) == out.end()) out.push_back(std::move(r));
    }
  }
  return out;
}

}  // namespace mailsim::proto::dns

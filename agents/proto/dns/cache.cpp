#include "agents/proto/dns/cache.hpp"

#include <algorithm>
#include <chrono>

namespace mailsim::proto::dns {

namespace {
constexpr std::uint16_t kAllTypes = 0;         // the key type of an NXDOMAIN entry
constexpr std::uint32_t kMaxTtl = 0x7FFFFFFF;  // RFC 2181 8: larger values count as 0
std::uint32_t usable_ttl(std::uint32_t ttl) {
  return ttl > kMaxTtl ? 0 : ttl;
}
}  // namespace

std::string_view cache_answer_name(CacheAnswerKind kind) {
  switch (kind) {
    case CacheAnswerKind::miss:
      return "miss";
    case CacheAnswerKind::records:
      return "records";
    case CacheAnswerKind::cname:
      return "cname";
    case CacheAnswerKind::nxdomain:
      return "nxdomain";
    case CacheAnswerKind::nodata:
      return "nodata";
  }
  return "?";
}

std::string_view cache_event_name(CacheEvent::Kind kind) {
  switch (kind) {
    case CacheEvent::Kind::stored:
      return "stored";
    case CacheEvent::Kind::hit:
      return "hit";
    case CacheEvent::Kind::expired:
      return "expired";
  }
  return "?";
}

std::uint32_t remaining_ttl(sim::SimTime expires_at, sim::SimTime now) {
  if (expires_at <= now) return 0;
  return static_cast<std::uint32_t>(
      std::chrono::duration_cast<std::chrono::seconds>(expires_at - now).count());
}

void Cache::notify(CacheEvent::Kind kind, const Entry& e, std::uint32_t ttl) {
  if (observer_) observer_(CacheEvent{kind, e.name, e.type, e.kind, ttl, e.expires_at});
}

void Cache::put(Entry entry, sim::SimTime now) {
  if (entry.ttl == 0) return;
  entry.expires_at = now + std::chrono::seconds(entry.ttl);
  Key key{entry.name.key(), static_cast<std::uint16_t>(entry.type)};
  notify(CacheEvent::Kind::stored, entry, entry.ttl);
  if (auto old = entries_.find(key); old != entries_.end()) erase(old);
  by_expiry_.insert(entries_.emplace(std::move(key), std::move(entry)).first);
}

void Cache::erase(Entries::iterator it) {
  by_expiry_.erase(it);
  entries_.erase(it);
}

void Cache::store(const std::vector<ResourceRecord>& rrset, sim::SimTime now) {
  if (rrset.empty()) return;
  std::uint32_t ttl = kMaxTtl;
  for (const auto& r : rrset)
    ttl = std::min(ttl, usable_ttl(r.ttl));
  const auto kind =
      rrset.front().type == RecordType::CNAME ? CacheAnswerKind::cname : CacheAnswerKind::records;
  // A positive answer for a name ends an NXDOMAIN that covered it.
  if (auto nx = entries_.find(Key{rrset.front().name.key(), kAllTypes}); nx != entries_.end())
    erase(nx);
  put(Entry{kind, rrset.front().name, rrset.front().type, rrset, std::nullopt, ttl, {}}, now);
}

void Cache::store_negative(const Name& name, RecordType type, bool nxdomain,
                           const ResourceRecord& soa, sim::SimTime now) {
  std::uint32_t ttl = usable_ttl(soa.ttl);
  if (const auto* data = std::get_if<SoaData>(&soa.data))
    ttl = std::min(ttl, usable_ttl(data->minimum));
  put(Entry{nxdomain ? CacheAnswerKind::nxdomain : CacheAnswerKind::nodata,
            name,
            nxdomain ? static_cast<RecordType>(kAllTypes) : type,
            {},
            soa,
            ttl,
            {}},
      now);
}

const Cache::Entry* Cache::live(const Key& key, sim::SimTime now) {
  auto it = entries_.find(key);
  if (it == entries_.end()) return nullptr;
  if (it->second.expires_at <= now) {
    notify(CacheEvent::Kind::expired, it->second, 0);
    erase(it);
    return nullptr;
  }
  return &it->second;
}

CacheAnswer Cache::answer_from(const Entry& e, sim::SimTime now) {
  const std::uint32_t left = remaining_ttl(e.expires_at, now);
  notify(CacheEvent::Kind::hit, e, left);
  CacheAnswer a{e.kind, e.records, e.soa};
  for (auto& r : a.records)
    r.ttl = left;
  if (a.soa) a.soa->ttl = left;
  return a;
}

CacheAnswer Cache::lookup(const Name& name, RecordType type, sim::SimTime now) {
  const std::string key = name.key();
  if (const Entry* e = live({key, kAllTypes}, now)) return answer_from(*e, now);
  if (const Entry* e = live({key, static_cast<std::uint16_t>(type)}, now))
    return answer_from(*e, now);
  if (type != RecordType::CNAME)
    if (const Entry* e = live({key, static_cast<std::uint16_t>(RecordType::CNAME)}, now))
      return answer_from(*e, now);
  return {};
}

void Cache::expire(sim::SimTime now) {
  std::vector<Entries::iterator> due;
  for (auto it = by_expiry_.begin(); it != by_expiry_.end() && (*it)->second.expires_at <= now;
       ++it)
    due.push_back(*it);
  // Reported in key order, whatever their expiry: a sweep is one moment.
  std::sort(due.begin(), due.end(), [](auto a, auto b) { return a->first < b->first; });
  for (auto it : due) {
    notify(CacheEvent::Kind::expired, it->second, 0);
    erase(it);
  }
}

std::optional<sim::SimTime> Cache::next_expiry() const {
  if (by_expiry_.empty()) return std::nullopt;
  return (*by_expiry_.begin())->second.expires_at;
}

}  // namespace mailsim::proto::dns

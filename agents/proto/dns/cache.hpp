#pragma once
// The resolver's cache: RRsets kept for their TTL (RFC 1035 7.4, RFC 2181 5 and 8), and
// negative answers (NXDOMAIN for a name, NODATA for a name and type) kept for
// min(SOA TTL, SOA MINIMUM) (RFC 2308 5). Records handed out carry the TTL that remains.
// A TTL of 0 is used once and never stored. Every store, hit and expiry goes to the observer.
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "agents/proto/dns/record.hpp"
#include "sim/time.hpp"

namespace mailsim::proto::dns {

enum class CacheAnswerKind { miss, records, cname, nxdomain, nodata };
std::string_view cache_answer_name(CacheAnswerKind kind);

struct CacheAnswer {
  CacheAnswerKind kind = CacheAnswerKind::miss;
  std::vector<ResourceRecord> records;  // the RRset, or the CNAME record (TTLs as remaining)
  std::optional<ResourceRecord> soa;    // for negative answers
};

struct CacheEvent {
  enum class Kind { stored, hit, expired };
  Kind kind;
  Name name;
  RecordType type;        // RecordType{0} for an NXDOMAIN entry, which covers every type
  CacheAnswerKind entry;  // records, cname, nxdomain or nodata
  std::uint32_t ttl;      // stored TTL, or the TTL that remains at a hit
  sim::SimTime expires_at;
};
std::string_view cache_event_name(CacheEvent::Kind kind);

class Cache {
 public:
  using Observer = std::function<void(const CacheEvent&)>;

  void set_observer(Observer observer) { observer_ = std::move(observer); }

  // An RRset (same name and type); its TTL is the smallest of its records (RFC 2181 5.2).
  void store(const std::vector<ResourceRecord>& rrset, sim::SimTime now);
  // NXDOMAIN (covers every type of `name`) or NODATA (that type only), with the zone's SOA.
  void store_negative(const Name& name, RecordType type, bool nxdomain, const ResourceRecord& soa,
                      sim::SimTime now);

  // Looks for (name, type); a cached CNAME at the name answers any other type. Expired
  // entries found on the way are dropped (and reported).
  CacheAnswer lookup(const Name& name, RecordType type, sim::SimTime now);
  // Drops every entry whose time is up.
  void expire(sim::SimTime now);
  std::optional<sim::SimTime> next_expiry() const;
  std::size_t size() const { return entries_.size(); }
  void clear() {
    entries_.clear();
    by_expiry_.clear();
  }

 private:
  struct Entry {
    CacheAnswerKind kind;
    Name name;
    RecordType type;
    std::vector<ResourceRecord> records;
    std::optional<ResourceRecord> soa;
    std::uint32_t ttl;
    sim::SimTime expires_at;
  };
  using Key = std::pair<std::string, std::uint16_t>;
  using Entries = std::map<Key, Entry>;
  // Entries by (expiry, key): expire() and next_expiry() look at the due ones only, not at the
  // whole cache (a busy MTA's resolver holds thousands of names).
  struct ByExpiry {
    bool operator()(Entries::iterator a, Entries::iterator b) const {
      if (a->second.expires_at != b->second.expires_at)
        return a->second.expires_at < b->second.expires_at;
      return a->first < b->first;
    }
  };

  void put(Entry entry, sim::SimTime now);
  void erase(Entries::iterator it);
  const Entry* live(const Key& key, sim::SimTime now);  // drops it when expired
  CacheAnswer answer_from(const Entry& e, sim::SimTime now);
  void notify(CacheEvent::Kind kind, const Entry& e, std::uint32_t ttl);

  Entries entries_;
  std::set<Entries::iterator, ByExpiry> by_expiry_;
  Observer observer_;
};

// Seconds left before `expires_at`, rounded down.
std::uint32_t remaining_ttl(sim::SimTime expires_at, sim::SimTime now);

}  // namespace mailsim::proto::dns

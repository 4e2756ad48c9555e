#pragma once
// What the DNS panel shows, without ImGui: every question a resolver sent and the answer it got
// (from the journey log's copies of the dns.* records), and each resolver's cache as the trace
// told it (dns.cache.stored, dns.cache.expired), with the time each entry has left at a given
// moment: the TTLs count down as the simulated clock advances, and an entry leaves when its
// time is up.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "sim/time.hpp"
#include "sim/trace.hpp"
#include "ui/report/journey_log.hpp"

namespace mailsim::gui {

struct DnsExchange {
  sim::SimTime asked{0};
  std::string resolver;  // the host that asked
  std::string server;    // the host asked (its address when no server listens there)
  std::string name, type;
  std::optional<sim::SimTime> answered;
  std::string answer;  // "NOERROR MX 10 mx.b.example.", "NXDOMAIN"
  bool timed_out = false;
};
// In the order the questions were sent.
std::vector<DnsExchange> dns_exchanges(const report::JourneyLog& log);

struct CachedEntry {
  std::string name, type;
  std::string entry;  // records, cname, nxdomain, nodata
  std::string data;   // the records of the answer that filled it, "; "-separated
  sim::SimTime stored{0}, expires{0};
  sim::SimTime left{0};  // at the time asked for
};
struct ResolverCache {
  std::string resolver;
  std::vector<CachedEntry> entries;  // by name, then type
};

class DnsCaches {
 public:
  explicit DnsCaches(sim::Trace& trace);
  ~DnsCaches();
  DnsCaches(const DnsCaches&) = delete;
  DnsCaches& operator=(const DnsCaches&) = delete;

  // Each resolver's entries still valid at `now`, with the time they have left.
  std::vector<ResolverCache> at(sim::SimTime now) const;

 private:
  void on_record(const sim::TraceRecord& r);

  using Key = std::pair<std::string, std::string>;  // name, type
  sim::Trace& trace_;
  sim::Trace::SubscriptionId subscription_;
  std::map<std::string, std::map<Key, CachedEntry>> caches_;   // resolver -> entries
  std::map<std::string, std::map<Key, std::string>> answers_;  // resolver -> last records seen
};

}  // namespace mailsim::gui

#pragma once
// What a lookup returns, and the abstract service that gives it. The mail lookups (MX) and
// the SPF evaluator ask through LookupService, so they run over the resolver in the simulator
// and over plain zone data (ZoneLookupService) in tests and in scenarios without a network.
#include <cstdint>
#include <functional>
#include <optional>
#include <string_view>
#include <vector>

#include "agents/proto/dns/message.hpp"
#include "agents/proto/dns/zone.hpp"

namespace mailsim::proto::dns {

enum class LookupStatus {
  ok,           // records of the type asked, at the end of any CNAME chain
  nxdomain,     // the name does not exist (permanent)
  nodata,       // the name exists without records of that type
  servfail,     // the servers failed, refused or gave unusable answers (temporary)
  timeout,      // no server answered in time (temporary)
  cname_limit,  // the CNAME chain was too long or looped (temporary: a configuration error)
};
std::string_view lookup_status_name(LookupStatus status);  // "ok", "NXDOMAIN", ...
// SERVFAIL, timeout and a runaway CNAME chain may get better later; the others are answers.
bool is_temporary(LookupStatus status);

struct LookupResult {
  Question question;
  LookupStatus status = LookupStatus::servfail;
  Name canonical_name;                  // after the CNAME chain
  std::vector<ResourceRecord> records;  // ok: the RRset of the type asked at canonical_name
  std::vector<ResourceRecord> cnames;   // the chain followed, in order
  std::optional<ResourceRecord> soa;    // negative answers, when the server sent it
  bool from_cache = false;              // answered without sending a query
  int queries = 0;                      // queries sent for this lookup
};

class LookupService {
 public:
  using Callback = std::function<void(const LookupResult&)>;
  virtual ~LookupService() = default;
  // The callback may run before lookup() returns (a cache hit, zone data) or later.
  virtual void lookup(const Question& question, Callback done) = 0;
};

inline constexpr int kDefaultCnameLimit = 8;

// Answers from zone data directly, without packets: the answer of the server holding the
// zones, CNAMEs followed across the zones held. Names outside the zones are SERVFAIL, like a
// resolver whose authoritative servers all refuse.
class ZoneLookupService : public LookupService {
 public:
  explicit ZoneLookupService(const ZoneSet& zones, int cname_limit = kDefaultCnameLimit)
      : zones_(zones), cname_limit_(cname_limit) {}
  void lookup(const Question& question, Callback done) override;
  LookupResult lookup_now(const Question& question) const;
  int lookups() const { return lookups_; }  // how many questions were asked

 private:
  const ZoneSet& zones_;
  int cname_limit_;
  int lookups_ = 0;
};

}  // namespace mailsim::proto::dns

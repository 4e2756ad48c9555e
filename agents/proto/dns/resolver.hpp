#pragma once
// The resolver core, in the one engine shape of docs/protocols.md: a state machine with no
// sockets and no clock. It is driven by four inputs, each with the time (a lookup asked, a
// response arrived, a timer fired, a query the network could not carry) and answers with
// actions (send this query to that server over UDP or TCP, start or cancel a timer) that its
// owner takes with take_actions() and carries out on the network. Query ids are drawn from the
// random stream its owner passes in. Completed lookups go to their callbacks; every step goes
// to the observer, for the trace.
//
// Per lookup: the cache first (CNAMEs it holds are followed); then queries. In stub mode they
// go to the configured recursive servers with RD set; in recursive mode they start from the
// closest zone whose servers the cache knows, else from the root hints, and follow referrals
// (NS in authority, addresses from glue, or looked up when there is none). Each query waits
// `timeout`; a timeout, SERVFAIL, REFUSED or a lame referral moves to the next server, for
// `rounds` passes over the list (RFC 1035 4.2.1). A truncated UDP answer is asked again over
// TCP from the same server. CNAMEs are followed up to `cname_limit`. Answers and referrals
// are cached, negative answers for min(SOA TTL, MINIMUM) (RFC 2308 5).
#include <cstdint>
#include <deque>
#include <functional>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <variant>
#include <vector>

#include "agents/proto/dns/cache.hpp"
#include "agents/proto/dns/lookup.hpp"
#include "agents/proto/dns/message.hpp"
#include "agents/proto/timer_actions.hpp"
#include "sim/random.hpp"
#include "sim/time.hpp"

namespace mailsim::proto::dns {

struct Server {
  IpAddress address;
  Name name;  // for the trace; the root when unknown
  friend bool operator==(const Server&, const Server&) = default;
};
std::string to_string(const Server& server);  // "ns1.b.example. (192.0.2.53)" or "192.0.2.53"

enum class ResolverMode { stub, recursive };

struct ResolverConfig {
  ResolverMode mode = ResolverMode::stub;
  std::vector<Server> servers;                     // stub: recursive servers; recursive: root hints
  sim::SimTime timeout = std::chrono::seconds(3);  // per query (RFC 1035 4.2.1: 2-5 s)
  int rounds = 2;                                  // passes over the server list
  int cname_limit = kDefaultCnameLimit;
  int referral_limit = 16;   // delegations followed by one lookup
  int query_limit = 60;      // queries sent by one lookup, sub-lookups included
  int glue_depth_limit = 3;  // nested lookups of name server addresses
};

using LookupId = std::uint64_t;
using ExchangeId = TimerId;  // one query sent, and its timer
using proto::CancelTimer;
using proto::StartTimer;

struct SendQuery {
  ExchangeId exchange;
  Server server;
  Transport transport;
  Message message;
  std::vector<std::uint8_t> bytes;  // the encoded message (TCP framing is the adapter's)
};
using ResolverAction = std::variant<SendQuery, StartTimer, CancelTimer>;

// One step of a lookup, for the trace and the window.
struct ResolverEvent {
  enum class Kind {
    lookup_started,
    query_sent,
    response,
    response_ignored,
    timeout,
    unreachable,
    truncated,
    server_failed,
    referral,
    cname,
    cache,
    lookup_done
  };
  ResolverEvent(Kind k, LookupId l = 0, Question q = {}, std::optional<Server> s = std::nullopt,
                Transport tr = Transport::udp, const Message* m = nullptr)
      : kind(k),
        lookup(l),
        question(std::move(q)),
        server(std::move(s)),
        transport(tr),
        message(m) {}

  Kind kind;
  LookupId lookup = 0;
  Question question;             // the question of that step (after CNAMEs)
  std::optional<Server> server;  // query_sent, response, timeout, server_failed, referral
  Transport transport = Transport::udp;
  const Message* message = nullptr;    // query_sent, response: valid during the call only
  std::optional<CacheEvent> cache;     // cache
  std::optional<LookupResult> result;  // lookup_done
  Name zone;                           // referral: the zone delegated to
};
std::string_view resolver_event_name(ResolverEvent::Kind kind);

class Resolver : public LookupService {
 public:
  using Observer = std::function<void(const ResolverEvent&)>;

  // `rng` draws query ids: the owner's stream (an agent's named stream, or a seeded one).
  Resolver(ResolverConfig config, sim::RandomStream& rng);

  void set_observer(Observer observer) { observer_ = std::move(observer); }
  const ResolverConfig& config() const { return config_; }
  Cache& cache() { return cache_; }

  // Inputs, each with the time (which reads the cache's TTLs and places the timers).
  LookupId resolve(const Question& question, Callback done, sim::SimTime now);
  // A message from `from` (its address is what counts). Garbled, unexpected or late
  // responses are reported and dropped.
  void on_response(const IpAddress& from, Transport transport, std::span<const std::uint8_t> bytes,
                   sim::SimTime now);
  void on_timer(ExchangeId timer, sim::SimTime now);
  // The network could not deliver the query (no route, port closed, TCP reset).
  void on_unreachable(ExchangeId exchange, sim::SimTime now);
  // Time passed with no input (before a lookup asked through LookupService).
  void advance(sim::SimTime now) { now_ = now; }
  // LookupService, for the mail route and SPF: a lookup at the time of the last input or
  // advance() (they ask from inside a lookup's callback, or their owner advances first).
  void lookup(const Question& question, Callback done) override {
    resolve(question, std::move(done), now_);
  }

  // Outputs, in the order they were decided.
  std::vector<ResolverAction> take_actions();
  std::size_t pending_lookups() const { return tasks_.size(); }

  // The timer id of the cache sweep: when it fires, expired entries are dropped and reported.
  static constexpr ExchangeId kCacheSweepTimer = 0;

 private:
  struct Exchange {
    ExchangeId id;
    std::uint16_t message_id;
    Server server;
    Transport transport;
    Question question;
  };
  struct Task {
    LookupId id;
    Question question;  // as asked
    Name current;       // after the CNAMEs followed so far
    Callback done;
    std::vector<ResourceRecord> cnames;
    std::vector<Server> servers;
    std::size_t next_server = 0;
    int attempts_left = 0;
    int tried = 0;             // servers tried since the list was last chosen
    bool all_timeouts = true;  // every failed attempt so far was a timeout
    Name zone;                 // recursive: the zone whose servers are being asked
    int referrals = 0;
    int queries = 0;
    int depth = 0;  // 0 for a lookup asked from outside
    std::optional<Exchange> inflight;
    std::vector<Name> glueless;  // name servers still to look up, for a delegation without glue
  };

  Task* task(LookupId id);
  LookupId start(const Question& question, Callback done, int depth);
  void reset_attempts(Task& t);
  void server_failed(Task& t, const Exchange& ex);
  void lost(ExchangeId exchange, ResolverEvent::Kind kind);  // timeout or unreachable
  void emit(ResolverEvent event) const;
  void advance(Task& t);  // cache, then the network
  void choose_servers(Task& t);
  void send_next(Task& t);  // the next server, or give up
  void send(Task& t, const Server& server, Transport transport);
  void handle_response(Task& t, const Exchange& ex, const Message& m);
  bool follow_referral(Task& t, const Exchange& ex, const Message& m);
  void resolve_name_server(Task& t);
  void finish(Task& t, LookupStatus status, std::vector<ResourceRecord> records = {},
              std::optional<ResourceRecord> soa = std::nullopt);
  void drain();  // runs finished callbacks and re-arms the cache sweep
  sim::SimTime now() const { return now_; }

  ResolverConfig config_;
  sim::RandomStream& rng_;
  sim::SimTime now_{0};  // the time of the input being handled
  Cache cache_;
  Observer observer_;
  std::map<LookupId, Task> tasks_;
  std::vector<ResolverAction> actions_;
  std::deque<std::pair<Callback, LookupResult>> finished_;
  bool draining_ = false;
  std::optional<sim::SimTime> sweep_at_;
  LookupId acting_for_ = 0;  // the lookup the cache is working for, for its events
  LookupId next_lookup_ = 1;
  ExchangeId next_exchange_ = 1;
};

}  // namespace mailsim::proto::dns

#pragma once
// A stand-in for the virtual network in the resolver tests: it carries out the resolver's
// actions exactly as the network adapter will (send, start and cancel timers), with servers
// that answer through the authoritative logic (serve()) after a fixed delay. TCP queries go
// through the two-octet framing, delivered one octet at a time.
#include <fmt/format.h>

#include <functional>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "agents/proto/dns/authoritative.hpp"
#include "agents/proto/dns/resolver.hpp"
#include "agents/proto/dns/tcp_framing.hpp"
#include "sim/time.hpp"

namespace mailsim::proto::dns::test {

using namespace std::chrono_literals;

class SimNetwork {
 public:
  struct Received {  // a query as a server saw it
    std::string server;
    Transport transport;
    std::string question;
    sim::SimTime at;
  };

  SimNetwork(Resolver& resolver, sim::SimTime& clock) : resolver_(resolver), clock_(clock) {}

  void add_server(const std::string& address, ZoneSet zones) {
    servers_[address] = Host{std::move(zones), false};
  }
  ZoneSet& zones(const std::string& address) { return servers_.at(address).zones; }
  void set_down(const std::string& address, bool down) { servers_.at(address).down = down; }
  // Called with every query sent, before the server sees it (to inject forged responses).
  void set_noise(std::function<void(const SendQuery&)> noise) { noise_ = std::move(noise); }
  // A server whose UDP answers over `limit` octets are cut there with TC set, in the middle of
  // a record, the counts left as they were (as some servers and middleboxes do).
  void cut_udp_at(const std::string& address, std::size_t limit) { cut_at_[address] = limit; }
  // Addresses that reject packets at once (like an ICMP port unreachable).
  void set_unreachable(const std::string& address) { unreachable_.insert(address); }

  // Runs until no lookup is pending and nothing is in flight (cache sweeps wait).
  void run() {
    pull();
    while (!events_.empty())
      step_one();
  }
  // Lets time pass to `t`, running everything due before it, cache sweeps included.
  void advance_to(sim::SimTime t) {
    pull();
    for (;;) {
      auto next = next_time();
      if (!next || *next > t) break;
      step_one();
    }
    clock_ = t;
    resolver_.advance(t);  // lookups asked through LookupService next happen at t
  }

  const std::vector<Received>& received() const { return received_; }
  std::size_t queries_to(const std::string& address) const {
    std::size_t n = 0;
    for (const auto& r : received_)
      n += r.server == address;
    return n;
  }

 private:
  struct Host {
    ZoneSet zones;
    bool down;
  };
  struct Event {
    bool is_timer = false;
    ExchangeId timer = 0;
    IpAddress from{};
    Transport transport = Transport::udp;
    std::vector<std::uint8_t> bytes;
  };

  std::optional<sim::SimTime> next_time() const {
    std::optional<sim::SimTime> next;
    if (!events_.empty()) next = events_.begin()->first.first;
    if (sweep_ && (!next || *sweep_ < *next)) next = sweep_;
    return next;
  }

  void step_one() {
    const bool sweep_first = sweep_ && (events_.empty() || *sweep_ < events_.begin()->first.first);
    if (sweep_first) {
      clock_ = *sweep_;
      sweep_.reset();
      resolver_.on_timer(Resolver::kCacheSweepTimer, clock_);
    } else {
      auto it = events_.begin();
      clock_ = it->first.first;
      Event e = std::move(it->second);
      events_.erase(it);
      if (e.is_timer) {
        timers_.erase(e.timer);
        resolver_.on_timer(e.timer, clock_);
      } else if (e.transport == Transport::tcp) {
        TcpFrameReader reader;  // the stream arrives in one-octet pieces
        for (auto b : e.bytes)
          reader.feed(std::span(&b, 1));
        while (auto m = reader.next())
          resolver_.on_response(e.from, Transport::tcp, *m, clock_);
      } else {
        resolver_.on_response(e.from, Transport::udp, e.bytes, clock_);
      }
    }
    pull();
  }

  void schedule(sim::SimTime at, Event e) { events_.emplace(std::pair{at, seq_++}, std::move(e)); }

  void pull() {
    for (auto actions = resolver_.take_actions(); !actions.empty();
         actions = resolver_.take_actions())
      for (auto& action : actions)
        carry_out(action);
  }

  void carry_out(ResolverAction& action) {
    {
      if (auto* s = std::get_if<SendQuery>(&action)) {
        deliver(*s);
      } else if (auto* t = std::get_if<StartTimer>(&action)) {
        if (t->timer == Resolver::kCacheSweepTimer) {
          sweep_ = t->at;
          return;
        }
        Event e;
        e.is_timer = true;
        e.timer = t->timer;
        timers_[t->timer] = {t->at, seq_};
        schedule(t->at, std::move(e));
      } else if (auto* c = std::get_if<CancelTimer>(&action)) {
        if (c->timer == Resolver::kCacheSweepTimer) {
          sweep_.reset();
          return;
        }
        auto it = timers_.find(c->timer);
        if (it != timers_.end()) {
          events_.erase(it->second);
          timers_.erase(it);
        }
      }
    }
  }

  void deliver(const SendQuery& s) {
    if (noise_) noise_(s);
    const std::string address = to_string(s.server.address);
    if (unreachable_.count(address)) {
      resolver_.on_unreachable(s.exchange, clock_);
      return;
    }
    auto host = servers_.find(address);
    if (host == servers_.end() || host->second.down) return;  // lost: the timer will fire
    received_.push_back({address, s.transport, to_string(s.message.questions.front()), clock_});
    std::vector<std::uint8_t> request = s.bytes;
    if (s.transport == Transport::tcp) {  // framed by the client, unframed by the server
      TcpFrameReader reader;
      reader.feed(frame_for_tcp(request));
      request = *reader.next();
    }
    auto result = serve(host->second.zones, request, s.transport);
    if (!result) return;
    if (auto cut = cut_at_.find(address); cut != cut_at_.end() && s.transport == Transport::udp) {
      result->bytes = encode(result->response);
      if (result->bytes.size() > cut->second) {
        result->bytes.resize(cut->second);
        result->bytes[2] |= 0x02;  // TC
      }
    }
    Event e;
    e.from = s.server.address;
    e.transport = s.transport;
    e.bytes = s.transport == Transport::tcp ? frame_for_tcp(result->bytes) : result->bytes;
    schedule(clock_ + 20ms, std::move(e));
  }

  Resolver& resolver_;
  sim::SimTime& clock_;
  std::map<std::string, Host> servers_;
  std::set<std::string> unreachable_;
  std::map<std::string, std::size_t> cut_at_;
  std::function<void(const SendQuery&)> noise_;
  using Key = std::pair<sim::SimTime, std::uint64_t>;
  std::map<Key, Event> events_;
  std::map<ExchangeId, Key> timers_;
  std::optional<sim::SimTime> sweep_;
  std::uint64_t seq_ = 0;
  std::vector<Received> received_;
};

}  // namespace mailsim::proto::dns::test

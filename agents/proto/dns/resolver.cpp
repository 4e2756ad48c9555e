#include "agents/proto/dns/resolver.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace mailsim::proto::dns {

namespace {
bool same_question(const Question& a, const Question& b) {
  return a.name == b.name && a.type == b.type && a.klass == b.klass;
}
}  // namespace

std::string to_string(const Server& server) {
  if (server.name.is_root()) return dns::to_string(server.address);
  return fmt::format("{} ({})", server.name.to_string(), dns::to_string(server.address));
}

std::string_view resolver_event_name(ResolverEvent::Kind kind) {
  using K = ResolverEvent::Kind;
  switch (kind) {
    case K::lookup_started:
      return "lookup";
    case K::query_sent:
      return "query";
    case K::response:
      return "response";
    case K::response_ignored:
      return "ignored";
    case K::timeout:
      return "timeout";
    case K::unreachable:
      return "unreachable";
    case K::truncated:
      return "truncated";
    case K::server_failed:
      return "server_failed";
    case K::referral:
      return "referral";
    case K::cname:
      return "cname";
    case K::cache:
      return "cache";
    case K::lookup_done:
      return "done";
  }
  return "?";
}

Resolver::Resolver(ResolverConfig config, sim::RandomStream& rng)
    : config_(std::move(config)), rng_(rng) {
  cache_.set_observer([this](const CacheEvent& e) {
    ResolverEvent ev{ResolverEvent::Kind::cache};
    ev.lookup = acting_for_;
    ev.question = {e.name, e.type};
    ev.cache = e;
    emit(std::move(ev));
  });
}

void Resolver::emit(ResolverEvent event) const {
  if (observer_) observer_(event);
}

Resolver::Task* Resolver::task(LookupId id) {
  auto it = tasks_.find(id);
  return it == tasks_.end() ? nullptr : &it->second;
}

std::vector<ResolverAction> Resolver::take_actions() {
  return std::exchange(actions_, {});
}

LookupId Resolver::resolve(const Question& question, Callback done, sim::SimTime now) {
  now_ = now;
  const LookupId id = start(question, std::move(done), 0);
  drain();
  return id;
}

LookupId Resolver::start(const Question& question, Callback done, int depth) {
  const LookupId id = next_lookup_++;
  Task& t = tasks_.emplace(id, Task{}).first->second;
  t.id = id;
  t.question = question;
  t.current = question.name;
  t.done = std::move(done);
  t.depth = depth;
  ResolverEvent ev{ResolverEvent::Kind::lookup_started, id, question};
  emit(std::move(ev));
  advance(t);
  return id;
}

void Resolver::advance(Task& t) {
  acting_for_ = t.id;
  for (;;) {
    if (static_cast<int>(t.cnames.size()) > config_.cname_limit) {
      finish(t, LookupStatus::cname_limit);
      return;
    }
    CacheAnswer a = cache_.lookup(t.current, t.question.type, now());
    switch (a.kind) {
      case CacheAnswerKind::records:
        finish(t, LookupStatus::ok, std::move(a.records));
        return;
      case CacheAnswerKind::cname:
        if (t.question.type == RecordType::CNAME) {
          finish(t, LookupStatus::ok, std::move(a.records));
          return;
        }
        t.cnames.push_back(a.records.front());
        t.current = std::get<CnameData>(a.records.front().data).target;
        continue;
      case CacheAnswerKind::nxdomain:
        finish(t, LookupStatus::nxdomain, {}, std::move(a.soa));
        return;
      case CacheAnswerKind::nodata:
        finish(t, LookupStatus::nodata, {}, std::move(a.soa));
        return;
      case CacheAnswerKind::miss:
        break;
    }
    break;
  }
  choose_servers(t);
  send_next(t);
}

void Resolver::choose_servers(Task& t) {
  t.servers.clear();
  t.zone = Name();
  if (config_.mode == ResolverMode::recursive) {
    // The closest enclosing zone whose name servers and their addresses are cached.
    for (Name n = t.current;; n = n.parent()) {
      CacheAnswer ns = cache_.lookup(n, RecordType::NS, now());
      if (ns.kind == CacheAnswerKind::records) {
        for (const auto& r : ns.records) {
          const Name& host = std::get<NsData>(r.data).host;
          CacheAnswer a = cache_.lookup(host, RecordType::A, now());
          if (a.kind != CacheAnswerKind::records) continue;
          for (const auto& addr : a.records)
            t.servers.push_back({std::get<AData>(addr.data).address, host});
        }
        if (!t.servers.empty()) {
          t.zone = n;
          break;
        }
      }
      if (n.is_root()) break;
    }
  }
  if (t.servers.empty()) t.servers = config_.servers;
  reset_attempts(t);
}

void Resolver::reset_attempts(Task& t) {
  t.next_server = 0;
  t.attempts_left = static_cast<int>(t.servers.size()) * std::max(config_.rounds, 1);
  t.all_timeouts = true;
  t.tried = 0;
}

void Resolver::send_next(Task& t) {
  if (t.attempts_left <= 0 || t.servers.empty()) {
    finish(t, t.tried > 0 && t.all_timeouts ? LookupStatus::timeout : LookupStatus::servfail);
    return;
  }
  if (t.queries >= config_.query_limit) {
    finish(t, LookupStatus::servfail);
    return;
  }
  --t.attempts_left;
  ++t.tried;
  const Server server = t.servers[t.next_server % t.servers.size()];
  ++t.next_server;
  send(t, server, Transport::udp);
}

void Resolver::send(Task& t, const Server& server, Transport transport) {
  Exchange ex{next_exchange_++, static_cast<std::uint16_t>(rng_.below(0x10000)), server, transport,
              Question{t.current, t.question.type, t.question.klass}};
  const Message m = make_query(ex.message_id, ex.question, config_.mode == ResolverMode::stub);
  ++t.queries;
  actions_.push_back(SendQuery{ex.id, server, transport, m, encode(m)});
  actions_.push_back(StartTimer{ex.id, now() + config_.timeout});
  ResolverEvent ev{ResolverEvent::Kind::query_sent, t.id, ex.question, server, transport, &m};
  emit(std::move(ev));
  t.inflight = std::move(ex);
}

void Resolver::on_response(const IpAddress& from, Transport transport,
                           std::span<const std::uint8_t> bytes, sim::SimTime now) {
  now_ = now;
  Message m;
  try {
    m = decode_response(bytes);
  } catch (const DecodeError&) {
    ResolverEvent ev{ResolverEvent::Kind::response_ignored};
    ev.server = Server{from, Name()};
    ev.transport = transport;
    emit(std::move(ev));
    return;
  }
  Task* found = nullptr;
  for (auto& [id, t] : tasks_) {
    const auto& ex = t.inflight;
    if (ex && ex->server.address == from && ex->transport == transport &&
        ex->message_id == m.header.id && m.header.qr && m.questions.size() == 1 &&
        same_question(m.questions.front(), ex->question)) {
      found = &t;
      break;
    }
  }
  if (!found) {  // late (after a timeout), duplicated, or not ours
    ResolverEvent ev{ResolverEvent::Kind::response_ignored};
    ev.server = Server{from, Name()};
    ev.transport = transport;
    ev.message = &m;
    emit(std::move(ev));
    return;
  }
  Task& t = *found;
  acting_for_ = t.id;
  const Exchange ex = *t.inflight;
  t.inflight.reset();
  actions_.push_back(CancelTimer{ex.id});
  ResolverEvent ev{ResolverEvent::Kind::response, t.id, ex.question, ex.server, transport, &m};
  emit(std::move(ev));
  handle_response(t, ex, m);
  drain();
}

void Resolver::server_failed(Task& t, const Exchange& ex) {
  t.all_timeouts = false;
  ResolverEvent ev{ResolverEvent::Kind::server_failed, t.id, ex.question, ex.server, ex.transport};
  emit(std::move(ev));
  send_next(t);
}

void Resolver::on_timer(ExchangeId timer, sim::SimTime now) {
  now_ = now;
  if (timer == kCacheSweepTimer) {
    sweep_at_.reset();
    acting_for_ = 0;
    cache_.expire(now_);
    drain();
    return;
  }
  lost(timer, ResolverEvent::Kind::timeout);
}

void Resolver::on_unreachable(ExchangeId exchange, sim::SimTime now) {
  now_ = now;
  lost(exchange, ResolverEvent::Kind::unreachable);
}

void Resolver::lost(ExchangeId exchange, ResolverEvent::Kind kind) {
  for (auto& [id, t] : tasks_) {
    if (!t.inflight || t.inflight->id != exchange) continue;
    acting_for_ = t.id;
    const Exchange ex = *t.inflight;
    t.inflight.reset();
    if (kind == ResolverEvent::Kind::unreachable) actions_.push_back(CancelTimer{ex.id});
    ResolverEvent ev{kind, t.id, ex.question, ex.server, ex.transport};
    emit(std::move(ev));
    send_next(t);
    break;
  }
  drain();
}

void Resolver::finish(Task& t, LookupStatus status, std::vector<ResourceRecord> records,
                      std::optional<ResourceRecord> soa) {
  LookupResult r;
  r.question = t.question;
  r.status = status;
  r.canonical_name = t.current;
  r.records = std::move(records);
  r.cnames = std::move(t.cnames);
  r.soa = std::move(soa);
  r.from_cache = t.queries == 0;
  r.queries = t.queries;
  if (t.inflight) actions_.push_back(CancelTimer{t.inflight->id});
  ResolverEvent ev{ResolverEvent::Kind::lookup_done, t.id, t.question};
  ev.result = r;
  emit(std::move(ev));
  finished_.emplace_back(std::move(t.done), std::move(r));
  tasks_.erase(t.id);
}

void Resolver::drain() {
  if (draining_) return;
  draining_ = true;
  while (!finished_.empty()) {
    auto [done, result] = std::move(finished_.front());
    finished_.pop_front();
    if (done) done(result);
  }
  draining_ = false;
  const auto next = cache_.next_expiry();
  if (next && (!sweep_at_ || *next < *sweep_at_)) {
    if (sweep_at_) actions_.push_back(CancelTimer{kCacheSweepTimer});
    actions_.push_back(StartTimer{kCacheSweepTimer, *next});
    sweep_at_ = next;
  }
}

}  // namespace mailsim::proto::dns

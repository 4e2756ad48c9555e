#include "ui/gui/dns_model.hpp"

#include "agents/proto/dns/trace_records.hpp"

namespace mailsim::gui {

namespace dns = proto::dns;

std::vector<DnsExchange> dns_exchanges(const report::JourneyLog& log) {
  std::vector<DnsExchange> out;
  std::vector<std::uint64_t> lookups;  // of each exchange, to pair its answer
  auto open = [&](const report::LoggedDns& d, bool same_server) -> DnsExchange* {
    for (std::size_t i = out.size(); i-- > 0;)
      if (lookups[i] == d.lookup && out[i].resolver == d.agent && !out[i].answered &&
          !out[i].timed_out && (!same_server || out[i].server == d.server))
        return &out[i];
    return nullptr;
  };
  for (const auto& d : log.dns()) {
    using T = report::LoggedDns::Type;
    if (d.type == T::query) {
      out.push_back({d.at, d.agent, d.server, d.name, d.type_name, std::nullopt, {}, false});
      lookups.push_back(d.lookup);
    } else if (d.type == T::answer) {
      if (DnsExchange* e = open(d, true)) {
        e->answered = d.at;
        e->answer = d.answer;
      }
    } else if (d.type == T::timeout) {
      if (DnsExchange* e = open(d, false)) e->timed_out = true;
    }
  }
  return out;
}

DnsCaches::DnsCaches(sim::Trace& trace)
    : trace_(trace),
      subscription_(trace.subscribe(
          [this](const sim::TraceRecord& r) { on_record(r); },
          sim::Trace::kinds_starting_with({"dns.cache.", "dns.response.received"}))) {}

DnsCaches::~DnsCaches() {
  trace_.unsubscribe(subscription_);
}

void DnsCaches::on_record(const sim::TraceRecord& r) {
  const auto* rec = dynamic_cast<const dns::ResolverRecord*>(&r);
  if (rec == nullptr) return;
  const dns::ResolverEvent& e = rec->event();
  const std::string agent(rec->agent());
  if (e.kind == dns::ResolverEvent::Kind::response && e.message) {
    // The records the cache is about to keep, to show beside its entry.
    std::map<Key, std::string> found;
    for (const auto& rr : e.message->answers) {
      std::string& line = found[{rr.name.to_string(), dns::type_name(rr.type)}];
      line += (line.empty() ? "" : "; ") + dns::to_string(rr.data);
    }
    for (auto& [key, data] : found)
      answers_[agent][key] = std::move(data);
    return;
  }
  if (e.kind != dns::ResolverEvent::Kind::cache) return;
  const dns::CacheEvent& c = *e.cache;
  const Key key{c.name.to_string(), c.entry == dns::CacheAnswerKind::nxdomain
                                        ? std::string("ANY")
                                        : dns::type_name(c.type)};
  auto& cache = caches_[agent];
  switch (c.kind) {
    case dns::CacheEvent::Kind::stored: {
      CachedEntry entry{
          key.first,    key.second,     std::string(dns::cache_answer_name(c.entry)), {}, r.time(),
          c.expires_at, sim::SimTime(0)};
      if (auto it = answers_[agent].find(key); it != answers_[agent].end()) entry.data = it->second;
      cache[key] = std::move(entry);
      break;
    }
    case dns::CacheEvent::Kind::expired:
      cache.erase(key);
      break;
    case dns::CacheEvent::Kind::hit:
      break;
  }
}

std::vector<ResolverCache> DnsCaches::at(sim::SimTime now) const {
  std::vector<ResolverCache> out;
  for (const auto& [resolver, entries] : caches_) {
    ResolverCache cache{resolver, {}};
    for (const auto& [key, e] : entries) {
      if (e.expires <= now) continue;
      CachedEntry copy = e;
      copy.left = e.expires - now;
      cache.entries.push_back(std::move(copy));
    }
    if (!cache.entries.empty()) out.push_back(std::move(cache));
  }
  return out;
}

}  // namespace mailsim::gui

// The resolver's reading of responses: answers and CNAME chains, negative answers, referrals
// and their glue, and the lookup of name servers that came without glue.
#include <algorithm>

#include "agents/proto/dns/resolver.hpp"

namespace mailsim::proto::dns {

namespace {

std::optional<ResourceRecord> soa_in(const Message& m) {
  for (const auto& r : m.authorities)
    if (r.type == RecordType::SOA) return r;
  return std::nullopt;
}

// Groups records into RRsets (same name and type), keeping their first appearance order.
std::vector<std::vector<ResourceRecord>> rrsets(const std::vector<ResourceRecord>& records) {
  std::vector<std::vector<ResourceRecord>> sets;
  for (const auto& r : records) {
    auto it = std::find_if(sets.begin(), sets.end(), [&](const auto& s) {
      return s.front().type == r.type && s.front().name == r.name;
    });
    if (it == sets.end())
      sets.push_back({r});
    else
      it->push_back(r);
  }
  return sets;
}

}  // namespace

void Resolver::handle_response(Task& t, const Exchange& ex, const Message& m) {
  if (m.header.tc) {
    if (ex.transport == Transport::udp) {
      ResolverEvent ev{ResolverEvent::Kind::truncated, t.id, ex.question, ex.server, ex.transport};
      emit(std::move(ev));
      send(t, ex.server, Transport::tcp);  // RFC 1035 4.2.2 and RFC 7766
      return;
    }
    server_failed(t, ex);
    return;
  }
  if (m.header.rcode != Rcode::noerror && m.header.rcode != Rcode::nxdomain) {
    server_failed(t, ex);
    return;
  }
  // Answers: the RRsets of the answer section, and the CNAME chain from the name asked.
  for (const auto& set : rrsets(m.answers))
    if (set.front().name.is_subdomain_of(t.zone)) cache_.store(set, now());
  Name name = t.current;
  std::vector<ResourceRecord> records;
  for (std::size_t hops = 0; hops <= m.answers.size(); ++hops) {
    for (const auto& r : m.answers)
      if (r.name == name && (r.type == t.question.type || t.question.type == RecordType::ANY))
        records.push_back(r);
    if (!records.empty() || t.question.type == RecordType::CNAME) break;
    auto cname = std::find_if(m.answers.begin(), m.answers.end(), [&](const auto& r) {
      return r.name == name && r.type == RecordType::CNAME;
    });
    if (cname == m.answers.end()) break;
    t.cnames.push_back(*cname);
    name = std::get<CnameData>(cname->data).target;
    ResolverEvent ev{ResolverEvent::Kind::cname, t.id, Question{name, t.question.type}};
    emit(std::move(ev));
    if (static_cast<int>(t.cnames.size()) > config_.cname_limit) {
      t.current = name;
      finish(t, LookupStatus::cname_limit);
      return;
    }
  }
  const bool moved = !(name == t.current);
  t.current = name;
  if (!records.empty()) {
    finish(t, LookupStatus::ok, std::move(records));
    return;
  }
  const auto soa = soa_in(m);
  if (m.header.rcode == Rcode::nxdomain) {
    if (soa) cache_.store_negative(name, t.question.type, true, *soa, now());
    finish(t, LookupStatus::nxdomain, {}, soa);
    return;
  }
  if (config_.mode == ResolverMode::recursive && !m.header.aa && follow_referral(t, ex, m)) return;
  if (moved && !(m.header.aa && soa)) {
    advance(t);  // the chain left what this server knows: start again from the new name
    return;
  }
  // Neither an answer, nor a referral we follow, nor a negative answer: a lame server. In stub
  // mode this is a referral from a server that does not recurse for us.
  const bool referral = std::any_of(m.authorities.begin(), m.authorities.end(),
                                    [](const auto& r) { return r.type == RecordType::NS; });
  if (!m.header.aa && !soa && (config_.mode == ResolverMode::recursive || referral)) {
    server_failed(t, ex);
    return;
  }
  if (soa) cache_.store_negative(name, t.question.type, false, *soa, now());
  finish(t, LookupStatus::nodata, {}, soa);
}

bool Resolver::follow_referral(Task& t, const Exchange& ex, const Message& m) {
  std::vector<ResourceRecord> ns;
  for (const auto& r : m.authorities)
    if (r.type == RecordType::NS) ns.push_back(r);
  if (ns.empty()) return false;
  const Name cut = ns.front().name;
  // A referral must bring us closer: below the zone asked, and above the name sought.
  if (!cut.is_subdomain_of(t.zone) || cut == t.zone || !t.current.is_subdomain_of(cut)) {
    server_failed(t, ex);
    return true;
  }
  if (++t.referrals > config_.referral_limit) {
    finish(t, LookupStatus::servfail);
    return true;
  }
  std::erase_if(ns, [&](const auto& r) { return !(r.name == cut); });
  cache_.store(ns, now());
  // Glue is believed only inside the zone of the server that sent it (the bailiwick rule).
  std::vector<Server> servers;
  std::vector<Name> glueless;
  for (const auto& set : rrsets(m.additionals)) {
    if (!set.front().name.is_subdomain_of(t.zone) || set.front().type != RecordType::A) continue;
    const bool is_ns = std::any_of(ns.begin(), ns.end(), [&](const auto& r) {
      return std::get<NsData>(r.data).host == set.front().name;
    });
    if (!is_ns) continue;
    cache_.store(set, now());
    for (const auto& a : set)
      servers.push_back({std::get<AData>(a.data).address, a.name});
  }
  for (const auto& r : ns) {
    const Name& host = std::get<NsData>(r.data).host;
    const bool has_glue = std::any_of(servers.begin(), servers.end(),
                                      [&](const Server& s) { return s.name == host; });
    if (!has_glue) glueless.push_back(host);
  }
  ResolverEvent ev{ResolverEvent::Kind::referral, t.id, ex.question, ex.server, ex.transport};
  ev.zone = cut;
  emit(std::move(ev));
  t.zone = cut;
  t.servers = std::move(servers);
  t.glueless = std::move(glueless);
  reset_attempts(t);
  if (t.servers.empty()) {
    resolve_name_server(t);
    return true;
  }
  send_next(t);
  return true;
}

void Resolver::resolve_name_server(Task& t) {
  if (t.glueless.empty() || t.depth >= config_.glue_depth_limit) {
    finish(t, LookupStatus::servfail);
    return;
  }
  const Name host = t.glueless.front();
  t.glueless.erase(t.glueless.begin());
  const LookupId parent = t.id;
  start(
      Question{host, RecordType::A},
      [this, parent](const LookupResult& r) {
        Task* p = task(parent);
        if (!p) return;
        acting_for_ = p->id;
        p->queries += r.queries;
        if (r.status == LookupStatus::ok)
          for (const auto& a : r.records)
            p->servers.push_back({std::get<AData>(a.data).address, r.question.name});
        if (p->servers.empty()) {
          resolve_name_server(*p);
          return;
        }
        reset_attempts(*p);
        send_next(*p);
      },
      t.depth + 1);
}

}  // namespace mailsim::proto::dns

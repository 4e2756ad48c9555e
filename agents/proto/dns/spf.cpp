// check_host() as a chain of asynchronous steps. A Frame evaluates one record (the domain
// asked, or an include or redirect target); the Session holds what the frames share: the
// query, the counters and the limits. Callbacks hold the frames alive with shared_ptr.
#include "agents/proto/dns/spf.hpp"

#include <fmt/format.h>

#include "agents/proto/dns/dnsbl.hpp"
#include "agents/proto/dns/spf_messages.hpp"

namespace mailsim::proto::dns {

using spf::Mechanism;
using spf::Qualifier;
using spf::Term;

std::string_view spf_result_name(SpfResult r) {
  switch (r) {
    case SpfResult::none:
      return "none";
    case SpfResult::neutral:
      return "neutral";
    case SpfResult::pass:
      return "pass";
    case SpfResult::fail:
      return "fail";
    case SpfResult::softfail:
      return "softfail";
    case SpfResult::temperror:
      return "temperror";
    case SpfResult::permerror:
      return "permerror";
  }
  return "?";
}

std::string SpfOutcome::reply_code() const {
  switch (result) {
    case SpfResult::fail:
      return "550 5.7.1";
    case SpfResult::temperror:
      return "451 4.4.3";
    case SpfResult::permerror:
      return "550 5.5.2";
    default:
      return "";
  }
}

std::string spf_rejection_text(const SpfQuery& query) {
  // s=mfrom: the identity checked was MAIL FROM; r=<UNKNOWN>: policyd-spf hides the receiver.
  return fmt::format(
      "Message rejected due to: SPF fail - not authorized. Please see "
      "http://www.openspf.net/Why?s=mfrom;id={};ip={};r=<UNKNOWN>",
      query.sender, to_string(query.ip));
}

Text SpfOutcome::problem_or_none() const {
  return problem.value_or(Text(msg::kSpfNone, {{"domain", decided_in.to_string()}}));
}

Text SpfOutcome::explanation() const {
  const std::string d = decided_in.to_string();
  switch (result) {
    case SpfResult::none:
      return Text(msg::kSpfNone, {{"domain", d}});
    case SpfResult::neutral:
      return Text(msg::kSpfNeutral, {{"domain", d}});
    case SpfResult::pass:
      return Text(msg::kSpfPass, {{"domain", d}, {"term", matched}});
    case SpfResult::fail:
      return Text(msg::kSpfFail, {{"domain", d}, {"term", matched}});
    case SpfResult::softfail:
      return Text(msg::kSpfSoftfail, {{"domain", d}, {"term", matched}});
    case SpfResult::temperror:
      return Text(msg::kSpfTemperror, {{"domain", d}}).with("problem", problem_or_none());
    case SpfResult::permerror:
      return Text(msg::kSpfPermerror, {{"domain", d}}).with("problem", problem_or_none());
  }
  return Text(msg::kSpfNone, {{"domain", d}});
}

namespace {

struct Session {
  LookupService& dns;
  SpfLimits limits;
  SpfQuery query;
  int lookups = 0;
  int voids = 0;
};

SpfResult result_of(Qualifier q) {
  switch (q) {
    case Qualifier::pass:
      return SpfResult::pass;
    case Qualifier::fail:
      return SpfResult::fail;
    case Qualifier::softfail:
      return SpfResult::softfail;
    case Qualifier::neutral:
      return SpfResult::neutral;
  }
  return SpfResult::neutral;
}

bool matches(const IpAddress& client, const ResourceRecord& r, const Term& t) {
  if (const auto* a = std::get_if<AData>(&r.data); a && std::holds_alternative<Ipv4>(client))
    return same_prefix(std::get<Ipv4>(client).bytes, a->address.bytes, t.cidr4);
  if (const auto* a = std::get_if<AaaaData>(&r.data); a && std::holds_alternative<Ipv6>(client))
    return same_prefix(std::get<Ipv6>(client).bytes, a->address.bytes, t.cidr6);
  return false;
}

class Frame : public std::enable_shared_from_this<Frame> {
 public:
  using Done = std::function<void(const SpfOutcome&)>;
  Frame(std::shared_ptr<Session> session, Name domain, Done done)
      : s_(std::move(session)), domain_(std::move(domain)), done_(std::move(done)) {}

  void start() {
    auto self = shared_from_this();
    s_->dns.lookup({domain_, RecordType::TXT}, [self](const LookupResult& r) { self->on_txt(r); });
  }

 private:
  void finish(SpfResult result, std::string matched = {}, std::optional<Text> problem = {}) {
    SpfOutcome o;
    o.result = result;
    o.matched = std::move(matched);
    o.decided_in = domain_;
    o.problem = std::move(problem);
    pass_up(o);
  }
  void pass_up(SpfOutcome o) {
    o.dns_lookups = s_->lookups;
    o.void_lookups = s_->voids;
    auto done = std::move(done_);
    if (done) done(o);
  }

  void on_txt(const LookupResult& r) {
    if (is_temporary(r.status)) return finish(SpfResult::temperror, {}, dns_problem(r));
    std::vector<std::string> records;
    for (const auto& rec : r.records)
      if (const auto* txt = std::get_if<TxtData>(&rec.data); txt && spf::is_spf1(txt->joined()))
        records.push_back(txt->joined());
    if (records.empty()) return finish(SpfResult::none);
    if (records.size() > 1)
      return finish(SpfResult::permerror, {},
                    Text(msg::kSpfProblemRecords, {{"count", std::to_string(records.size())}}));
    std::optional<Text> error;
    auto record = spf::parse_record(records.front(), &error);
    if (!record) return finish(SpfResult::permerror, {}, std::move(error));
    record_ = std::move(*record);
    context_ =
        spf::MacroContext{s_->query.sender, domain_.to_string(), s_->query.ip, s_->query.helo};
    if (!context_.domain.empty() && context_.domain.back() == '.') context_.domain.pop_back();
    next_term();
  }

  // Counts one DNS-querying term; false (and permerror) past the limit.
  bool count_lookup(const Term& t) {
    if (++s_->lookups <= s_->limits.dns_lookups) return true;
    finish(SpfResult::permerror, t.text,
           Text(msg::kSpfProblemLookups, {{"limit", std::to_string(s_->limits.dns_lookups)}}));
    return false;
  }
  // Counts a lookup that found nothing; false (and permerror) past the limit.
  bool count_void(const Term& t, const LookupResult& r) {
    if (r.status != LookupStatus::nxdomain && r.status != LookupStatus::nodata) return true;
    if (++s_->voids <= s_->limits.void_lookups) return true;
    finish(SpfResult::permerror, t.text,
           Text(msg::kSpfProblemVoids, {{"limit", std::to_string(s_->limits.void_lookups)}}));
    return false;
  }
  std::optional<Name> target(const Term& t) {
    const std::string spec = t.domain_spec.empty() ? context_.domain : t.domain_spec;
    auto expanded = spf::expand(spec, context_);
    try {
      if (expanded && !expanded->empty()) return Name::parse(*expanded);
    } catch (const NameError&) {
    }
    finish(SpfResult::permerror, t.text, Text(msg::kSpfProblemBadTarget, {{"term", t.text}}));
    return std::nullopt;
  }
  RecordType address_type() const {
    return std::holds_alternative<Ipv4>(s_->query.ip) ? RecordType::A : RecordType::AAAA;
  }

  void next_term() {
    while (index_ < record_.terms.size()) {
      const Term& t = record_.terms[index_++];
      if (t.is_modifier) continue;
      switch (t.mechanism) {
        case Mechanism::all:
          return finish(result_of(t.qualifier), t.text);
        case Mechanism::ip4:
        case Mechanism::ip6: {
          const IpAddress& ip = s_->query.ip;
          const bool same_family = ip.index() == t.network->index();
          const bool hit =
              same_family && (std::holds_alternative<Ipv4>(ip)
                                  ? same_prefix(std::get<Ipv4>(ip).bytes,
                                                std::get<Ipv4>(*t.network).bytes, t.cidr4)
                                  : same_prefix(std::get<Ipv6>(ip).bytes,
                                                std::get<Ipv6>(*t.network).bytes, t.cidr6));
          if (hit) return finish(result_of(t.qualifier), t.text);
          continue;
        }
        default:
          if (!count_lookup(t)) return;
          return query_term(t);
      }
    }
    end_of_record();
  }

  void query_term(const Term& t) {
    auto name = target(t);
    if (!name) return;
    auto self = shared_from_this();
    switch (t.mechanism) {
      case Mechanism::a:
        s_->dns.lookup({*name, address_type()}, [self, &t](const LookupResult& r) {
          self->on_addresses(t, r, [self, &t] { self->next_term(); });
        });
        return;
      case Mechanism::exists:
        s_->dns.lookup({*name, RecordType::A}, [self, &t](const LookupResult& r) {
          if (is_temporary(r.status)) return self->temperror(t, r);
          if (r.status == LookupStatus::ok) return self->finish(result_of(t.qualifier), t.text);
          if (self->count_void(t, r)) self->next_term();
        });
        return;
      case Mechanism::mx:
        s_->dns.lookup({*name, RecordType::MX},
                       [self, &t](const LookupResult& r) { self->on_mx(t, r); });
        return;
      case Mechanism::ptr:
        s_->dns.lookup(
            {reverse_pointer_name(s_->query.ip), RecordType::PTR},
            [self, &t, domain = *name](const LookupResult& r) { self->on_ptr(t, r, domain); });
        return;
      case Mechanism::include: {
        auto child = std::make_shared<Frame>(s_, *name, [self, &t](const SpfOutcome& o) {
          switch (o.result) {
            case SpfResult::pass:
              return self->finish(result_of(t.qualifier), t.text);
            case SpfResult::fail:
            case SpfResult::softfail:
            case SpfResult::neutral:
              return self->next_term();
            case SpfResult::temperror:
              return self->pass_up(o);
            case SpfResult::none:
              return self->finish(
                  SpfResult::permerror, t.text,
                  Text(msg::kSpfProblemIncludeNone, {{"name", o.decided_in.to_string()}}));
            case SpfResult::permerror:
              return self->pass_up(o);
          }
        });
        child->start();
        return;
      }
      default:
        return next_term();
    }
  }

  void temperror(const Term& t, const LookupResult& r) {
    finish(SpfResult::temperror, t.text, dns_problem(r));
  }
  static Text dns_problem(const LookupResult& r) {
    return Text(msg::kSpfProblemDns, {{"type", type_name(r.question.type)},
                                      {"name", r.question.name.to_string()},
                                      {"status", std::string(lookup_status_name(r.status))}});
  }

  // Address records of an a or mx term: a match ends the record, otherwise `then`.
  void on_addresses(const Term& t, const LookupResult& r, const std::function<void()>& then) {
    if (is_temporary(r.status)) return temperror(t, r);
    for (const auto& rec : r.records)
      if (matches(s_->query.ip, rec, t)) return finish(result_of(t.qualifier), t.text);
    if (!count_void(t, r)) return;
    then();
  }

  void on_mx(const Term& t, const LookupResult& r) {
    if (is_temporary(r.status)) return temperror(t, r);
    if (!count_void(t, r)) return;
    exchanges_.clear();
    for (const auto& rec : r.records)
      if (const auto* mx = std::get_if<MxData>(&rec.data); mx && !mx->exchange.is_root())
        exchanges_.push_back(mx->exchange);
    if (static_cast<int>(exchanges_.size()) > s_->limits.mx_names)
      return finish(
          SpfResult::permerror, t.text,
          Text(msg::kSpfProblemMxNames, {{"limit", std::to_string(s_->limits.mx_names)}}));
    next_exchange(t, 0);
  }
  void next_exchange(const Term& t, std::size_t i) {
    if (i >= exchanges_.size()) return next_term();
    auto self = shared_from_this();
    s_->dns.lookup({exchanges_[i], address_type()}, [self, &t, i](const LookupResult& r) {
      if (is_temporary(r.status)) return self->temperror(t, r);
      for (const auto& rec : r.records)
        if (matches(self->s_->query.ip, rec, t))
          return self->finish(result_of(t.qualifier), t.text);
      self->next_exchange(t, i + 1);  // an exchange without address is no void lookup here
    });
  }

  // ptr (5.5): names of the client's PTR records whose addresses include the client, and that
  // end in the target domain. DNS errors make the term not match.
  void on_ptr(const Term& t, const LookupResult& r, const Name& domain) {
    exchanges_.clear();
    for (const auto& rec : r.records)
      if (const auto* p = std::get_if<PtrData>(&rec.data)) exchanges_.push_back(p->target);
    if (static_cast<int>(exchanges_.size()) > s_->limits.ptr_names)
      exchanges_.resize(static_cast<std::size_t>(s_->limits.ptr_names));
    if (!count_void(t, r)) return;
    next_ptr(t, domain, 0);
  }
  void next_ptr(const Term& t, const Name& domain, std::size_t i) {
    if (i >= exchanges_.size()) return next_term();
    auto self = shared_from_this();
    s_->dns.lookup({exchanges_[i], address_type()}, [self, &t, domain, i](const LookupResult& r) {
      const Name& host = self->exchanges_[i];
      for (const auto& rec : r.records) {
        const bool same = std::visit(
            [&](const auto& d) {
              using D = std::decay_t<decltype(d)>;
              if constexpr (std::is_same_v<D, AData> || std::is_same_v<D, AaaaData>)
                return IpAddress(d.address) == self->s_->query.ip;
              return false;
            },
            rec.data);
        if (same && host.is_subdomain_of(domain))
          return self->finish(result_of(t.qualifier), t.text);
      }
      self->next_ptr(t, domain, i + 1);
    });
  }

  void end_of_record() {
    const Term* redirect = record_.redirect();
    const bool has_all = std::any_of(record_.terms.begin(), record_.terms.end(), [](const Term& t) {
      return !t.is_modifier && t.mechanism == Mechanism::all;
    });
    if (!redirect || has_all) return finish(SpfResult::neutral);  // 4.7: the default
    const Term& t = *redirect;
    if (!count_lookup(t)) return;
    Term as_spec = t;
    as_spec.domain_spec = t.value;
    auto name = target(as_spec);
    if (!name) return;
    auto self = shared_from_this();
    auto child = std::make_shared<Frame>(s_, *name, [self, &t](const SpfOutcome& o) {
      if (o.result == SpfResult::none)
        return self->finish(
            SpfResult::permerror, t.text,
            Text(msg::kSpfProblemRedirectNone, {{"name", o.decided_in.to_string()}}));
      self->pass_up(o);  // 6.1: the result of the redirect target is the result
    });
    child->start();
  }

  std::shared_ptr<Session> s_;
  Name domain_;
  Done done_;
  spf::Record record_;
  spf::MacroContext context_;
  std::size_t index_ = 0;
  std::vector<Name> exchanges_;  // of the mx or ptr term being evaluated
};

}  // namespace

void SpfEvaluator::check(const SpfQuery& query, Done done) {
  auto session = std::make_shared<Session>(Session{dns_, limits_, query});
  // 4.3: a domain of a single label cannot have an SPF record worth asking for.
  if (query.domain.label_count() < 2) {
    SpfOutcome o;
    o.result = SpfResult::none;
    o.decided_in = query.domain;
    done(o);
    return;
  }
  auto frame = std::make_shared<Frame>(session, query.domain, std::move(done));
  frame->start();
}

}  // namespace mailsim::proto::dns

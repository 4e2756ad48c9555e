#include "agents/proto/dns/lookup.hpp"

#include "agents/proto/dns/authoritative.hpp"

namespace mailsim::proto::dns {

std::string_view lookup_status_name(LookupStatus status) {
  switch (status) {
    case LookupStatus::ok:
      return "ok";
    case LookupStatus::nxdomain:
      return "NXDOMAIN";
    case LookupStatus::nodata:
      return "NODATA";
    case LookupStatus::servfail:
      return "SERVFAIL";
    case LookupStatus::timeout:
      return "timeout";
    case LookupStatus::cname_limit:
      return "CNAME chain too long";
  }
  return "?";
}

bool is_temporary(LookupStatus status) {
  return status == LookupStatus::servfail || status == LookupStatus::timeout ||
         status == LookupStatus::cname_limit;
}

void ZoneLookupService::lookup(const Question& question, Callback done) {
  ++lookups_;
  done(lookup_now(question));
}

LookupResult ZoneLookupService::lookup_now(const Question& question) const {
  LookupResult result;
  result.question = question;
  result.from_cache = true;
  Name current = question.name;
  for (int step = 0; step <= cname_limit_; ++step) {
    result.canonical_name = current;
    const Message response =
        answer_query(zones_, make_query(0, {current, question.type, question.klass}, false));
    if (response.header.rcode == Rcode::nxdomain) {
      // The answer may hold CNAMEs before the name that does not exist.
      for (const auto& r : response.answers)
        if (r.type == RecordType::CNAME) result.cnames.push_back(r);
      if (!response.authorities.empty()) result.soa = response.authorities.front();
      result.status = LookupStatus::nxdomain;
      return result;
    }
    if (response.header.rcode != Rcode::noerror || !response.header.aa) {
      result.status = LookupStatus::servfail;
      return result;
    }
    Name last = current;
    for (const auto& r : response.answers) {
      if (r.type == question.type || question.type == RecordType::ANY) {
        result.records.push_back(r);
        result.canonical_name = r.name;
      } else if (r.type == RecordType::CNAME) {
        result.cnames.push_back(r);
        last = std::get<CnameData>(r.data).target;
      }
    }
    if (!result.records.empty()) {
      result.status = LookupStatus::ok;
      return result;
    }
    if (static_cast<int>(result.cnames.size()) > cname_limit_) break;
    if (last == current) {
      if (!response.authorities.empty()) result.soa = response.authorities.front();
      result.status = LookupStatus::nodata;
      return result;
    }
    current = last;  // the chain leaves the zone that answered: ask again from there
  }
  result.status = LookupStatus::cname_limit;
  return result;
}

}  // namespace mailsim::proto::dns

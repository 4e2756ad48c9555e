#pragma once
// The SPF check_host() function (RFC 7208 4): is this IP address allowed to send mail for this
// domain? Asynchronous over any LookupService, so it runs over the resolver (every query in
// the trace) or over zone data. Implements all, include, a, mx, ptr, ip4, ip6, exists,
// redirect (exp is accepted and not used), the four qualifiers, the macros of section 7, the
// limit of 10 DNS-querying terms and of 2 void lookups (4.6.4), and the seven results.
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "agents/proto/dns/lookup.hpp"
#include "agents/proto/dns/spf_record.hpp"
#include "sim/text.hpp"

namespace mailsim::proto::dns {

enum class SpfResult { none, neutral, pass, fail, softfail, temperror, permerror };
std::string_view spf_result_name(SpfResult r);  // "pass", "fail", ... as in Received-SPF

struct SpfQuery {
  IpAddress ip;        // the SMTP client
  std::string sender;  // MAIL FROM ("local@domain"), or "postmaster@" + HELO name
  Name domain;         // the domain checked: the sender's, or the HELO name
  std::string helo;
};

struct SpfOutcome {
  SpfResult result = SpfResult::none;
  std::string matched;          // the deciding term ("-all", "ip4:192.0.2.0/24"); empty by default
  Name decided_in;              // the domain whose record decided
  std::optional<Text> problem;  // for permerror and temperror: what went wrong
  int dns_lookups = 0;          // terms that queried DNS (the limit is 10)
  int void_lookups = 0;
  // What a receiving server answers (RFC 7208 8): fail 550 5.7.1, temperror 451 4.4.3,
  // permerror 550 5.5.2; empty for results that do not reject.
  std::string reply_code() const;
  Text explanation() const;

 private:
  Text problem_or_none() const;
};

// The text of a receiving server's refusal of an SPF fail, in the words of Postfix's usual
// policy service, policyd-spf (postfix-policyd-spf-python, its Reason_Message "Message
// {rejectdefer} due to: {spf}. Please see {url}"): "Message rejected due to: SPF fail - not
// authorized. Please see http://www.openspf.net/Why?s=mfrom;id=ceo@c.example;ip=203.0.113.66;
// r=<UNKNOWN>". It names no domain (so no root dot); the narration explains the result.
std::string spf_rejection_text(const SpfQuery& query);

struct SpfLimits {
  int dns_lookups = 10;
  int void_lookups = 2;
  int mx_names = 10;   // MX records one mx term may use
  int ptr_names = 10;  // PTR names one ptr term may check
};

class SpfEvaluator {
 public:
  using Done = std::function<void(const SpfOutcome&)>;
  explicit SpfEvaluator(LookupService& dns, SpfLimits limits = {}) : dns_(dns), limits_(limits) {}
  // `done` runs once, possibly before check() returns.
  void check(const SpfQuery& query, Done done);

 private:
  LookupService& dns_;
  SpfLimits limits_;
};

}  // namespace mailsim::proto::dns

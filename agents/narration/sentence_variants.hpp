#pragma once
// Some kinds read better with a sentence per outcome ("where mail goes" found or not, the
// policy check of a message rather than of an address): the first variant whose record field
// starts with `value` replaces the kind's own sentence. The variants keep the kind's
// placeholders or use fewer.
#include <array>
#include <string_view>

#include "agents/narration/dns_sentences.hpp"
#include "agents/narration/mua_session_sentences.hpp"
#include "agents/narration/net_sentences.hpp"
#include "agents/narration/retrieval_sentences.hpp"
#include "agents/narration/sentences.hpp"
#include "agents/narration/smtp_sentences.hpp"

namespace mailsim::agents::narration {

struct SentenceVariant {
  std::string_view kind;
  std::string_view field;
  std::string_view value;  // a prefix of the field's value (the whole value when `exact`)
  const Message* sentence;
  bool exact = false;  // counts: "1" must not stand for "10"
};

inline constexpr SentenceVariant kVariants[] = {
    {"dns.mail.route", "status", "ok", &kDnsMailRouteFound},
    {"dns.mail.route", "cause", "null_mx", &kDnsMailRouteNullMx},
    {"dns.mail.route", "cause", "nxdomain", &kDnsMailRouteNxdomain},
    {"dns.mail.route", "cause", "dns_timeout", &kDnsMailRouteNoAnswer},
    {"dns.mail.route", "cause", "dns_failure", &kDnsMailRouteDnsFailure},
    {"dns.mail.route", "cause", "loops_to_self", &kDnsMailRouteLoops},
    {"dns.mail.route", "cause", "no_address", &kDnsMailRouteNoAddress},
    {"smtp.server.policy", "step", "message", &kSmtpServerPolicyMessage},
    {"smtp.server.closed", "reply", "221 ", &kSmtpServerClosedAfterQuit},
    {"dns.lookup.done", "queries", "0", &kDnsLookupDoneFromCache},
    {"net.route.changed", "metric", "least-busy", &kRouteChangedLeastBusy, true},
    {"retrieval.server.sent", "line", ")", &kRetrievalServerFetchEnd},
    {"retrieval.client.received", "line", ")", &kRetrievalClientFetchEnd},
    {"retrieval.client.fetched", "count", "0", &kRetrievalClientFetchedNone, true},
    {"retrieval.client.fetched", "count", "1", &kRetrievalClientFetchedOne, true},
    {"mail.accepted", "user", "", &kMailAcceptedSubmitted},
    {"mail.relayed", "lines_broken", "", &kMailRelayedLinesBroken},
    // A mail client's session (stage submission): no "try again later", it never retries.
    {"smtp.client.deferred", "stage", "submission", &kMuaSessionDeferred, true},
    {"smtp.client.completed", "stage", "submission", &kMuaSessionCompleted, true},
    {"smtp.client.missing_feature", "stage", "submission", &kMuaSessionMissingFeature, true},
    {"smtp.client.closed_by_server", "stage", "submission", &kMuaSessionClosedByServer, true},
    {"smtp.client.timed_out", "stage", "submission", &kMuaSessionTimedOut, true},
    {"smtp.client.protocol_error", "stage", "submission", &kMuaSessionProtocolError, true},
    {"smtp.client.failed", "stage", "submission", &kMuaSessionFailed, true},
};

inline constexpr std::array kVariantAll{
    &kRetrievalClientFetchedNone, &kRetrievalClientFetchedOne, &kDnsMailRouteFound,
    &kDnsMailRouteNullMx,         &kDnsMailRouteNxdomain,      &kDnsMailRouteNoAnswer,
    &kDnsMailRouteDnsFailure,     &kDnsMailRouteLoops,         &kDnsMailRouteNoAddress,
    &kSmtpServerPolicyMessage,    &kSmtpServerClosedAfterQuit, &kDnsLookupDoneFromCache,
    &kRetrievalServerFetchEnd,    &kRetrievalClientFetchEnd,   &kMailAcceptedSubmitted,
    &kMuaSessionDeferred,         &kMuaSessionCompleted,       &kMuaSessionMissingFeature,
    &kMuaSessionClosedByServer,   &kMuaSessionTimedOut,        &kMuaSessionProtocolError,
    &kMuaSessionFailed,           &kMailRelayedLinesBroken};

}  // namespace mailsim::agents::narration

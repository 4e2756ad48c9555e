#pragma once
// Catalog entries of the reports drawn from a run (English and French): the journey chart's
// notes and labels, in the window and in its SVG.
#include <array>

#include "sim/text.hpp"

namespace mailsim::report::msg {

inline constexpr Message kConnect{"report.connect", "connect", "connexion"};
inline constexpr Message kContent{"report.content", "message, {bytes} bytes",
                                  "message, {bytes} octets"};
inline constexpr Message kComposed{"report.composed", "written", "rédigé"};
inline constexpr Message kQueued{"report.queued", "queued as {queue_id}",
                                 "en file sous {queue_id}"};
inline constexpr Message kDeferred{"report.deferred", "deferred: will try again",
                                   "différé : nouvel essai plus tard"};
inline constexpr Message kDelivered{"report.delivered", "filed into {mailbox}",
                                    "rangé dans {mailbox}"};
inline constexpr Message kBounced{"report.bounced", "bounced to the sender",
                                  "renvoyé à l'expéditeur"};
inline constexpr Message kSessionFailed{"report.session_failed", "session failed",
                                        "échec de la session"};
inline constexpr Message kNoAnswer{"report.no_answer", "connection: no answer",
                                   "connexion : pas de réponse"};
inline constexpr Message kRefused{"report.refused", "connection refused", "connexion refusée"};
inline constexpr Message kCacheHit{"report.cache_hit", "{type}? {name} from the cache",
                                   "{type} ? {name} pris dans le cache"};
inline constexpr Message kDnsTimeout{"report.dns_timeout", "no answer", "pas de réponse"};
inline constexpr Message kDnsRole{"report.dns_role", "DNS", "DNS"};
inline constexpr Message kGap{"report.gap", "… {duration} …", "… {duration} …"};
inline constexpr Message kTime{"report.time", "time", "heure"};
inline constexpr Message kChartTitle{"report.chart_title", "Journey of {message_id}",
                                     "Parcours de {message_id}"};

// The tries' time axis (tries_axis), under the chart.
inline constexpr Message kAxisCaption{
    "report.axis_caption", "Each try on a time axis, to scale, from {from} to {to}",
    "Chaque essai sur un axe du temps, à l'échelle, de {from} à {to}"};
inline constexpr Message kAxisTry{"report.axis_try", "try {number}: {who}",
                                  "essai {number} : {who}"};
inline constexpr Message kAxisFetch{"report.axis_fetch", "fetched: {who}", "relevé : {who}"};
inline constexpr Message kAxisReturn{"report.axis_return", "returned to the sender by {who}",
                                     "renvoyé à l'expéditeur par {who}"};
inline constexpr Message kAxisGotThrough{"report.axis_got_through", "try that got through",
                                         "essai réussi"};
inline constexpr Message kAxisFailed{"report.axis_failed", "try that failed", "essai échoué"};
inline constexpr Message kAxisReturned{"report.axis_returned", "returned to the sender",
                                       "renvoyé à l'expéditeur"};
inline constexpr Message kAxisFetched{"report.axis_fetched", "fetched by the reader",
                                      "relevé par le destinataire"};

inline constexpr std::array kAll{
    &kConnect,   &kContent,       &kComposed,       &kQueued,     &kDeferred,     &kDelivered,
    &kBounced,   &kSessionFailed, &kNoAnswer,       &kRefused,    &kCacheHit,     &kDnsTimeout,
    &kDnsRole,   &kGap,           &kTime,           &kChartTitle, &kAxisCaption,  &kAxisTry,
    &kAxisFetch, &kAxisReturn,    &kAxisGotThrough, &kAxisFailed, &kAxisReturned, &kAxisFetched};

}  // namespace mailsim::report::msg

#pragma once
// The simulator's own tokens that records carry as field values (a cache entry's "records", a
// filing's "default", a session state "GREETED", a congestion window's "slow_start"), said in
// the reader's language before they go into a sentence; and the counts a sentence says with a
// noun ("1 answer record", "3 answer records"), chosen by the catalog's plural rule
// (sim/plural.hpp) instead of "record(s)". Protocol keywords (EHLO, MAIL, NXDOMAIN as a DNS
// answer code) stay as the protocols define them; English keeps the tokens as they are.
#include <array>
#include <string_view>
#include <utility>

#include "sim/plural.hpp"
#include "sim/text.hpp"

namespace mailsim::agents::narration {

// The words, one catalog entry each.
inline constexpr Message kWordCacheRecords{"word.cache.records", "records",
                                           "enregistrements trouvés"};
inline constexpr Message kWordCacheNxdomain{"word.cache.nxdomain", "nxdomain",
                                            "NXDOMAIN : le nom n'existe pas"};
inline constexpr Message kWordCacheNodata{"word.cache.nodata", "nodata",
                                          "NODATA : aucun enregistrement de ce type"};
inline constexpr Message kWordLookupOk{"word.lookup.ok", "ok", "trouvé"};
inline constexpr Message kWordLookupTimeout{"word.lookup.timeout", "timeout",
                                            "pas de réponse à temps"};
inline constexpr Message kWordLookupCnameChain{"word.lookup.cname_chain", "CNAME chain too long",
                                               "chaîne d'alias CNAME trop longue"};
inline constexpr Message kWordDnsStopHostDown{"word.dns_stop.host_down", "host_down",
                                              "son hôte est arrêté"};
inline constexpr Message kWordDnsblListed{"word.dnsbl.listed", "listed", "l'adresse y figure"};
inline constexpr Message kWordDnsblNotListed{"word.dnsbl.not_listed", "not listed",
                                             "l'adresse n'y figure pas"};
inline constexpr Message kWordRouteImplicit{"word.route.implicit", ", implicit", ", implicite"};
inline constexpr Message kWordFiledDefault{"word.filed.default", "default", "par défaut"};
inline constexpr Message kWordFiledSpam{"word.filed.spam", "spam_tagged", "marqué comme spam"};
inline constexpr Message kWordFiledUnreadable{"word.filed.unreadable", "header_unreadable",
                                              "en-tête illisible"};
inline constexpr Message kWordRouteTopology{"word.route.topology", "topology",
                                            "la topologie a changé"};
inline constexpr Message kWordRouteInterval{"word.route.interval", "interval",
                                            "recalcul périodique"};
inline constexpr Message kWordCwndInitial{"word.cwnd.initial", "initial", "valeur initiale"};
inline constexpr Message kWordCwndSlowStart{"word.cwnd.slow_start", "slow_start", "démarrage lent"};
inline constexpr Message kWordCwndAvoidance{"word.cwnd.avoidance", "congestion_avoidance",
                                            "évitement de congestion"};
inline constexpr Message kWordCwndDupack{"word.cwnd.dupack", "dupack", "accusé dupliqué"};
inline constexpr Message kWordCwndFastRetransmit{"word.cwnd.fast_retransmit", "fast_retransmit",
                                                 "retransmission rapide"};
inline constexpr Message kWordCwndPartialAck{"word.cwnd.partial_ack", "partial_ack",
                                             "accusé partiel"};
inline constexpr Message kWordCwndRecoveryEnd{"word.cwnd.recovery_end", "recovery_end",
                                              "fin de la récupération"};
inline constexpr Message kWordCwndTimeout{"word.cwnd.timeout", "timeout",
                                          "délai de retransmission dépassé"};
inline constexpr Message kWordSmtpGreeting{"word.smtp.greeting", "GREETING", "ACCUEIL"};
inline constexpr Message kWordSmtpConnect{"word.smtp.connect", "CONNECT", "CONNEXION"};
inline constexpr Message kWordSmtpGreeted{"word.smtp.greeted", "GREETED", "ACCUEILLI"};
inline constexpr Message kWordSmtpReady{"word.smtp.ready", "READY", "PRÊT"};
inline constexpr Message kWordSmtpRefused{"word.smtp.refused", "REFUSED", "REFUSÉ"};
inline constexpr Message kWordSmtpClosed{"word.smtp.closed", "CLOSED", "FERMÉ"};
inline constexpr Message kWordSmtpDone{"word.smtp.done", "DONE", "TERMINÉ"};
inline constexpr Message kWordImapNotAuth{"word.imap.not_auth", "not authenticated",
                                          "non authentifié"};
inline constexpr Message kWordImapAuth{"word.imap.auth", "authenticated", "authentifié"};
inline constexpr Message kWordImapSelected{"word.imap.selected", "selected", "dossier choisi"};
inline constexpr Message kWordImapLogout{"word.imap.logout", "logout", "déconnexion"};
inline constexpr Message kWordPop3Authorization{"word.pop3.authorization", "AUTHORIZATION",
                                                "AUTORISATION"};
inline constexpr Message kWordPop3Update{"word.pop3.update", "UPDATE", "MISE À JOUR"};
inline constexpr Message kWordPop3Closed{"word.pop3.closed", "CLOSED", "FERMÉ"};
inline constexpr Message kWordSpfPass{"word.spf.pass", "pass", "pass (autorisé)"};
inline constexpr Message kWordSpfFail{"word.spf.fail", "fail", "fail (interdit)"};
inline constexpr Message kWordSpfSoftfail{"word.spf.softfail", "softfail", "softfail (douteux)"};
inline constexpr Message kWordSpfNeutral{"word.spf.neutral", "neutral", "neutral (sans avis)"};
inline constexpr Message kWordSpfNone{"word.spf.none", "none", "none (aucune politique SPF)"};

// The step of the SMTP dialogue a server's rules are asked about: the command it answers.
inline constexpr Message kWordStepConnect{"word.step.connect", "connect", "connexion de"};
inline constexpr Message kWordStepHelo{"word.step.helo", "helo", "HELO"};
inline constexpr Message kWordStepAuth{"word.step.auth", "auth", "AUTH"};
inline constexpr Message kWordStepMail{"word.step.mail", "mail", "MAIL FROM"};
inline constexpr Message kWordStepRcpt{"word.step.rcpt", "rcpt", "RCPT TO"};
inline constexpr Message kWordStepVrfy{"word.step.vrfy", "vrfy", "VRFY"};
inline constexpr Message kWordStepExpn{"word.step.expn", "expn", "EXPN"};

// A field value replaced by its words: in kinds that start with `kinds`, the field `field`
// whose value is `value` (or, when `part`, every `value` inside it). kStates stands for the
// fields that name a session state: from, to, and state (where a session ended).
inline constexpr std::string_view kStates = "from|to|state";
struct FieldWord {
  std::string_view kinds;
  std::string_view field;
  std::string_view value;
  const Message* words;
  bool part = false;
};

inline constexpr FieldWord kFieldWords[] = {
    {"smtp.server.policy", "step", "connect", &kWordStepConnect},
    {"smtp.server.policy", "step", "helo", &kWordStepHelo},
    {"smtp.server.policy", "step", "auth", &kWordStepAuth},
    {"smtp.server.policy", "step", "mail", &kWordStepMail},
    {"smtp.server.policy", "step", "rcpt", &kWordStepRcpt},
    {"smtp.server.policy", "step", "vrfy", &kWordStepVrfy},
    {"smtp.server.policy", "step", "expn", &kWordStepExpn},
    {"dns.cache.", "entry", "records", &kWordCacheRecords},
    {"dns.cache.", "entry", "nxdomain", &kWordCacheNxdomain},
    {"dns.cache.", "entry", "nodata", &kWordCacheNodata},
    {"dns.lookup.done", "status", "ok", &kWordLookupOk},
    {"dns.lookup.done", "status", "timeout", &kWordLookupTimeout},
    {"dns.lookup.done", "status", "CNAME chain too long", &kWordLookupCnameChain},
    {"dns.server.stopped", "cause", "host_down", &kWordDnsStopHostDown},
    {"dns.dnsbl.checked", "verdict", "listed", &kWordDnsblListed},
    {"dns.dnsbl.checked", "verdict", "not listed", &kWordDnsblNotListed},
    {"dns.mail.route", "exchangers", ", implicit", &kWordRouteImplicit, true},
    {"delivery.filed", "reason", "default", &kWordFiledDefault},
    {"delivery.filed", "reason", "spam_tagged", &kWordFiledSpam},
    {"delivery.filed", "reason", "header_unreadable", &kWordFiledUnreadable},
    {"net.route.recomputed", "cause", "topology", &kWordRouteTopology},
    {"net.route.recomputed", "cause", "interval", &kWordRouteInterval},
    {"net.tcp.cwnd", "cause", "initial", &kWordCwndInitial},
    {"net.tcp.cwnd", "cause", "slow_start", &kWordCwndSlowStart},
    {"net.tcp.cwnd", "cause", "congestion_avoidance", &kWordCwndAvoidance},
    {"net.tcp.cwnd", "cause", "dupack", &kWordCwndDupack},
    {"net.tcp.cwnd", "cause", "fast_retransmit", &kWordCwndFastRetransmit},
    {"net.tcp.cwnd", "cause", "partial_ack", &kWordCwndPartialAck},
    {"net.tcp.cwnd", "cause", "recovery_end", &kWordCwndRecoveryEnd},
    {"net.tcp.cwnd", "cause", "timeout", &kWordCwndTimeout},
    {"smtp.", kStates, "GREETING", &kWordSmtpGreeting},
    {"smtp.", kStates, "CONNECT", &kWordSmtpConnect},
    {"smtp.", kStates, "GREETED", &kWordSmtpGreeted},
    {"smtp.", kStates, "READY", &kWordSmtpReady},
    {"smtp.", kStates, "REFUSED", &kWordSmtpRefused},
    {"smtp.", kStates, "CLOSED", &kWordSmtpClosed},
    {"smtp.", kStates, "DONE", &kWordSmtpDone},
    {"retrieval.", kStates, "not authenticated", &kWordImapNotAuth},
    {"retrieval.", kStates, "authenticated", &kWordImapAuth},
    {"retrieval.", kStates, "selected", &kWordImapSelected},
    {"retrieval.", kStates, "logout", &kWordImapLogout},
    {"retrieval.", kStates, "AUTHORIZATION", &kWordPop3Authorization},
    {"retrieval.", kStates, "UPDATE", &kWordPop3Update},
    {"retrieval.", kStates, "CLOSED", &kWordPop3Closed},
    {"dns.spf.checked", "result", "pass", &kWordSpfPass},
    {"dns.spf.checked", "result", "fail", &kWordSpfFail},
    {"dns.spf.checked", "result", "softfail", &kWordSpfSoftfail},
    {"dns.spf.checked", "result", "neutral", &kWordSpfNeutral},
    {"dns.spf.checked", "result", "none", &kWordSpfNone},
};

// A count said with its noun: in the kind `kind`, the field `field` (a number) becomes the
// placeholder `placeholder`, the entry of `phrase` for that number.
struct CountedPhrase {
  std::string_view kind;
  std::string_view field;
  std::string_view placeholder;
  PluralMessage phrase;
};

inline constexpr PluralMessage kAnswerRecords{
    {"count.answer_records.one", "{count} answer record", "{count} enregistrement de réponse"},
    {"count.answer_records.other", "{count} answer records", "{count} enregistrements de réponse"}};
inline constexpr PluralMessage kNetworkQueries{
    {"count.queries.one", "{count} query on the network", "{count} requête sur le réseau"},
    {"count.queries.other", "{count} queries on the network", "{count} requêtes sur le réseau"}};
inline constexpr PluralMessage kRecords{
    {"count.records.one", "{count} record", "{count} enregistrement"},
    {"count.records.other", "{count} records", "{count} enregistrements"}};
inline constexpr PluralMessage kDnsLookups{
    {"count.dns_lookups.one", "{count} DNS lookup", "{count} recherche DNS"},
    {"count.dns_lookups.other", "{count} DNS lookups", "{count} recherches DNS"}};
inline constexpr PluralMessage kRecipientsAccepted{
    {"count.recipients_accepted.one", "{count} recipient accepted", "{count} destinataire accepté"},
    {"count.recipients_accepted.other", "{count} recipients accepted",
     "{count} destinataires acceptés"}};
inline constexpr PluralMessage kRefused{
    {"count.refused.one", "{count} refused", "{count} refusé"},
    {"count.refused.other", "{count} refused", "{count} refusés"}};
inline constexpr PluralMessage kRecipientsWait{
    {"count.recipients_wait.one", "{count} recipient waits for another try",
     "{count} destinataire attend un nouvel essai"},
    {"count.recipients_wait.other", "{count} recipients wait for another try",
     "{count} destinataires attendent un nouvel essai"}};
inline constexpr PluralMessage kRecipientsToRetry{
    {"count.recipients_retry.one", "{count} recipient to try again later",
     "{count} destinataire à réessayer plus tard"},
    {"count.recipients_retry.other", "{count} recipients to try again later",
     "{count} destinataires à réessayer plus tard"}};

inline constexpr PluralMessage kLongLines{
    {"count.long_lines.one", "{count} line", "{count} ligne"},
    {"count.long_lines.other", "{count} lines", "{count} lignes"}};

inline constexpr CountedPhrase kCountedPhrases[] = {
    {"dns.response.received", "answers", "answer_records", kAnswerRecords},
    {"dns.server.answered", "answers", "answer_records", kAnswerRecords},
    {"dns.lookup.done", "queries", "network_queries", kNetworkQueries},
    {"dns.zone.changed", "count", "records_now", kRecords},
    {"dns.spf.checked", "dns_lookups", "dns_lookups_done", kDnsLookups},
    {"smtp.client.completed", "delivered", "recipients_accepted", kRecipientsAccepted},
    {"mail.relayed", "lines_broken", "long_lines", kLongLines},
    {"smtp.client.completed", "rejected", "recipients_refused", kRefused},
    {"smtp.client.missing_feature", "deferred", "recipients_wait", kRecipientsWait},
    {"smtp.client.closed_by_server", "deferred", "recipients_to_retry", kRecipientsToRetry},
    {"smtp.client.timed_out", "deferred", "recipients_to_retry", kRecipientsToRetry},
    {"smtp.client.protocol_error", "deferred", "recipients_to_retry", kRecipientsToRetry},
    {"smtp.client.failed", "deferred", "recipients_to_retry", kRecipientsToRetry},
};

// The simulator's own diagnostics that are not in another catalog (diagnostics.hpp): Postfix's
// words for a connection that could not be made (agents/connection_labels.hpp), and for a
// domain with no route.
// A diagnostic's reply code before its words ("451 4.4.1 ", or nothing), and a server's own
// words kept as they were sent (protocol bytes).
inline constexpr Message kDiagWithCode{"diag.with_code", "{code}{words}", "{code}{words}"};
inline constexpr Message kDiagAsSent{"diag.as_sent", "{text}", "{text}"};
inline constexpr Message kDiagConnect{"diag.connect", "connect to {target}: {what}",
                                      "connexion à {target} impossible : {what}"};
inline constexpr Message kDiagNoRouteToDomain{"diag.no_route_to_domain",
                                              "No route to domain {domain}",
                                              "aucune route vers le domaine {domain}"};
inline constexpr Message kDiagRefused{"diag.refused", "Connection refused", "connexion refusée"};
inline constexpr Message kDiagTimedOut{"diag.timed_out", "Connection timed out",
                                       "aucune réponse, délai de connexion dépassé"};
inline constexpr Message kDiagReset{"diag.reset", "Connection reset by peer",
                                    "connexion coupée par l'autre côté"};
inline constexpr Message kDiagUnreachable{"diag.unreachable", "Network is unreachable",
                                          "réseau injoignable"};
inline constexpr Message kDiagLost{"diag.lost", "lost connection", "connexion perdue"};
inline constexpr std::pair<std::string_view, const Message*> kConnectFailures[] = {
    {"Connection refused", &kDiagRefused},
    {"Connection timed out", &kDiagTimedOut},
    {"Connection reset by peer", &kDiagReset},
    {"Network is unreachable", &kDiagUnreachable},
    {"lost connection", &kDiagLost}};

inline constexpr std::array kFieldWordAll{&kDiagWithCode,
                                          &kDiagAsSent,
                                          &kDiagConnect,
                                          &kDiagNoRouteToDomain,
                                          &kDiagRefused,
                                          &kDiagTimedOut,
                                          &kDiagReset,
                                          &kDiagUnreachable,
                                          &kDiagLost,
                                          &kWordCacheRecords,
                                          &kWordCacheNxdomain,
                                          &kWordCacheNodata,
                                          &kWordLookupOk,
                                          &kWordLookupTimeout,
                                          &kWordLookupCnameChain,
                                          &kWordDnsStopHostDown,
                                          &kWordDnsblListed,
                                          &kWordDnsblNotListed,
                                          &kWordRouteImplicit,
                                          &kWordFiledDefault,
                                          &kWordFiledSpam,
                                          &kWordFiledUnreadable,
                                          &kWordRouteTopology,
                                          &kWordRouteInterval,
                                          &kWordCwndInitial,
                                          &kWordCwndSlowStart,
                                          &kWordCwndAvoidance,
                                          &kWordCwndDupack,
                                          &kWordCwndFastRetransmit,
                                          &kWordCwndPartialAck,
                                          &kWordCwndRecoveryEnd,
                                          &kWordCwndTimeout,
                                          &kWordSmtpGreeting,
                                          &kWordSmtpConnect,
                                          &kWordSmtpGreeted,
                                          &kWordSmtpReady,
                                          &kWordSmtpRefused,
                                          &kWordSmtpClosed,
                                          &kWordSmtpDone,
                                          &kWordImapNotAuth,
                                          &kWordImapAuth,
                                          &kWordImapSelected,
                                          &kWordImapLogout,
                                          &kWordPop3Authorization,
                                          &kWordPop3Update,
                                          &kWordPop3Closed,
                                          &kWordSpfPass,
                                          &kWordSpfFail,
                                          &kWordSpfSoftfail,
                                          &kWordSpfNeutral,
                                          &kWordSpfNone,
                                          &kAnswerRecords.one,
                                          &kAnswerRecords.other,
                                          &kNetworkQueries.one,
                                          &kNetworkQueries.other,
                                          &kRecords.one,
                                          &kRecords.other,
                                          &kDnsLookups.one,
                                          &kDnsLookups.other,
                                          &kRecipientsAccepted.one,
                                          &kRecipientsAccepted.other,
                                          &kRefused.one,
                                          &kRefused.other,
                                          &kRecipientsWait.one,
                                          &kRecipientsWait.other,
                                          &kRecipientsToRetry.one,
                                          &kRecipientsToRetry.other,
                                          &kLongLines.one,
                                          &kLongLines.other};

// A session state in the reader's words ("CLOSED": "FERMÉ"); the state itself when the table
// has no words for it.
inline std::string_view state_words(std::string_view state, Lang lang) {
  for (const FieldWord& w : kFieldWords)
    if (w.field == kStates && w.value == state) return w.words->text(lang);
  return state;
}

}  // namespace mailsim::agents::narration

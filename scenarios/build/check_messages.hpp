#pragma once
// Catalog entries of `mailsim check`: expectations and their evidence (English and French).
#include <array>

#include "sim/plural.hpp"
#include "sim/text.hpp"

namespace mailsim::scenarios::check {

// {within} when an expectation has no time limit: the run's end is the limit.
inline constexpr Message kNoTimeLimit{"check.no_time_limit", " by the end of the run",
                                      " avant la fin de la simulation"};
inline constexpr Message kPass{"check.pass", "PASS", "RÉUSSI"};
inline constexpr Message kFail{"check.fail", "FAIL", "ÉCHEC"};
inline constexpr Message kWithin{"check.within", " within {time}", " en moins de {time}"};
inline constexpr Message kOutcomeOpened{"check.outcome.opened", "opened", "ouverte"};
inline constexpr Message kOutcomeRefused{"check.outcome.refused", "refused", "refusée"};
inline constexpr Message kOutcomeTimedOut{"check.outcome.timed_out", "timed out", "expirée"};
inline constexpr Message kConnection{
    "check.connection", "a connection from {from} to {to} port {port} is {outcome}{within}",
    "une connexion de {from} vers {to} port {port} est {outcome}{within}"};
inline constexpr Message kReply{"check.reply", "{from} receives a reply {code}{within}",
                                "{from} reçoit une réponse {code}{within}"};
inline constexpr Message kSeenAt{"check.seen_at", "seen at {time}", "constaté à {time}"};
inline constexpr Message kConnectionWas{"check.connection_was",
                                        "the connection was {actual} at {time}",
                                        "la connexion a été {actual} à {time}"};
inline constexpr Message kNoConnection{"check.no_connection", "no such connection was attempted",
                                       "aucune connexion de ce genre n'a été tentée"};
inline constexpr Message kLineAt{"check.line_at", "\"{line}\" at {time}", "« {line} » à {time}"};
inline constexpr Message kFirstLineWas{"check.first_line_was",
                                       "the first reply was \"{line}\" at {time}",
                                       "la première réponse était « {line} » à {time}"};
inline constexpr Message kNoReply{"check.no_reply", "no reply was received",
                                  "aucune réponse n'a été reçue"};
inline constexpr PluralMessage kSummary{
    {"check.summary.one", "{count} of {total} expectations met",
     "{count} vérification réussie sur {total}"},
    {"check.summary.other", "{count} of {total} expectations met",
     "{count} vérifications réussies sur {total}"}};
inline constexpr Message kResultLine{"check.result_line", "{label}  {description}: {evidence}",
                                     "{label}  {description} : {evidence}"};
inline constexpr Message kMailDelivered{"check.mail.delivered", "delivered to a mailbox",
                                        "remis dans une boîte aux lettres"};
inline constexpr Message kMailBounced{"check.mail.bounced", "bounced to its sender",
                                      "renvoyé à son expéditeur"};
inline constexpr Message kMailDeferred{"check.mail.deferred", "deferred", "différé"};
// A mail client never retries: a message its server did not take stays in its outbox.
inline constexpr Message kMailNotSent{"check.mail.not_sent",
                                      "not sent, kept in the mail client's outbox",
                                      "non envoyé, gardé dans la boîte d'envoi du logiciel"};
inline constexpr Message kMail{"check.mail", "a message for {to} is {outcome}{within}",
                               "un message pour {to} est {outcome}{within}"};
inline constexpr Message kMailSeen{"check.mail_seen", "{kind} at {time} ({detail})",
                                   "{kind} à {time} ({detail})"};
inline constexpr Message kNoMail{"check.no_mail", "nothing happened to a message for {to}",
                                 "rien n'est arrivé à un message pour {to}"};
inline constexpr Message kNoMailLost{"check.no_mail_lost", "no message is lost",
                                     "aucun message n'est perdu"};
inline constexpr Message kAllAccountedFor{
    "check.all_accounted_for",
    "message recipients accepted: {count}, each delivered, bounced or still queued",
    "destinataires de messages acceptés : {count}, chacun remis, renvoyé ou encore en file"};

inline constexpr Message kAccountedButSmtpDuplicate{"check.accounted_but_smtp_duplicate",
                                                    "{accounted}; but {duplicate}",
                                                    "{accounted} ; mais {duplicate}"};

inline constexpr Message kFetched{
    "check.fetched", "the mail client {client} shows new messages (count: {count}){within}",
    "le logiciel de messagerie {client} montre de nouveaux messages (nombre : {count}){within}"};
inline constexpr Message kFetchedSubject{
    "check.fetched_subject",
    "the mail client {client} shows new messages with the subject \"{subject}\" (count: "
    "{count}){within}",
    "le logiciel de messagerie {client} montre de nouveaux messages avec le sujet « {subject} » "
    "(nombre : {count}){within}"};
inline constexpr Message kFetchedSeen{
    "check.fetched_seen", "shown: {count}, the last \"{subject}\" from {from} at {time}",
    "montrés : {count}, le dernier « {subject} » de {from} à {time}"};
inline constexpr Message kNothingFetched{"check.nothing_fetched",
                                         "the client showed no such message",
                                         "le logiciel n'a montré aucun message de ce genre"};

inline constexpr std::array kAll{&kNoTimeLimit,
                                 &kPass,
                                 &kFail,
                                 &kWithin,
                                 &kOutcomeOpened,
                                 &kOutcomeRefused,
                                 &kOutcomeTimedOut,
                                 &kConnection,
                                 &kReply,
                                 &kSeenAt,
                                 &kConnectionWas,
                                 &kNoConnection,
                                 &kLineAt,
                                 &kFirstLineWas,
                                 &kNoReply,
                                 &kSummary.one,
                                 &kSummary.other,
                                 &kResultLine,
                                 &kMailDelivered,
                                 &kMailBounced,
                                 &kMailDeferred,
                                 &kMailNotSent,
                                 &kMail,
                                 &kMailSeen,
                                 &kNoMail,
                                 &kNoMailLost,
                                 &kAllAccountedFor,
                                 &kAccountedButSmtpDuplicate,
                                 &kFetched,
                                 &kFetchedSubject,
                                 &kFetchedSeen,
                                 &kNothingFetched};

}  // namespace mailsim::scenarios::check

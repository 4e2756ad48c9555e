#pragma once
// The story's own words (English and French): the article's role names beside host names,
// the summary of attempts that failed the same way, durations, and the table of messages at
// the end of a run (message_ledger.hpp).
#include <array>

#include "sim/plural.hpp"
#include "sim/text.hpp"

namespace mailsim::agents::narration {

// The roles are the article's acronyms, the same in French texts about mail.
inline constexpr Message kRoleMua{"story.role.mua", "MUA", "MUA"};
inline constexpr Message kRoleMsa{"story.role.msa", "MSA", "MSA"};
inline constexpr Message kRoleMta{"story.role.mta", "MTA", "MTA"};
inline constexpr Message kRoleMda{"story.role.mda", "MDA", "MDA"};
inline constexpr Message kRoleLabel{"story.role.label", "{host} ({roles})", "{host} ({roles})"};

// Attempts after the first ones that failed the same way, told as one line.
inline constexpr PluralMessage kMoreAttempts{
    {"story.more_attempts.one", "… 1 more attempt failed the same way, at {last}",
     "… 1 autre tentative a échoué de la même façon, à {last}"},
    {"story.more_attempts.other",
     "… {count} more attempts failed the same way, {spacing}, the last at {last}",
     "… {count} autres tentatives ont échoué de la même façon, {spacing}, la dernière à "
     "{last}"}};
inline constexpr Message kSpacingSame{"story.spacing.same", "{interval} apart",
                                      "espacées de {interval}"};
inline constexpr Message kSpacingRange{"story.spacing.range", "{min} to {max} apart",
                                       "espacées de {min} à {max}"};

// Durations: "350 ms", "1.5 s", "1 h 10 min", "5 d 2 h" ("5 j 2 h" in French).
inline constexpr Message kMilliseconds{"story.duration.ms", "{n} ms", "{n} ms"};
inline constexpr Message kSeconds{"story.duration.s", "{n} s", "{n} s"};
inline constexpr Message kMinutes{"story.duration.min", "{n} min", "{n} min"};
inline constexpr Message kHours{"story.duration.h", "{n} h", "{n} h"};
inline constexpr Message kDays{"story.duration.d", "{n} d", "{n} j"};

// The table of messages at the end of a run.
inline constexpr Message kLedgerTitle{
    "story.ledger.title", "What became of each message:", "Ce que chaque message est devenu :"};
inline constexpr Message kLedgerNone{"story.ledger.none", "No message was sent.",
                                     "Aucun message n'a été envoyé."};
inline constexpr Message kLedgerRow{
    "story.ledger.row",
    "  {id}  from {from} to {to}: {outcome}; {attempts}, {duration}; via {hops}",
    "  {id}  envoyé par {from} à {to} : {outcome} ; {attempts}, {duration} ; par {hops}"};
inline constexpr PluralMessage kAttempts{
    {"story.attempts.one", "{count} attempt", "{count} tentative"},
    {"story.attempts.other", "{count} attempts", "{count} tentatives"}};
inline constexpr Message kTookTime{"story.took", "{duration} in all", "{duration} en tout"};
inline constexpr Message kRecipientOutcome{"story.outcome.recipient", "{recipient}: {outcome}",
                                           "{recipient} : {outcome}"};
inline constexpr Message kOutcomeDelivered{"story.outcome.delivered", "delivered to {mailbox}",
                                           "distribué dans {mailbox}"};
// Two copies or more in the same mailbox (the story tells why where the second arrives).
inline constexpr Message kOutcomeDeliveredTimes{"story.outcome.delivered_times",
                                                "delivered {count} times to {mailbox}",
                                                "distribué {count} fois dans {mailbox}"};
inline constexpr Message kOutcomeBounced{"story.outcome.bounced",
                                         "bounced by {agent} ({reply}), the sender is told",
                                         "renvoyé par {agent} ({reply}), l'expéditeur est averti"};
inline constexpr Message kOutcomeQueued{"story.outcome.queued", "still queued at {agent}",
                                        "toujours en file d'attente chez {agent}"};
inline constexpr Message kOutcomeRelayed{"story.outcome.relayed", "handed over to {agent}",
                                         "transmis à {agent}"};
// A mail client never retries: what its server did not take stays in its outbox.
inline constexpr Message kOutcomeRefused{
    "story.outcome.refused",
    "not sent: {server} did not take it ({reply}), it stays in the outbox of the mail client on "
    "{client}",
    "non envoyé : {server} ne l'a pas pris ({reply}), il reste dans la boîte d'envoi du "
    "logiciel de messagerie sur {client}"};
inline constexpr Message kOutcomePostmaster{
    "story.outcome.postmaster", "undeliverable bounce, a copy went to the postmaster",
    "avis impossible à remettre, une copie est partie au postmaster"};
inline constexpr Message kOutcomeDiscarded{"story.outcome.discarded",
                                           "undeliverable bounce, discarded",
                                           "avis impossible à remettre, supprimé"};
inline constexpr Message kOutcomeComposed{"story.outcome.composed", "written, not sent yet",
                                          "écrit, pas encore envoyé"};

inline constexpr std::array kStoryAll{&kRoleMua,
                                      &kRoleMsa,
                                      &kRoleMta,
                                      &kRoleMda,
                                      &kRoleLabel,
                                      &kMoreAttempts.one,
                                      &kMoreAttempts.other,
                                      &kSpacingSame,
                                      &kSpacingRange,
                                      &kMilliseconds,
                                      &kSeconds,
                                      &kMinutes,
                                      &kHours,
                                      &kDays,
                                      &kLedgerTitle,
                                      &kLedgerNone,
                                      &kLedgerRow,
                                      &kAttempts.one,
                                      &kAttempts.other,
                                      &kTookTime,
                                      &kRecipientOutcome,
                                      &kOutcomeDelivered,
                                      &kOutcomeDeliveredTimes,
                                      &kOutcomeBounced,
                                      &kOutcomeQueued,
                                      &kOutcomeRelayed,
                                      &kOutcomeRefused,
                                      &kOutcomePostmaster,
                                      &kOutcomeDiscarded,
                                      &kOutcomeComposed};

}  // namespace mailsim::agents::narration

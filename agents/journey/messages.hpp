#pragma once
// Catalog entries of the journey checks (English and French).
#include <array>

#include "sim/text.hpp"

namespace mailsim::agents::msg {

inline constexpr Message kLost{
    "journey.lost",
    "{agent} accepted {queue_id} for {recipient}, but it was neither delivered, relayed nor "
    "bounced, and is no longer queued: the mail was lost",
    "{agent} a accepté {queue_id} pour {recipient}, mais il n'a été ni distribué, ni relayé, ni "
    "renvoyé, et n'est plus en file d'attente : le courrier est perdu"};
inline constexpr Message kTwoOutcomes{
    "journey.two_outcomes",
    "{queue_id} at {agent} for {recipient} ended twice: {first} and {second}",
    "{queue_id} chez {agent} pour {recipient} s'est terminé deux fois : {first} et {second}"};
inline constexpr Message kDoneButQueued{
    "journey.done_but_queued",
    "{queue_id} at {agent} for {recipient} ended ({outcome}) but is still in the queue",
    "{queue_id} chez {agent} pour {recipient} est terminé ({outcome}) mais toujours en file "
    "d'attente"};
inline constexpr Message kNeverAccepted{
    "journey.never_accepted",
    "{agent} reports {outcome} for {queue_id} ({recipient}), which it never accepted",
    "{agent} signale {outcome} pour {queue_id} ({recipient}), qu'il n'a jamais accepté"};
inline constexpr Message kRelayNotAccepted{
    "journey.relay_not_accepted",
    "{agent} says it relayed {queue_id} for {recipient} to {next_agent} as {next_queue_id}, but "
    "{next_agent} never accepted it",
    "{agent} dit avoir relayé {queue_id} pour {recipient} vers {next_agent} sous {next_queue_id}, "
    "mais {next_agent} ne l'a jamais accepté"};
inline constexpr Message kBounceMissing{
    "journey.bounce_missing",
    "{agent} bounced {queue_id} for {recipient}, but the bounce {dsn_queue_id} was never queued",
    "{agent} a renvoyé {queue_id} pour {recipient}, mais l'avis {dsn_queue_id} n'a jamais été mis "
    "en file d'attente"};
inline constexpr Message kBounceOfBounce{
    "journey.bounce_of_bounce",
    "{agent} sent a bounce about the bounce {queue_id}: a bounce about a bounce must never be "
    "sent (RFC 5321 4.5.5)",
    "{agent} a renvoyé un avis à propos de l'avis {queue_id} : on ne répond jamais à un avis de "
    "non-remise (RFC 5321 4.5.5)"};
inline constexpr Message kDiscardNotBounce{
    "journey.discard_not_bounce",
    "{agent} discarded {queue_id} for {recipient} as a double bounce, but it is not a bounce",
    "{agent} a supprimé {queue_id} pour {recipient} comme double rebond, mais ce n'est pas un avis "
    "de non-remise"};

inline constexpr Message kDeliveredTwice{
    "journey.delivered_twice",
    "the message {message_id} was delivered {count} times to {recipient}, and no lost reply "
    "explains it: the mail was duplicated",
    "le message {message_id} a été distribué {count} fois à {recipient}, sans qu'aucune réponse "
    "perdue ne l'explique : le courrier a été dupliqué"};
// Not a violation: what SMTP itself cannot prevent.
inline constexpr Message kSmtpDuplicate{
    "journey.smtp_duplicate",
    "the message {message_id} was delivered {count} times to {recipient}: a server took it, but "
    "its 250 reply after the final dot never reached the sender, which sent it again. SMTP cannot "
    "prevent this (RFC 5321 section 6.1, RFC 1047)",
    "le message {message_id} a été distribué {count} fois à {recipient} : un serveur l'a pris, "
    "mais sa réponse 250 après le point final n'est jamais parvenue à l'expéditeur, qui l'a "
    "renvoyé. SMTP ne peut pas l'empêcher (RFC 5321 section 6.1, RFC 1047)"};

inline constexpr std::array kJourneyAll{
    &kLost,          &kTwoOutcomes,    &kDoneButQueued,    &kNeverAccepted,  &kRelayNotAccepted,
    &kBounceMissing, &kBounceOfBounce, &kDiscardNotBounce, &kDeliveredTwice, &kSmtpDuplicate};

}  // namespace mailsim::agents::msg

#pragma once
// The narration catalog: one sentence per trace record kind. The message id is the kind's name.
#include <array>

#include "sim/text.hpp"

namespace mailsim::agents::narration {

inline constexpr Message kMailAccepted{
    "mail.accepted",
    "{agent} accepted a message from {sender} for {recipients} and stored it in its queue as "
    "{queue_id} ({size} bytes)",
    "{agent} a accepté un message de {sender} pour {recipients} et l'a rangé dans sa file "
    "d'attente sous {queue_id} ({size} octets)"};
// mail.accepted when the client logged in (SMTP AUTH): a submission; {client} is the host the
// message came from (derived from the origin).
inline constexpr Message kMailAcceptedSubmitted{
    "mail.accepted.submitted",
    "{agent} accepted the message that {client} submitted, logged in as {user}: from {sender} "
    "for {recipients}, stored in its queue as {queue_id} ({size} bytes)",
    "{agent} a accepté le message soumis par {client}, identifié comme {user} : de {sender} "
    "pour {recipients}, rangé dans sa file d'attente sous {queue_id} ({size} octets)"};
inline constexpr Message kMailRelayed{
    "mail.relayed", "{agent} handed {queue_id} for {recipient} over to {next_agent} ({reply})",
    "{agent} a transmis {queue_id} pour {recipient} à {next_agent} ({reply})"};
// Postfix's smtp_line_length_limit at work: the relayed message had lines over 998 octets.
inline constexpr Message kMailRelayedLinesBroken{
    "mail.relayed.lines_broken",
    "{agent} handed {queue_id} for {recipient} over to {next_agent} ({reply}), breaking "
    "{long_lines} over 998 octets with a CRLF and a space, as Postfix's smtp_line_length_limit "
    "does (RFC 5321 allows 1,000 octets a line)",
    "{agent} a transmis {queue_id} pour {recipient} à {next_agent} ({reply}), en coupant "
    "{long_lines} de plus de 998 octets par un CRLF et une espace, comme le fait le "
    "smtp_line_length_limit de Postfix (la RFC 5321 permet 1 000 octets par ligne)"};
inline constexpr Message kMailDelivered{
    "mail.delivered", "{agent} delivered {queue_id} to the mailbox {mailbox}",
    "{agent} a déposé {queue_id} dans la boîte aux lettres {mailbox}"};
inline constexpr Message kMailDeferred{
    "mail.deferred",
    "{agent} could not deliver {queue_id} to {recipient} yet: {reply} ({explain}); next try at "
    "{next_attempt}",
    "{agent} n'a pas encore pu remettre {queue_id} à {recipient} : {reply} ({explain}) ; "
    "nouvel essai à {next_attempt}"};
inline constexpr Message kMailBounced{
    "mail.bounced",
    "{agent} gave up on {queue_id} for {recipient}: {reply} ({explain}); it sends a delivery "
    "status notification {dsn_queue_id} back to the sender",
    "{agent} abandonne {queue_id} pour {recipient} : {reply} ({explain}) ; il renvoie un avis de "
    "non-remise {dsn_queue_id} à l'expéditeur"};
inline constexpr Message kMailDelayWarned{
    "mail.delay_warned",
    "{agent} still cannot deliver {queue_id} to {recipient} ({reply}); it tells the sender the "
    "message is delayed but still being retried (notice {dsn_queue_id}); next try at "
    "{next_attempt}",
    "{agent} ne parvient toujours pas à remettre {queue_id} à {recipient} ({reply}) ; il "
    "prévient l'expéditeur que le message est retardé mais toujours en cours d'essai (avis "
    "{dsn_queue_id}) ; nouvel essai à {next_attempt}"};
inline constexpr Message kMailDoubleBounced{
    "mail.double_bounced",
    "{agent} could not deliver the bounce {queue_id} to {recipient} either; a bounce about a "
    "bounce is never sent back, so a copy goes to the postmaster as {dsn_queue_id}",
    "{agent} n'a pas pu remettre non plus l'avis {queue_id} à {recipient} ; on ne renvoie jamais "
    "d'avis à propos d'un avis, une copie part donc au postmaster sous {dsn_queue_id}"};
inline constexpr Message kMailDoubleBounceDiscarded{
    "mail.double_bounce_discarded",
    "{agent} could not deliver the bounce {queue_id} to {recipient} either; a bounce about a "
    "bounce is never sent, so it is discarded",
    "{agent} n'a pas pu remettre non plus l'avis {queue_id} à {recipient} ; on ne renvoie jamais "
    "d'avis à propos d'un avis, il est donc supprimé"};

inline constexpr Message kTypedOpened{"typed.opened", "{session}: connected",
                                      "{session} : connecté"};
inline constexpr Message kTypedFailed{"typed.failed", "{session}: could not connect: {reason_text}",
                                      "{session} : connexion impossible : {reason_text}"};
inline constexpr Message kTypedSent{"typed.sent", "{session}: typed \"{line}\"",
                                    "{session} : saisi « {line} »"};
inline constexpr Message kTypedReceived{"typed.received",
                                        "{session}: the server answered \"{line}\"",
                                        "{session} : le serveur a répondu « {line} »"};
inline constexpr Message kTypedClosed{"typed.closed", "{session}: {reason_text}",
                                      "{session} : {reason_text}"};

inline constexpr std::array kAll{&kMailAccepted,
                                 &kMailDelayWarned,
                                 &kMailRelayed,
                                 &kMailDelivered,
                                 &kMailDeferred,
                                 &kMailBounced,
                                 &kMailDoubleBounced,
                                 &kMailDoubleBounceDiscarded,
                                 &kTypedOpened,
                                 &kTypedFailed,
                                 &kTypedSent,
                                 &kTypedReceived,
                                 &kTypedClosed};

}  // namespace mailsim::agents::narration

#pragma once
// The ends of an SMTP session held by a mail client (records of stage "submission"), as
// variants of the smtp.client.* sentences: a mail client has no queue and never retries by
// itself (only an MTA does); it shows the error to its user and keeps the message in its outbox,
// as Thunderbird does.
#include "sim/text.hpp"

namespace mailsim::agents::narration {

inline constexpr Message kMuaSessionDeferred{
    "smtp.client.deferred.mua",
    "{server} does not take the mail to {recipient} now: {reply} ({explain}); a mail client "
    "does not try again by itself, {client} shows the error to its user",
    "{server} ne prend pas le courrier pour {recipient} pour l'instant : {reply} ({explain}) ; "
    "un logiciel de messagerie ne réessaie pas de lui-même, {client} montre l'erreur à son "
    "utilisateur"};
inline constexpr Message kMuaSessionCompleted{
    "smtp.client.completed.mua",
    "{client} ends its SMTP session with {server} (QUIT); recipients accepted: {delivered}, "
    "refused for now: {deferred}, refused for good: {rejected}",
    "{client} termine sa session SMTP avec {server} (QUIT) ; destinataires acceptés : "
    "{delivered}, refusés pour l'instant : {deferred}, refusés définitivement : {rejected}"};
inline constexpr Message kMuaSessionMissingFeature{
    "smtp.client.missing_feature.mua",
    "{server} does not offer {feature}, which {client} requires: the session stops at {state} "
    "and the mail client shows the error to its user",
    "{server} ne propose pas {feature}, que {client} exige : la session s'arrête à l'étape "
    "{state} et le logiciel de messagerie montre l'erreur à son utilisateur"};
inline constexpr Message kMuaSessionClosedByServer{
    "smtp.client.closed_by_server.mua",
    "{server} closes the session of {client} at {state}: {reply} ({explain}); the mail client "
    "shows the error to its user",
    "{server} ferme la session de {client} à l'étape {state} : {reply} ({explain}) ; le "
    "logiciel de messagerie montre l'erreur à son utilisateur"};
inline constexpr Message kMuaSessionTimedOut{
    "smtp.client.timed_out.mua",
    "{server} did not answer {client} in time at {state}: the mail client gives up and shows "
    "the error to its user",
    "{server} n'a pas répondu à temps à {client} à l'étape {state} : le logiciel de messagerie "
    "abandonne et montre l'erreur à son utilisateur"};
inline constexpr Message kMuaSessionProtocolError{
    "smtp.client.protocol_error.mua",
    "{server} sent {client} a line that is not an SMTP reply (\"{line}\") at {state}: the mail "
    "client shows the error to its user",
    "{server} a envoyé à {client} une ligne qui n'est pas une réponse SMTP (« {line} ») à "
    "l'étape {state} : le logiciel de messagerie montre l'erreur à son utilisateur"};
inline constexpr Message kMuaSessionFailed{
    "smtp.client.failed.mua",
    "{client} could not hold its SMTP session with {server}: {reason_text}; the mail client "
    "shows the error to its user",
    "{client} n'a pas pu mener sa session SMTP avec {server} : {reason_text} ; le logiciel de "
    "messagerie montre l'erreur à son utilisateur"};

}  // namespace mailsim::agents::narration

#pragma once
// Narration of the SMTP dialogue records (agents/roles/smtp_dialogue_records.hpp): one
// sentence per kind, English and French. Placeholders are the records' fields, plus {explain}
// (the meaning of the record's `reply`) and {reason_text} (a connection's end in words), which
// the narrator derives.
#include <array>

#include "sim/text.hpp"

namespace mailsim::agents::narration {

// ---- The client side
inline constexpr Message kSmtpClientConnecting{
    "smtp.client.connecting",
    "{client} opens a connection to {server} ({address}) port {port} to hand over mail by SMTP",
    "{client} ouvre une connexion vers {server} ({address}) port {port} pour remettre du "
    "courrier par SMTP"};
inline constexpr Message kSmtpClientSent{"smtp.client.sent",
                                         "{client} sends \"{line}\" to {server}",
                                         "{client} envoie « {line} » à {server}"};
inline constexpr Message kSmtpClientReceived{"smtp.client.received",
                                             "{client} receives \"{line}\" from {server}",
                                             "{client} reçoit « {line} » de {server}"};
inline constexpr Message kSmtpClientContent{
    "smtp.client.content",
    "{client} sends the message itself to {server}: {lines} lines, {bytes} bytes",
    "{client} envoie le message lui-même à {server} : {lines} lignes, {bytes} octets"};
inline constexpr Message kSmtpClientState{
    "smtp.client.state", "the SMTP session of {client} with {server} goes from {from} to {to}",
    "la session SMTP de {client} avec {server} passe de {from} à {to}"};
inline constexpr Message kSmtpClientTls{
    "smtp.client.tls", "{client} and {server} now talk over an encrypted channel (STARTTLS)",
    "{client} et {server} parlent désormais sur un canal chiffré (STARTTLS)"};
inline constexpr Message kSmtpClientDelivered{
    "smtp.client.delivered", "{server} takes responsibility for the mail to {recipient}: {reply}",
    "{server} prend en charge le courrier pour {recipient} : {reply}"};
inline constexpr Message kSmtpClientDeferred{
    "smtp.client.deferred",
    "{server} does not take the mail to {recipient} this time: {reply} ({explain}); {client} "
    "will try again later",
    "{server} ne prend pas le courrier pour {recipient} cette fois : {reply} ({explain}) ; "
    "{client} réessaiera plus tard"};
inline constexpr Message kSmtpClientRejected{
    "smtp.client.rejected",
    "{server} refuses the mail to {recipient} for good: {reply} ({explain})",
    "{server} refuse définitivement le courrier pour {recipient} : {reply} ({explain})"};
inline constexpr Message kSmtpClientCompleted{
    "smtp.client.completed",
    "{client} ends its SMTP session with {server} (QUIT): {recipients_accepted}, {deferred} to "
    "try again later, {recipients_refused}",
    "{client} termine sa session SMTP avec {server} (QUIT) : {recipients_accepted}, {deferred} "
    "à réessayer plus tard, {recipients_refused}"};
inline constexpr Message kSmtpClientRefused{
    "smtp.client.refused",
    "{server} refuses the session of {client} at {state}: {reply} ({explain})",
    "{server} refuse la session de {client} à l'étape {state} : {reply} ({explain})"};
inline constexpr Message kSmtpClientMissingFeature{
    "smtp.client.missing_feature",
    "{server} does not offer {feature}, which {client} requires: the session stops at {state} "
    "and {recipients_wait}",
    "{server} ne propose pas {feature}, que {client} exige : la session s'arrête à l'étape "
    "{state} et {recipients_wait}"};
inline constexpr Message kSmtpClientClosedByServer{
    "smtp.client.closed_by_server",
    "{server} closes the session of {client} at {state}: {reply} ({explain}); "
    "{recipients_to_retry}",
    "{server} ferme la session de {client} à l'étape {state} : {reply} ({explain}) ; "
    "{recipients_to_retry}"};
inline constexpr Message kSmtpClientTimedOut{
    "smtp.client.timed_out",
    "{server} did not answer {client} in time at {state}: {client} gives up, "
    "{recipients_to_retry}",
    "{server} n'a pas répondu à temps à {client} à l'étape {state} : {client} abandonne, "
    "{recipients_to_retry}"};
inline constexpr Message kSmtpClientProtocolError{
    "smtp.client.protocol_error",
    "{server} sent {client} a line that is not an SMTP reply (\"{line}\") at {state}: "
    "{recipients_to_retry}",
    "{server} a envoyé à {client} une ligne qui n'est pas une réponse SMTP (« {line} ») à "
    "l'étape {state} : {recipients_to_retry}"};
inline constexpr Message kSmtpClientFailed{
    "smtp.client.failed",
    "{client} could not hold its SMTP session with {server}: {reason_text}; "
    "{recipients_to_retry}",
    "la session SMTP de {client} avec {server} a échoué : {reason_text} ; "
    "{recipients_to_retry}"};

// ---- The server side
inline constexpr Message kSmtpServerListening{
    "smtp.server.listening", "{server} listens for SMTP connections on port {port}",
    "{server} attend des connexions SMTP sur le port {port}"};
inline constexpr Message kSmtpServerAccepted{
    "smtp.server.accepted", "{server} accepts an SMTP connection from {client} (connection {conn})",
    "{server} accepte une connexion SMTP de {client} (connexion {conn})"};
inline constexpr Message kSmtpServerReceived{"smtp.server.received",
                                             "{server} receives \"{line}\" from {client}",
                                             "{server} reçoit « {line} » de {client}"};
inline constexpr Message kSmtpServerSent{"smtp.server.sent",
                                         "{server} answers \"{line}\" to {client}",
                                         "{server} répond « {line} » à {client}"};
inline constexpr Message kSmtpServerContent{
    "smtp.server.content",
    "{server} receives the message itself from {client}: {lines} lines, {bytes} bytes",
    "{server} reçoit le message lui-même de {client} : {lines} lignes, {bytes} octets"};
inline constexpr Message kSmtpServerState{
    "smtp.server.state", "the SMTP session of {server} with {client} goes from {from} to {to}",
    "la session SMTP de {server} avec {client} passe de {from} à {to}"};
inline constexpr Message kSmtpServerTls{
    "smtp.server.tls", "{server} and {client} now talk over an encrypted channel (STARTTLS)",
    "{server} et {client} parlent désormais sur un canal chiffré (STARTTLS)"};
inline constexpr Message kSmtpServerPolicy{
    "smtp.server.policy", "{server} checks its rules before answering {client} ({step} {argument})",
    "{server} consulte ses règles avant de répondre à {client} ({step} {argument})"};
// smtp.server.policy at the end of DATA, and smtp.server.closed after 221 (variants:
// sentence_variants.hpp).
inline constexpr Message kSmtpServerPolicyMessage{
    "smtp.server.policy.message",
    "{server} checks its rules on the message from {client} ({bytes} bytes) before answering",
    "{server} consulte ses règles sur le message de {client} ({bytes} octets) avant de répondre"};
inline constexpr Message kSmtpServerClosedAfterQuit{
    "smtp.server.closed.quit",
    "{server} says goodbye to {client} (\"{reply}\") and closes the connection",
    "{server} prend congé de {client} (« {reply} ») et ferme la connexion"};
inline constexpr Message kSmtpServerClosed{
    "smtp.server.closed",
    "{server} closes the connection with {client} after \"{reply}\" ({explain})",
    "{server} ferme la connexion avec {client} après « {reply} » ({explain})"};
inline constexpr Message kSmtpServerClientLeft{
    "smtp.server.client_left",
    "{client} hung up on {server} at {state} without saying QUIT: the session is over",
    "{client} a raccroché à l'étape {state} sans dire QUIT : la session avec {server} est "
    "terminée"};
inline constexpr Message kSmtpServerLost{
    "smtp.server.lost", "{server} loses its SMTP session with {client} at {state}: {reason_text}",
    "{server} perd sa session SMTP avec {client} à l'étape {state} : {reason_text}"};

inline constexpr std::array kSmtpAll{
    &kSmtpClientConnecting,     &kSmtpClientSent,       &kSmtpClientReceived,
    &kSmtpClientContent,        &kSmtpClientState,      &kSmtpClientTls,
    &kSmtpClientDelivered,      &kSmtpClientDeferred,   &kSmtpClientRejected,
    &kSmtpClientCompleted,      &kSmtpClientRefused,    &kSmtpClientMissingFeature,
    &kSmtpClientClosedByServer, &kSmtpClientTimedOut,   &kSmtpClientProtocolError,
    &kSmtpClientFailed,         &kSmtpServerListening,  &kSmtpServerAccepted,
    &kSmtpServerReceived,       &kSmtpServerSent,       &kSmtpServerContent,
    &kSmtpServerState,          &kSmtpServerTls,        &kSmtpServerPolicy,
    &kSmtpServerClosed,         &kSmtpServerClientLeft, &kSmtpServerLost};

}  // namespace mailsim::agents::narration

#pragma once
// Narration of the MDA's decisions (agents/delivery/delivery_records.hpp) and of mail
// retrieval over the network (agents/retrieval/retrieval_records.hpp). Placeholders are the
// records' fields. mail.delivered is the journey's own sentence (sentences.hpp).
#include <array>

#include "sim/text.hpp"

namespace mailsim::agents::narration {

// ---- delivery (the MDA)
inline constexpr Message kDeliveryFiled{
    "delivery.filed", "{agent} files message {queue_id} for {recipient} in {mailbox} ({reason})",
    "{agent} range le message {queue_id} pour {recipient} dans {mailbox} ({reason})"};
inline constexpr Message kDeliveryFolderCreated{
    "delivery.folder_created",
    "{agent} creates the folder {mailbox} for message {queue_id}, as a filing rule asks ({reason})",
    "{agent} crée le dossier {mailbox} pour le message {queue_id}, comme le demande une règle de "
    "classement ({reason})"};
inline constexpr Message kDeliveryUnknownUser{
    "delivery.unknown_user",
    "{agent} has no mailbox for {recipient}: message {queue_id} is refused with {reply}",
    "{agent} n'a pas de boîte aux lettres pour {recipient} : le message {queue_id} est refusé "
    "avec {reply}"};
inline constexpr Message kDeliveryOverQuota{
    "delivery.over_quota",
    "{agent} cannot store message {queue_id} ({size} bytes) for {recipient}: the mailbox holds "
    "{used} of its {quota} bytes and the message does not fit; it answers {reply}",
    "{agent} ne peut pas ranger le message {queue_id} ({size} octets) pour {recipient} : la "
    "boîte contient déjà {used} de ses {quota} octets et le message n'y tient pas ; réponse "
    "{reply}"};

// ---- retrieval, server side
inline constexpr Message kRetrievalServerListening{
    "retrieval.server.listening", "{server} waits for {protocol} mail clients on port {port}",
    "{server} attend les clients de messagerie {protocol} sur le port {port}"};
inline constexpr Message kRetrievalServerAccepted{
    "retrieval.server.accepted",
    "{server} accepts a connection from {client} for {protocol} (connection {conn})",
    "{server} accepte une connexion {protocol} de {client} (connexion {conn})"};
inline constexpr Message kRetrievalServerReceived{"retrieval.server.received",
                                                  "{server} reads from {client}: {line}",
                                                  "{server} reçoit de {client} : {line}"};
inline constexpr Message kRetrievalServerSent{"retrieval.server.sent",
                                              "{server} answers {client}: {line}",
                                              "{server} répond à {client} : {line}"};
// The ")" that closes an IMAP FETCH answer after the message (variant of .sent and .received).
inline constexpr Message kRetrievalServerFetchEnd{
    "retrieval.server.sent.fetch_end", "{server} ends its FETCH answer to {client}: {line}",
    "{server} termine sa réponse FETCH à {client} : {line}"};
inline constexpr Message kRetrievalClientFetchEnd{
    "retrieval.client.received.fetch_end",
    "{client} receives the end of the FETCH answer from {server}: {line}",
    "{client} reçoit de {server} la fin de la réponse FETCH : {line}"};
inline constexpr Message kRetrievalServerContent{
    "retrieval.server.content",
    "{server} sends {client} the message itself: {lines} lines, {bytes} bytes",
    "{server} envoie à {client} le message lui-même : {lines} lignes, {bytes} octets"};
inline constexpr Message kRetrievalServerState{
    "retrieval.server.state",
    "the {protocol} session of {client} on {server} goes from {from} to {to}",
    "la session {protocol} de {client} sur {server} passe de {from} à {to}"};
inline constexpr Message kRetrievalServerClosed{
    "retrieval.server.closed",
    "{server} ends the {protocol} connection with {client} in session state {state}: "
    "{reason_text}",
    "{server} termine la connexion {protocol} avec {client} dans l'état de session {state} : "
    "{reason_text}"};

// ---- retrieval, client side
inline constexpr Message kRetrievalClientConnecting{
    "retrieval.client.connecting",
    "{client} connects to {server} ({address}) port {port} to fetch mail by {protocol}",
    "{client} se connecte à {server} ({address}) port {port} pour relever le courrier en "
    "{protocol}"};
inline constexpr Message kRetrievalClientSent{"retrieval.client.sent",
                                              "{client} sends to {server}: {line}",
                                              "{client} envoie à {server} : {line}"};
inline constexpr Message kRetrievalClientReceived{"retrieval.client.received",
                                                  "{client} receives from {server}: {line}",
                                                  "{client} reçoit de {server} : {line}"};
inline constexpr Message kRetrievalClientContent{
    "retrieval.client.content",
    "{client} receives the message itself from {server}: {lines} lines, {bytes} bytes",
    "{client} reçoit le message lui-même de {server} : {lines} lignes, {bytes} octets"};
inline constexpr Message kRetrievalClientFetched{
    "retrieval.client.fetched",
    "{client} has fetched {count} messages for {user} from {folder} on {server} by {protocol}",
    "{client} a relevé {count} messages pour {user} dans {folder} sur {server} en {protocol}"};
// The same for one message and for none (sentence_variants.hpp).
inline constexpr Message kRetrievalClientFetchedOne{
    "retrieval.client.fetched_one",
    "{client} has fetched 1 message for {user} from {folder} on {server} by {protocol}",
    "{client} a relevé 1 message pour {user} dans {folder} sur {server} en {protocol}"};
inline constexpr Message kRetrievalClientFetchedNone{
    "retrieval.client.fetched_none",
    "{client} found no new message for {user} in {folder} on {server} by {protocol}",
    "{client} n'a trouvé aucun nouveau message pour {user} dans {folder} sur {server} en "
    "{protocol}"};
inline constexpr Message kRetrievalClientFailed{
    "retrieval.client.failed",
    "{client} could not fetch the mail of {user} from {server} by {protocol} at step {step}: "
    "{reason_text} (server's last words: {reply})",
    "{client} n'a pas pu relever le courrier de {user} sur {server} en {protocol} à l'étape "
    "{step} : {reason_text} (derniers mots du serveur : {reply})"};

inline constexpr std::array kRetrievalAll{
    &kDeliveryFiled,           &kDeliveryFolderCreated,    &kDeliveryUnknownUser,
    &kDeliveryOverQuota,       &kRetrievalServerListening, &kRetrievalServerAccepted,
    &kRetrievalServerReceived, &kRetrievalServerSent,      &kRetrievalServerContent,
    &kRetrievalServerState,    &kRetrievalServerClosed,    &kRetrievalClientConnecting,
    &kRetrievalClientSent,     &kRetrievalClientReceived,  &kRetrievalClientContent,
    &kRetrievalClientFetched,  &kRetrievalClientFailed,
};

// The transcript's row for an IMAP literal (a POP3 message is shown as SMTP's DATA is, by
// cli.transcript.content: it is ended by the line "." that follows).
inline constexpr Message kLiteralSummary{"narration.literal_summary",
                                         "(the message itself: {lines} lines, {bytes} bytes)",
                                         "(le message lui-même : {lines} lignes, {bytes} octets)"};

// {reason_text} of the retrieval records: the same token means another thing on each side
// ("timed_out": the client's transport gave up, or the server's answer never came), so these
// are looked up by kind first. connection_* failures use the common texts (kReasons).
struct KindReasonText {
  std::string_view kind;
  std::string_view reason;
  Message text;
};
inline constexpr std::string_view kServerClosedKind = "retrieval.server.closed";
inline constexpr std::string_view kClientFailedKind = "retrieval.client.failed";
inline constexpr KindReasonText kRetrievalReasons[] = {
    {kServerClosedKind,
     "closed",
     {"retrieval.end.closed", "the session is over (QUIT or LOGOUT)",
      "la session est finie (QUIT ou LOGOUT)"}},
    {kServerClosedKind,
     "client_left",
     {"retrieval.end.client_left", "the client hung up before the end of the session",
      "le client a raccroché avant la fin de la session"}},
    {kServerClosedKind,
     "reset",
     {"retrieval.end.reset", "the client reset the connection",
      "le client a réinitialisé la connexion"}},
    {kServerClosedKind,
     "timed_out",
     {"retrieval.end.timed_out", "the client stopped answering and the connection timed out",
      "le client ne répondait plus et la connexion a expiré"}},
    {kServerClosedKind,
     "host_down",
     {"retrieval.end.host_down", "the server's host went down", "l'hôte du serveur s'est arrêté"}},
    {kServerClosedKind,
     "idle_timeout",
     {"retrieval.end.idle_timeout", "the client said nothing for too long",
      "le client n'a rien dit pendant trop longtemps"}},
    {kServerClosedKind,
     "stopped",
     {"retrieval.end.stopped", "the server was stopped", "le serveur a été arrêté"}},
    {kClientFailedKind,
     "refused",
     {"retrieval.failed.refused", "the server said no", "le serveur a refusé"}},
    {kClientFailedKind,
     "malformed",
     {"retrieval.failed.malformed", "the server's answer does not follow the protocol",
      "la réponse du serveur ne suit pas le protocole"}},
    {kClientFailedKind,
     "answer_too_long",
     {"retrieval.failed.answer_too_long", "an answer of the server is too long",
      "une réponse du serveur est trop longue"}},
    {kClientFailedKind,
     "closed_early",
     {"retrieval.failed.closed_early", "the server closed the connection before the end",
      "le serveur a fermé la connexion avant la fin"}},
    {kClientFailedKind,
     "timed_out",
     {"retrieval.failed.timed_out", "the server did not answer in time",
      "le serveur n'a pas répondu à temps"}},
};

}  // namespace mailsim::agents::narration

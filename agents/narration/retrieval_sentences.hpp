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
    "{used} of its {quota} bytes ({reason}); it answers {reply}",
    "{agent} ne peut pas ranger le message {queue_id} ({size} octets) pour {recipient} : la "
    "boîte contient déjà {used} de ses {quota} octets ({reason}) ; réponse {reply}"};

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
                                                  "{server} lit de {client} : {line}"};
inline constexpr Message kRetrievalServerSent{"retrieval.server.sent",
                                              "{server} answers {client}: {line}",
                                              "{server} répond à {client} : {line}"};
inline constexpr Message kRetrievalServerState{
    "retrieval.server.state",
    "the {protocol} session of {client} on {server} goes from {from_state} to {to_state}",
    "la session {protocol} de {client} sur {server} passe de {from_state} à {to_state}"};
inline constexpr Message kRetrievalServerClosed{
    "retrieval.server.closed",
    "{server} ends the {protocol} connection with {client} ({reason}, session state {state})",
    "{server} termine la connexion {protocol} avec {client} ({reason}, état de la session "
    "{state})"};

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
inline constexpr Message kRetrievalClientFetched{
    "retrieval.client.fetched",
    "{client} has fetched {count} message(s) for {user} from {folder} on {server} by {protocol}",
    "{client} a relevé {count} message(s) pour {user} dans {folder} sur {server} en {protocol}"};
inline constexpr Message kRetrievalClientFailed{
    "retrieval.client.failed",
    "{client} could not fetch the mail of {user} from {server} by {protocol}: {reason} at step "
    "{step} (server's last words: {reply})",
    "{client} n'a pas pu relever le courrier de {user} sur {server} en {protocol} : {reason} à "
    "l'étape {step} (derniers mots du serveur : {reply})"};

inline constexpr std::array kRetrievalAll{
    &kDeliveryFiled,           &kDeliveryFolderCreated,     &kDeliveryUnknownUser,
    &kDeliveryOverQuota,       &kRetrievalServerListening,  &kRetrievalServerAccepted,
    &kRetrievalServerReceived, &kRetrievalServerSent,       &kRetrievalServerState,
    &kRetrievalServerClosed,   &kRetrievalClientConnecting, &kRetrievalClientSent,
    &kRetrievalClientReceived, &kRetrievalClientFetched,    &kRetrievalClientFailed,
};

}  // namespace mailsim::agents::narration

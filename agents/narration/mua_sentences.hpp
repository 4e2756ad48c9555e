#pragma once
// Narration of the mail client (agents/mua/mua_records.hpp): what its user sees. Placeholders
// are the records' fields, plus {explain} for the reply.
#include <array>

#include "sim/text.hpp"

namespace mailsim::agents::narration {

inline constexpr Message kMuaComposed{
    "mua.composed",
    "{user} writes a message to {to} in the mail client on {client}: \"{subject}\" ({size} "
    "bytes, Message-ID {message_id})",
    "{user} écrit un message à {to} dans le logiciel de messagerie de {client} : « {subject} » "
    "({size} octets, Message-ID {message_id})"};
inline constexpr Message kMuaSent{
    "mua.sent",
    "the mail client on {client} shows {user} that the message to {recipient} is sent: "
    "{server} has taken charge of it ({reply})",
    "le logiciel de messagerie de {client} indique à {user} que le message pour {recipient} est "
    "parti : {server} l'a pris en charge ({reply})"};
inline constexpr Message kMuaSendFailed{
    "mua.send_failed",
    "the mail client on {client} shows {user} an error: {server} did not take the message "
    "{message_id} for {recipient}: {reply} ({explain}); the message stays in the outbox until "
    "{user} sends it again",
    "le logiciel de messagerie de {client} signale une erreur à {user} : {server} n'a pas pris "
    "le message {message_id} pour {recipient} : {reply} ({explain}) ; le message reste dans la "
    "boîte d'envoi jusqu'à ce que {user} l'envoie de nouveau"};
inline constexpr Message kMuaSendWaiting{
    "mua.send_waiting",
    "the mail client on {client} keeps the message {message_id} in its outbox for now: it "
    "already has {open} connections open to {server}, and sends it when one of them ends",
    "le logiciel de messagerie de {client} garde pour l'instant le message {message_id} dans sa "
    "boîte d'envoi : il a déjà {open} connexions ouvertes vers {server}, et l'enverra quand "
    "l'une d'elles se terminera"};
inline constexpr Message kMuaNewMail{
    "mua.new_mail",
    "the mail client on {client} shows {user} a new message from {from}: \"{subject}\" (fetched "
    "from {server})",
    "le logiciel de messagerie de {client} montre à {user} un nouveau message de {from} : "
    "« {subject} » (relevé sur {server})"};

inline constexpr std::array kMuaAll{&kMuaComposed, &kMuaSent, &kMuaSendFailed, &kMuaSendWaiting,
                                    &kMuaNewMail};

}  // namespace mailsim::agents::narration

#pragma once
// The mail client's own error texts, in English and French.
#include <array>

#include "sim/text.hpp"

namespace mailsim::agents::mua_msg {

inline constexpr Message kNoSubmitServer{
    "mua.no_submit_server",
    "the mail client of {user} has no server to send mail with; give it a submit server",
    "le logiciel de messagerie de {user} n'a pas de serveur d'envoi ; indiquez-lui un serveur "
    "d'envoi (submit)"};
inline constexpr Message kNoFetchServer{
    "mua.no_fetch_server",
    "the mail client of {user} has no mailbox server to fetch mail from; give it a fetch server",
    "le logiciel de messagerie de {user} n'a pas de serveur de boîte aux lettres où relever le "
    "courrier ; indiquez-lui un serveur de relève (fetch)"};

inline constexpr std::array kAll{&kNoSubmitServer, &kNoFetchServer};

}  // namespace mailsim::agents::mua_msg

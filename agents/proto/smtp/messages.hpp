#pragma once
// Catalog entries of the SMTP engine (English and French): what a session outcome means.
#include <array>

#include "sim/text.hpp"

namespace mailsim::proto::smtp::msg {

inline constexpr Message kInProgress{"smtp.session.in_progress",
                                     "the SMTP session is still running",
                                     "la session SMTP est toujours en cours"};
inline constexpr Message kCompleted{"smtp.session.completed",
                                    "the SMTP session ran to its end (QUIT)",
                                    "la session SMTP est allée jusqu'au bout (QUIT)"};
inline constexpr Message kRefused{"smtp.session.refused",
                                  "the server refused the session at {state}: {reply}",
                                  "le serveur a refusé la session à l'étape {state} : {reply}"};
inline constexpr Message kMissingFeature{
    "smtp.session.missing_feature",
    "the server does not offer {feature}, which this client requires",
    "le serveur ne propose pas {feature}, que ce client exige"};
inline constexpr Message kClosedByServer{
    "smtp.session.closed_by_server", "the server closed the connection at {state}{reply}",
    "le serveur a fermé la connexion à l'étape {state}{reply}"};
inline constexpr Message kTimedOut{
    "smtp.session.timed_out", "no answer from the server at {state} before the time limit",
    "pas de réponse du serveur à l'étape {state} avant la limite de temps"};
inline constexpr Message kProtocolError{
    "smtp.session.protocol_error", "the server sent a line that is not an SMTP reply: '{line}'",
    "le serveur a envoyé une ligne qui n'est pas une réponse SMTP : « {line} »"};

inline constexpr std::array kAll{&kInProgress,     &kCompleted, &kRefused,      &kMissingFeature,
                                 &kClosedByServer, &kTimedOut,  &kProtocolError};
}  // namespace mailsim::proto::smtp::msg

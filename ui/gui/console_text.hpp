#pragma once
// Catalog entries of the console (English and French): a typed session opened from a host, as
// with telnet, and the refusals of its commands.
#include <array>

#include "sim/text.hpp"

namespace mailsim::gui::msg {

inline constexpr Message kConsoleTab{"gui.console_tab", "Console", "Console"};
inline constexpr Message kConsoleFrom{"gui.console_from", "From", "Depuis"};
inline constexpr Message kConsoleTo{"gui.console_to", "To", "Vers"};
inline constexpr Message kConsolePort{"gui.console_port", "Port", "Port"};
inline constexpr Message kConsolePorts{"gui.console_ports",
                                       "25 SMTP, 587 submission, 110 POP3, 143 IMAP",
                                       "25 SMTP, 587 soumission, 110 POP3, 143 IMAP"};
inline constexpr Message kConsoleConnect{"gui.console_connect", "Connect", "Se connecter"};
inline constexpr Message kConsoleLine{"gui.console_line", "Type a line, then Enter",
                                      "Tapez une ligne, puis Entrée"};
inline constexpr Message kConsoleConnecting{"gui.console_connecting", "connecting…",
                                            "connexion en cours…"};
inline constexpr Message kConsoleConnected{"gui.console_connected", "connected", "connecté"};
inline constexpr Message kConsoleEnded{"gui.console_ended", "the session has ended",
                                       "la session est terminée"};
inline constexpr Message kConsoleNone{
    "gui.console_none",
    "Choose a host, a server and a port, then Connect: you type the protocol's commands "
    "yourself, as with telnet (EHLO, MAIL FROM, USER, a1 LOGIN...).",
    "Choisissez une machine, un serveur et un port, puis Se connecter : vous tapez vous-même les "
    "commandes du protocole, comme avec telnet (EHLO, MAIL FROM, USER, a1 LOGIN...)."};
inline constexpr Message kConsoleHelp{
    "gui.console_help",
    "Each line is sent at the simulated time you press Enter, and kept in the timeline: the "
    "replies come when the simulation plays on. Save as scenario keeps the session.",
    "Chaque ligne part à l'instant simulé où vous appuyez sur Entrée, et reste dans le "
    "déroulement : les réponses arrivent quand la simulation avance. Enregistrer comme scénario "
    "garde la session."};
inline constexpr Message kBadPort{"gui.bad_port", "The port is a number from 1 to 65535.",
                                  "Le port est un nombre de 1 à 65535."};
inline constexpr Message kNoSuchTarget{
    "gui.no_such_target", "{name} is neither a host or router with an address nor an IPv4 address.",
    "{name} n'est ni une machine ou un routeur avec une adresse, ni une adresse IPv4."};
inline constexpr Message kNoSuchSession{"gui.no_such_session",
                                        "No console session is named {name}; connect first.",
                                        "Aucune session de console ne s'appelle {name} ; "
                                        "connectez-vous d'abord."};
inline constexpr Message kSessionEnded{"gui.session_ended",
                                       "The session {name} has ended; connect again.",
                                       "La session {name} est terminée ; reconnectez-vous."};
inline constexpr Message kOneLine{"gui.one_line",
                                  "A console line holds no line break: Enter sends it.",
                                  "Une ligne de console ne contient pas de saut de ligne : "
                                  "Entrée l'envoie."};

inline constexpr std::array kConsoleAll{
    &kConsoleTab,     &kConsoleFrom, &kConsoleTo,         &kConsolePort,      &kConsolePorts,
    &kConsoleConnect, &kConsoleLine, &kConsoleConnecting, &kConsoleConnected, &kConsoleEnded,
    &kConsoleNone,    &kConsoleHelp, &kBadPort,           &kNoSuchTarget,     &kNoSuchSession,
    &kSessionEnded,   &kOneLine};

}  // namespace mailsim::gui::msg

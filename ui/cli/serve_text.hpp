#pragma once
// Catalog entries of `mailsim serve` (English and French): what it listens on, its warnings and
// its mistakes. What it answers a misbehaving client is protocol bytes (bridge.cpp), in English
// as the RFCs write them.
#include <array>

#include "sim/plural.hpp"
#include "sim/text.hpp"

namespace mailsim::cli::msg {

inline constexpr Message kServeListening{
    "cli.serve.listening",
    "{protocol}: listening on {address}, bridged to {host}:{port} from {from} in the simulation",
    "{protocol} : à l'écoute sur {address}, relié à {host}:{port} depuis {from} dans la "
    "simulation"};
inline constexpr Message kServeStopHint{
    "cli.serve.stop_hint",
    "The simulation runs at {speed} times real time. Ctrl-C stops it and tells what became of "
    "each message.",
    "La simulation tourne à {speed} fois le temps réel. Ctrl-C l'arrête et dit ce que chaque "
    "message est devenu."};
inline constexpr Message kServeNotLoopback{
    "cli.serve.not_loopback",
    "warning: {address} is not a loopback address: other machines of the network (the "
    "classroom's) can connect to the simulation",
    "attention : {address} n'est pas une adresse de bouclage : d'autres machines du réseau "
    "(celles de la salle) peuvent se connecter à la simulation"};
inline constexpr Message kServeBadAddress{
    "cli.serve.bad_address",
    "{option}: '{value}' is not an address to listen on; give ADDRESS:PORT or :PORT, for "
    "example 127.0.0.1:2525, or :0 for a free port",
    "{option} : « {value} » n'est pas une adresse d'écoute ; donnez ADRESSE:PORT ou :PORT, par "
    "exemple 127.0.0.1:2525, ou :0 pour un port libre"};
inline constexpr Message kServeCannotListen{
    "cli.serve.cannot_listen",
    "{option}: cannot listen on {address} ({reason}); choose another port, or :0 for a free one",
    "{option} : impossible d'écouter sur {address} ({reason}) ; choisissez un autre port, ou :0 "
    "pour un port libre"};
inline constexpr Message kServeNoServer{
    "cli.serve.no_server",
    "{option}: this scenario has no mail server to bridge to; give --host with one of its hosts",
    "{option} : ce scénario n'a pas de serveur de courrier à relier ; donnez --host avec l'un "
    "de ses hôtes"};
inline constexpr Message kServeNoSuchHost{
    "cli.serve.no_such_host",
    "--host: this scenario has no host named '{value}'; its hosts are {hosts}",
    "--host : ce scénario n'a pas d'hôte nommé « {value} » ; ses hôtes sont {hosts}"};
inline constexpr Message kServeBadSpeed{
    "cli.serve.bad_speed",
    "--speed: '{value}' is not a speed; give a number above 0, for example 1 (real time) or 60",
    "--speed : « {value} » n'est pas une vitesse ; donnez un nombre plus grand que 0, par "
    "exemple 1 (temps réel) ou 60"};
inline constexpr Message kServeNothing{
    "cli.serve.nothing",
    "give at least one of --smtp, --pop3 and --imap, for example --smtp 127.0.0.1:2525",
    "donnez au moins l'une des options --smtp, --pop3 et --imap, par exemple --smtp "
    "127.0.0.1:2525"};
inline constexpr PluralMessage kServeStopped{
    {"cli.serve.stopped.one", "Stopped at {time}, after {count} bridged connection.",
     "Arrêt à {time}, après {count} connexion reliée."},
    {"cli.serve.stopped.other", "Stopped at {time}, after {count} bridged connections.",
     "Arrêt à {time}, après {count} connexions reliées."}};

inline constexpr std::array kServeAll{&kServeListening,   &kServeStopHint,     &kServeNotLoopback,
                                      &kServeBadAddress,  &kServeCannotListen, &kServeNoServer,
                                      &kServeNoSuchHost,  &kServeBadSpeed,     &kServeNothing,
                                      &kServeStopped.one, &kServeStopped.other};

}  // namespace mailsim::cli::msg

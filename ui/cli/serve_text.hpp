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
inline constexpr Message kServeTlsSelfSigned{
    "cli.serve.tls_self_signed",
    "STARTTLS: real TLS with a certificate made just now for {host}, signed by itself: a mail "
    "program asks whether to trust it (SHA-256 fingerprint {fingerprint}); --no-tls turns TLS off",
    "STARTTLS : vrai TLS avec un certificat créé à l'instant pour {host}, signé par lui-même : un "
    "logiciel de messagerie demande s'il faut lui faire confiance (empreinte SHA-256 "
    "{fingerprint}) ; --no-tls désactive TLS"};
inline constexpr Message kServeTlsFiles{
    "cli.serve.tls_files",
    "STARTTLS: real TLS with the certificate of {file} ({host}, SHA-256 fingerprint "
    "{fingerprint})",
    "STARTTLS : vrai TLS avec le certificat de {file} ({host}, empreinte SHA-256 {fingerprint})"};
inline constexpr Message kServeTlsOff{
    "cli.serve.tls_off",
    "STARTTLS: not offered to real clients (--no-tls), nor AUTH where the server offers it only "
    "after STARTTLS",
    "STARTTLS : pas proposé aux vrais clients (--no-tls), ni AUTH là où le serveur ne le propose "
    "qu'après STARTTLS"};
inline constexpr Message kServeTlsFailed{
    "cli.serve.tls_failed",
    "A real client did not complete its TLS handshake after STARTTLS (it sent something else, "
    "or does not trust the certificate): connection closed",
    "Un vrai client n'a pas mené à bien sa négociation TLS après STARTTLS (il a envoyé autre "
    "chose, ou ne fait pas confiance au certificat) : connexion fermée"};
inline constexpr Message kServeCertUnreadable{
    "cli.serve.cert_unreadable",
    "--cert: cannot read '{file}'; give the path of a certificate in PEM form (a file starting "
    "with -----BEGIN CERTIFICATE-----)",
    "--cert : impossible de lire « {file} » ; donnez le chemin d'un certificat au format PEM (un "
    "fichier qui commence par -----BEGIN CERTIFICATE-----)"};
inline constexpr Message kServeCertNotCertificate{
    "cli.serve.cert_not_certificate",
    "--cert: '{file}' holds no certificate in PEM form; it should start with -----BEGIN "
    "CERTIFICATE-----, or leave --cert out to use a self-signed certificate",
    "--cert : « {file} » ne contient pas de certificat au format PEM ; il devrait commencer par "
    "-----BEGIN CERTIFICATE-----, ou omettez --cert pour utiliser un certificat autosigné"};
inline constexpr Message kServeKeyUnreadable{
    "cli.serve.key_unreadable",
    "--key: cannot read '{file}'; give the path of the certificate's private key in PEM form",
    "--key : impossible de lire « {file} » ; donnez le chemin de la clé privée du certificat au "
    "format PEM"};
inline constexpr Message kServeKeyNotKey{
    "cli.serve.key_not_key",
    "--key: '{file}' holds no private key in PEM form (-----BEGIN PRIVATE KEY-----), or one "
    "protected by a passphrase; give the key without passphrase",
    "--key : « {file} » ne contient pas de clé privée au format PEM (-----BEGIN PRIVATE "
    "KEY-----), ou une clé protégée par une phrase secrète ; donnez la clé sans phrase secrète"};
inline constexpr Message kServeKeyMismatch{
    "cli.serve.key_mismatch",
    "--key: the key in '{file}' is not the one of the certificate in '{cert}'; give the key "
    "that was made with that certificate",
    "--key : la clé de « {file} » n'est pas celle du certificat de « {cert} » ; donnez la clé "
    "créée avec ce certificat"};
inline constexpr Message kServeKeyWithoutCert{
    "cli.serve.key_without_cert", "--key needs --cert, the certificate the key belongs to",
    "--key a besoin de --cert, le certificat auquel la clé appartient"};
inline constexpr Message kServeCertWithNoTls{
    "cli.serve.cert_with_no_tls",
    "--cert and --key give TLS a certificate, --no-tls turns TLS off: give one or the other",
    "--cert et --key donnent un certificat à TLS, --no-tls désactive TLS : donnez l'un ou "
    "l'autre"};
inline constexpr PluralMessage kServeStopped{
    {"cli.serve.stopped.one", "Stopped at {time}, after {count} bridged connection.",
     "Arrêt à {time}, après {count} connexion reliée."},
    {"cli.serve.stopped.other", "Stopped at {time}, after {count} bridged connections.",
     "Arrêt à {time}, après {count} connexions reliées."}};

inline constexpr std::array kServeAll{
    &kServeListening,    &kServeStopHint,       &kServeNotLoopback,        &kServeBadAddress,
    &kServeCannotListen, &kServeNoServer,       &kServeNoSuchHost,         &kServeBadSpeed,
    &kServeNothing,      &kServeTlsSelfSigned,  &kServeTlsFiles,           &kServeTlsOff,
    &kServeTlsFailed,    &kServeCertUnreadable, &kServeCertNotCertificate, &kServeKeyUnreadable,
    &kServeKeyNotKey,    &kServeKeyMismatch,    &kServeKeyWithoutCert,     &kServeCertWithNoTls,
    &kServeStopped.one,  &kServeStopped.other};

}  // namespace mailsim::cli::msg

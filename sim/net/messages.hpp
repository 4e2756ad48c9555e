#pragma once
// Catalog entries of the network layer (English and French): errors a scenario author reads
// and the names of connection failures shown to students.
#include <array>

#include "sim/text.hpp"

namespace mailsim::sim::net {

// Any misuse of the network API (unknown name, bad address, duplicate): a catalog message.
class NetError : public LocalizedError {
 public:
  using LocalizedError::LocalizedError;
};

namespace msg {

inline constexpr Message kBadAddress{
    "net.bad_address",
    "'{input}' is not an IPv4 address; write four numbers 0-255 such as 192.0.2.10",
    "« {input} » n'est pas une adresse IPv4 ; écrivez quatre nombres de 0 à 255, par exemple "
    "192.0.2.10"};
inline constexpr Message kUnknownNode{"net.unknown_node",
                                      "there is no host or router named '{name}'",
                                      "aucun hôte ni routeur ne s'appelle « {name} »"};
inline constexpr Message kUnknownLink{"net.unknown_link", "there is no link named '{name}'",
                                      "aucun lien ne s'appelle « {name} »"};
inline constexpr Message kDuplicateName{
    "net.duplicate_name", "the name '{name}' is already used by another host, router or link",
    "le nom « {name} » est déjà pris par un autre hôte, routeur ou lien"};
inline constexpr Message kDuplicateAddress{
    "net.duplicate_address", "the address {address} of '{name}' is already given to '{other}'",
    "l'adresse {address} de « {name} » est déjà attribuée à « {other} »"};
inline constexpr Message kLinkSameEnds{
    "net.link.same_ends", "link '{name}': both ends are the same node '{node}'",
    "lien « {name} » : ses deux extrémités sont le même nœud « {node} »"};
inline constexpr Message kLinkBandwidth{"net.link.bandwidth",
                                        "link '{name}': the bandwidth must be above 0 bit/s",
                                        "lien « {name} » : le débit doit être supérieur à 0 bit/s"};
inline constexpr Message kLinkLatency{"net.link.latency",
                                      "link '{name}': the latency {latency} is negative",
                                      "lien « {name} » : la latence {latency} est négative"};
inline constexpr Message kLinkMtu{
    "net.link.mtu", "link '{name}': MTU {mtu} is below the IPv4 minimum of 68 bytes",
    "lien « {name} » : la MTU {mtu} est inférieure au minimum IPv4 de 68 octets"};
inline constexpr Message kLinkLoss{
    "net.link.loss", "link '{name}': loss {loss} is not a probability between 0 and 1",
    "lien « {name} » : la perte {loss} n'est pas une probabilité entre 0 et 1"};
inline constexpr Message kNotAHost{"net.not_a_host", "'{name}' is a router, not a host",
                                   "« {name} » est un routeur, pas un hôte"};
inline constexpr Message kHostMss{
    "net.host.mss", "host '{name}': MSS {mss} must be between 1 and 65495 bytes",
    "hôte « {name} » : la MSS {mss} doit être comprise entre 1 et 65495 octets"};
inline constexpr Message kHostTtl{"net.host.ttl", "host '{name}': the TTL must be at least 1",
                                  "hôte « {name} » : le TTL doit valoir au moins 1"};
inline constexpr Message kHostWindow{
    "net.host.window", "host '{name}': the receive window must be at least 1 byte",
    "hôte « {name} » : la fenêtre de réception doit faire au moins 1 octet"};
inline constexpr Message kHostTimers{
    "net.host.timers",
    "host '{name}': retransmission timers need 0 < min_rto <= max_rto and 0 < initial_rto "
    "(got min {min}, initial {initial}, max {max})",
    "hôte « {name} » : les temporisations de retransmission demandent 0 < min_rto <= max_rto et "
    "0 < initial_rto (reçu min {min}, initial {initial}, max {max})"};
inline constexpr Message kHostRetries{
    "net.host.retries", "host '{name}': retry counts and TIME-WAIT must not be negative",
    "hôte « {name} » : les nombres d'essais et TIME-WAIT ne peuvent pas être négatifs"};
inline constexpr Message kPortInUse{"net.port_in_use", "{host}: port {port} is already in use",
                                    "{host} : le port {port} est déjà utilisé"};

// Why a connection failed, as the application and the student see it.
inline constexpr Message kConnRefused{"net.error.refused", "connection refused",
                                      "connexion refusée"};
inline constexpr Message kConnTimedOut{"net.error.timed_out", "connection timed out",
                                       "délai de connexion dépassé"};
inline constexpr Message kConnReset{"net.error.reset", "connection reset by peer",
                                    "connexion réinitialisée par le correspondant"};
inline constexpr Message kConnHostDown{"net.error.host_down", "the local host went down",
                                       "l'hôte local s'est arrêté"};

inline constexpr std::array kAll{
    &kBadAddress,   &kUnknownNode,   &kUnknownLink, &kDuplicateName, &kDuplicateAddress,
    &kLinkSameEnds, &kLinkBandwidth, &kLinkLatency, &kLinkMtu,       &kLinkLoss,
    &kNotAHost,     &kHostMss,       &kHostTtl,     &kHostWindow,    &kHostTimers,
    &kHostRetries,  &kPortInUse,     &kConnRefused, &kConnTimedOut,  &kConnReset,
    &kConnHostDown};

}  // namespace msg
}  // namespace mailsim::sim::net

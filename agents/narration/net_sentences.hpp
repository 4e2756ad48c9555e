#pragma once
// Narration of the virtual network's records (sim/net/trace_records.hpp). Placeholders are the
// records' fields, plus {segment} ("TCP SYN,ACK", "TCP ACK, 512 bytes of data") and
// {reason_text} (why a packet was dropped), which the narrator derives.
#include <array>

#include "sim/text.hpp"

namespace mailsim::agents::narration {

inline constexpr Message kPacketSent{
    "net.packet.sent", "{node} sends packet {packet} ({segment}) to {dst} port {dport}",
    "{node} envoie le paquet {packet} ({segment}) vers {dst} port {dport}"};
inline constexpr Message kPacketQueued{
    "net.packet.queued", "packet {packet} waits in {from}'s queue for the link {link} to {to}",
    "le paquet {packet} attend dans la file de {from} pour le lien {link} vers {to}"};
inline constexpr Message kPacketTxStart{
    "net.packet.tx_start",
    "{from} starts sending packet {packet} ({size} bytes) on the link {link}",
    "{from} commence à émettre le paquet {packet} ({size} octets) sur le lien {link}"};
inline constexpr Message kPacketTxEnd{
    "net.packet.tx_end", "the last bit of packet {packet} has left {from} on the link {link}",
    "le dernier bit du paquet {packet} a quitté {from} sur le lien {link}"};
inline constexpr Message kPacketArrived{"net.packet.arrived",
                                        "packet {packet} reaches {to} over the link {link}",
                                        "le paquet {packet} arrive à {to} par le lien {link}"};
inline constexpr Message kPacketForwarded{
    "net.packet.forwarded", "{node} forwards packet {packet} to {to} over the link {link}",
    "{node} fait suivre le paquet {packet} vers {to} par le lien {link}"};
inline constexpr Message kPacketDropped{
    "net.packet.dropped", "packet {packet} ({segment}) is lost at {node}: {reason_text}",
    "{node} abandonne le paquet {packet} ({segment}) : {reason_text}"};
inline constexpr Message kPacketDelivered{"net.packet.delivered",
                                          "{node} receives packet {packet} ({segment}) from {src}",
                                          "{node} reçoit le paquet {packet} ({segment}) de {src}"};
inline constexpr Message kConnOpened{
    "net.conn.opened",
    "{host}: connection {conn} open between {local}:{local_port} and {remote}:{remote_port} "
    "(three-way handshake done)",
    "{host} : connexion {conn} ouverte entre {local}:{local_port} et {remote}:{remote_port} "
    "(poignée de main en trois temps terminée)"};
inline constexpr Message kConnRefused{
    "net.conn.refused",
    "{host}: connection to {remote}:{remote_port} refused (nothing listens there, or a firewall "
    "rejects it)",
    "{host} : connexion vers {remote}:{remote_port} refusée (rien n'écoute, ou un pare-feu la "
    "rejette)"};
inline constexpr Message kConnTimedOut{
    "net.conn.timed_out", "{host}: no answer from {remote}:{remote_port}, the connection timed out",
    "{host} : pas de réponse de {remote}:{remote_port}, la connexion a expiré"};
inline constexpr Message kConnClosed{
    "net.conn.closed", "{host}: connection {conn} with {remote}:{remote_port} closed",
    "{host} : connexion {conn} avec {remote}:{remote_port} fermée"};
inline constexpr Message kConnReset{
    "net.conn.reset", "{host}: connection {conn} with {remote}:{remote_port} was reset",
    "{host} : connexion {conn} avec {remote}:{remote_port} réinitialisée"};
inline constexpr Message kTcpState{"net.tcp.state",
                                   "{host}: connection {conn} goes from {from} to {to}",
                                   "{host} : la connexion {conn} passe de {from} à {to}"};
inline constexpr Message kTcpCwnd{
    "net.tcp.cwnd",
    "{host}: the congestion window of connection {conn} is now {cwnd} bytes ({cause})",
    "{host} : la fenêtre de congestion de la connexion {conn} vaut maintenant {cwnd} octets "
    "({cause})"};
inline constexpr Message kLinkDown{"net.link.down", "the link {link} is down: nothing gets through",
                                   "le lien {link} est coupé : plus rien ne passe"};
inline constexpr Message kLinkUp{"net.link.up", "the link {link} is up again",
                                 "le lien {link} fonctionne de nouveau"};
inline constexpr Message kLinkChanged{
    "net.link.changed",
    "the link {link} now has a latency of {latency}, {bandwidth_bps} bit/s and a loss rate of "
    "{loss}",
    "le lien {link} a maintenant une latence de {latency}, {bandwidth_bps} bit/s et un taux de "
    "perte de {loss}"};
inline constexpr Message kHostDown{"net.host.down", "{host} is down (crashed or switched off)",
                                   "{host} est arrêté (panne ou extinction)"};
inline constexpr Message kHostUp{"net.host.up", "{host} is up again",
                                 "{host} fonctionne de nouveau"};
inline constexpr Message kRouteRecomputed{"net.route.recomputed", "routes recomputed ({cause})",
                                          "routes recalculées ({cause})"};

// Routers follow configured costs (here the links' latencies), as OSPF and BGP do...
inline constexpr Message kRouteChanged{
    "net.route.changed",
    "{router} now sends packets for {destination} over the link {to_link} instead of "
    "{from_link} (the new route costs {cost_ms} ms, the sum of its links' latencies)",
    "{router} envoie désormais les paquets pour {destination} par le lien {to_link} au lieu de "
    "{from_link} (la nouvelle route coûte {cost_ms} ms, la somme des latences de ses liens)"};
// ... unless the scenario asks for `routing: least-busy` (sentence_variants.hpp).
inline constexpr Message kRouteChangedLeastBusy{
    "net.route.changed.least_busy",
    "{router} now sends packets for {destination} over the link {to_link} instead of "
    "{from_link} (the new route costs {cost_ms} ms: latency plus waiting in the queues)",
    "{router} envoie désormais les paquets pour {destination} par le lien {to_link} au lieu de "
    "{from_link} (la nouvelle route coûte {cost_ms} ms : latence plus attente dans les files)"};

inline constexpr std::array kNetAll{&kPacketSent,
                                    &kPacketQueued,
                                    &kPacketTxStart,
                                    &kPacketTxEnd,
                                    &kPacketArrived,
                                    &kPacketForwarded,
                                    &kPacketDropped,
                                    &kPacketDelivered,
                                    &kConnOpened,
                                    &kConnRefused,
                                    &kConnTimedOut,
                                    &kConnClosed,
                                    &kConnReset,
                                    &kTcpState,
                                    &kTcpCwnd,
                                    &kLinkDown,
                                    &kLinkUp,
                                    &kLinkChanged,
                                    &kHostDown,
                                    &kHostUp,
                                    &kRouteRecomputed,
                                    &kRouteChanged,
                                    &kRouteChangedLeastBusy};

// Parts the narrator derives.
// {server} when no host has the address the client connects to.
inline constexpr Message kUnknownHost{"narration.unknown_host", "an unknown host",
                                      "une machine inconnue"};
// {explain} when a record's reply is not an SMTP reply (a connection that failed).
inline constexpr Message kNoSmtpReply{"narration.no_smtp_reply",
                                      "no SMTP answer: the server could not be reached",
                                      "pas de réponse SMTP : le serveur n'a pas pu être joint"};
inline constexpr Message kSegmentData{"narration.segment_data", "{payload} bytes of data",
                                      "{payload} octets de données"};
// {reason_text}: a record's `reason` in words (packet drops, typed sessions).
struct ReasonText {
  std::string_view reason;  // drop_reason_name(), or a typed session's reason
  Message text;
};
inline constexpr ReasonText kReasons[] = {
    {"queue_full",
     {"drop.queue_full", "the link's queue was full (congestion)",
      "la file du lien était pleine (congestion)"}},
    {"loss",
     {"drop.loss", "lost on the wire (the link loses packets)",
      "perdu sur le fil (le lien perd des paquets)"}},
    {"link_down", {"drop.link_down", "the link is down", "le lien est coupé"}},
    {"host_down", {"drop.host_down", "the host is down", "l'hôte est arrêté"}},
    {"host_off",
     {"drop.host_off", "the host is switched off, nothing answers",
      "l'hôte est éteint, rien ne répond"}},
    {"ttl_expired",
     {"drop.ttl_expired", "its time to live ran out (a routing loop?)",
      "sa durée de vie (TTL) est épuisée (une boucle ?)"}},
    {"no_route",
     {"drop.no_route", "no route leads to its destination",
      "aucune route ne mène à sa destination"}},
    {"exceeds_mtu",
     {"drop.exceeds_mtu", "it is larger than the link's MTU", "il dépasse la MTU du lien"}},
    {"filtered", {"drop.filtered", "a firewall dropped it", "un pare-feu l'a jeté"}},
    {"no_listener",
     {"drop.no_listener", "no program listens on that port",
      "aucun programme n'écoute sur ce port"}},
    // Why a typed session ended.
    {"connection_refused",
     {"conn.refused",
      "the server refused the connection (nothing listens on that port, or a firewall rejects it)",
      "le serveur a refusé la connexion (rien n'écoute sur ce port, ou un pare-feu la rejette)"}},
    {"connection_timed_out",
     {"conn.timed_out",
      "no answer at all, the connection timed out (the server is down, or a firewall drops the "
      "packets)",
      "aucune réponse, la connexion a expiré (le serveur est arrêté, ou un pare-feu jette les "
      "paquets)"}},
    {"connection_reset",
     {"conn.reset", "the connection was reset", "la connexion a été réinitialisée"}},
    {"connection_host_down",
     {"conn.host_down", "this computer went down", "cet ordinateur s'est arrêté"}},
    {"server_closed",
     {"conn.server_closed", "the server closed the connection", "le serveur a fermé la connexion"}},
    {"user_closed", {"conn.user_closed", "the connection was closed", "la connexion a été fermée"}},
};

}  // namespace mailsim::agents::narration

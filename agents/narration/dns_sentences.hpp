#pragma once
// Narration of the DNS records: the engine's (agents/proto/dns/trace_records.hpp: every step of
// a resolver and every answer of a server) and the DNS agents' (agents/dns/records.hpp: servers
// starting and stopping, records changed, mail routes, SPF and DNSBL results). Placeholders are
// the records' field names, and only fields every record of that kind carries.
#include <array>

#include "sim/text.hpp"

namespace mailsim::agents::narration {

// ---- The resolver, step by step
inline constexpr Message kDnsLookupStarted{
    "dns.lookup.started", "{agent} wants the {type} records of {name} (lookup {lookup})",
    "{agent} cherche les enregistrements {type} de {name} (recherche {lookup})"};
inline constexpr Message kDnsQuerySent{
    "dns.query.sent",
    "{agent} asks {server} over {transport}: what are the {type} records of {name}? (query id "
    "{id})",
    "{agent} demande à {server} par {transport} : quels sont les enregistrements {type} de "
    "{name} ? (requête n° {id})"};
inline constexpr Message kDnsResponseReceived{
    "dns.response.received",
    "{agent} gets the answer of {server} about {name} {type}: {rcode}, {answer_records}, "
    "{authority} in the authority section, {additional} additional",
    "{agent} reçoit la réponse de {server} pour {name} {type} : {rcode}, {answer_records}, "
    "{authority} dans la section autorité, {additional} en supplément"};
inline constexpr Message kDnsResponseIgnored{
    "dns.response.ignored",
    "{agent} ignores a DNS message from {server} over {transport}: it answers no question in "
    "flight (late, duplicated, forged or unreadable)",
    "{agent} ignore un message DNS de {server} par {transport} : il ne répond à aucune question "
    "en cours (en retard, en double, falsifié ou illisible)"};
inline constexpr Message kDnsQueryTimeout{
    "dns.query.timeout",
    "{agent} got no answer in time from {server} about {name} {type}: it gives up on that "
    "server for this question",
    "{agent} n'a pas reçu à temps de réponse de {server} pour {name} {type} : il abandonne ce "
    "serveur pour cette question"};
inline constexpr Message kDnsQueryUnreachable{
    "dns.query.unreachable",
    "{agent} cannot reach {server} over {transport} to ask about {name} {type}",
    "{agent} ne peut pas joindre {server} par {transport} pour demander {name} {type}"};
inline constexpr Message kDnsResponseTruncated{
    "dns.response.truncated",
    "the answer of {server} about {name} {type} did not fit in a 512-byte UDP datagram (TC "
    "flag): {agent} asks again over TCP",
    "la réponse de {server} pour {name} {type} ne tenait pas dans un datagramme UDP de 512 "
    "octets (drapeau TC) : {agent} redemande par TCP"};
inline constexpr Message kDnsServerFailed{
    "dns.server.failed",
    "{server} gave no usable answer about {name} {type} (an error, a refusal or a useless "
    "referral): {agent} tries another server",
    "{server} n'a pas donné de réponse utilisable pour {name} {type} (erreur, refus ou renvoi "
    "inutile) : {agent} essaie un autre serveur"};
inline constexpr Message kDnsReferral{
    "dns.referral",
    "{server} does not hold {name} but says the zone {zone} is served by other servers: {agent} "
    "follows the referral",
    "{server} ne détient pas {name} mais indique que la zone {zone} est servie par d'autres "
    "serveurs : {agent} suit ce renvoi"};
inline constexpr Message kDnsCname{
    "dns.cname", "{agent} follows an alias (CNAME): the {type} records are now sought at {name}",
    "{agent} suit un alias (CNAME) : les enregistrements {type} sont maintenant cherchés à "
    "{name}"};
inline constexpr Message kDnsCacheStored{
    "dns.cache.stored",
    "{agent} keeps {name} {type} ({entry}) in its cache for {ttl} s, until {expires}",
    "{agent} garde {name} {type} ({entry}) dans son cache pendant {ttl} s, jusqu'à {expires}"};
inline constexpr Message kDnsCacheHit{
    "dns.cache.hit",
    "{agent} finds {name} {type} ({entry}) in its cache, still valid for {ttl} s: no packet "
    "needed",
    "{agent} trouve {name} {type} ({entry}) dans son cache, encore valable {ttl} s : aucun "
    "paquet n'est nécessaire"};
inline constexpr Message kDnsCacheExpired{
    "dns.cache.expired",
    "the cached entry {name} {type} ({entry}) of {agent} has expired and is forgotten",
    "l'entrée {name} {type} ({entry}) du cache de {agent} a expiré et est oubliée"};
inline constexpr Message kDnsLookupDone{
    "dns.lookup.done",
    "{agent} has its result for {name} {type}: {status}, after {network_queries}",
    "{agent} a son résultat pour {name} {type} : {status}, après {network_queries}"};
// The same when every answer came from the cache (variant of dns.lookup.done: queries 0).
inline constexpr Message kDnsLookupDoneFromCache{
    "dns.lookup.done.from_cache",
    "{agent} has its result for {name} {type} from its cache, without a query on the network: "
    "{status}",
    "{agent} a son résultat pour {name} {type} dans son cache, sans requête sur le réseau : "
    "{status}"};

// ---- Servers
inline constexpr Message kDnsServerAnswered{
    "dns.server.answered",
    "{agent} answers {client} over {transport} (query id {id}): {rcode}, {answer_records}, "
    "{size} bytes",
    "{agent} répond à {client} par {transport} (requête n° {id}) : {rcode}, {answer_records}, "
    "{size} octets"};
inline constexpr Message kDnsServerListening{
    "dns.server.listening",
    "the DNS server {agent} listens on {address} (UDP and TCP) for the zones {zones}",
    "le serveur DNS {agent} écoute sur {address} (UDP et TCP) pour les zones {zones}"};
inline constexpr Message kDnsServerStopped{
    "dns.server.stopped", "the DNS server {agent} no longer answers on {address} ({cause})",
    "le serveur DNS {agent} ne répond plus sur {address} ({cause})"};
inline constexpr Message kDnsZoneChanged{
    "dns.zone.changed",
    "on {agent}, the {type} records of {name} are replaced: {records_now} now ({records})",
    "sur {agent}, les enregistrements {type} de {name} sont remplacés : {records_now} "
    "désormais ({records})"};

// ---- Mail lookups
// dns.mail.route has a sentence per outcome (variants: sentence_variants.hpp); this one is for
// an outcome none of them knows.
inline constexpr Message kDnsMailRoute{
    "dns.mail.route",
    "{agent} looked up where mail for {domain} goes: no route ({cause}); the mail gets {reply}",
    "{agent} a cherché où va le courrier pour {domain} : pas de route ({cause}) ; le courrier "
    "reçoit {reply}"};
inline constexpr Message kDnsMailRouteFound{
    "dns.mail.route.found", "{agent} looked up where mail for {domain} goes: to {exchangers}",
    "{agent} a cherché où va le courrier pour {domain} : vers {exchangers}"};
inline constexpr Message kDnsMailRouteNullMx{
    "dns.mail.route.null_mx",
    "{agent} looked up where mail for {domain} goes: nowhere, {domain} says it takes no mail (a "
    "null MX record); the mail cannot be delivered ({reply})",
    "{agent} a cherché où va le courrier pour {domain} : nulle part, {domain} déclare ne "
    "recevoir aucun courrier (un enregistrement MX nul) ; le courrier ne peut pas être remis "
    "({reply})"};
inline constexpr Message kDnsMailRouteNxdomain{
    "dns.mail.route.nxdomain",
    "{agent} looked up where mail for {domain} goes: nowhere, the domain {domain} does not exist "
    "(NXDOMAIN); the mail cannot be delivered ({reply})",
    "{agent} a cherché où va le courrier pour {domain} : nulle part, le domaine {domain} "
    "n'existe pas (NXDOMAIN) ; le courrier ne peut pas être remis ({reply})"};
inline constexpr Message kDnsMailRouteNoAnswer{
    "dns.mail.route.dns_timeout",
    "{agent} could not find out where mail for {domain} goes: no DNS server answered (down or "
    "unreachable); the mail waits in the queue and will be tried again ({reply})",
    "{agent} n'a pas pu savoir où va le courrier pour {domain} : aucun serveur DNS n'a répondu "
    "(arrêté ou injoignable) ; le courrier attend dans la file et sera réessayé ({reply})"};
inline constexpr Message kDnsMailRouteDnsFailure{
    "dns.mail.route.dns_failure",
    "{agent} could not find out where mail for {domain} goes: DNS gave no usable answer (a "
    "server failure or a broken alias chain); the mail waits in the queue and will be tried "
    "again ({reply})",
    "{agent} n'a pas pu savoir où va le courrier pour {domain} : le DNS n'a pas donné de réponse "
    "utilisable (panne de serveur ou chaîne d'alias cassée) ; le courrier attend dans la file et "
    "sera réessayé ({reply})"};
inline constexpr Message kDnsMailRouteLoops{
    "dns.mail.route.loops_to_self",
    "{agent} looked up where mail for {domain} goes: back to itself, no mail server of {domain} "
    "is preferred to it; the mail cannot be relayed ({reply})",
    "{agent} a cherché où va le courrier pour {domain} : vers lui-même, aucun serveur de "
    "courrier de {domain} ne lui est préféré ; le courrier ne peut pas être relayé ({reply})"};
inline constexpr Message kDnsMailRouteNoAddress{
    "dns.mail.route.no_address",
    "{agent} looked up where mail for {domain} goes: nowhere, neither the mail servers of "
    "{domain} nor the domain itself have an address; the mail cannot be delivered ({reply})",
    "{agent} a cherché où va le courrier pour {domain} : nulle part, ni les serveurs de courrier "
    "de {domain} ni le domaine lui-même n'ont d'adresse ; le courrier ne peut pas être remis "
    "({reply})"};
inline constexpr Message kDnsSpfChecked{
    "dns.spf.checked",
    "{agent} checked with SPF whether {ip} may send mail for {domain}: {result} (deciding term "
    "\"{matched}\", {dns_lookups_done})",
    "{agent} a vérifié par SPF si {ip} peut envoyer du courrier pour {domain} : {result} "
    "(terme décisif « {matched} », {dns_lookups_done})"};
inline constexpr Message kDnsblChecked{
    "dns.dnsbl.checked", "{agent} asked the blocklist {list} about {ip}: {verdict} [{codes}]",
    "{agent} a interrogé la liste de blocage {list} au sujet de {ip} : {verdict} [{codes}]"};

inline constexpr std::array kDnsAll{&kDnsLookupStarted,     &kDnsQuerySent,
                                    &kDnsResponseReceived,  &kDnsResponseIgnored,
                                    &kDnsQueryTimeout,      &kDnsQueryUnreachable,
                                    &kDnsResponseTruncated, &kDnsServerFailed,
                                    &kDnsReferral,          &kDnsCname,
                                    &kDnsCacheStored,       &kDnsCacheHit,
                                    &kDnsCacheExpired,      &kDnsLookupDone,
                                    &kDnsServerAnswered,    &kDnsServerListening,
                                    &kDnsServerStopped,     &kDnsZoneChanged,
                                    &kDnsMailRoute,         &kDnsSpfChecked,
                                    &kDnsblChecked};

}  // namespace mailsim::agents::narration

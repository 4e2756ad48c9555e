#pragma once
// Catalog entries of the mail lookups (English and French), for the narration and bounces.
#include <array>

#include "sim/text.hpp"

namespace mailsim::proto::dns::msg {

inline constexpr mailsim::Message kRouteOk{"dns.route.ok", "mail for {domain} goes to {targets}",
                                           "le courrier pour {domain} va vers {targets}"};
inline constexpr mailsim::Message kRouteNxdomain{
    "dns.route.nxdomain",
    "the domain {domain} does not exist (NXDOMAIN): the mail cannot be delivered",
    "le domaine {domain} n'existe pas (NXDOMAIN) : le courrier ne peut pas être remis"};
inline constexpr mailsim::Message kRouteNullMx{
    "dns.route.null_mx",
    "the domain {domain} does not accept mail: its only MX record is the null MX \"0 .\" (RFC "
    "7505)",
    "le domaine {domain} n'accepte pas de courrier : son seul enregistrement MX est le MX nul "
    "« 0 . » (RFC 7505)"};
inline constexpr mailsim::Message kRouteLoops{
    "dns.route.loops",
    "mail for {domain} loops back to myself: no exchange in its MX list is preferred to this host",
    "le courrier pour {domain} revient vers moi-même : aucun serveur de sa liste MX n'est préféré "
    "à cet hôte"};
inline constexpr mailsim::Message kRouteNoAddress{
    "dns.route.no_address", "no address found for the mail servers of {domain}",
    "aucune adresse trouvée pour les serveurs de courrier de {domain}"};
inline constexpr mailsim::Message kRouteDnsFailure{
    "dns.route.dns_failure",
    "DNS gave no usable answer for {domain} (a server failure or a broken alias chain): the "
    "mail waits and will be tried again",
    "le DNS n'a pas donné de réponse utilisable pour {domain} (panne de serveur ou chaîne "
    "d'alias cassée) : le courrier attend et sera réessayé"};
inline constexpr mailsim::Message kRouteDnsTimeout{
    "dns.route.dns_timeout",
    "no DNS server answered about {domain} (down or unreachable): the mail waits and will be "
    "tried again",
    "aucun serveur DNS n'a répondu pour {domain} (arrêté ou injoignable) : le courrier attend et "
    "sera réessayé"};

inline constexpr std::array kMailAll{&kRouteOk,        &kRouteNxdomain,  &kRouteNullMx,
                                     &kRouteLoops,     &kRouteNoAddress, &kRouteDnsFailure,
                                     &kRouteDnsTimeout};

}  // namespace mailsim::proto::dns::msg

#pragma once
// Catalog entries of the SPF check (English and French), for the narration.
#include <array>

#include "sim/text.hpp"

namespace mailsim::proto::dns::msg {

inline constexpr mailsim::Message kSpfNone{
    "dns.spf.none", "SPF none: {domain} publishes no SPF record",
    "SPF none : {domain} ne publie pas d'enregistrement SPF"};
inline constexpr mailsim::Message kSpfNeutral{
    "dns.spf.neutral", "SPF neutral: {domain} says nothing about this address {term}",
    "SPF neutral : {domain} ne se prononce pas sur cette adresse {term}"};
inline constexpr mailsim::Message kSpfPass{
    "dns.spf.pass", "SPF pass: {domain} allows this address to send its mail ({term})",
    "SPF pass : {domain} autorise cette adresse à envoyer son courrier ({term})"};
inline constexpr mailsim::Message kSpfFail{
    "dns.spf.fail", "SPF fail: {domain} forbids this address to send its mail ({term})",
    "SPF fail : {domain} interdit à cette adresse d'envoyer son courrier ({term})"};
inline constexpr mailsim::Message kSpfSoftfail{
    "dns.spf.softfail",
    "SPF softfail: {domain} says this address is probably not allowed to send its mail ({term})",
    "SPF softfail : selon {domain}, cette adresse n'est probablement pas autorisée à envoyer son "
    "courrier ({term})"};
inline constexpr mailsim::Message kSpfTemperror{
    "dns.spf.temperror", "SPF temperror for {domain}: a DNS lookup failed for now ({problem})",
    "SPF temperror pour {domain} : une recherche DNS a échoué pour l'instant ({problem})"};
inline constexpr mailsim::Message kSpfPermerror{
    "dns.spf.permerror", "SPF permerror for {domain}: the SPF record cannot be used ({problem})",
    "SPF permerror pour {domain} : l'enregistrement SPF est inutilisable ({problem})"};

inline constexpr std::array kSpfAll{&kSpfNone,     &kSpfNeutral,   &kSpfPass,     &kSpfFail,
                                    &kSpfSoftfail, &kSpfTemperror, &kSpfPermerror};

}  // namespace mailsim::proto::dns::msg

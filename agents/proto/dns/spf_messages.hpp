#pragma once
// Catalog entries of the SPF check (English and French), for the narration.
#include <array>

#include "sim/text.hpp"

namespace mailsim::proto::dns::msg {

inline constexpr mailsim::Message kSpfNone{
    "dns.spf.none", "SPF none: {domain} publishes no SPF record",
    "SPF none : {domain} ne publie pas d'enregistrement SPF"};
inline constexpr mailsim::Message kSpfNeutral{
    "dns.spf.neutral", "SPF neutral: {domain} makes no statement about this address",
    "SPF neutral : {domain} ne se prononce pas sur cette adresse"};
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

inline constexpr mailsim::Message kSpfWhyNotSpf1{"dns.spf.why.not_spf1", "not a v=spf1 record",
                                                 "ce n'est pas un enregistrement v=spf1"};
inline constexpr mailsim::Message kSpfWhyModifierName{
    "dns.spf.why.modifier_name", "bad modifier name", "nom de modificateur invalide"};
inline constexpr mailsim::Message kSpfWhyMacro{
    "dns.spf.why.macro", "bad macro (write %{{d}}, %{{i}}, %{{s}}, ...)",
    "macro invalide (écrivez %{{d}}, %{{i}}, %{{s}}, ...)"};
inline constexpr mailsim::Message kSpfWhyNeedsDomain{
    "dns.spf.why.needs_domain", "a domain is needed after '='", "il faut un domaine après « = »"};
inline constexpr mailsim::Message kSpfWhyTwice{"dns.spf.why.twice", "this modifier appears twice",
                                               "ce modificateur apparaît deux fois"};
inline constexpr mailsim::Message kSpfWhyAllArgument{
    "dns.spf.why.all_argument", "'all' takes no argument", "« all » ne prend pas d'argument"};
inline constexpr mailsim::Message kSpfWhyNeedsColonDomain{
    "dns.spf.why.needs_colon_domain", "a ':domain' is needed", "il faut un « :domaine »"};
inline constexpr mailsim::Message kSpfWhyBadDomain{"dns.spf.why.bad_domain", "bad domain",
                                                   "domaine invalide"};
inline constexpr mailsim::Message kSpfWhyPtrPrefix{"dns.spf.why.ptr_prefix",
                                                   "'ptr' takes no prefix length",
                                                   "« ptr » ne prend pas de longueur de préfixe"};
inline constexpr mailsim::Message kSpfWhyPrefix{
    "dns.spf.why.prefix", "bad prefix length (0-32 for IPv4, 0-128 for IPv6)",
    "longueur de préfixe invalide (0-32 en IPv4, 0-128 en IPv6)"};
inline constexpr mailsim::Message kSpfWhyNeedsAddress{
    "dns.spf.why.needs_address", "a ':address' is needed", "il faut une « :adresse »"};
inline constexpr mailsim::Message kSpfWhyAddress{"dns.spf.why.address", "bad address",
                                                 "adresse invalide"};
inline constexpr mailsim::Message kSpfWhyUnknown{
    "dns.spf.why.unknown", "unknown mechanism (all, include, a, mx, ptr, ip4, ip6, exists)",
    "mécanisme inconnu (all, include, a, mx, ptr, ip4, ip6, exists)"};
inline constexpr mailsim::Message kSpfProblemSyntax{"dns.spf.problem.syntax",
                                                    "syntax error in '{term}': {why}",
                                                    "erreur de syntaxe dans « {term} » : {why}"};
inline constexpr mailsim::Message kSpfProblemDns{"dns.spf.problem.dns",
                                                 "the {type} lookup of {name} gave {status}",
                                                 "la recherche {type} de {name} a donné {status}"};
inline constexpr mailsim::Message kSpfProblemRecords{
    "dns.spf.problem.records", "{count} SPF records where one is allowed",
    "{count} enregistrements SPF au lieu d'un seul"};
inline constexpr mailsim::Message kSpfProblemLookups{
    "dns.spf.problem.lookups", "more than {limit} DNS lookups", "plus de {limit} recherches DNS"};
inline constexpr mailsim::Message kSpfProblemVoids{"dns.spf.problem.voids",
                                                   "more than {limit} void lookups",
                                                   "plus de {limit} recherches sans réponse"};
inline constexpr mailsim::Message kSpfProblemMxNames{"dns.spf.problem.mx_names",
                                                     "more than {limit} MX records",
                                                     "plus de {limit} enregistrements MX"};
inline constexpr mailsim::Message kSpfProblemIncludeNone{
    "dns.spf.problem.include_none", "the included domain {name} has no SPF record",
    "le domaine inclus {name} n'a pas d'enregistrement SPF"};
inline constexpr mailsim::Message kSpfProblemRedirectNone{
    "dns.spf.problem.redirect_none", "the redirect target {name} has no SPF record",
    "la cible de redirection {name} n'a pas d'enregistrement SPF"};
inline constexpr mailsim::Message kSpfProblemBadTarget{
    "dns.spf.problem.bad_target", "'{term}' does not give a valid domain name",
    "« {term} » ne donne pas un nom de domaine valide"};

inline constexpr std::array kSpfProblems{
    &kSpfWhyNotSpf1,          &kSpfWhyModifierName,    &kSpfWhyMacro,
    &kSpfWhyNeedsDomain,      &kSpfWhyTwice,           &kSpfWhyAllArgument,
    &kSpfWhyNeedsColonDomain, &kSpfWhyBadDomain,       &kSpfWhyPtrPrefix,
    &kSpfWhyPrefix,           &kSpfWhyNeedsAddress,    &kSpfWhyAddress,
    &kSpfWhyUnknown,          &kSpfProblemSyntax,      &kSpfProblemDns,
    &kSpfProblemRecords,      &kSpfProblemLookups,     &kSpfProblemVoids,
    &kSpfProblemMxNames,      &kSpfProblemIncludeNone, &kSpfProblemRedirectNone,
    &kSpfProblemBadTarget};

inline constexpr std::array kSpfAll{&kSpfNone,     &kSpfNeutral,   &kSpfPass,     &kSpfFail,
                                    &kSpfSoftfail, &kSpfTemperror, &kSpfPermerror};

}  // namespace mailsim::proto::dns::msg

#pragma once
// Catalog entries of the MTA's configuration (English and French).
#include <array>

#include "sim/text.hpp"

namespace mailsim::agents::msg {

inline constexpr Message kRetryRuleSyntax{
    "mta.retry_rule_syntax",
    "'{rule}' is not a retry rule: write F,<cutoff>,<interval> or G,<cutoff>,<interval>,<factor>, "
    "rules separated by ';', for example F,2h,15m; G,16h,1h,1.5; F,4d,6h",
    "« {rule} » n'est pas une règle de nouvel essai : écrivez F,<limite>,<intervalle> ou "
    "G,<limite>,<intervalle>,<facteur>, règles séparées par « ; », par exemple F,2h,15m; "
    "G,16h,1h,1.5; F,4d,6h"};
inline constexpr Message kRetryRuleTime{
    "mta.retry_rule_time",
    "'{value}' in the retry rule '{rule}' is not a time: use a number and s, m (minutes), h, d or "
    "w, for example 15m or 4d",
    "« {value} » dans la règle « {rule} » n'est pas une durée : utilisez un nombre et s, m "
    "(minutes), h, d ou w, par exemple 15m ou 4d"};
inline constexpr Message kRetryRuleTimeTooLong{
    "mta.retry_rule_time_too_long",
    "'{value}' in the retry rule '{rule}' is more than {limit} (100 years); use a shorter time",
    "« {value} » dans la règle « {rule} » dépasse {limit} (100 ans) ; utilisez une durée plus "
    "courte"};
inline constexpr Message kRetryRuleTimeZero{
    "mta.retry_rule_time_zero",
    "'{value}' in the retry rule '{rule}' is zero; a cutoff and an interval must be longer than "
    "zero (an interval of zero would retry at once, without end), for example 15m",
    "« {value} » dans la règle « {rule} » vaut zéro ; une limite et un intervalle doivent être "
    "plus longs que zéro (un intervalle nul réessaierait aussitôt, sans fin), par exemple 15m"};
inline constexpr Message kRetryRuleOrder{
    "mta.retry_rule_order",
    "the cutoffs of retry rules must grow from one rule to the next: '{rule}' ends at or before "
    "the rule before it",
    "les limites des règles de nouvel essai doivent croître d'une règle à la suivante : « {rule} » "
    "se termine avant la règle précédente"};

inline constexpr std::array kMtaAll{&kRetryRuleSyntax, &kRetryRuleTime, &kRetryRuleTimeTooLong,
                                    &kRetryRuleTimeZero, &kRetryRuleOrder};

}  // namespace mailsim::agents::msg

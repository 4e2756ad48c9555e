#pragma once
// Catalog entries of the command line (English and French).
#include <array>

#include "sim/text.hpp"

namespace mailsim::cli::msg {

inline constexpr Message kValid{"cli.valid", "{file}: no error found", "{file} : aucune erreur"};
inline constexpr Message kRunEnd{"cli.run_end", "End of the run at {time} ({events} events).",
                                 "Fin de la simulation à {time} ({events} événements)."};

inline constexpr Message kNoSuchScenario{
    "cli.no_such_scenario",
    "there is no file and no built-in scenario named '{name}'; 'mailsim list' shows the built-in "
    "ones",
    "aucun fichier ni scénario intégré ne s'appelle « {name} » ; « mailsim list » montre les "
    "scénarios intégrés"};
inline constexpr Message kNoSuchScenarioSuggest{
    "cli.no_such_scenario_suggest",
    "there is no file and no built-in scenario named '{name}'; did you mean '{suggestion}'?",
    "aucun fichier ni scénario intégré ne s'appelle « {name} » ; vouliez-vous dire « {suggestion} "
    "» ?"};
inline constexpr Message kListHint{"cli.list_hint",
                                   "Run one with 'mailsim run NAME'; copy one to edit it with "
                                   "'mailsim show NAME > my-lesson.yaml'.",
                                   "Lancez-en un avec « mailsim run NOM » ; copiez-en un pour le "
                                   "modifier avec « mailsim show NOM > ma-lecon.yaml »."};

inline constexpr std::array kAll{&kValid, &kRunEnd, &kNoSuchScenario, &kNoSuchScenarioSuggest,
                                 &kListHint};

}  // namespace mailsim::cli::msg

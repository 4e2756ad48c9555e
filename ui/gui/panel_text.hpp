#pragma once
// Catalog entries of the Journey, DNS and Log panels (English and French).
#include <array>

#include "sim/plural.hpp"
#include "sim/text.hpp"

namespace mailsim::gui::msg {

inline constexpr Message kJourneyTab{"gui.journey_tab", "Journey", "Parcours"};
inline constexpr Message kDnsTab{"gui.dns_tab", "DNS", "DNS"};
inline constexpr Message kLogTab{"gui.log_tab", "Log", "Journal"};

inline constexpr Message kJourneyMessage{"gui.journey_message", "Message", "Message"};
inline constexpr Message kExportSvg{"gui.export_svg", "Export SVG", "Exporter en SVG"};
inline constexpr Message kSvgSaved{"gui.svg_saved", "Chart saved: {path}",
                                   "Graphique enregistré : {path}"};
inline constexpr Message kJourneyHelp{
    "gui.journey_help",
    "One line per host, in the order they took part; an arrow per command, reply, DNS question "
    "and answer, in time order. A zigzag marks a wait, with how long it lasted. Hover an arrow "
    "for its whole line.",
    "Une ligne par machine, dans l'ordre où elles sont intervenues ; une flèche par commande, "
    "réponse, question et réponse DNS, dans l'ordre du temps. Un zigzag marque une attente, "
    "avec sa durée. Survolez une flèche pour lire sa ligne entière."};

inline constexpr Message kDnsQuestions{"gui.dns_questions", "Questions and answers",
                                       "Questions et réponses"};
inline constexpr Message kDnsCaches{"gui.dns_caches", "Resolver caches", "Caches des résolveurs"};
inline constexpr Message kNoDnsQuestion{"gui.no_dns_question", "No DNS question yet.",
                                        "Aucune question DNS pour l'instant."};
inline constexpr Message kNoCacheEntry{"gui.no_cache_entry", "Nothing in any cache now.",
                                       "Rien dans les caches en ce moment."};
inline constexpr Message kColTime{"gui.col_time", "Time", "Heure"};
inline constexpr Message kColAsked{"gui.col_asked", "Who asked whom", "Qui a demandé à qui"};
inline constexpr Message kColQuestion{"gui.col_question", "Question", "Question"};
inline constexpr Message kColAnswer{"gui.col_answer", "Answer", "Réponse"};
inline constexpr Message kColName{"gui.col_name", "Name", "Nom"};
inline constexpr Message kColType{"gui.col_type", "Type", "Type"};
inline constexpr Message kColData{"gui.col_data", "Data", "Données"};
inline constexpr Message kColTtl{"gui.col_ttl", "TTL left", "TTL restant"};
inline constexpr Message kDnsWaiting{"gui.dns_waiting", "waiting…", "en attente…"};
inline constexpr Message kDnsNoAnswer{"gui.dns_no_answer", "no answer (timeout)",
                                      "pas de réponse (délai dépassé)"};
inline constexpr Message kDnsHelp{
    "gui.dns_help",
    "Each resolver keeps an answer for its TTL: the time left counts down with the simulated "
    "clock, and the entry leaves the cache when it reaches zero.",
    "Chaque résolveur garde une réponse pendant son TTL : le temps restant décroît avec "
    "l'horloge simulée, et l'entrée quitte le cache quand il atteint zéro."};

inline constexpr Message kLogHost{"gui.log_host", "Host", "Machine"};
inline constexpr Message kLogStage{"gui.log_stage", "Stage", "Étape"};
inline constexpr Message kLogKind{"gui.log_kind", "Kind", "Type"};
inline constexpr Message kAnyHost{"gui.any_host", "all hosts", "toutes les machines"};
inline constexpr Message kAnyStage{"gui.any_stage", "all stages", "toutes les étapes"};
inline constexpr Message kAnyKind{"gui.any_kind", "all kinds", "tous les types"};
inline constexpr Message kStoryOnly{"gui.story_only", "Story only", "L'histoire seulement"};
inline constexpr Message kSearch{"gui.search", "Search", "Chercher"};
inline constexpr PluralMessage kLogCount{
    {"gui.log_count_one", "{count} line of {total}", "{count} ligne sur {total}"},
    {"gui.log_count_other", "{count} lines of {total}", "{count} lignes sur {total}"}};
inline constexpr Message kStageSubmission{"gui.stage_submission", "submission", "soumission"};
inline constexpr Message kStageQueue{"gui.stage_queue", "queue", "file d'attente"};
inline constexpr Message kStageDns{"gui.stage_dns", "DNS", "DNS"};
inline constexpr Message kStageRelay{"gui.stage_relay", "relay", "relais"};
inline constexpr Message kStageDelivery{"gui.stage_delivery", "delivery", "distribution"};
inline constexpr Message kStageRetrieval{"gui.stage_retrieval", "retrieval", "relève"};
inline constexpr Message kStageOther{"gui.stage_other", "other", "autre"};

inline constexpr std::array kPanelAll{
    &kJourneyTab,   &kDnsTab,         &kLogTab,          &kJourneyMessage, &kExportSvg,
    &kSvgSaved,     &kJourneyHelp,    &kDnsQuestions,    &kDnsCaches,      &kNoDnsQuestion,
    &kNoCacheEntry, &kColTime,        &kColAsked,        &kColQuestion,    &kColAnswer,
    &kColName,      &kColType,        &kColData,         &kColTtl,         &kDnsWaiting,
    &kDnsNoAnswer,  &kDnsHelp,        &kLogHost,         &kLogStage,       &kLogKind,
    &kAnyHost,      &kAnyStage,       &kAnyKind,         &kStoryOnly,      &kSearch,
    &kLogCount.one, &kLogCount.other, &kStageSubmission, &kStageQueue,     &kStageDns,
    &kStageRelay,   &kStageDelivery,  &kStageRetrieval,  &kStageOther};

}  // namespace mailsim::gui::msg

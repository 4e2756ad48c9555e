#pragma once
// Catalog entries of the window's Story and Expectations panels and of lesson mode (English and
// French).
#include <array>

#include "sim/plural.hpp"
#include "sim/text.hpp"

namespace mailsim::gui::msg {

inline constexpr Message kStoryTab{"gui.story_tab", "Story", "Récit"};
inline constexpr Message kStoryEmpty{
    "gui.story_empty", "Nothing has happened yet: press Space to play.",
    "Rien ne s'est encore passé : appuyez sur Espace pour lancer."};
inline constexpr Message kExpectTab{"gui.expect_tab", "Expectations", "Attentes"};
inline constexpr Message kNoExpectation{"gui.no_expectation",
                                        "This scenario expects nothing (it has no expect: "
                                        "section).",
                                        "Ce scénario n'attend rien (il n'a pas de section "
                                        "expect:)."};
inline constexpr Message kExpectPending{"gui.expect_pending", "pending", "en attente"};
inline constexpr Message kExpectMet{"gui.expect_met", "met at {time}", "atteinte à {time}"};
inline constexpr Message kExpectMetAtEnd{"gui.expect_met_end", "met at the end",
                                         "atteinte à la fin"};
inline constexpr Message kExpectFailed{"gui.expect_failed", "failed", "manquée"};
inline constexpr PluralMessage kExpectSummary{
    {"gui.expect_summary.one", "{count} of {total} met", "{count} sur {total} atteinte"},
    {"gui.expect_summary.other", "{count} of {total} met", "{count} sur {total} atteintes"}};

// Lesson mode.
inline constexpr Message kQuestionTitle{"gui.question_title", "Question {number} of {total}",
                                        "Question {number} sur {total}"};
inline constexpr Message kAnswerTitle{"gui.answer_title", "Answer", "Réponse"};
inline constexpr Message kShowAnswer{"gui.show_answer", "Show the answer (A)",
                                     "Voir la réponse (A)"};
inline constexpr Message kGoOn{"gui.go_on", "Continue (Space)", "Continuer (Espace)"};
inline constexpr Message kHelpAnswer{"gui.keys_answer", "lesson: show the answer",
                                     "leçon : montrer la réponse"};
inline constexpr Message kHelpGoOn{"gui.keys_go_on", "lesson: close the question and play on",
                                   "leçon : fermer la question et continuer"};
inline constexpr Message kKeyEnter{"gui.key_enter", "Enter", "Entrée"};

inline constexpr std::array kLessonAll{&kStoryTab,          &kStoryEmpty,
                                       &kExpectTab,         &kNoExpectation,
                                       &kExpectPending,     &kExpectMet,
                                       &kExpectMetAtEnd,    &kExpectFailed,
                                       &kExpectSummary.one, &kExpectSummary.other,
                                       &kQuestionTitle,     &kAnswerTitle,
                                       &kShowAnswer,        &kGoOn,
                                       &kHelpAnswer,        &kHelpGoOn,
                                       &kKeyEnter};

}  // namespace mailsim::gui::msg

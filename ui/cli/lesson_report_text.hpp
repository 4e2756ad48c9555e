#pragma once
// Catalog entries of `mailsim report` (English and French): its help and what it says when done.
// The page's own words are in ui/report/lesson_text.hpp.
#include <array>

#include "sim/text.hpp"

namespace mailsim::cli::msg {

inline constexpr Message kReportHelp{
    "cli.report.help",
    "run a lesson and write its page for students to keep, one HTML file that needs nothing "
    "else: goal, story, each message's journey and content, expectations, questions",
    "jouer une leçon et écrire sa page, que les élèves gardent, un seul fichier HTML qui se "
    "suffit : but, récit, parcours et contenu de chaque message, vérifications, questions"};
inline constexpr Message kReportOutput{"cli.report.output", "the HTML file to write",
                                       "le fichier HTML à écrire"};
inline constexpr Message kReportFooter{
    "cli.report.footer",
    "Examples:\n  mailsim report first-mail -o first-mail.html\n"
    "  mailsim report recipient-down-two-hours --lang fr -o lesson.html\n"
    "  mailsim report my-lesson.yaml --seed 7 -o my-lesson.html",
    "Exemples :\n  mailsim report first-mail -o premier-courriel.html\n"
    "  mailsim report recipient-down-two-hours --lang fr -o lecon.html\n"
    "  mailsim report ma-lecon.yaml --seed 7 -o ma-lecon.html"};
inline constexpr Message kReportWritten{"cli.report.written",
                                        "The lesson's page is in {path}: open it in any browser.",
                                        "La page de la leçon est dans {path} : ouvrez-la dans "
                                        "n'importe quel navigateur."};

inline constexpr std::array kReportAll{&kReportHelp, &kReportOutput, &kReportFooter,
                                       &kReportWritten};

}  // namespace mailsim::cli::msg

#pragma once
// Catalog entries of `mailsim exercise make` and `mailsim grade` (English and French): their
// help, their errors, and the words of the grading table.
#include <array>

#include "sim/plural.hpp"
#include "sim/text.hpp"

namespace mailsim::cli::classroom {

// ---- Help
inline constexpr Message kExercise{"cli.help.exercise",
                                   "make exercises from a lesson: copies for the students",
                                   "faire des exercices à partir d'une leçon : les copies des "
                                   "élèves"};
inline constexpr Message kExerciseFooter{"cli.help.exercise_footer",
                                         "See 'mailsim exercise make --help' and "
                                         "docs/exercises.md.",
                                         "Voyez « mailsim exercise make --help » et "
                                         "docs/exercises.md."};
inline constexpr Message kMake{
    "cli.help.exercise_make",
    "write the student's copy of a lesson: its expectations taken out, the parts given with "
    "--cut replaced by a TODO comment",
    "écrire la copie de l'élève d'une leçon : sans ses vérifications, les parties données par "
    "--cut remplacées par un commentaire À FAIRE"};
inline constexpr Message kMakeFooter{
    "cli.help.exercise_make_footer",
    "Examples:\n"
    "  mailsim exercise make lesson.yaml --hide expect -o exercise.yaml\n"
    "  mailsim exercise make lesson.yaml --cut mail/servers/home.c.example/relayhost -o "
    "exercise.yaml\n"
    "  mailsim exercise make lesson.yaml --variants 30 -o copies/\n"
    "  mailsim exercise make lesson.yaml --students names.txt --seed-from-name -o students/\n"
    "Then: mailsim grade --against lesson.yaml students/*.yaml",
    "Exemples :\n"
    "  mailsim exercise make lecon.yaml --hide expect -o exercice.yaml\n"
    "  mailsim exercise make lecon.yaml --cut mail/servers/home.c.example/relayhost -o "
    "exercice.yaml\n"
    "  mailsim exercise make lecon.yaml --variants 30 -o copies/\n"
    "  mailsim exercise make lecon.yaml --students noms.txt --seed-from-name -o eleves/\n"
    "Puis : mailsim grade --against lecon.yaml eleves/*.yaml"};
inline constexpr Message kLesson{"cli.help.lesson", "the teacher's lesson, with its expectations",
                                 "la leçon de l'enseignant, avec ses vérifications"};
inline constexpr Message kHide{
    "cli.help.hide",
    "what the copy leaves out: expect (always, the default) and questions (the lesson's "
    "questions and their answers)",
    "ce que la copie omet : expect (toujours, par défaut) et questions (les questions de la "
    "leçon et leurs réponses)"};
inline constexpr Message kCut{
    "cli.help.cut",
    "a part of the lesson the student must write, replaced by a TODO comment: keys and list "
    "items (by name, host or number) separated by '/', for example dns/zones/b.example.",
    "une partie de la leçon que l'élève doit écrire, remplacée par un commentaire À FAIRE : "
    "clés et éléments de liste (par nom, hôte ou numéro) séparés par « / », par exemple "
    "dns/zones/b.example."};
inline constexpr Message kOutput{
    "cli.help.output", "where to write: a file, or a folder with --variants or --students",
    "où écrire : un fichier, ou un dossier avec --variants ou --students"};
inline constexpr Message kVariants{
    "cli.help.variants",
    "write N copies, each a different but equivalent world (other domains, users, addresses, "
    "latencies): variant-01.yaml ... in the folder -o",
    "écrire N copies, chacune un monde différent mais équivalent (autres domaines, "
    "utilisateurs, adresses, latences) : variant-01.yaml ... dans le dossier -o"};
inline constexpr Message kStudents{
    "cli.help.students",
    "a file with one student's name a line: one copy each, named after the student, its world "
    "made from the name",
    "un fichier avec le nom d'un élève par ligne : une copie chacun, nommée d'après l'élève, "
    "son monde tiré du nom"};
inline constexpr Message kSeedFromName{
    "cli.help.seed_from_name",
    "make each world from the student's name (what --students does; says so on the command "
    "line)",
    "tirer chaque monde du nom de l'élève (ce que fait --students ; le dit sur la ligne de "
    "commande)"};
inline constexpr Message kGrade{
    "cli.help.grade",
    "grade students' files against a lesson's expectations, each file in its own process with "
    "a time and memory limit",
    "noter des fichiers d'élèves selon les vérifications d'une leçon, chaque fichier dans son "
    "propre processus avec une limite de temps et de mémoire"};
inline constexpr Message kGradeFooter{
    "cli.help.grade_footer",
    "Examples:\n"
    "  mailsim grade --against lesson.yaml students/*.yaml\n"
    "  mailsim grade --against lesson.yaml students/*.yaml --format csv > marks.csv\n"
    "Exit status 0 once every file is graded (whatever its score), 2 when the command line or "
    "the lesson is wrong.",
    "Exemples :\n"
    "  mailsim grade --against lecon.yaml eleves/*.yaml\n"
    "  mailsim grade --against lecon.yaml eleves/*.yaml --format csv > notes.csv\n"
    "Code de sortie 0 une fois chaque fichier noté (quelle que soit sa note), 2 quand la ligne "
    "de commande ou la leçon est fausse."};
inline constexpr Message kAgainst{"cli.help.against",
                                  "the teacher's lesson, whose expectations grade the files",
                                  "la leçon de l'enseignant, dont les vérifications notent les "
                                  "fichiers"};
inline constexpr Message kGradeFiles{"cli.help.grade_files", "the students' scenario files",
                                     "les fichiers de scénario des élèves"};
inline constexpr Message kGradeFormat{
    "cli.help.grade_format",
    "text (a block per file), csv (a row per file, for a spreadsheet), json, or md (a Markdown "
    "table)",
    "text (un bloc par fichier), csv (une ligne par fichier, pour un tableur), json, ou md (un "
    "tableau Markdown)"};
inline constexpr Message kTimeLimit{
    "cli.help.time_limit", "the longest a file may run, in real time: 20s by default",
    "le plus long qu'un fichier peut tourner, en temps réel : 20s par défaut"};
inline constexpr Message kMemoryLimit{
    "cli.help.memory_limit", "the most memory a file may use, in MiB: 2048 by default",
    "le plus de mémoire qu'un fichier peut utiliser, en Mio : 2048 par défaut"};

inline constexpr Message kJobs{
    "cli.help.jobs",
    "how many files are graded at once, each in its own process: one per processor core by "
    "default",
    "combien de fichiers sont notés à la fois, chacun dans son propre processus : un par cœur "
    "de processeur par défaut"};

// ---- exercise make
inline constexpr Message kWroteCopy{"cli.exercise.wrote_copy",
                                    "{file}: the student's copy, without the expectations",
                                    "{file} : la copie de l'élève, sans les vérifications"};
inline constexpr PluralMessage kWroteCopies{
    {"cli.exercise.wrote_copies.one", "{count} copy written in {folder}",
     "{count} copie écrite dans {folder}"},
    {"cli.exercise.wrote_copies.other", "{count} copies written in {folder}",
     "{count} copies écrites dans {folder}"}};
inline constexpr Message kSeedFromNameAlone{
    "cli.exercise.seed_from_name_alone",
    "--seed-from-name takes the names from a file: give --students FILE too",
    "--seed-from-name prend les noms dans un fichier : donnez aussi --students FICHIER"};
inline constexpr Message kVariantsCount{
    "cli.exercise.variants_count",
    "--variants {variants}, but {file} names {count} students: give as many variants as names, "
    "or leave --variants out",
    "--variants {variants}, mais {file} nomme {count} élèves : donnez autant de variantes que "
    "de noms, ou omettez --variants"};
inline constexpr Message kVariantsRange{"cli.exercise.variants_range",
                                        "--variants: '{value}' is not a number from 1 to 1000",
                                        "--variants : « {value} » n'est pas un nombre de 1 à 1000"};
inline constexpr Message kCannotReadNames{
    "cli.exercise.cannot_read_names",
    "--students: cannot read '{file}'; give a text file with one name a line",
    "--students : impossible de lire « {file} » ; donnez un fichier texte avec un nom par ligne"};
inline constexpr Message kNoNames{
    "cli.exercise.no_names", "--students: '{file}' names no student; write one name a line",
    "--students : « {file} » ne nomme aucun élève ; écrivez un nom par ligne"};
inline constexpr Message kSameCopyName{
    "cli.exercise.same_copy_name",
    "--students: '{first}' and '{second}' would both be written to {file}; make the names "
    "differ (add an initial)",
    "--students : « {first} » et « {second} » seraient tous deux écrits dans {file} ; "
    "distinguez les noms (ajoutez une initiale)"};
inline constexpr Message kOutputNotFolder{
    "cli.exercise.output_not_folder",
    "-o {path}: several copies go in a folder, and this is a file; give a folder",
    "-o {path} : plusieurs copies vont dans un dossier, et ceci est un fichier ; donnez un "
    "dossier"};

// ---- grade
inline constexpr Message kBadTimeLimit{"cli.grade.bad_time_limit", "--time-limit: {error}",
                                       "--time-limit : {error}"};
inline constexpr Message kTimeLimitZero{"cli.grade.time_limit_zero",
                                        "--time-limit: give a time after 0, for example 20s",
                                        "--time-limit : donnez un temps après 0, par exemple 20s"};
inline constexpr Message kBadMemoryLimit{
    "cli.grade.bad_memory_limit",
    "--memory-limit: '{value}' is not a number of MiB from 64 to 1048576, for example 2048",
    "--memory-limit : « {value} » n'est pas un nombre de Mio de 64 à 1048576, par exemple 2048"};
inline constexpr Message kBadJobs{
    "cli.grade.bad_jobs", "--jobs: '{value}' is not a number of files from 1 to 64, for example 4",
    "--jobs : « {value} » n'est pas un nombre de fichiers de 1 à 64, par exemple 4"};
inline constexpr Message kCannotStart{
    "cli.grade.cannot_start", "cannot start a process to grade {file}: {reason}",
    "impossible de lancer un processus pour noter {file} : {reason}"};
inline constexpr Message kYes{"cli.grade.yes", "yes", "oui"};
inline constexpr Message kNo{"cli.grade.no", "no", "non"};
inline constexpr Message kMet{"cli.grade.met", "met", "réussie"};
inline constexpr Message kNotMet{"cli.grade.not_met", "not met", "échouée"};
inline constexpr Message kHeading{"cli.grade.heading", "Grading against {lesson}: {expectations}",
                                  "Notation selon {lesson} : {expectations}"};
inline constexpr PluralMessage kExpectationCount{
    {"cli.grade.expectation_count.one", "{count} expectation", "{count} vérification"},
    {"cli.grade.expectation_count.other", "{count} expectations", "{count} vérifications"}};
inline constexpr Message kLegend{"cli.grade.legend", "E{number}: {description}",
                                 "V{number} : {description}"};
inline constexpr Message kFileLine{"cli.grade.file_line",
                                   "{file}{variant}: validates: {validates}; score {score}/{total}",
                                   "{file}{variant} : valide : {validates} ; note {score}/{total}"};
inline constexpr Message kVariantOf{"cli.grade.variant_of", " (variant {key})",
                                    " (variante {key})"};
inline constexpr Message kStoppedTime{
    "cli.grade.stopped_time",
    "stopped after {limit}, the time limit: the file runs too long (a huge message, a loop of "
    "retries?)",
    "arrêté après {limit}, la limite de temps : le fichier tourne trop longtemps (un message "
    "énorme, une boucle d'essais ?)"};
inline constexpr Message kStoppedMemory{
    "cli.grade.stopped_memory",
    "stopped: the run needed more than {limit} MiB of memory (a huge message?)",
    "arrêté : la simulation demandait plus de {limit} Mio de mémoire (un message énorme ?)"};
inline constexpr Message kStoppedOther{
    "cli.grade.stopped_other",
    "stopped ({how}) without a grade: this is a fault of MailSim; please report it with the "
    "file",
    "arrêté ({how}) sans note : c'est une faute de MailSim ; signalez-la avec le fichier"};
inline constexpr Message kCannotCheck{"cli.grade.cannot_check",
                                      "cannot be checked in this file: {reason}",
                                      "impossible à vérifier dans ce fichier : {reason}"};
inline constexpr Message kOtherStudentsWorld{
    "cli.grade.other_students_world",
    "{file} carries the world made for {key} (its 'variant:'), whose copy is {own}: a copy of "
    "another student's file, or a file to rename after its student",
    "{file} porte le monde fait pour {key} (sa ligne « variant: »), dont la copie est {own} : la "
    "copie du fichier d'un autre élève, ou un fichier à renommer d'après son élève"};
inline constexpr PluralMessage kGraded{
    {"cli.grade.graded.one", "{count} file graded.", "{count} fichier noté."},
    {"cli.grade.graded.other", "{count} files graded.", "{count} fichiers notés."}};
// Column headings of csv and md; E1 is the first expectation (V1, vérification, in French).
inline constexpr Message kColFile{"cli.grade.col.file", "file", "fichier"};
inline constexpr Message kColVariant{"cli.grade.col.variant", "variant", "variante"};
inline constexpr Message kColValidates{"cli.grade.col.validates", "validates", "valide"};
inline constexpr Message kColScore{"cli.grade.col.score", "score", "note"};
inline constexpr Message kColTotal{"cli.grade.col.total", "out of", "sur"};
inline constexpr Message kColExpectation{"cli.grade.col.expectation", "E{number}", "V{number}"};
inline constexpr Message kColEvidence{"cli.grade.col.evidence", "E{number} evidence",
                                      "V{number} preuve"};
inline constexpr Message kColErrors{"cli.grade.col.errors", "errors", "erreurs"};

inline constexpr std::array kAll{&kExercise,
                                 &kExerciseFooter,
                                 &kMake,
                                 &kMakeFooter,
                                 &kLesson,
                                 &kHide,
                                 &kCut,
                                 &kOutput,
                                 &kVariants,
                                 &kStudents,
                                 &kSeedFromName,
                                 &kGrade,
                                 &kGradeFooter,
                                 &kAgainst,
                                 &kGradeFiles,
                                 &kGradeFormat,
                                 &kTimeLimit,
                                 &kMemoryLimit,
                                 &kJobs,
                                 &kWroteCopy,
                                 &kWroteCopies.one,
                                 &kWroteCopies.other,
                                 &kSeedFromNameAlone,
                                 &kVariantsCount,
                                 &kVariantsRange,
                                 &kCannotReadNames,
                                 &kNoNames,
                                 &kSameCopyName,
                                 &kOutputNotFolder,
                                 &kBadTimeLimit,
                                 &kTimeLimitZero,
                                 &kBadMemoryLimit,
                                 &kBadJobs,
                                 &kCannotStart,
                                 &kYes,
                                 &kNo,
                                 &kMet,
                                 &kNotMet,
                                 &kHeading,
                                 &kExpectationCount.one,
                                 &kExpectationCount.other,
                                 &kLegend,
                                 &kFileLine,
                                 &kVariantOf,
                                 &kStoppedTime,
                                 &kStoppedMemory,
                                 &kStoppedOther,
                                 &kCannotCheck,
                                 &kOtherStudentsWorld,
                                 &kGraded.one,
                                 &kGraded.other,
                                 &kColFile,
                                 &kColVariant,
                                 &kColValidates,
                                 &kColScore,
                                 &kColTotal,
                                 &kColExpectation,
                                 &kColEvidence,
                                 &kColErrors};

}  // namespace mailsim::cli::classroom

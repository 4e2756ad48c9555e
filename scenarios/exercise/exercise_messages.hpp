#pragma once
// Catalog entries of exercises (English and French): the marker left where a teacher cut a part
// out of the student's copy, and what goes wrong while making a copy or a variant.
#include <array>

#include "sim/text.hpp"

namespace mailsim::scenarios::exercise_msg {

// A YAML comment in the student's copy, where the part was.
inline constexpr Message kCutMarker{
    "exercise.cut_marker",
    "TODO: the teacher took '{path}' out of this copy; write it so that the lesson works",
    "À FAIRE : l'enseignant a retiré « {path} » de cette copie ; écrivez-le pour que la leçon "
    "fonctionne"};
inline constexpr Message kCutNotFound{
    "exercise.cut_not_found",
    "--cut {path}: the lesson has nothing at '{part}'; name keys and list items by their name, "
    "host or number from 0, separated by '/', for example mail/servers/mx.b.example/spf or "
    "dns/zones/b.example.",
    "--cut {path} : la leçon n'a rien à « {part} » ; nommez les clés et les éléments de liste "
    "par leur nom, leur hôte ou leur numéro à partir de 0, séparés par « / », par exemple "
    "mail/servers/mx.b.example/spf ou dns/zones/b.example."};
inline constexpr Message kCutInFlow{
    "exercise.cut_in_flow",
    "--cut {path}: this part is written inside a one-line {{...}} or [...] on line {line} of "
    "the copy; cut the part that holds it instead",
    "--cut {path} : cette partie est écrite dans un {{...}} ou [...] sur une ligne (ligne {line} "
    "de la copie) ; retirez plutôt la partie qui la contient"};
inline constexpr Message kCopyDoesNotLoad{
    "exercise.copy_does_not_load",
    "the student's copy would not load (errors above, with their lines in the copy): cut less, "
    "or cut a part the file can do without",
    "la copie de l'élève ne se chargerait pas (erreurs ci-dessus, avec leurs lignes dans la "
    "copie) : retirez moins, ou une partie dont le fichier peut se passer"};
inline constexpr Message kVariantDoesNotLoad{
    "exercise.variant_does_not_load",
    "the variant '{key}' of this lesson does not load once its names are changed (errors "
    "above); this is a fault of MailSim, please report it with the lesson",
    "la variante « {key} » de cette leçon ne se charge pas une fois ses noms changés (erreurs "
    "ci-dessus) ; c'est une faute de MailSim, signalez-la avec la leçon"};

inline constexpr std::array kAll{&kCutMarker, &kCutNotFound, &kCutInFlow, &kCopyDoesNotLoad,
                                 &kVariantDoesNotLoad};

}  // namespace mailsim::scenarios::exercise_msg

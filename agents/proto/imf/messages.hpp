#pragma once
// Catalog entries of the message layer (English and French): errors in messages, addresses,
// dates and notifications, and the sentences of the human-readable part of a DSN.
#include <array>

#include "sim/text.hpp"

namespace mailsim::proto::imf::msg {

// Header sections (RFC 5322 2.2, 2.1.1).
inline constexpr mailsim::Message kNoColon{
    "imf.header.no_colon",
    "header line {line}: '{text}' is not a field (a field is a name, a colon and a value)",
    "ligne {line} de l'en-tête : « {text} » n'est pas un champ (un champ est un nom, deux-points "
    "et une valeur)"};
inline constexpr mailsim::Message kBadFieldName{
    "imf.header.bad_name",
    "header line {line}: '{name}' is not a field name (printable ASCII without ':' or space)",
    "ligne {line} de l'en-tête : « {name} » n'est pas un nom de champ (ASCII imprimable, sans « : "
    "» ni espace)"};
inline constexpr mailsim::Message kBadNewFieldName{
    "imf.header.bad_new_name",
    "'{name}' is not a field name (printable ASCII without ':' or space, for example Subject)",
    "« {name} » n'est pas un nom de champ (ASCII imprimable, sans « : » ni espace, par exemple "
    "Subject)"};
inline constexpr mailsim::Message kContinuationFirst{
    "imf.header.continuation_first",
    "header line {line}: '{text}' starts with white space but no field comes before it",
    "ligne {line} de l'en-tête : « {text} » commence par une espace mais aucun champ ne le "
    "précède"};
inline constexpr mailsim::Message kLineTooLong{
    "imf.header.line_too_long",
    "header line {line} has {length} octets; RFC 5322 allows at most 998 (it starts '{text}')",
    "la ligne {line} de l'en-tête fait {length} octets ; la RFC 5322 en permet 998 au plus (elle "
    "commence par « {text} »)"};
inline constexpr mailsim::Message kValueHasNewline{
    "imf.header.value_newline",
    "the value of {name} holds a line break ('{text}'); a field value is one line of text",
    "la valeur de {name} contient un saut de ligne (« {text} ») ; une valeur de champ tient sur "
    "une ligne"};
inline constexpr mailsim::Message kWordTooLong{
    "imf.header.word_too_long",
    "{name}: the word '{text}' is too long to fit a 998-octet line even after folding",
    "{name} : le mot « {text} » est trop long pour une ligne de 998 octets, même après pliage"};
inline constexpr mailsim::Message kMissingField{
    "imf.header.missing", "the header has no {name} field; RFC 5322 requires one",
    "l'en-tête n'a pas de champ {name} ; la RFC 5322 en exige un"};
inline constexpr mailsim::Message kDuplicateField{
    "imf.header.duplicate", "the header has {count} {name} fields; RFC 5322 allows only one",
    "l'en-tête a {count} champs {name} ; la RFC 5322 n'en permet qu'un"};

inline constexpr std::array kHeaderEntries{&kNoColon,           &kBadFieldName, &kBadNewFieldName,
                                           &kContinuationFirst, &kLineTooLong,  &kValueHasNewline,
                                           &kWordTooLong,       &kMissingField, &kDuplicateField};

}  // namespace mailsim::proto::imf::msg

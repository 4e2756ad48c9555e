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

// Dates (RFC 5322 3.3) and the scenario's start instant.
inline constexpr mailsim::Message kBadIso8601{
    "imf.date.bad_iso8601",
    "'{text}' is not a start instant: write it like 2026-03-02T09:00:00+01:00 or "
    "2026-03-02T08:00:00Z",
    "« {text} » n'est pas un instant de départ : écrivez-le comme 2026-03-02T09:00:00+01:00 ou "
    "2026-03-02T08:00:00Z"};
inline constexpr mailsim::Message kBadZoneOffset{
    "imf.date.bad_offset",
    "the zone offset {offset} minutes is not one a date can carry (it must be under 24 hours)",
    "le décalage horaire de {offset} minutes ne peut pas figurer dans une date (il doit être "
    "inférieur à 24 heures)"};
inline constexpr mailsim::Message kYearOutOfRange{
    "imf.date.year_out_of_range",
    "the year {year} cannot be written in a mail date (years 1900 to 9999)",
    "l'année {year} ne peut pas s'écrire dans une date de courrier (années 1900 à 9999)"};

// Addresses (RFC 5322 3.4).
inline constexpr mailsim::Message kAddressEmpty{
    "imf.address.empty", "an address is needed here, for example Alice <alice@a.example>",
    "il faut une adresse ici, par exemple Alice <alice@a.example>"};
inline constexpr mailsim::Message kAddressUnexpected{
    "imf.address.unexpected", "'{text}': unexpected '{char}' at position {pos}",
    "« {text} » : « {char} » inattendu en position {pos}"};
inline constexpr mailsim::Message kAddressEndsEarly{
    "imf.address.ends_early",
    "'{text}' ends too soon: something is missing at the end (a group ends with ';')",
    "« {text} » se termine trop tôt : il manque quelque chose à la fin (un groupe finit par « ; "
    "»)"};
inline constexpr mailsim::Message kAddressUnclosed{
    "imf.address.unclosed", "'{text}': the '{opener}' at position {pos} has no closing '{closer}'",
    "« {text} » : le « {opener} » en position {pos} n'a pas de « {closer} » fermant"};
inline constexpr mailsim::Message kAddressMissingAt{
    "imf.address.missing_at",
    "'{text}': '{word}' has no @domain (an address is written name@domain, for example "
    "bob@b.example)",
    "« {text} » : « {word} » n'a pas de @domaine (une adresse s'écrit nom@domaine, par exemple "
    "bob@b.example)"};
inline constexpr mailsim::Message kAddressBadLocalPart{
    "imf.address.bad_local_part",
    "'{text}': the part before @ at position {pos} is missing or malformed",
    "« {text} » : la partie avant @ en position {pos} manque ou est mal formée"};
inline constexpr mailsim::Message kAddressBadDomain{
    "imf.address.bad_domain",
    "'{text}': a domain is expected at position {pos}, for example b.example",
    "« {text} » : un domaine est attendu en position {pos}, par exemple b.example"};
inline constexpr mailsim::Message kAddressNotOne{
    "imf.address.not_one", "'{text}' holds {count} addresses where exactly one is expected",
    "« {text} » contient {count} adresses alors qu'il en faut exactement une"};

// MIME (RFC 2046).
inline constexpr mailsim::Message kMultipartNoBoundary{
    "imf.mime.no_boundary",
    "the multipart body has no line '--{boundary}' where its first part should start",
    "le corps multipart n'a pas de ligne « --{boundary} » là où sa première partie devrait "
    "commencer"};

inline constexpr std::array kAll{&kNoColon,           &kBadFieldName,  &kBadNewFieldName,
                                 &kContinuationFirst, &kLineTooLong,   &kValueHasNewline,
                                 &kWordTooLong,       &kMissingField,  &kDuplicateField,
                                 &kBadIso8601,        &kBadZoneOffset, &kYearOutOfRange};

}  // namespace mailsim::proto::imf::msg

#pragma once
// Catalog entries of the DNS layer (English and French): errors in names, packets and zones.
#include <array>

#include "sim/text.hpp"

namespace mailsim::proto::dns::msg {

// Names in presentation form ("mx.b.example.").
inline constexpr mailsim::Message kNameEmpty{
    "dns.name.empty", "a domain name is needed here, for example mx.b.example",
    "il faut un nom de domaine ici, par exemple mx.b.example"};
inline constexpr mailsim::Message kNameEmptyLabel{
    "dns.name.empty_label", "'{name}': empty label (two dots in a row, or a dot at the start)",
    "« {name} » : étiquette vide (deux points de suite, ou un point au début)"};
inline constexpr mailsim::Message kNameLabelTooLong{
    "dns.name.label_too_long",
    "'{name}': the label '{label}' has {length} octets; at most 63 are allowed",
    "« {name} » : l'étiquette « {label} » fait {length} octets ; 63 au plus sont permis"};
inline constexpr mailsim::Message kNameTooLong{
    "dns.name.too_long",
    "'{name}': the name takes {length} octets on the wire; at most 255 are allowed",
    "« {name} » : le nom occupe {length} octets sur le réseau ; 255 au plus sont permis"};
inline constexpr mailsim::Message kNameWireCut{
    "dns.name.wire_cut", "a name in wire form ends inside a label of {length} octets",
    "un nom sous forme réseau s'arrête au milieu d'une étiquette de {length} octets"};
inline constexpr mailsim::Message kNameBadEscape{
    "dns.name.bad_escape", "'{name}': bad escape at '{rest}' (use \\. or \\DDD with DDD up to 255)",
    "« {name} » : échappement invalide à « {rest} » (utilisez \\. ou \\DDD avec DDD jusqu'à 255)"};

// Addresses and record data in presentation form.
inline constexpr mailsim::Message kBadIpv4{
    "dns.bad_ipv4",
    "'{text}' is not an IPv4 address (expected four numbers 0-255 "
    "separated by dots, such as 192.0.2.10)",
    "« {text} » n'est pas une adresse IPv4 (il faut quatre nombres de "
    "0 à 255 séparés par des points, comme 192.0.2.10)"};
inline constexpr mailsim::Message kBadIpv6{
    "dns.bad_ipv6", "'{text}' is not an IPv6 address (such as 2001:db8::25)",
    "« {text} » n'est pas une adresse IPv6 (comme 2001:db8::25)"};
inline constexpr mailsim::Message kUnknownType{
    "dns.unknown_type",
    "'{text}' is not a record type (A, AAAA, NS, CNAME, SOA, PTR, MX, TXT or TYPEnn)",
    "« {text} » n'est pas un type d'enregistrement (A, AAAA, NS, CNAME, SOA, PTR, MX, TXT ou "
    "TYPEnn)"};

inline constexpr mailsim::Message kBadRdata{
    "dns.bad_rdata", "'{text}' is not valid {type} data; expected for example: {example}",
    "« {text} » n'est pas une donnée {type} valide ; exemple attendu : {example}"};

// Encoding.
inline constexpr mailsim::Message kEncodeTooLarge{
    "dns.encode.too_large", "cannot encode {what}: {size}, at most {limit} fit",
    "impossible d'encoder {what} : {size}, {limit} au plus"};
inline constexpr mailsim::Message kWhatTxtString{"dns.encode.what_txt", "a TXT string of {name}",
                                                 "une chaîne TXT de {name}"};
inline constexpr mailsim::Message kWhatRdata{"dns.encode.what_rdata", "the data of {name}",
                                             "les données de {name}"};
inline constexpr mailsim::Message kWhatSection{"dns.encode.what_section",
                                               "the {section} section (records)",
                                               "la section {section} (enregistrements)"};
inline constexpr mailsim::Message kWhatTcpMessage{
    "dns.encode.what_tcp", "a DNS message over TCP (octets)", "un message DNS sur TCP (octets)"};

// Decoding: "{what}" says which part was being read, "{reason}" one of the reasons below.
inline constexpr mailsim::Message kDecodeError{
    "dns.decode.error", "invalid DNS packet at offset {offset}, while reading {what}: {reason}",
    "paquet DNS invalide à l'octet {offset}, en lisant {what} : {reason}"};
inline constexpr mailsim::Message kReasonTruncated{
    "dns.decode.truncated", "the packet ends here ({size} octets in all), more data was announced",
    "le paquet s'arrête ici ({size} octets en tout), d'autres données étaient annoncées"};
inline constexpr mailsim::Message kReasonPointerLoop{
    "dns.decode.pointer_loop",
    "the compression pointer to offset {target} does not point backwards: it would loop",
    "le pointeur de compression vers l'octet {target} ne pointe pas en arrière : il bouclerait"};
inline constexpr mailsim::Message kReasonLabelType{
    "dns.decode.label_type", "the length byte 0x{byte} uses the reserved label types 01 or 10",
    "l'octet de longueur 0x{byte} utilise les types d'étiquette réservés 01 ou 10"};
inline constexpr mailsim::Message kReasonNameTooLong{
    "dns.decode.name_too_long", "the name is longer than 255 octets", "le nom dépasse 255 octets"};
inline constexpr mailsim::Message kReasonRdataLength{
    "dns.decode.rdata_length",
    "the record data announces {announced} octets but its content takes {used}",
    "les données de l'enregistrement annoncent {announced} octets mais leur contenu en occupe "
    "{used}"};
inline constexpr mailsim::Message kReasonTrailing{
    "dns.decode.trailing", "{count} octets remain after the last announced record",
    "{count} octets restent après le dernier enregistrement annoncé"};

inline constexpr mailsim::Message kWhatHeader{"dns.decode.what_header", "the header", "l'en-tête"};
inline constexpr mailsim::Message kWhatQuestion{
    "dns.decode.what_question", "question {index} of {count}", "la question {index} sur {count}"};
inline constexpr mailsim::Message kWhatAnswer{"dns.decode.what_answer",
                                              "answer record {index} of {count}",
                                              "l'enregistrement de réponse {index} sur {count}"};
inline constexpr mailsim::Message kWhatAuthority{"dns.decode.what_authority",
                                                 "authority record {index} of {count}",
                                                 "l'enregistrement d'autorité {index} sur {count}"};
inline constexpr mailsim::Message kWhatAdditional{
    "dns.decode.what_additional", "additional record {index} of {count}",
    "l'enregistrement additionnel {index} sur {count}"};
inline constexpr mailsim::Message kWhatEnd{"dns.decode.what_end", "the end of the packet",
                                           "la fin du paquet"};

// Zones.
inline constexpr mailsim::Message kRecordOutsideZone{
    "dns.zone.outside", "the record {name} does not belong to the zone {zone}",
    "l'enregistrement {name} n'appartient pas à la zone {zone}"};
inline constexpr mailsim::Message kZoneNeedsSoa{
    "dns.zone.needs_soa", "the zone {zone} needs an SOA record at its origin",
    "la zone {zone} a besoin d'un enregistrement SOA à son origine"};
inline constexpr mailsim::Message kZoneLineForm{
    "dns.zone.line_form",
    "'{line}': a record is written 'owner TTL TYPE data', for example 'b.example. 3600 MX 10 "
    "mx.b.example.'",
    "« {line} » : un enregistrement s'écrit « nom TTL TYPE données », par exemple « b.example. "
    "3600 MX 10 mx.b.example. »"};
inline constexpr mailsim::Message kZoneLine{"dns.zone.line", "zone {zone}, line {number}: {error}",
                                            "zone {zone}, ligne {number} : {error}"};
inline constexpr mailsim::Message kNoZoneFor{"dns.zone.none_for",
                                             "no zone of this server holds {name}",
                                             "aucune zone de ce serveur ne contient {name}"};
inline constexpr mailsim::Message kReplaceMismatch{
    "dns.zone.replace_mismatch",
    "'{record}' cannot replace the {type} records of {name}: its name or type differs",
    "« {record} » ne peut pas remplacer les enregistrements {type} de {name} : son nom ou son "
    "type diffère"};
inline constexpr mailsim::Message kCnameAndOther{
    "dns.zone.cname_and_other",
    "{name} cannot have a CNAME and other records at the same time (RFC 1034 3.6.2)",
    "{name} ne peut pas avoir un CNAME et d'autres enregistrements à la fois (RFC 1034 3.6.2)"};

inline constexpr std::array kAll{
    &kNameEmpty,         &kNameEmptyLabel,    &kNameLabelTooLong, &kNameTooLong,
    &kNameWireCut,       &kNameBadEscape,     &kBadIpv4,          &kBadIpv6,
    &kUnknownType,       &kBadRdata,          &kEncodeTooLarge,   &kWhatTxtString,
    &kWhatRdata,         &kWhatSection,       &kWhatTcpMessage,   &kDecodeError,
    &kReasonTruncated,   &kReasonPointerLoop, &kReasonLabelType,  &kReasonNameTooLong,
    &kReasonRdataLength, &kReasonTrailing,    &kWhatHeader,       &kWhatQuestion,
    &kWhatAnswer,        &kWhatAuthority,     &kWhatAdditional,   &kWhatEnd,
    &kRecordOutsideZone, &kCnameAndOther,     &kZoneNeedsSoa,     &kZoneLineForm,
    &kZoneLine};

}  // namespace mailsim::proto::dns::msg

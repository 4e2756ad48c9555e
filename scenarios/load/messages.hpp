#pragma once
// Catalog entries of the scenario loader (English and French). Each error says where, what is
// wrong, and how to fix it, in words a beginner understands.
#include <array>

#include "sim/text.hpp"

namespace mailsim::scenarios::msg {

// Precedes each error after its place; French puts a space before the colon.
inline constexpr Message kErrorLabel{"load.error_label", "error: ", "erreur : "};
inline constexpr Message kWarningLabel{"load.warning_label", "warning: ", "avertissement : "};
inline constexpr Message kSyntax{
    "load.syntax",
    "this is not valid YAML: {problem}. Check the indentation (spaces only, no tabs) and that "
    "every ':' after a key is followed by a space",
    "ce n'est pas du YAML valide : {problem}. Vérifiez l'indentation (des espaces, pas de "
    "tabulations) et que chaque « : » après une clé est suivi d'un espace"};
inline constexpr Message kSyntaxQuestion{
    "load.syntax_question",
    "this is not valid YAML: {problem}. A '?' right before '}' or ',' inside {...} means a key "
    "to YAML: put the text in quotes, for example body: \"Comment vas-tu ?\"",
    "ce n'est pas du YAML valide : {problem}. Un « ? » juste avant « } » ou « , » dans {...} "
    "annonce une clé en YAML : mettez le texte entre guillemets, par exemple body: \"Comment "
    "vas-tu ?\""};
inline constexpr Message kSyntaxBracket{
    "load.syntax_bracket",
    "this is not valid YAML: {problem}. A value that starts with '[' or '{{' is a list or a map "
    "to YAML; if it is a text, put it in quotes, for example subject: \"[URGENT] meeting\"",
    "ce n'est pas du YAML valide : {problem}. Une valeur qui commence par « [ » ou « {{ » est une "
    "liste ou un dictionnaire en YAML ; si c'est un texte, mettez-le entre guillemets, par "
    "exemple subject: \"[URGENT] réunion\""};
inline constexpr Message kSyntaxColon{
    "load.syntax_colon",
    "this is not valid YAML: {problem}. A ': ' inside a value starts a key to YAML; put the text "
    "in quotes, for example subject: \"Re: hello\"",
    "ce n'est pas du YAML valide : {problem}. Un « : » suivi d'une espace dans une valeur "
    "annonce une clé en YAML ; mettez le texte entre guillemets, par exemple subject: \"Re: "
    "bonjour\""};
inline constexpr Message kTooLarge{
    "load.too_large",
    "the file is {size}; a scenario file may be at most {limit}, and this line passes the limit. "
    "Is this really a scenario?",
    "le fichier fait {size} ; un scénario peut faire au plus {limit}, et cette ligne dépasse la "
    "limite. Est-ce vraiment un scénario ?"};
inline constexpr Message kBinary{
    "load.binary", "the file contains binary data (byte {byte} at offset {offset}), not text",
    "le fichier contient des données binaires (octet {byte} à la position {offset}), pas du texte"};
inline constexpr Message kUtf16{
    "load.utf16",
    "the file is written in UTF-16 (two bytes a character, what some editors call \"Unicode\"); "
    "save it as UTF-8 (in Notepad: File, Save as, Encoding: UTF-8)",
    "le fichier est écrit en UTF-16 (deux octets par caractère, ce que certains éditeurs "
    "appellent « Unicode ») ; enregistrez-le en UTF-8 (dans le Bloc-notes : Fichier, Enregistrer "
    "sous, Encodage : UTF-8)"};
inline constexpr Message kNotUtf8{
    "load.not_utf8",
    "the file is not UTF-8 text (byte {byte} at offset {offset} starts no UTF-8 character); save "
    "it as UTF-8",
    "le fichier n'est pas du texte UTF-8 (l'octet {byte} à la position {offset} ne commence aucun "
    "caractère UTF-8) ; enregistrez-le en UTF-8"};
inline constexpr Message kTooDeep{
    "load.too_deep", "the values are nested more than {limit} levels deep; simplify the file",
    "les valeurs sont imbriquées sur plus de {limit} niveaux ; simplifiez le fichier"};
inline constexpr Message kTooManyNodes{
    "load.too_many_nodes",
    "this value expands to more than {limit} values in all (YAML aliases '*' repeat what they "
    "point to); use fewer aliases",
    "cette valeur se développe en plus de {limit} valeurs en tout (les alias YAML « * » répètent "
    "ce qu'ils désignent) ; utilisez moins d'alias"};
inline constexpr Message kEmpty{
    "load.empty", "the file is empty; a scenario starts with 'title:' and 'network:'",
    "le fichier est vide ; un scénario commence par « title: » et « network: »"};
inline constexpr Message kNotAMap{"load.not_a_map", "{what} must be a set of 'key: value' lines",
                                  "{what} doit être une suite de lignes « clé: valeur »"};
inline constexpr Message kNotAList{
    "load.not_a_list", "'{key}' in {what} must be a list (lines starting with '- ')",
    "« {key} » dans {what} doit être une liste (lignes commençant par « - »)"};
inline constexpr Message kUnknownKey{
    "load.unknown_key", "unknown key '{key}' in {what}; the known keys are: {known}",
    "clé « {key} » inconnue dans {what} ; les clés connues sont : {known}"};
inline constexpr Message kUnknownKeySuggest{
    "load.unknown_key_suggest", "unknown key '{key}' in {what}; did you mean '{suggestion}'?",
    "clé « {key} » inconnue dans {what} ; vouliez-vous dire « {suggestion} » ?"};
inline constexpr Message kDuplicateKey{
    "load.duplicate_key", "'{key}' appears twice in {what}; keep only one",
    "« {key} » apparaît deux fois dans {what} ; n'en gardez qu'une"};
inline constexpr Message kMissingKey{
    "load.missing_key", "{what} needs '{key}'; add a line '{key}: ...'",
    "{what} a besoin de « {key} » ; ajoutez une ligne « {key}: ... »"};
inline constexpr Message kExpectedText{
    "load.expected_text", "'{key}' in {what} must be a single value, not a list or a map",
    "« {key} » dans {what} doit être une valeur simple, pas une liste ni un dictionnaire"};
inline constexpr Message kOneValueNotList{
    "load.one_value_not_list",
    "'{key}' in {what} takes one value, not a list: write it on the key's line, for example "
    "{key}: {first}",
    "« {key} » dans {what} prend une seule valeur, pas une liste : écrivez-la sur la ligne de la "
    "clé, par exemple {key}: {first}"};
inline constexpr Message kOneValueNotBracketList{
    "load.one_value_not_bracket_list",
    "'{key}' in {what} takes one value, but a value that starts with '[' is a list to YAML: if "
    "the text starts with '[', put it in quotes, for example {key}: \"[{first}] ...\"",
    "« {key} » dans {what} prend une seule valeur, mais une valeur qui commence par « [ » est une "
    "liste en YAML : si le texte commence par « [ », mettez-le entre guillemets, par exemple "
    "{key}: \"[{first}] ...\""};
inline constexpr Message kCommaInFlowMap{
    "load.comma_in_flow_map",
    "'{key}' in {what} is read as a key without value: inside {...} a comma separates the "
    "entries, so a text holding a comma was cut there. Put that text in quotes, for example "
    "subject: \"Hello, Bob\"",
    "« {key} » dans {what} est lu comme une clé sans valeur : dans {...}, une virgule sépare les "
    "entrées, donc un texte contenant une virgule a été coupé là. Mettez ce texte entre "
    "guillemets, par exemple subject: \"Bonjour, Bob\""};
inline constexpr Message kPasswordWithoutSubmission{
    "load.password_without_submission",
    "{client}'s mail client logs in with a password on port 587 of {server}, but {server} has no "
    "submission service: each send will be refused. To fix it, add 'submission: true' to the "
    "mail server on {server}, or set the client's 'submit: server:' to a server that has one",
    "le logiciel de messagerie « {client} » s'identifie avec un mot de passe sur le port 587 de "
    "{server}, mais {server} n'a pas de service de soumission : chaque envoi sera refusé. Pour "
    "corriger, ajoutez « submission: true » au serveur de messagerie de {server}, ou réglez le "
    "« submit: server: » du client sur un serveur qui en a un"};
inline constexpr Message kBadValue{"load.bad_value", "'{key}' in {what}: {problem}",
                                   "« {key} » dans {what} : {problem}"};
inline constexpr Message kExpectedInteger{
    "load.expected_integer",
    "'{key}' in {what} must be a whole number from {min} to {max}, not '{value}'",
    "« {key} » dans {what} doit être un nombre entier de {min} à {max}, pas « {value} »"};
inline constexpr Message kExpectedNumber{
    "load.expected_number", "'{key}' in {what} must be a number from {min} to {max}, not '{value}'",
    "« {key} » dans {what} doit être un nombre de {min} à {max}, pas « {value} »"};
inline constexpr Message kExpectedBool{
    "load.expected_bool", "'{key}' in {what} must be true or false, not '{value}'",
    "« {key} » dans {what} doit valoir true ou false, pas « {value} »"};
inline constexpr Message kBadChoice{"load.bad_choice",
                                    "'{key}' in {what} must be one of {choices}, not '{value}'",
                                    "« {key} » dans {what} doit valoir {choices}, pas « {value} »"};
inline constexpr Message kBadChoiceSuggest{
    "load.bad_choice_suggest",
    "'{key}' in {what} must be one of {choices}, not '{value}'; did you mean '{suggestion}'?",
    "« {key} » dans {what} doit valoir {choices}, pas « {value} » ; vouliez-vous dire "
    "« {suggestion} » ?"};
inline constexpr Message kUnknownNode{"load.unknown_node",
                                      "{what}: there is no host or router named '{name}'",
                                      "{what} : aucun hôte ni routeur ne s'appelle « {name} »"};
inline constexpr Message kUnknownNodeSuggest{
    "load.unknown_node_suggest",
    "{what}: there is no host or router named '{name}'; did you mean '{suggestion}'?",
    "{what} : aucun hôte ni routeur ne s'appelle « {name} » ; vouliez-vous dire « {suggestion} » "
    "?"};
inline constexpr Message kDuplicateName{
    "load.duplicate_name", "the name '{name}' is already used on line {line}; names must be unique",
    "le nom « {name} » est déjà utilisé ligne {line} ; chaque nom doit être unique"};
inline constexpr Message kDuplicateAddress{
    "load.duplicate_address",
    "the address {address} is already used by '{other}' on line {line}; each machine needs its own",
    "l'adresse {address} est déjà utilisée par « {other} » ligne {line} ; chaque machine a la "
    "sienne"};
inline constexpr Message kBadPosition{
    "load.bad_position",
    "'position' in {what} must be two numbers from 0 to 1, for example [0.2, 0.5]",
    "« position » dans {what} doit contenir deux nombres de 0 à 1, par exemple [0.2, 0.5]"};
inline constexpr Message kLinkEnds{
    "load.link_ends",
    "'between' in {what} must name the two ends of the link, for example [alice-pc, r1]",
    "« between » dans {what} doit nommer les deux extrémités du lien, par exemple [alice-pc, r1]"};
inline constexpr Message kBadLoss{
    "load.bad_loss",
    "'{key}' in {what} must be a probability from 0 to 1 or a percentage, not '{value}'",
    "« {key} » dans {what} doit être une probabilité de 0 à 1 ou un pourcentage, pas « {value} »"};
inline constexpr Message kNegativeTime{
    "load.negative_time", "'{key}' in {what} must not be negative, not '{value}'",
    "« {key} » dans {what} ne doit pas être négatif, pas « {value} »"};
inline constexpr Message kNetworkRejected{"load.network_rejected", "{what}: {problem}",
                                          "{what} : {problem}"};
inline constexpr Message kBadStart{
    "load.bad_start",
    "'start' must be a date and time such as 2026-11-29 08:00:00 +01:00, not '{value}'",
    "« start » doit être une date et une heure comme 2026-11-29 08:00:00 +01:00, pas « {value} »"};
inline constexpr Message kNoAction{
    "load.no_action", "this timeline entry says when ('at') but not what; add one of: {actions}",
    "cette étape du déroulement dit quand (« at ») mais pas quoi ; ajoutez une de ces actions : "
    "{actions}"};
inline constexpr Message kTwoActions{
    "load.two_actions",
    "this timeline entry has two actions ({first} and {second}); give each its own entry",
    "cette étape du déroulement a deux actions ({first} et {second}) ; donnez à chacune sa propre "
    "étape"};
inline constexpr Message kUnknownRef{"load.unknown_ref",
                                     "{what}: there is no {kind} named '{name}'",
                                     "{what} : aucun {kind} ne s'appelle « {name} »"};
inline constexpr Message kUnknownRefSuggest{
    "load.unknown_ref_suggest",
    "{what}: there is no {kind} named '{name}'; did you mean '{suggestion}'?",
    "{what} : aucun {kind} ne s'appelle « {name} » ; vouliez-vous dire « {suggestion} » ?"};
inline constexpr Message kTimelineOrder{
    "load.timeline_order",
    "the timeline must be in time order: this entry at {at} comes after one at {previous} (line "
    "{line})",
    "le déroulement doit suivre l'ordre du temps : cette étape à {at} vient après une étape à "
    "{previous} (ligne {line})"};
inline constexpr Message kCannotRead{
    "load.cannot_read", "cannot read the file: no such file, or not readable",
    "impossible de lire le fichier : il n'existe pas ou n'est pas lisible"};
// What an error is about: the mapping or item it was found in.
inline constexpr Message kWhatScenario{"what.scenario", "the scenario", "le scénario"};
inline constexpr Message kWhatNetwork{"what.network", "the network", "le réseau"};
inline constexpr Message kWhatHost{"what.host", "host {name}", "l'hôte {name}"};
inline constexpr Message kWhatAHost{"what.a_host", "a host", "un hôte"};
inline constexpr Message kWhatRouter{"what.router", "router {name}", "le routeur {name}"};
inline constexpr Message kWhatARouter{"what.a_router", "a router", "un routeur"};
inline constexpr Message kWhatLink{"what.link", "link {name}", "le lien {name}"};
inline constexpr Message kWhatALink{"what.a_link", "a link", "un lien"};
inline constexpr Message kWhatFirewallRule{"what.firewall_rule", "a firewall rule of {host}",
                                           "une règle de pare-feu de {host}"};
inline constexpr Message kWhatTimelineEntry{"what.timeline_entry", "a timeline entry",
                                            "une étape du déroulement"};
inline constexpr Message kWhatKey{"what.key", "'{name}'", "« {name} »"};
inline constexpr Message kKindLink{"kind.link", "link", "lien"};
inline constexpr Message kKindHost{"kind.host", "host", "hôte"};
inline constexpr Message kKindNode{"kind.node", "host or router", "hôte ni routeur"};
inline constexpr Message kKindMailServer{"kind.mail_server", "mail server (in mail: servers)",
                                         "serveur de messagerie (dans mail: servers)"};
inline constexpr Message kKindClient{"kind.client", "mail client (in mail: clients)",
                                     "logiciel de messagerie (dans mail: clients)"};
inline constexpr Message kNotPositive{"load.not_positive",
                                      "'{key}' in {what} must be longer than zero",
                                      "« {key} » dans {what} doit être plus long que zéro"};
inline constexpr Message kPeriodicFetchNeedsDuration{
    "load.periodic_fetch_needs_duration",
    "the mail client '{name}' fetches mail every {every}, so the run would never end by itself; "
    "give the scenario a 'duration' (for example duration: 1h)",
    "le logiciel de messagerie « {name} » relève le courrier toutes les {every}, la simulation "
    "ne finirait donc jamais d'elle-même ; donnez au scénario une durée « duration » (par "
    "exemple duration: 1h)"};
inline constexpr Message kSendWho{
    "load.send_who",
    "'send' needs either 'client' (a mail client of mail: clients) or 'from' and 'server' (a "
    "one-off client)",
    "« send » demande soit « client » (un logiciel de mail: clients), soit « from » et « server "
    "» (un client ponctuel)"};
inline constexpr Message kSendClientAndKey{
    "load.send_client_and_key",
    "'send' names the client '{client}', which has its own '{key}'; remove '{key}' here",
    "« send » désigne le client « {client} », qui a déjà son « {key} » ; retirez « {key} » ici"};
inline constexpr Message kClientCannot{
    "load.client_cannot",
    "the mail client '{client}' has no '{key}' section, so it cannot {action}; add one to it in "
    "mail: clients",
    "le logiciel de messagerie « {client} » n'a pas de section « {key} », il ne peut donc pas "
    "{action} ; ajoutez-la-lui dans mail: clients"};
inline constexpr Message kActionSend{"action.send", "send mail", "envoyer de courrier"};
inline constexpr Message kActionFetch{"action.fetch", "fetch mail", "relever de courrier"};
inline constexpr Message kRetryMixed{
    "load.retry_mixed",
    "'retry' mixes the settings of two schedules: with schedule: {schedule}, use only its own "
    "(postfix: queue_run_delay, minimal_backoff_time, maximal_backoff_time, "
    "maximal_queue_lifetime; exim: rules, queue_run_interval)",
    "« retry » mélange les réglages de deux calendriers : avec schedule: {schedule}, n'utilisez "
    "que les siens (postfix : queue_run_delay, minimal_backoff_time, maximal_backoff_time, "
    "maximal_queue_lifetime ; exim : rules, queue_run_interval)"};
inline constexpr Message kDelayWarningOrder{
    "load.delay_warning_order",
    "the times of 'delay_warning' in {what} must grow, as Exim reads its list: {time} comes "
    "after {previous}",
    "les durées de « delay_warning » dans {what} doivent croître, comme Exim lit sa liste : "
    "{time} vient après {previous}"};
inline constexpr Message kDelayWarningOneTime{
    "load.delay_warning_one_time",
    "'delay_warning' in {what} takes one time with Postfix's schedule (its "
    "delay_warning_time, one notice); a list of times is Exim's: add retry: {{schedule: exim}} "
    "or keep one time",
    "« delay_warning » dans {what} prend une seule durée avec le calendrier de Postfix (son "
    "delay_warning_time, un seul avis) ; une liste de durées est celle d'Exim : ajoutez retry: "
    "{{schedule: exim}} ou gardez une seule durée"};
inline constexpr Message kKindZone{"kind.zone", "DNS zone (in dns: zones)",
                                   "zone DNS (dans dns: zones)"};
inline constexpr Message kOneRrset{
    "load.one_rrset",
    "'change_dns' changes one set of records at a time: every line of 'records' must have the "
    "same name and type; give the others their own change_dns",
    "« change_dns » modifie un seul ensemble d'enregistrements à la fois : chaque ligne de « "
    "records » doit avoir le même nom et le même type ; donnez aux autres leur propre change_dns"};
inline constexpr Message kBadRemove{
    "load.bad_remove",
    "'remove' must be a name and a record type, such as \"mx.b.example. A\", not '{value}'",
    "« remove » doit être un nom et un type d'enregistrement, comme « mx.b.example. A », pas « "
    "{value} »"};
inline constexpr Message kRecordsOrRemove{
    "load.records_or_remove",
    "'change_dns' needs either 'records' (the new records) or 'remove' (a name and a type)",
    "« change_dns » demande soit « records » (les nouveaux enregistrements), soit « remove » (un "
    "nom et un type)"};
inline constexpr Message kDnsNeedsResolver{
    "load.dns_needs_resolver",
    "'other_servers' are only reached through the delegations, by a resolver: add 'resolver: "
    "HOST' (a host that runs the recursive server the mail servers ask)",
    "les « other_servers » ne sont atteints qu'en suivant les délégations, par un résolveur : "
    "ajoutez « resolver: HÔTE » (un hôte qui fait tourner le serveur récursif que les serveurs "
    "de messagerie interrogent)"};
inline constexpr Message kDnsNeedsRoot{
    "load.dns_needs_root",
    "a resolver starts every lookup at the root: one of the DNS servers must serve the zone '.', "
    "with the delegations (NS records and their addresses) down to the lesson's zones",
    "un résolveur commence chaque recherche à la racine : l'un des serveurs DNS doit servir la "
    "zone « . », avec les délégations (enregistrements NS et leurs adresses) jusqu'aux zones de "
    "la leçon"};
inline constexpr Message kResolverOnServer{
    "load.resolver_on_server",
    "the resolver runs on {host}, which already serves zones: both would listen on port 53; put "
    "the resolver on a host of its own",
    "le résolveur tourne sur {host}, qui sert déjà des zones : les deux écouteraient le port 53 ; "
    "placez le résolveur sur un hôte à part"};
inline constexpr Message kNoExpectation{"load.no_expectation",
                                        "this expectation says nothing; use one of: {kinds}",
                                        "cette attente ne dit rien ; utilisez l'une de : {kinds}"};
inline constexpr Message kTwoExpectations{
    "load.two_expectations", "one expectation per entry: {first} and {second} need two entries",
    "une attente par entrée : {first} et {second} demandent deux entrées"};
inline constexpr Message kWhatExpectation{"what.expectation", "an expectation", "une attente"};
inline constexpr Message kWhatQuestion{"what.question", "a question", "une question"};
inline constexpr Message kQuestionWhen{
    "load.question_when",
    "this question says neither when to ask it nor after what; add a time (at: 2min) or an "
    "event (after: mail.delivered)",
    "cette question ne dit ni quand la poser ni après quoi ; ajoutez un instant (at: 2min) ou un "
    "événement (after: mail.delivered)"};
inline constexpr Message kQuestionAtAndAfter{
    "load.question_at_and_after",
    "a question is asked at a time (at) or after an event (after), not both; keep one of them",
    "une question se pose à un instant (at) ou après un événement (after), pas les deux ; "
    "gardez l'un des deux"};
inline constexpr Message kBothLanguages{
    "load.both_languages",
    "write {key} in both languages, for example {key}: {{en: \"Which port?\", fr: \"Quel "
    "port ?\"}}",
    "écrivez {key} dans les deux langues, par exemple {key}: {{en: \"Which port?\", fr: \"Quel "
    "port ?\"}}"};
inline constexpr Message kBadNetwork{
    "load.bad_network",
    "'{value}' in {what} is not a network: write an address and a prefix length, such as "
    "192.0.2.0/24",
    "« {value} » dans {what} n'est pas un réseau : écrivez une adresse et une longueur de "
    "préfixe, comme 192.0.2.0/24"};

inline constexpr Message kTimeTooLong{
    "load.time_too_long",
    "'{key}' in {what} must be at most {limit} (100 years, the longest a scenario may last), not "
    "'{value}'",
    "« {key} » dans {what} doit valoir au plus {limit} (100 ans, la plus longue durée d'un "
    "scénario), pas « {value} »"};
inline constexpr Message kTypingTooLong{
    "load.typing_too_long",
    "this typed session would type its last line more than {limit} (100 years) after the start "
    "of the scenario; shorten 'pause' or type fewer lines",
    "cette session tapée taperait sa dernière ligne plus de {limit} (100 ans) après le début du "
    "scénario ; raccourcissez « pause » ou tapez moins de lignes"};
inline constexpr Message kSessionContinued{
    "load.session_continued",
    "the session '{session}' was opened at line {line}: this entry types more lines into it, so "
    "leave out '{key}'",
    "la session « {session} » a été ouverte à la ligne {line} : cette étape y tape d'autres "
    "lignes, retirez donc « {key} »"};
inline constexpr Message kSessionNotOpened{
    "load.session_not_opened",
    "no earlier 'type' opened the session '{session}': give 'from' and 'to' here to open it",
    "aucun « type » précédent n'a ouvert la session « {session} » : donnez ici « from » et « to » "
    "pour l'ouvrir"};
inline constexpr Message kStartYear{
    "load.start_year",
    "'start' must be a date from 1900-01-01 to 9999-12-31, the years a mail's Date field can "
    "show, not '{value}'",
    "« start » doit être une date du 1900-01-01 au 9999-12-31, les années que le champ Date d'un "
    "courriel peut indiquer, pas « {value} »"};
inline constexpr Message kAfterYear9999{
    "load.after_year_9999",
    "this happens on {date}, after 9999-12-31, the last day a mail's Date field can show; choose "
    "an earlier 'start'",
    "ceci arrive le {date}, après le 9999-12-31, dernier jour que le champ Date d'un courriel "
    "peut indiquer ; choisissez un « start » plus tôt"};
inline constexpr Message kDnsblTooLong{
    "load.dnsbl_too_long",
    "'dnsbl' in {what}: '{name}' is {length} octets long; a blocklist's name may be at most "
    "{limit}, so that an address written in front of it still makes a DNS name of at most 255",
    "« dnsbl » dans {what} : « {name} » fait {length} octets ; le nom d'une liste de blocage fait "
    "au plus {limit}, pour qu'une adresse écrite devant lui donne encore un nom DNS d'au plus 255"};
inline constexpr Message kNotHostName{
    "load.not_host_name",
    "'{key}' in {what}: '{name}' is not a host name; write labels of letters, digits and "
    "hyphens (at most 63 characters each, no hyphen first or last) separated by dots, such as "
    "mx.b.example",
    "« {key} » dans {what} : « {name} » n'est pas un nom d'hôte ; écrivez des étiquettes de "
    "lettres, de chiffres et de tirets (63 caractères au plus chacune, sans tiret au début ni à "
    "la fin) séparées par des points, comme mx.b.example"};
inline constexpr Message kControlCharacter{
    "load.control_character",
    "'{key}' in {what}: '{name}' holds a control character (line break, tab, escape...), which "
    "would break the protocol line it is sent in; write it on one line of printable characters",
    "« {key} » dans {what} : « {name} » contient un caractère de contrôle (saut de ligne, "
    "tabulation, échappement...), qui casserait la ligne du protocole où il est envoyé ; "
    "écrivez-le sur une ligne de caractères imprimables"};
inline constexpr Message kNoAddress{
    "load.no_address",
    "'{key}' in {what}: the router '{name}' has no address to connect to; give it one "
    "('address:') or name a host",
    "« {key} » dans {what} : le routeur « {name} » n'a pas d'adresse à laquelle se connecter ; "
    "donnez-lui-en une (« address: ») ou nommez un hôte"};

inline constexpr Message kOnlyComments{
    "load.only_comments",
    "the file has only comments and blank lines; a scenario starts with 'title:' and 'network:'",
    "le fichier ne contient que des commentaires et des lignes vides ; un scénario commence par "
    "« title: » et « network: »"};
inline constexpr Message kTwoDocuments{
    "load.two_documents",
    "a second YAML document starts here (after '---'); a scenario file holds one scenario: "
    "remove the '---' line, or put the second scenario in a file of its own",
    "un second document YAML commence ici (après « --- ») ; un fichier de scénario contient un "
    "seul scénario : retirez la ligne « --- », ou placez le second scénario dans un fichier à "
    "part"};
inline constexpr Message kLinkToItself{
    "load.link_to_itself",
    "{what} goes from '{node}' to '{node}' itself; a link joins two different hosts or routers",
    "{what} va de « {node} » à « {node} » lui-même ; un lien relie deux hôtes ou routeurs "
    "différents"};
inline constexpr Message kZeroBandwidth{
    "load.zero_bandwidth",
    "'{key}' in {what} must be more than 0bps: nothing can cross a link without bandwidth (to cut "
    "a link, write 'up: false')",
    "« {key} » dans {what} doit dépasser 0bps : rien ne traverse un lien sans débit (pour couper "
    "un lien, écrivez « up: false »)"};
inline constexpr Message kSizeTooLarge{
    "load.size_too_large", "'{key}' in {what} must be at most {limit}, not '{value}'",
    "« {key} » dans {what} doit valoir au plus {limit}, pas « {value} »"};
inline constexpr Message kAttachmentTooLarge{
    "load.attachment_too_large",
    "an attachment of {value} is more than MailSim can hold: it keeps each message in memory, "
    "several times over while it is sent; attach at most {limit} (real servers refuse far "
    "less: 10MB to 50MB is usual, so a few MB over the server's limit shows the same refusal)",
    "une pièce jointe de {value} dépasse ce que MailSim peut tenir : il garde chaque message en "
    "mémoire, plusieurs fois pendant son envoi ; joignez au plus {limit} (les vrais serveurs "
    "refusent bien moins : 10Mo à 50Mo en général, et quelques Mo au-dessus de la limite du "
    "serveur montrent le même refus)"};
inline constexpr Message kServiceTwiceOnHost{
    "load.service_twice_on_host",
    "{host} already runs {service} (line {line}): both would listen on port {port}; give each its "
    "own host",
    "{host} fait déjà tourner {service} (ligne {line}) : les deux écouteraient le port {port} ; "
    "donnez à chacun son propre hôte"};
inline constexpr Message kServiceMail{"service.mail", "a mail server", "un serveur de messagerie"};
inline constexpr Message kServiceDns{"service.dns", "a DNS server", "un serveur DNS"};

// ---- population: a crowd in a few lines (scenarios/population/population.hpp)
inline constexpr Message kWhatPopulation{"what.population", "the population", "la population"};
inline constexpr Message kPopulationTooMuchMail{
    "load.population_too_much_mail",
    "{what} sends {total} messages in all ('messages' times 'days'); at most {limit}: each one "
    "waits in memory in the timeline until its time. Send fewer per day, or over fewer days",
    "{what} envoie {total} messages en tout (« messages » fois « days ») ; au plus {limit} : "
    "chacun attend en mémoire dans la chronologie son heure d'envoi. Envoyez-en moins par jour, "
    "ou sur moins de jours"};
inline constexpr Message kPopulationNoRecipients{
    "load.population_no_recipients",
    "'recipients' in {what}: every share is 0, so no message has anyone to go to; give one a "
    "share, for example other_domains: 100%",
    "« recipients » dans {what} : toutes les parts valent 0, aucun message n'a donc de "
    "destinataire ; donnez une part à l'un d'eux, par exemple other_domains: 100%"};
inline constexpr Message kPopulationClock{
    "load.population_clock",
    "'{value}' in '{key}' of {what} is not a clock time of the day; write it from 00:00:00 to "
    "23:59:59, for example \"09:00:00\"",
    "« {value} » dans « {key} » de {what} n'est pas une heure de la journée ; écrivez-la de "
    "00:00:00 à 23:59:59, par exemple \"09:00:00\""};
inline constexpr Message kPopulationHours{
    "load.population_hours",
    "'hours' in {what} is the start and the end of the time when mail is sent, the start first: "
    "for example hours: [\"08:00:00\", \"17:00:00\"]",
    "« hours » dans {what} donne le début et la fin de la période où le courrier part, le début "
    "d'abord : par exemple hours: [\"08:00:00\", \"17:00:00\"]"};
inline constexpr Message kPopulationNameTaken{
    "load.population_name_taken",
    "{what} makes a host, router, link, mail client or DNS zone named '{name}', which the file "
    "already names on line {line}; rename the one on line {line}",
    "{what} crée un hôte, un routeur, un lien, un logiciel de messagerie ou une zone DNS nommé "
    "« {name} », que le fichier nomme déjà ligne {line} ; renommez celui de la ligne {line}"};
inline constexpr Message kPopulationFetchNeedsDuration{
    "load.population_fetch_needs_duration",
    "{what} has every mail client fetch mail every {every}, so the run would never end by "
    "itself; give the scenario a 'duration' (for example duration: 1d)",
    "{what} fait relever le courrier à chaque logiciel de messagerie toutes les {every}, la "
    "simulation ne finirait donc jamais d'elle-même ; donnez au scénario une durée « duration » "
    "(par exemple duration: 1j)"};

inline constexpr std::array kAll{&kErrorLabel,
                                 &kWarningLabel,
                                 &kUtf16,
                                 &kOneValueNotList,
                                 &kOneValueNotBracketList,
                                 &kCommaInFlowMap,
                                 &kPasswordWithoutSubmission,
                                 &kSyntax,
                                 &kSyntaxQuestion,
                                 &kTooLarge,
                                 &kBinary,
                                 &kNotUtf8,
                                 &kTooDeep,
                                 &kTooManyNodes,
                                 &kEmpty,
                                 &kNotAMap,
                                 &kNotAList,
                                 &kUnknownKey,
                                 &kUnknownKeySuggest,
                                 &kDuplicateKey,
                                 &kMissingKey,
                                 &kExpectedText,
                                 &kBadValue,
                                 &kNotHostName,
                                 &kControlCharacter,
                                 &kExpectedInteger,
                                 &kExpectedNumber,
                                 &kExpectedBool,
                                 &kBadChoice,
                                 &kBadChoiceSuggest,
                                 &kUnknownNode,
                                 &kUnknownNodeSuggest,
                                 &kDuplicateName,
                                 &kDuplicateAddress,
                                 &kBadPosition,
                                 &kLinkEnds,
                                 &kBadLoss,
                                 &kNegativeTime,
                                 &kNetworkRejected,
                                 &kBadStart,
                                 &kNoAction,
                                 &kTwoActions,
                                 &kUnknownRef,
                                 &kKindMailServer,
                                 &kKindZone,
                                 &kDnsNeedsResolver,
                                 &kDnsNeedsRoot,
                                 &kResolverOnServer,
                                 &kOneRrset,
                                 &kBadRemove,
                                 &kRecordsOrRemove,
                                 &kRetryMixed,
                                 &kDelayWarningOrder,
                                 &kDelayWarningOneTime,
                                 &kKindClient,
                                 &kNotPositive,
                                 &kPeriodicFetchNeedsDuration,
                                 &kSendWho,
                                 &kSendClientAndKey,
                                 &kClientCannot,
                                 &kActionSend,
                                 &kActionFetch,
                                 &kUnknownRefSuggest,
                                 &kTimelineOrder,
                                 &kCannotRead,
                                 &kWhatScenario,
                                 &kWhatNetwork,
                                 &kWhatHost,
                                 &kWhatAHost,
                                 &kWhatRouter,
                                 &kWhatARouter,
                                 &kWhatLink,
                                 &kWhatALink,
                                 &kWhatFirewallRule,
                                 &kWhatTimelineEntry,
                                 &kWhatKey,
                                 &kKindLink,
                                 &kKindHost,
                                 &kKindNode,
                                 &kNoExpectation,
                                 &kTwoExpectations,
                                 &kWhatExpectation,
                                 &kWhatQuestion,
                                 &kQuestionWhen,
                                 &kQuestionAtAndAfter,
                                 &kBothLanguages,
                                 &kBadNetwork,
                                 &kTimeTooLong,
                                 &kTypingTooLong,
                                 &kSessionContinued,
                                 &kSessionNotOpened,
                                 &kStartYear,
                                 &kAfterYear9999,
                                 &kDnsblTooLong,
                                 &kNoAddress,
                                 &kOnlyComments,
                                 &kTwoDocuments,
                                 &kLinkToItself,
                                 &kZeroBandwidth,
                                 &kSizeTooLarge,
                                 &kAttachmentTooLarge,
                                 &kServiceTwiceOnHost,
                                 &kServiceMail,
                                 &kServiceDns,
                                 &kWhatPopulation,
                                 &kPopulationTooMuchMail,
                                 &kPopulationNoRecipients,
                                 &kPopulationClock,
                                 &kPopulationHours,
                                 &kPopulationNameTaken,
                                 &kPopulationFetchNeedsDuration};

}  // namespace mailsim::scenarios::msg

#pragma once
// Catalog entries of the command line (English and French).
#include <array>

#include "sim/plural.hpp"
#include "sim/text.hpp"

namespace mailsim::cli::msg {

inline constexpr Message kValid{"cli.valid", "{file}: no error found", "{file} : aucune erreur"};
inline constexpr Message kRunEnd{"cli.run_end", "End of the run at {time} ({events} events).",
                                 "Fin de la simulation à {time} ({events} événements)."};

inline constexpr Message kQuestionAsked{"cli.question_asked", "Question for the class: {question}",
                                        "Question pour la classe : {question}"};

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

// Options a person got wrong (CLI11 reports the rest: unknown options, missing values).
inline constexpr Message kBadSeed{
    "cli.bad_seed",
    "--seed: '{value}' is not a seed; give a whole number from 0 to 18446744073709551615, for "
    "example --seed 7",
    "--seed : « {value} » n'est pas une graine ; donnez un nombre entier de 0 à "
    "18446744073709551615, par exemple --seed 7"};
inline constexpr Message kBadUntil{"cli.bad_until", "--until: {error}", "--until : {error}"};
inline constexpr Message kUntilNotAfterStart{
    "cli.until_not_after_start",
    "--until: '{value}' is not after the start of the run; give a later time, for example 90s, "
    "1h30min or 00:05:00",
    "--until : « {value} » n'est pas après le début de la simulation ; donnez un temps plus "
    "tardif, par exemple 90s, 1h30min ou 00:05:00"};
inline constexpr Message kUntilTooLate{
    "cli.until_too_late",
    "--until: '{value}' is more than {limit} (100 years, the longest a scenario may last) after "
    "the start; give an earlier time",
    "--until : « {value} » est plus de {limit} (100 ans, la plus longue durée d'un scénario) "
    "après le début ; donnez un temps plus proche"};
inline constexpr Message kQuietAnd{
    "cli.quiet_and", "--quiet shows only the end of the run, so it cannot go with {option}",
    "--quiet ne montre que la fin de la simulation, il ne peut donc pas aller avec {option}"};
inline constexpr Message kPacketsAndLevel{
    "cli.packets_and_level",
    "--packets is the same as --level packets, so it cannot go with --level {level}",
    "--packets revient à --level packets, il ne peut donc pas aller avec --level {level}"};

// The transcript (transcript.hpp): C: and S: as in the RFCs, in both languages.
inline constexpr Message kTranscriptLegend{
    "cli.transcript.legend",
    "Transcript: C: a line the client sends, S: a line the server sends, each after the "
    "[client -> server:port] connection it belongs to.",
    "Transcription : C: une ligne envoyée par le client, S: une ligne envoyée par le serveur, "
    "chacune après la connexion [client -> serveur:port] à laquelle elle appartient."};
inline constexpr Message kTranscriptRow{"cli.transcript.row", "[{connection}] {who} {line}",
                                        "[{connection}] {who} {line}"};
inline constexpr Message kTranscriptClient{"cli.transcript.client", "C:", "C:"};
inline constexpr Message kTranscriptServer{"cli.transcript.server", "S:", "S:"};
inline constexpr Message kTranscriptContent{
    "cli.transcript.content",
    "(the message itself: {lines} lines, {bytes} bytes, ended by the line \".\" below)",
    "(le message lui-même : {lines} lignes, {bytes} octets, terminé par la ligne « . » "
    "ci-dessous)"};

inline constexpr Message kFullDataAlone{
    "cli.full_data_alone",
    "--full-data shows messages in full in --transcript or --show-messages; give one of them too",
    "--full-data montre les messages en entier dans --transcript ou --show-messages ; donnez "
    "aussi l'une de ces options"};

// --pcap and --capture-at (capture_option.hpp).
inline constexpr Message kBadCaptureAt{
    "cli.bad_capture_at",
    "--capture-at: this scenario has no host and no link named '{value}'; give all (every "
    "link), a host ({hosts}) or a link ({links})",
    "--capture-at : ce scénario n'a ni hôte ni lien nommé « {value} » ; donnez all (tous les "
    "liens), un hôte ({hosts}) ou un lien ({links})"};
inline constexpr Message kCaptureAtAlone{
    "cli.capture_at_alone", "--capture-at says where --pcap listens; give --pcap FILE too",
    "--capture-at dit où --pcap écoute ; donnez aussi --pcap FICHIER"};
inline constexpr Message kCannotWriteCapture{
    "cli.cannot_write_capture",
    "--pcap: cannot write '{file}'; check that its folder exists and that you may write there",
    "--pcap : impossible d'écrire « {file} » ; vérifiez que son dossier existe et que vous "
    "pouvez y écrire"};

// --show-messages (mailbox_listing.hpp): the mailboxes after the run.
inline constexpr Message kMailboxesTitle{
    "cli.mailboxes.title", "What the mailboxes hold at the end of the run:",
    "Ce que contiennent les boîtes aux lettres à la fin de la simulation :"};
inline constexpr Message kMailboxesNone{
    "cli.mailboxes.none", "No mailbox holds a message at the end of the run.",
    "Aucune boîte aux lettres ne contient de message à la fin de la simulation."};
inline constexpr PluralMessage kMailboxHeading{
    {"cli.mailboxes.heading.one", "{user} on {server}, folder {folder}: {count} message",
     "{user} sur {server}, dossier {folder} : {count} message"},
    {"cli.mailboxes.heading.other", "{user} on {server}, folder {folder}: {count} messages",
     "{user} sur {server}, dossier {folder} : {count} messages"}};
inline constexpr Message kStoredMessage{"cli.mailboxes.message",
                                        "Message UID {uid}, delivered at {time}, {bytes} bytes",
                                        "Message UID {uid}, déposé à {time}, {bytes} octets"};
inline constexpr PluralMessage kClientCopiesHeading{
    {"cli.mailboxes.client.one",
     "{client}'s mail client on {host}: {count} message, deleted from the server once fetched",
     "logiciel de messagerie « {client} » sur {host} : {count} message, effacé du serveur une "
     "fois relevé"},
    {"cli.mailboxes.client.other",
     "{client}'s mail client on {host}: {count} messages, deleted from the server once fetched",
     "logiciel de messagerie « {client} » sur {host} : {count} messages, effacés du serveur une "
     "fois relevés"}};
inline constexpr Message kClientCopy{"cli.mailboxes.client_copy",
                                     "Message fetched at {time}, {bytes} bytes",
                                     "Message relevé à {time}, {bytes} octets"};
inline constexpr Message kStoredMessageFlags{
    "cli.mailboxes.message_flags",
    "Message UID {uid}, delivered at {time}, {bytes} bytes, flags {flags}",
    "Message UID {uid}, déposé à {time}, {bytes} octets, drapeaux {flags}"};
inline constexpr PluralMessage kBodyCut{
    {"cli.mailboxes.cut.one", "(… {count} more line; --full-data shows it)",
     "(… encore {count} ligne ; --full-data la montre)"},
    {"cli.mailboxes.cut.other", "(… {count} more lines; --full-data shows them)",
     "(… encore {count} lignes ; --full-data les montre)"}};

// A command line CLI11 could not read; {detail} is CLI11's own words (English only).
inline constexpr Message kUsage{
    "cli.usage",
    "the command line is wrong: {detail}. See 'mailsim --help' or 'mailsim COMMAND --help'",
    "la ligne de commande est incorrecte : {detail}. Voyez « mailsim --help » ou « mailsim "
    "COMMANDE --help »"};
inline constexpr Message kUsageRequired{
    "cli.usage_required", "{what} is missing. See 'mailsim --help' or 'mailsim COMMAND --help'",
    "il manque {what}. Voyez « mailsim --help » ou « mailsim COMMANDE --help »"};
inline constexpr Message kUsageUnexpected{
    "cli.usage_unexpected",
    "'{what}' is not an option or an argument of this command. See 'mailsim --help' or "
    "'mailsim COMMAND --help'",
    "« {what} » n'est ni une option ni un argument de cette commande. Voyez « mailsim --help » "
    "ou « mailsim COMMANDE --help »"};

inline constexpr Message kRunFailed{
    "cli.run_failed",
    "The simulation stopped at {time}: an event failed ({kind}: {what}). This is a fault of "
    "MailSim, not of the scenario; please report it with the scenario file.",
    "La simulation s'est arrêtée à {time} : un événement a échoué ({kind} : {what}). C'est une "
    "faute de MailSim, pas du scénario ; signalez-la avec le fichier du scénario."};

inline constexpr Message kJourneyWithoutSvg{
    "cli.journey_without_svg", "--journey writes a chart: give the file with --svg FILE",
    "--journey dessine un graphique : donnez le fichier avec --svg FICHIER"};
inline constexpr Message kSvgWithoutJourney{
    "cli.svg_without_journey", "--svg writes the chart of a message: name it with --journey",
    "--svg écrit le graphique d'un message : nommez-le avec --journey"};
inline constexpr Message kNoSuchMessage{
    "cli.no_such_message",
    "--journey {message}: no such message in this run; its messages are: {messages}",
    "--journey {message} : ce message n'est pas dans cette simulation ; ses messages sont : "
    "{messages}"};
inline constexpr Message kCannotWriteFile{"cli.cannot_write_file",
                                          "cannot write {path}: check the folder exists and is "
                                          "writable",
                                          "impossible d'écrire {path} : vérifiez que le dossier "
                                          "existe et qu'on peut y écrire"};
inline constexpr Message kJourneyWritten{"cli.journey_written", "The journey's chart is in {path}.",
                                         "Le graphique du parcours est dans {path}."};

inline constexpr std::array kAll{&kValid,
                                 &kRunEnd,
                                 &kQuestionAsked,
                                 &kRunFailed,
                                 &kNoSuchScenario,
                                 &kNoSuchScenarioSuggest,
                                 &kListHint,
                                 &kBadSeed,
                                 &kBadUntil,
                                 &kUntilNotAfterStart,
                                 &kUntilTooLate,
                                 &kQuietAnd,
                                 &kPacketsAndLevel,
                                 &kTranscriptLegend,
                                 &kTranscriptRow,
                                 &kTranscriptClient,
                                 &kTranscriptServer,
                                 &kTranscriptContent,
                                 &kFullDataAlone,
                                 &kJourneyWithoutSvg,
                                 &kSvgWithoutJourney,
                                 &kNoSuchMessage,
                                 &kJourneyWritten,
                                 &kCannotWriteFile,
                                 &kBadCaptureAt,
                                 &kCaptureAtAlone,
                                 &kCannotWriteCapture,
                                 &kMailboxesTitle,
                                 &kMailboxesNone,
                                 &kMailboxHeading.one,
                                 &kMailboxHeading.other,
                                 &kStoredMessage,
                                 &kStoredMessageFlags,
                                 &kClientCopiesHeading.one,
                                 &kClientCopiesHeading.other,
                                 &kClientCopy,
                                 &kBodyCut.one,
                                 &kBodyCut.other,
                                 &kUsage,
                                 &kUsageRequired,
                                 &kUsageUnexpected};

}  // namespace mailsim::cli::msg

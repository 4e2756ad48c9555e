#pragma once
// Catalog entries of `mailsim --help` and `mailsim COMMAND --help`: what each command and
// option does, and examples a student can copy. docs/mailsim.1 says the same at more length.
#include <array>

#include "sim/text.hpp"

namespace mailsim::cli::help {

inline constexpr Message kApp{"cli.help.app", "MailSim: how an email really travels, simulated.",
                              "MailSim : le vrai voyage d'un courriel, simulé."};
inline constexpr Message kAppFooter{
    "cli.help.app_footer",
    "Examples:\n"
    "  mailsim list\n"
    "  mailsim run first-mail --transcript\n"
    "  mailsim run firewall-port-25 --lang fr\n"
    "  mailsim show firewall-port-25 > my-lesson.yaml\n"
    "  mailsim run my-lesson.yaml --until 2h --format json > trace.jsonl\n"
    "  mailsim validate my-lesson.yaml\n"
    "  mailsim check my-lesson.yaml --quiet\n"
    "'mailsim COMMAND --help' tells more about each command; 'man -l docs/mailsim.1' is the "
    "manual.",
    "Exemples :\n"
    "  mailsim list\n"
    "  mailsim run first-mail --transcript\n"
    "  mailsim run firewall-port-25 --lang fr\n"
    "  mailsim show firewall-port-25 > ma-lecon.yaml\n"
    "  mailsim run ma-lecon.yaml --until 2h --format json > trace.jsonl\n"
    "  mailsim validate ma-lecon.yaml\n"
    "  mailsim check ma-lecon.yaml --quiet\n"
    "« mailsim COMMANDE --help » en dit plus sur chaque commande ; « man -l docs/mailsim.1 » "
    "est le manuel."};
inline constexpr Message kHelp{"cli.help.help", "print this help and exit",
                               "afficher cette aide et quitter"};
inline constexpr Message kVersion{"cli.help.version", "print the version of mailsim and exit",
                                  "afficher la version de mailsim et quitter"};
inline constexpr Message kLang{"cli.help.lang",
                               "language of the narration, the errors and this help: en or fr",
                               "langue du récit, des erreurs et de cette aide : en ou fr"};
inline constexpr Message kQuiet{
    "cli.help.quiet",
    "only the end: what became of each message for run, the failed expectations of check, and "
    "errors",
    "seulement la fin : ce que chaque message est devenu pour run, les vérifications échouées de "
    "check, et les erreurs"};
inline constexpr Message kScenario{"cli.help.scenario",
                                   "a scenario file, or a built-in scenario's name",
                                   "un fichier de scénario, ou le nom d'un scénario intégré"};

inline constexpr Message kRun{"cli.help.run", "run a scenario headless and narrate it",
                              "jouer un scénario sans fenêtre et le raconter"};
inline constexpr Message kUntil{
    "cli.help.until", "stop at this simulated time: 90s, 1h30min, 00:00:05, '1d 02:00:00'",
    "s'arrêter à ce temps simulé : 90s, 1h30min, 00:00:05, '1d 02:00:00'"};
inline constexpr Message kSeed{"cli.help.seed",
                               "replace the scenario's seed (a whole number): other random draws",
                               "remplacer la graine du scénario (un nombre entier) : d'autres "
                               "tirages au hasard"};
inline constexpr Message kFormat{"cli.help.format",
                                 "text (the narration) or json (the trace, one record a line)",
                                 "text (le récit) ou json (la trace, un enregistrement par ligne)"};
inline constexpr Message kLevel{
    "cli.help.level",
    "how much to tell: story (the default: the mail's journey in the article's words), protocol "
    "(every dialogue line, DNS query and connection too) or packets (every packet and TCP "
    "detail too)",
    "combien raconter : story (par défaut : le voyage du courriel avec les mots de l'article), "
    "protocol (aussi chaque ligne des dialogues, requête DNS et connexion) ou packets (aussi "
    "chaque paquet et chaque détail de TCP)"};
inline constexpr Message kPackets{"cli.help.packets", "the same as --level packets",
                                  "comme --level packets"};
inline constexpr Message kTranscript{
    "cli.help.transcript",
    "also show the SMTP, POP3 and IMAP dialogues line by line (C: client, S: server)",
    "montrer aussi les dialogues SMTP, POP3 et IMAP ligne par ligne (C: client, S: serveur)"};
inline constexpr Message kShowMessages{
    "cli.help.show_messages",
    "after the run, show each mailbox's messages as the server stored them, headers first "
    "(Received, Return-Path, a bounce's Status and Diagnostic-Code); with --format json, as JSON",
    "après la simulation, montrer les messages de chaque boîte aux lettres tels que le serveur "
    "les a rangés, en-têtes d'abord (Received, Return-Path, Status et Diagnostic-Code d'un avis "
    "de non-remise) ; avec --format json, en JSON"};
inline constexpr Message kFullData{
    "cli.help.full_data",
    "show every message in full: in --transcript the data a program sends (summed up "
    "otherwise), in --show-messages the long bodies (cut after 200 lines otherwise)",
    "montrer chaque message en entier : dans --transcript les données qu'un programme envoie "
    "(résumées sinon), dans --show-messages les longs corps (coupés après 200 lignes sinon)"};
inline constexpr Message kJourney{
    "cli.help.journey",
    "after the run, draw this message's journey as a sequence chart (one line per host, an arrow "
    "per command, reply and DNS question) into the --svg file: its Message-ID, or N for the "
    "run's Nth message",
    "après la simulation, dessiner le parcours de ce message en diagramme de séquence (une ligne "
    "par machine, une flèche par commande, réponse et question DNS) dans le fichier de --svg : "
    "son Message-ID, ou N pour le N-ième message de la simulation"};
inline constexpr Message kSvg{"cli.help.svg", "the SVG file --journey writes",
                              "le fichier SVG qu'écrit --journey"};
inline constexpr Message kPcap{
    "cli.help.pcap",
    "also write the run as a capture for Wireshark or tshark: pcapng (one interface per link, "
    "named after it), or classic pcap when FILE ends in .pcap; dated from the scenario's start",
    "écrire aussi la simulation comme une capture pour Wireshark ou tshark : pcapng (une "
    "interface par lien, à son nom), ou pcap classique quand FICHIER finit par .pcap ; datée "
    "depuis le début du scénario"};
inline constexpr Message kCaptureAt{
    "cli.help.capture_at",
    "where --pcap listens: all (the default: every link, each packet once per link it crosses), "
    "a host (what it sends and receives) or a link",
    "où --pcap écoute : all (par défaut : tous les liens, chaque paquet une fois par lien "
    "traversé), un hôte (ce qu'il envoie et reçoit) ou un lien"};
inline constexpr Message kRunFooter{
    "cli.help.run_footer",
    "Examples:\n"
    "  mailsim run first-mail\n"
    "  mailsim run first-mail --level protocol\n"
    "  mailsim run first-mail --transcript\n"
    "  mailsim run first-mail --show-messages\n"
    "  mailsim run first-mail --journey 1 --svg journey.svg\n"
    "  mailsim run first-mail --pcap first-mail.pcapng\n"
    "  mailsim run first-mail --pcap alice.pcap --capture-at alice-pc\n"
    "  mailsim run telnet-test --transcript --lang fr\n"
    "  mailsim run scenarios/library/greylisting.yaml --until 1h30min\n"
    "  mailsim run greylisting --seed 7 --format json > trace.jsonl\n"
    "  mailsim run greylisting --quiet",
    "Exemples :\n"
    "  mailsim run first-mail\n"
    "  mailsim run first-mail --level protocol\n"
    "  mailsim run first-mail --transcript\n"
    "  mailsim run first-mail --show-messages\n"
    "  mailsim run first-mail --journey 1 --svg journey.svg\n"
    "  mailsim run first-mail --pcap first-mail.pcapng\n"
    "  mailsim run first-mail --pcap alice.pcap --capture-at alice-pc\n"
    "  mailsim run telnet-test --transcript --lang fr\n"
    "  mailsim run scenarios/library/greylisting.yaml --until 1h30min\n"
    "  mailsim run greylisting --seed 7 --format json > trace.jsonl\n"
    "  mailsim run greylisting --quiet"};

inline constexpr Message kServe{
    "cli.help.serve",
    "run a scenario in real time and let real mail clients in: each connection to --smtp, "
    "--pop3 or --imap becomes a session with the simulated server",
    "jouer un scénario en temps réel et y faire entrer de vrais logiciels de messagerie : "
    "chaque connexion à --smtp, --pop3 ou --imap devient une session avec le serveur simulé"};
inline constexpr Message kServeSmtp{
    "cli.help.serve_smtp",
    "listen for SMTP clients here (:0 takes a free port): bridged to the submission port (587) "
    "of the first server that offers it, else to port 25",
    "écouter ici les clients SMTP (:0 prend un port libre) : reliés au port de soumission (587) "
    "du premier serveur qui en a un, sinon au port 25"};
inline constexpr Message kServePop3{
    "cli.help.serve_pop3",
    "listen for POP3 clients here: bridged to port 110 of the server the first mail client "
    "reads from",
    "écouter ici les clients POP3 : reliés au port 110 du serveur que lit le premier logiciel "
    "de messagerie"};
inline constexpr Message kServeImap{
    "cli.help.serve_imap",
    "listen for IMAP clients here: bridged to port 143 of the server the first mail client "
    "reads from",
    "écouter ici les clients IMAP : reliés au port 143 du serveur que lit le premier logiciel "
    "de messagerie"};
inline constexpr Message kServeHost{"cli.help.serve_host",
                                    "the simulated server to bridge to, instead of the one chosen",
                                    "le serveur simulé à relier, au lieu de celui choisi"};
inline constexpr Message kServeSpeed{
    "cli.help.serve_speed", "how many times faster than real time the simulation runs (1)",
    "combien de fois plus vite que le temps réel la simulation tourne (1)"};
inline constexpr Message kServeMaxConnections{
    "cli.help.serve_max_connections",
    "real connections open at once (256); one more is answered and closed",
    "connexions réelles ouvertes à la fois (256) ; une de plus reçoit une réponse et est fermée"};
inline constexpr Message kServeIdleTimeout{
    "cli.help.serve_idle_timeout",
    "how long a real client may go without sending a whole line before it is cut (5min)",
    "combien de temps un vrai client peut rester sans envoyer une ligne entière avant d'être "
    "coupé (5min)"};
inline constexpr Message kServeNoTls{
    "cli.help.serve_no_tls",
    "no real TLS: STARTTLS is not offered to real clients (nor AUTH where the server offers it "
    "only after STARTTLS)",
    "pas de vrai TLS : STARTTLS n'est pas proposé aux vrais clients (ni AUTH là où le serveur ne "
    "le propose qu'après STARTTLS)"};
inline constexpr Message kServeCert{
    "cli.help.serve_cert",
    "the certificate (PEM) real STARTTLS shows, instead of a self-signed one made at start",
    "le certificat (PEM) que montre le vrai STARTTLS, au lieu d'un certificat autosigné créé au "
    "démarrage"};
inline constexpr Message kServeKey{
    "cli.help.serve_key", "the private key (PEM) of --cert (default: in the --cert file)",
    "la clé privée (PEM) de --cert (par défaut : dans le fichier de --cert)"};
inline constexpr Message kServeFooter{
    "cli.help.serve_footer",
    "Examples:\n"
    "  mailsim serve first-mail --smtp 127.0.0.1:2525\n"
    "  mailsim serve first-mail --smtp :0 --imap :0 --speed 10\n"
    "  mailsim serve first-mail --pop3 127.0.0.1:2110 --host mx.b.example\n"
    "  mailsim serve first-mail --smtp :2525 --cert server.pem --key server.key\n"
    "docs/bridges.md tells how a class uses it.",
    "Exemples :\n"
    "  mailsim serve first-mail --smtp 127.0.0.1:2525\n"
    "  mailsim serve first-mail --smtp :0 --imap :0 --speed 10\n"
    "  mailsim serve first-mail --pop3 127.0.0.1:2110 --host mx.b.example\n"
    "  mailsim serve first-mail --smtp :2525 --cert server.pem --key server.key\n"
    "docs/bridges.md explique comment une classe s'en sert."};

inline constexpr Message kList{"cli.help.list", "list the built-in scenarios with their titles",
                               "lister les scénarios intégrés avec leur titre"};
inline constexpr Message kListFooter{"cli.help.list_footer",
                                     "Examples:\n  mailsim list\n  mailsim list --lang fr",
                                     "Exemples :\n  mailsim list\n  mailsim list --lang fr"};
inline constexpr Message kShow{"cli.help.show", "print a built-in scenario, to copy and edit it",
                               "afficher un scénario intégré, pour le copier et le modifier"};
inline constexpr Message kName{"cli.help.name", "the scenario's name (see mailsim list)",
                               "le nom du scénario (voir mailsim list)"};
inline constexpr Message kShowFooter{
    "cli.help.show_footer",
    "Examples:\n  mailsim show firewall-port-25\n  mailsim show firewall-port-25 > my-lesson.yaml\n"
    "  mailsim show class.yaml --expand > class-expanded.yaml",
    "Exemples :\n  mailsim show firewall-port-25\n  mailsim show firewall-port-25 > ma-lecon.yaml\n"
    "  mailsim show classe.yaml --expand > classe-developpee.yaml"};
inline constexpr Message kExpand{
    "cli.help.expand",
    "write the scenario with its population (population:) expanded into plain hosts, servers, "
    "mail clients and sends; the file it prints runs the same",
    "écrire le scénario avec sa population (population:) développée en hôtes, serveurs, "
    "logiciels de messagerie et envois ordinaires ; le fichier affiché donne la même simulation"};
inline constexpr Message kCheck{
    "cli.help.check",
    "run a scenario and grade its expectations; exit status 0 only if all are met",
    "jouer un scénario et noter ses vérifications (expect) ; code de sortie 0 seulement si "
    "toutes réussissent"};
inline constexpr Message kCheckFooter{
    "cli.help.check_footer",
    "Examples:\n  mailsim check firewall-port-25\n  mailsim check my-lesson.yaml --seed 7\n"
    "  mailsim check my-lesson.yaml --quiet && echo 'all expectations met'",
    "Exemples :\n  mailsim check firewall-port-25\n  mailsim check ma-lecon.yaml --seed 7\n"
    "  mailsim check ma-lecon.yaml --quiet && echo 'toutes les vérifications ont réussi'"};
inline constexpr Message kValidate{"cli.help.validate",
                                   "load a scenario and report its errors, without running it",
                                   "charger un scénario et signaler ses erreurs, sans le jouer"};
inline constexpr Message kValidateFooter{
    "cli.help.validate_footer",
    "Examples:\n  mailsim validate my-lesson.yaml\n  mailsim validate first-mail --lang fr",
    "Exemples :\n  mailsim validate ma-lecon.yaml\n  mailsim validate first-mail --lang fr"};

inline constexpr std::array kAll{&kApp,
                                 &kAppFooter,
                                 &kHelp,
                                 &kVersion,
                                 &kLang,
                                 &kQuiet,
                                 &kScenario,
                                 &kRun,
                                 &kUntil,
                                 &kSeed,
                                 &kFormat,
                                 &kLevel,
                                 &kPackets,
                                 &kTranscript,
                                 &kShowMessages,
                                 &kFullData,
                                 &kJourney,
                                 &kSvg,
                                 &kPcap,
                                 &kCaptureAt,
                                 &kRunFooter,
                                 &kList,
                                 &kListFooter,
                                 &kShow,
                                 &kName,
                                 &kShowFooter,
                                 &kExpand,
                                 &kCheck,
                                 &kCheckFooter,
                                 &kValidate,
                                 &kValidateFooter,
                                 &kServe,
                                 &kServeSmtp,
                                 &kServePop3,
                                 &kServeImap,
                                 &kServeHost,
                                 &kServeSpeed,
                                 &kServeMaxConnections,
                                 &kServeIdleTimeout,
                                 &kServeNoTls,
                                 &kServeCert,
                                 &kServeKey,
                                 &kServeFooter};

}  // namespace mailsim::cli::help

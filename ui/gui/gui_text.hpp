#pragma once
// Catalog entries of the window (English and French): every label a person reads.
#include <array>

#include "sim/text.hpp"

namespace mailsim::gui::msg {

// Time controls.
inline constexpr Message kPlay{"gui.play", "Play", "Lecture"};
inline constexpr Message kPause{"gui.pause", "Pause", "Pause"};
inline constexpr Message kStepEvent{"gui.step_event", "Next event", "Événement suivant"};
inline constexpr Message kStepLine{"gui.step_line", "Next protocol line", "Ligne suivante"};
inline constexpr Message kRestart{"gui.restart", "Restart", "Recommencer"};
inline constexpr Message kSpeed{"gui.speed", "Speed", "Vitesse"};
inline constexpr Message kSkipIdle{"gui.skip_idle", "Skip idle", "Sauter l'attente"};
inline constexpr Message kSkipIdleHelp{
    "gui.skip_idle_help",
    "When nothing is in flight, jump to the next event: hours of retry waits pass at once.",
    "Quand rien ne circule, aller droit à l'événement suivant : des heures d'attente entre deux "
    "essais passent d'un coup."};
inline constexpr Message kRunTo{"gui.run_to", "Go to", "Aller à"};
inline constexpr Message kRunToHint{"gui.run_to_hint", "1h30, 00:05:00", "1h30, 00:05:00"};
inline constexpr Message kBadTime{"gui.bad_time", "Not a time: {error}",
                                  "Ce n'est pas une durée : {error}"};
inline constexpr Message kFit{"gui.fit", "Fit", "Ajuster"};

inline constexpr Message kClockDays{"gui.clock_days", "day {days}", "jour {days}"};

// Panels.
inline constexpr Message kLegend{"gui.legend", "Legend", "Légende"};
inline constexpr Message kPackets{"gui.packets", "Packets", "Paquets"};
inline constexpr Message kHosts{"gui.hosts", "Hosts", "Machines"};
inline constexpr Message kQueues{"gui.queues", "Mail queues", "Files d'attente du courrier"};
inline constexpr Message kQueueEmpty{"gui.queue_empty", "empty", "vide"};
inline constexpr Message kNextTry{"gui.next_try", "next try in {time}",
                                  "prochain essai dans {time}"};
inline constexpr Message kInProgress{"gui.in_progress", "being delivered", "en cours d'envoi"};
inline constexpr Message kAttempts{"gui.attempts", "failed attempts: {count}",
                                   "essais manqués : {count}"};
inline constexpr Message kTimeline{"gui.timeline", "Timeline", "Chronologie"};
inline constexpr Message kTimelineHelp{"gui.timeline_help",
                                       "Click to go to that time (going back replays the run).",
                                       "Cliquez pour aller à cet instant (revenir en arrière "
                                       "rejoue la simulation)."};
inline constexpr Message kSelection{"gui.selection", "Selection", "Sélection"};
inline constexpr Message kNothingSelected{"gui.nothing_selected",
                                          "Click a packet or a host to see its details.",
                                          "Cliquez sur un paquet ou une machine pour voir le "
                                          "détail."};
inline constexpr Message kMessages{"gui.messages", "Messages", "Messages"};
inline constexpr Message kNoMessage{"gui.no_message", "No message yet.",
                                    "Aucun message pour l'instant."};
inline constexpr Message kRoute{"gui.route", "Route", "Trajet"};
inline constexpr Message kFinished{"gui.finished", "End of the scenario.", "Fin du scénario."};
inline constexpr Message kFailed{
    "gui.failed",
    "The simulation stopped at {time}: an event failed ({kind}: {what}). Go back in time or "
    "restart to see what led there; please report it with the scenario file.",
    "La simulation s'est arrêtée à {time} : un événement a échoué ({kind} : {what}). Revenez en "
    "arrière ou recommencez pour voir ce qui y a mené ; signalez-le avec le fichier du scénario."};
inline constexpr Message kReplayed{"gui.replayed", "Replayed from the start in {ms} ms.",
                                   "Rejoué depuis le début en {ms} ms."};

// Packet details.
inline constexpr Message kPacketTitle{"gui.packet_title", "Packet {id}", "Paquet {id}"};
inline constexpr Message kOnLink{"gui.on_link", "on link {link}, from {from} to {to}",
                                 "sur le lien {link}, de {from} vers {to}"};
inline constexpr Message kDeparts{"gui.departs", "left at {start}, arrives at {end}",
                                  "parti à {start}, arrive à {end}"};
inline constexpr Message kPayload{"gui.payload", "Payload: {bytes} bytes",
                                  "Données : {bytes} octets"};
inline constexpr Message kNoPayload{"gui.no_payload", "No payload (TCP control segment)",
                                    "Pas de données (segment de contrôle TCP)"};
inline constexpr Message kDropped{"gui.dropped", "Dropped at {node}: {reason}",
                                  "Perdu à {node} : {reason}"};

// Host details.
inline constexpr Message kAddress{"gui.address", "Address {address}", "Adresse {address}"};
inline constexpr Message kHostDown{"gui.host_down", "switched off", "éteinte"};
inline constexpr Message kLinkDown{"gui.link_down", "down", "coupé"};

// Protocols and roles (legend; the role names are the article's).
inline constexpr Message kProtoSmtp{"gui.proto_smtp", "SMTP (mail)", "SMTP (courrier)"};
inline constexpr Message kProtoDns{"gui.proto_dns", "DNS (names)", "DNS (noms)"};
inline constexpr Message kProtoRetrieval{"gui.proto_retrieval", "POP3 / IMAP (mailbox)",
                                         "POP3 / IMAP (boîte aux lettres)"};
inline constexpr Message kProtoControl{"gui.proto_control", "TCP control (SYN, ACK, FIN)",
                                       "Contrôle TCP (SYN, ACK, FIN)"};
inline constexpr Message kProtoDropped{"gui.proto_dropped", "lost packet", "paquet perdu"};
inline constexpr Message kProtoOther{"gui.proto_other", "other", "autre"};
inline constexpr Message kRoleClient{"gui.role_client", "mail client (MUA)",
                                     "logiciel de messagerie (MUA)"};
inline constexpr Message kRoleSubmission{"gui.role_submission", "submission server (MSA, MTA)",
                                         "serveur de soumission (MSA, MTA)"};
inline constexpr Message kRoleMailbox{"gui.role_mailbox", "mail server with mailboxes (MTA, MDA)",
                                      "serveur de courrier et boîtes (MTA, MDA)"};
inline constexpr Message kRoleRelay{"gui.role_relay", "relay (MTA)", "relais (MTA)"};
inline constexpr Message kRoleDns{"gui.role_dns", "DNS server", "serveur DNS"};
inline constexpr Message kRoleResolver{"gui.role_resolver", "DNS resolver", "résolveur DNS"};
inline constexpr Message kRoleRouter{"gui.role_router", "router", "routeur"};
inline constexpr Message kRoleAttacker{"gui.role_attacker", "attacker", "attaquant"};
inline constexpr Message kRoleOther{"gui.role_other", "other host", "autre machine"};

// Timeline marks.
inline constexpr Message kMarkAccepted{"gui.mark_accepted", "accepted", "accepté"};
inline constexpr Message kMarkDeferred{"gui.mark_deferred", "deferred", "différé"};
inline constexpr Message kMarkRelayed{"gui.mark_relayed", "handed over", "transmis"};
inline constexpr Message kMarkDelivered{"gui.mark_delivered", "delivered", "distribué"};
inline constexpr Message kMarkBounced{"gui.mark_bounced", "bounced", "renvoyé à l'expéditeur"};
inline constexpr Message kMarkFault{"gui.mark_fault", "fault", "panne"};
inline constexpr Message kMarkRepair{"gui.mark_repair", "repaired", "réparé"};

// Acting on the world: the menus on a host or a link, the DNS and compose dialogs, saving.
inline constexpr Message kSwitchOff{"gui.switch_off", "Switch off", "Éteindre"};
inline constexpr Message kSwitchOn{"gui.switch_on", "Switch on", "Allumer"};
inline constexpr Message kCutLink{"gui.cut_link", "Cut the link", "Couper le lien"};
inline constexpr Message kRestoreLink{"gui.restore_link", "Restore the link", "Rétablir le lien"};
inline constexpr Message kChangeLink{"gui.change_link", "Change latency, bandwidth, loss…",
                                     "Modifier latence, débit, pertes…"};
inline constexpr Message kChangeLinkTitle{"gui.change_link_title", "Link {link}", "Lien {link}"};
inline constexpr Message kLatency{"gui.latency", "Latency", "Latence"};
inline constexpr Message kBandwidth{"gui.bandwidth", "Bandwidth", "Débit"};
inline constexpr Message kLoss{"gui.loss", "Loss", "Pertes"};
inline constexpr Message kLinkHint{"gui.link_hint",
                                   "Latency as 20ms, bandwidth as 10Mbps, loss as 5% or 0.05.",
                                   "Latence comme 20ms, débit comme 10Mbps, pertes comme 5% ou "
                                   "0.05."};
inline constexpr Message kApply{"gui.apply", "Apply", "Appliquer"};
inline constexpr Message kCancel{"gui.cancel", "Cancel", "Annuler"};
inline constexpr Message kWorldMenu{"gui.world_menu", "Act", "Agir"};
inline constexpr Message kCompose{"gui.compose", "Write a mail from {client}…",
                                  "Écrire un courriel de {client}…"};
inline constexpr Message kComposeTitle{"gui.compose_title", "New mail from {client}",
                                       "Nouveau courriel de {client}"};
inline constexpr Message kTo{"gui.to", "To", "À"};
inline constexpr Message kCc{"gui.cc", "Cc", "Cc"};
inline constexpr Message kSubject{"gui.subject", "Subject", "Objet"};
inline constexpr Message kBody{"gui.body", "Text", "Texte"};
inline constexpr Message kAttachment{"gui.attachment", "Attachment (bytes)",
                                     "Pièce jointe (octets)"};
inline constexpr Message kSend{"gui.send", "Send", "Envoyer"};
inline constexpr Message kChangeMx{"gui.change_mx", "Change the MX of {domain}…",
                                   "Modifier le MX de {domain}…"};
inline constexpr Message kMxTitle{"gui.mx_title", "Mail servers of {domain} (MX)",
                                  "Serveurs de courrier de {domain} (MX)"};
inline constexpr Message kPreference{"gui.preference", "Preference", "Préférence"};
inline constexpr Message kExchange{"gui.exchange", "Mail server", "Serveur de courrier"};
inline constexpr Message kTtl{"gui.ttl", "TTL (seconds)", "TTL (secondes)"};
inline constexpr Message kAddMx{"gui.add_mx", "Add an MX record", "Ajouter un enregistrement MX"};
inline constexpr Message kRemove{"gui.remove", "Remove", "Supprimer"};
inline constexpr Message kNoMx{"gui.no_mx",
                               "No MX record: mail goes to the address of the domain itself.",
                               "Aucun enregistrement MX : le courrier va à l'adresse du domaine "
                               "lui-même."};
inline constexpr Message kSaveAs{"gui.save_as", "Save as scenario…", "Enregistrer comme scénario…"};
inline constexpr Message kFile{"gui.file", "File", "Fichier"};
inline constexpr Message kSave{"gui.save", "Save", "Enregistrer"};
inline constexpr Message kSaved{"gui.saved", "Saved in {path}: `mailsim run {path}` replays it.",
                                "Enregistré dans {path} : `mailsim run {path}` le rejoue."};
inline constexpr Message kRecorded{"gui.recorded", "Done at {time}, and kept in the timeline.",
                                   "Fait à {time}, et inscrit dans la chronologie."};
inline constexpr Message kCannotWrite{"gui.cannot_write", "cannot write {path}",
                                      "impossible d'écrire {path}"};
inline constexpr Message kNoSuchHost{"gui.no_such_host", "There is no host named {name}.",
                                     "Aucune machine ne s'appelle {name}."};
inline constexpr Message kNoSuchLink{"gui.no_such_link", "There is no link named {name}.",
                                     "Aucun lien ne s'appelle {name}."};
inline constexpr Message kNoSuchZone{"gui.no_such_zone", "The lesson's DNS has no zone {name}.",
                                     "Le DNS de la leçon n'a pas de zone {name}."};
inline constexpr Message kNoSuchSender{"gui.no_such_sender",
                                       "{name} is not a mail client that can send.",
                                       "{name} n'est pas un logiciel de messagerie qui peut "
                                       "envoyer."};
inline constexpr Message kBadLatency{"gui.bad_latency",
                                     "The latency must be between 0 and 36500 days.",
                                     "La latence doit être comprise entre 0 et 36500 jours."};
inline constexpr Message kBadBandwidth{"gui.bad_bandwidth",
                                       "The bandwidth must be more than 0, e.g. 10Mbps.",
                                       "Le débit doit être supérieur à 0, par ex. 10Mbps."};
inline constexpr Message kBadLossValue{"gui.bad_loss",
                                       "The loss is between 0 and 1, or 0% and 100%.",
                                       "Les pertes sont comprises entre 0 et 1, ou 0 % et 100 %."};
inline constexpr Message kBadTtl{"gui.bad_ttl", "The TTL is at most 2147483647 seconds.",
                                 "Le TTL vaut au plus 2147483647 secondes."};
inline constexpr Message kNoExchange{"gui.no_exchange", "Each MX record needs a mail server.",
                                     "Chaque enregistrement MX a besoin d'un serveur de "
                                     "courrier."};
inline constexpr Message kBadExchange{"gui.bad_exchange", "'{name}' is not a host name: {problem}",
                                      "« {name} » n'est pas un nom de machine : {problem}"};
inline constexpr Message kNoRecipient{"gui.no_recipient", "Write at least one address in To.",
                                      "Écrivez au moins une adresse dans À."};
inline constexpr Message kBadAddress{"gui.bad_address",
                                     "'{address}' is not a mail address: {problem}",
                                     "« {address} » n'est pas une adresse : {problem}"};

// The Dialogues, Mailboxes and Queues panels.
inline constexpr Message kPopOut{"gui.pop_out", "Pop out into a window",
                                 "Détacher dans une fenêtre"};
inline constexpr Message kPopOutHelp{
    "gui.pop_out_help",
    "Show this panel in a window of its own, to move and resize; close that window to put the "
    "panel back among the tabs. A right click on a tab does it too.",
    "Afficher ce panneau dans une fenêtre à lui, à déplacer et redimensionner ; fermez cette "
    "fenêtre pour remettre le panneau parmi les onglets. Un clic droit sur un onglet le fait "
    "aussi."};
inline constexpr Message kDetails{"gui.details", "Details", "Détails"};
inline constexpr Message kDialogues{"gui.dialogues", "Dialogues", "Dialogues"};
inline constexpr Message kNoDialogue{"gui.no_dialogue", "No connection yet.",
                                     "Aucune connexion pour l'instant."};
inline constexpr Message kSessionState{"gui.session_state", "session state: {state}",
                                       "état de la session : {state}"};
inline constexpr Message kDialogueHelp{
    "gui.dialogue_help",
    "C: the client's lines, S: the server's. Hover a reply to read what its code means.",
    "C: les lignes du client, S: celles du serveur. Survolez une réponse pour lire ce que veut "
    "dire son code."};
inline constexpr Message kMailboxes{"gui.mailboxes", "Mailboxes", "Boîtes aux lettres"};
inline constexpr Message kNoMailbox{"gui.no_mailbox", "No mailbox in this scenario.",
                                    "Aucune boîte aux lettres dans ce scénario."};
inline constexpr Message kMailboxHelp{"gui.mailbox_help", "Click a message to read it whole.",
                                      "Cliquez sur un message pour le lire en entier."};
inline constexpr Message kMessageGone{"gui.message_gone", "This message is no longer there.",
                                      "Ce message n'est plus là."};
inline constexpr Message kMessageHeader{"gui.message_header",
                                        "Header, as stored: each server added its Received line "
                                        "on top, so the newest comes first",
                                        "En-tête, tel que rangé : chaque serveur a ajouté sa "
                                        "ligne Received en haut, la plus récente vient donc en "
                                        "premier"};
inline constexpr Message kMessageBody{"gui.message_body", "Body", "Corps du message"};
inline constexpr Message kDsnFields{"gui.dsn_fields",
                                    "Delivery status notification: the fields for programs",
                                    "Avis d'état de distribution : les champs pour les "
                                    "programmes"};
inline constexpr Message kDsnHuman{"gui.dsn_human", "What it tells the sender",
                                   "Ce qu'il dit à l'expéditeur"};

inline constexpr Message kQueuesTab{"gui.queues_tab", "Queues", "Files"};
inline constexpr Message kNothingQueued{"gui.nothing_queued", "No message waits in any queue.",
                                        "Aucun message n'attend dans les files."};
inline constexpr Message kBounceNotice{"gui.bounce_notice",
                                       "a delivery status notification (a bounce)",
                                       "un avis d'état de distribution (un retour)"};
inline constexpr Message kDelayWarned{"gui.delay_warned", "the sender was told of the delay",
                                      "l'expéditeur a été prévenu du retard"};
inline constexpr Message kQueueChartHelp{
    "gui.queue_chart_help",
    "Each chart runs from the message's arrival: a dot for each failed attempt, a line at now, "
    "a ring at the next try, and, dotted, the tries the schedule plans after it if it fails too.",
    "Chaque graphique part de l'arrivée du message : un point par essai manqué, un trait pour "
    "maintenant, un cercle pour le prochain essai et, en pointillé, les essais que le calendrier "
    "prévoit ensuite s'il échoue aussi."};

// The teacher's keyboard and the help overlay.
inline constexpr Message kHelpTitle{"gui.keys_title", "Keyboard shortcuts", "Raccourcis clavier"};
inline constexpr Message kKeySpace{"gui.key_space", "Space", "Espace"};
inline constexpr Message kKeyHome{"gui.key_home", "Home", "Début"};
inline constexpr Message kHelpPlay{"gui.keys_play", "play / pause", "lecture / pause"};
inline constexpr Message kHelpStep{"gui.keys_step", "next event", "événement suivant"};
inline constexpr Message kHelpLine{"gui.keys_line", "next SMTP, POP3 or IMAP line",
                                   "ligne SMTP, POP3 ou IMAP suivante"};
inline constexpr Message kHelpSpeed{"gui.keys_speed", "twice as fast / half as fast",
                                    "deux fois plus vite / deux fois moins vite"};
inline constexpr Message kHelpSkip{"gui.keys_skip", "skip idle waits, on or off",
                                   "sauter l'attente, oui ou non"};
inline constexpr Message kHelpRestart{"gui.keys_restart", "back to the start", "retour au début"};
inline constexpr Message kHelpFit{"gui.keys_fit",
                                  "full screen, on or off (the network fitted to it)",
                                  "plein écran, oui ou non (le réseau ajusté à l'écran)"};
inline constexpr Message kHelpLang{"gui.keys_lang", "English / French", "anglais / français"};
inline constexpr Message kHelpProjector{"gui.keys_projector",
                                        "projector mode: larger fonts, stronger contrast",
                                        "mode projecteur : police plus grande, contraste plus "
                                        "fort"};
inline constexpr Message kHelpShot{"gui.keys_shot", "screenshot (PNG in the current folder)",
                                   "capture d'écran (PNG dans le dossier courant)"};
inline constexpr Message kHelpHelp{"gui.keys_help", "this help", "cette aide"};
inline constexpr Message kHelpClose{"gui.keys_close", "F1, ? or Escape closes it.",
                                    "F1, ? ou Échap la ferme."};
inline constexpr Message kScreenshot{"gui.screenshot", "Screenshot", "Capture d'écran"};
inline constexpr Message kShotSaved{"gui.shot_saved", "Screenshot saved: {path}",
                                    "Capture enregistrée : {path}"};

inline constexpr std::array kAll{&kPlay,
                                 &kPause,
                                 &kStepEvent,
                                 &kStepLine,
                                 &kRestart,
                                 &kSpeed,
                                 &kSkipIdle,
                                 &kSkipIdleHelp,
                                 &kRunTo,
                                 &kRunToHint,
                                 &kBadTime,
                                 &kFit,
                                 &kLegend,
                                 &kPackets,
                                 &kHosts,
                                 &kQueues,
                                 &kQueueEmpty,
                                 &kNextTry,
                                 &kInProgress,
                                 &kAttempts,
                                 &kTimeline,
                                 &kTimelineHelp,
                                 &kSelection,
                                 &kNothingSelected,
                                 &kMessages,
                                 &kNoMessage,
                                 &kRoute,
                                 &kFinished,
                                 &kFailed,
                                 &kReplayed,
                                 &kPacketTitle,
                                 &kOnLink,
                                 &kDeparts,
                                 &kPayload,
                                 &kNoPayload,
                                 &kDropped,
                                 &kAddress,
                                 &kHostDown,
                                 &kLinkDown,
                                 &kProtoSmtp,
                                 &kProtoDns,
                                 &kProtoRetrieval,
                                 &kProtoControl,
                                 &kProtoDropped,
                                 &kProtoOther,
                                 &kRoleClient,
                                 &kRoleSubmission,
                                 &kRoleMailbox,
                                 &kRoleRelay,
                                 &kRoleDns,
                                 &kRoleResolver,
                                 &kRoleRouter,
                                 &kRoleAttacker,
                                 &kRoleOther,
                                 &kMarkAccepted,
                                 &kMarkDeferred,
                                 &kMarkRelayed,
                                 &kMarkDelivered,
                                 &kMarkBounced,
                                 &kMarkFault,
                                 &kMarkRepair,
                                 &kClockDays,
                                 &kSwitchOff,
                                 &kSwitchOn,
                                 &kCutLink,
                                 &kRestoreLink,
                                 &kChangeLink,
                                 &kChangeLinkTitle,
                                 &kLatency,
                                 &kBandwidth,
                                 &kLoss,
                                 &kLinkHint,
                                 &kApply,
                                 &kCancel,
                                 &kWorldMenu,
                                 &kCompose,
                                 &kComposeTitle,
                                 &kTo,
                                 &kCc,
                                 &kSubject,
                                 &kBody,
                                 &kAttachment,
                                 &kSend,
                                 &kChangeMx,
                                 &kMxTitle,
                                 &kPreference,
                                 &kExchange,
                                 &kTtl,
                                 &kAddMx,
                                 &kRemove,
                                 &kNoMx,
                                 &kSaveAs,
                                 &kFile,
                                 &kSave,
                                 &kSaved,
                                 &kRecorded,
                                 &kCannotWrite,
                                 &kNoSuchHost,
                                 &kNoSuchLink,
                                 &kNoSuchZone,
                                 &kNoSuchSender,
                                 &kBadLatency,
                                 &kBadBandwidth,
                                 &kBadLossValue,
                                 &kBadTtl,
                                 &kNoExchange,
                                 &kBadExchange,
                                 &kNoRecipient,
                                 &kBadAddress,
                                 &kPopOut,
                                 &kPopOutHelp,
                                 &kDetails,
                                 &kDialogues,
                                 &kNoDialogue,
                                 &kSessionState,
                                 &kDialogueHelp,
                                 &kMailboxes,
                                 &kNoMailbox,
                                 &kMailboxHelp,
                                 &kMessageGone,
                                 &kMessageHeader,
                                 &kMessageBody,
                                 &kDsnFields,
                                 &kDsnHuman,
                                 &kHelpTitle,
                                 &kKeySpace,
                                 &kKeyHome,
                                 &kHelpPlay,
                                 &kHelpStep,
                                 &kHelpLine,
                                 &kHelpSpeed,
                                 &kHelpSkip,
                                 &kHelpRestart,
                                 &kHelpFit,
                                 &kHelpLang,
                                 &kHelpProjector,
                                 &kHelpShot,
                                 &kHelpHelp,
                                 &kHelpClose,
                                 &kScreenshot,
                                 &kShotSaved,
                                 &kQueuesTab,
                                 &kNothingQueued,
                                 &kBounceNotice,
                                 &kDelayWarned,
                                 &kQueueChartHelp};

}  // namespace mailsim::gui::msg

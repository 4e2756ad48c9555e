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

inline constexpr std::array kAll{
    &kPlay,         &kPause,          &kStepEvent,      &kStepLine,
    &kRestart,      &kSpeed,          &kSkipIdle,       &kSkipIdleHelp,
    &kRunTo,        &kRunToHint,      &kBadTime,        &kFit,
    &kLegend,       &kPackets,        &kHosts,          &kQueues,
    &kQueueEmpty,   &kNextTry,        &kInProgress,     &kAttempts,
    &kTimeline,     &kTimelineHelp,   &kSelection,      &kNothingSelected,
    &kMessages,     &kNoMessage,      &kRoute,          &kFinished,
    &kFailed,       &kReplayed,       &kPacketTitle,    &kOnLink,
    &kDeparts,      &kPayload,        &kNoPayload,      &kDropped,
    &kAddress,      &kHostDown,       &kLinkDown,       &kProtoSmtp,
    &kProtoDns,     &kProtoRetrieval, &kProtoControl,   &kProtoDropped,
    &kProtoOther,   &kRoleClient,     &kRoleSubmission, &kRoleMailbox,
    &kRoleRelay,    &kRoleDns,        &kRoleResolver,   &kRoleRouter,
    &kRoleAttacker, &kRoleOther,      &kMarkAccepted,   &kMarkDeferred,
    &kMarkRelayed,  &kMarkDelivered,  &kMarkBounced,    &kMarkFault,
    &kMarkRepair,   &kClockDays};

}  // namespace mailsim::gui::msg

#pragma once
// Catalog entries of delivery status notifications: the sentences of the human-readable part,
// which the sender reads in their language, and the errors met when reading a notice.
#include <array>

#include "sim/plural.hpp"
#include "sim/text.hpp"

namespace mailsim::proto::imf::msg {

// The notice itself (after Postfix's default bounce template).
inline constexpr mailsim::Message kDsnFromName{"imf.dsn.from_name", "Mail Delivery System",
                                               "Système de distribution du courrier"};
inline constexpr mailsim::Message kDsnSubjectFailed{
    "imf.dsn.subject_failed", "Undelivered Mail Returned to Sender",
    "Courrier non distribué renvoyé à l'expéditeur"};
inline constexpr mailsim::Message kDsnSubjectDelayed{
    "imf.dsn.subject_delayed", "Delayed Mail (still being retried)",
    "Courrier retardé (nouvelles tentatives en cours)"};
inline constexpr mailsim::Message kDsnIntro{"imf.dsn.intro",
                                            "This is the mail system at host {host}.",
                                            "Ceci est le système de messagerie de l'hôte {host}."};
inline constexpr mailsim::Message kDsnFailedExplanation{
    "imf.dsn.failed_explanation",
    "I'm sorry to have to inform you that your message could not be delivered to one or more "
    "recipients. It's attached below.\n\n"
    "For further assistance, please send mail to postmaster.\n\n"
    "If you do so, please include this problem report. You can delete your own text from the "
    "attached returned message.",
    "J'ai le regret de vous informer que votre message n'a pas pu être remis à un ou plusieurs "
    "destinataires. Il est joint ci-dessous.\n\n"
    "Pour obtenir de l'aide, écrivez à postmaster.\n\n"
    "Dans ce cas, joignez ce rapport. Vous pouvez effacer votre propre texte du message "
    "renvoyé."};
inline constexpr mailsim::Message kDsnDelayedWarning{
    "imf.dsn.delayed_warning",
    "THIS IS A WARNING ONLY. YOU DO NOT NEED TO RESEND YOUR MESSAGE.\n\n"
    "Your message could not be delivered yet to the recipients below. The mail system will "
    "keep trying until {until}.",
    "CECI N'EST QU'UN AVERTISSEMENT. VOUS N'AVEZ PAS BESOIN DE RENVOYER VOTRE MESSAGE.\n\n"
    "Votre message n'a pas encore pu être remis aux destinataires ci-dessous. Le système de "
    "messagerie continuera d'essayer jusqu'à cette date : {until}."};
inline constexpr mailsim::Message kDsnSignature{"imf.dsn.signature", "The mail system",
                                                "Le système de messagerie"};
inline constexpr mailsim::Message kDsnRecipientSaid{
    "imf.dsn.recipient_said", "<{recipient}>: host {host} said: {reply}",
    "<{recipient}> : l'hôte {host} a répondu : {reply}"};
inline constexpr mailsim::Message kDsnRecipientReply{
    "imf.dsn.recipient_reply", "<{recipient}>: {reply}", "<{recipient}> : {reply}"};
inline constexpr mailsim::Message kDsnRecipientStatus{"imf.dsn.recipient_status",
                                                      "<{recipient}>: delivery status {status}",
                                                      "<{recipient}> : état de remise {status}"};

// Exim's notices (deliver.c's default texts, with the catalog's plural rules for its
// "address(es)"), in English or French.
inline constexpr mailsim::Message kDsnEximSubjectFailed{
    "imf.dsn.exim.subject_failed", "Mail delivery failed: returning message to sender",
    "Échec de la remise : message renvoyé à l'expéditeur"};
inline constexpr mailsim::Message kDsnEximSubjectDelayed{
    "imf.dsn.exim.subject_delayed", "Warning: message {id} delayed {delay}",
    "Avertissement : message {id} retardé de {delay}"};
inline constexpr mailsim::PluralMessage kDsnEximMinutes{
    // French typography: a no-break space between the number and its unit.
    {"imf.dsn.exim.minutes.one", "{count} minute", "{count}\u00a0minute"},
    {"imf.dsn.exim.minutes.other", "{count} minutes", "{count}\u00a0minutes"}};
inline constexpr mailsim::PluralMessage kDsnEximHours{
    {"imf.dsn.exim.hours.one", "{count} hour", "{count} heure"},
    {"imf.dsn.exim.hours.other", "{count} hours", "{count} heures"}};
inline constexpr mailsim::Message kDsnEximCreated{
    "imf.dsn.exim.created", "This message was created automatically by mail delivery software.",
    "Ce message a été créé automatiquement par le logiciel de distribution du courrier."};
inline constexpr mailsim::PluralMessage kDsnEximFailed{
    {"imf.dsn.exim.failed.one",
     "A message that you sent could not be delivered to one or more of its recipients. This is "
     "a permanent error. The following address failed:",
     "Un message que vous avez envoyé n'a pas pu être remis à un ou plusieurs de ses "
     "destinataires. C'est une erreur définitive. L'adresse suivante a échoué :"},
    {"imf.dsn.exim.failed.other",
     "A message that you sent could not be delivered to one or more of its recipients. This is "
     "a permanent error. The following addresses failed:",
     "Un message que vous avez envoyé n'a pas pu être remis à un ou plusieurs de ses "
     "destinataires. C'est une erreur définitive. Les adresses suivantes ont échoué :"}};
inline constexpr mailsim::Message kDsnEximDelayed{
    "imf.dsn.exim.delayed",
    "A message that you sent has not yet been delivered to one or more of its recipients after "
    "more than {delay} on the queue on {host}.",
    "Un message que vous avez envoyé n'a pas encore été remis à un ou plusieurs de ses "
    "destinataires après plus de {delay} dans la file d'attente de {host}."};
inline constexpr mailsim::Message kDsnEximIdentifier{"imf.dsn.exim.identifier",
                                                     "The message identifier is:     {id}",
                                                     "L'identifiant du message est : {id}"};
inline constexpr mailsim::Message kDsnEximSubjectIs{"imf.dsn.exim.subject_is",
                                                    "The subject of the message is: {subject}",
                                                    "L'objet du message est :       {subject}"};
inline constexpr mailsim::Message kDsnEximDateIs{"imf.dsn.exim.date_is",
                                                 "The date of the message is:    {date}",
                                                 "La date du message est :       {date}"};
inline constexpr mailsim::PluralMessage kDsnEximNotYetDelivered{
    {"imf.dsn.exim.not_yet.one", "The address to which the message has not yet been delivered is:",
     "L'adresse à laquelle le message n'a pas encore été remis est :"},
    {"imf.dsn.exim.not_yet.other",
     "The addresses to which the message has not yet been delivered are:",
     "Les adresses auxquelles le message n'a pas encore été remis sont :"}};
// An error a server replied, on three lines under the address (deliver.c's
// print_address_error; transports/smtp.c names the command the reply answered).
inline constexpr mailsim::Message kDsnEximHost{"imf.dsn.exim.host", "host {host} [{address}]",
                                               "hôte {host} [{address}]"};
inline constexpr mailsim::Message kDsnEximSmtpError{
    "imf.dsn.exim.smtp_error", "SMTP error from remote mail server after {command}:",
    "erreur SMTP du serveur de messagerie distant après {command} :"};
inline constexpr mailsim::Message kDsnEximDelayReason{
    "imf.dsn.exim.delay_reason", "Delay reason: {reason}", "Raison du retard : {reason}"};
inline constexpr mailsim::Message kDsnEximRetryTimeout{"imf.dsn.exim.retry_timeout",
                                                       "{reason}: retry timeout exceeded",
                                                       "{reason} : délai de réessai dépassé"};
inline constexpr mailsim::Message kDsnEximNoAction{
    "imf.dsn.exim.no_action",
    "No action is required on your part. Delivery attempts will continue for some time, and "
    "this warning may be repeated at intervals if the message remains undelivered. Eventually "
    "the mail delivery software will give up, and when that happens, the message will be "
    "returned to you.",
    "Vous n'avez rien à faire. Les tentatives de remise continueront pendant un certain temps, "
    "et cet avertissement pourra être répété si le message reste non remis. Le logiciel de "
    "distribution finira par abandonner, et le message vous sera alors renvoyé."};

// Building or reading a notice.
inline constexpr mailsim::Message kDsnNoRecipient{
    "imf.dsn.no_recipient", "a delivery status notification needs at least one recipient",
    "un avis d'état de remise a besoin d'au moins un destinataire"};
inline constexpr mailsim::Message kDsnUnsupportedAction{
    "imf.dsn.unsupported_action",
    "<{recipient}>: a notice is built for failed or delayed recipients, not '{action}'",
    "<{recipient}> : un avis se construit pour des destinataires en échec ou retardés, pas « "
    "{action} »"};
inline constexpr mailsim::Message kDsnNotReport{
    "imf.dsn.not_report",
    "this message is not a delivery status notification: its Content-Type is '{type}', not "
    "multipart/report; report-type=delivery-status",
    "ce message n'est pas un avis d'état de remise : son Content-Type est « {type} » et non "
    "multipart/report; report-type=delivery-status"};
inline constexpr mailsim::Message kDsnNoBoundary{
    "imf.dsn.no_boundary", "the Content-Type '{type}' has no boundary parameter",
    "le Content-Type « {type} » n'a pas de paramètre boundary"};
inline constexpr mailsim::Message kDsnNoStatusPart{
    "imf.dsn.no_status_part", "the report has no message/delivery-status part",
    "le rapport n'a pas de partie message/delivery-status"};
inline constexpr mailsim::Message kDsnMissingField{
    "imf.dsn.missing_field", "the delivery status {where} has no {field} field",
    "l'état de remise {where} n'a pas de champ {field}"};
inline constexpr mailsim::Message kDsnWherePerMessage{"imf.dsn.where_message", "(message part)",
                                                      "(partie message)"};
inline constexpr mailsim::Message kDsnWhereRecipient{
    "imf.dsn.where_recipient", "of recipient {number}", "du destinataire {number}"};
inline constexpr mailsim::Message kDsnBadAction{
    "imf.dsn.bad_action",
    "recipient {number}: Action '{text}' is not failed, delayed, delivered, relayed or expanded",
    "destinataire {number} : l'action « {text} » n'est pas failed, delayed, delivered, relayed "
    "ou expanded"};
inline constexpr mailsim::Message kDsnBadStatus{
    "imf.dsn.bad_status",
    "recipient {number}: Status '{text}' is not a status code such as 5.1.1 (class 2, 4 or 5)",
    "destinataire {number} : le statut « {text} » n'est pas un code comme 5.1.1 (classe 2, 4 ou "
    "5)"};

inline constexpr std::array kDsnAll{&kDsnFromName,
                                    &kDsnSubjectFailed,
                                    &kDsnSubjectDelayed,
                                    &kDsnIntro,
                                    &kDsnFailedExplanation,
                                    &kDsnDelayedWarning,
                                    &kDsnSignature,
                                    &kDsnRecipientSaid,
                                    &kDsnRecipientReply,
                                    &kDsnRecipientStatus,
                                    &kDsnNoRecipient,
                                    &kDsnUnsupportedAction,
                                    &kDsnNotReport,
                                    &kDsnNoBoundary,
                                    &kDsnNoStatusPart,
                                    &kDsnMissingField,
                                    &kDsnWherePerMessage,
                                    &kDsnWhereRecipient,
                                    &kDsnBadAction,
                                    &kDsnBadStatus,
                                    &kDsnEximSubjectFailed,
                                    &kDsnEximSubjectDelayed,
                                    &kDsnEximMinutes.one,
                                    &kDsnEximMinutes.other,
                                    &kDsnEximHours.one,
                                    &kDsnEximHours.other,
                                    &kDsnEximCreated,
                                    &kDsnEximFailed.one,
                                    &kDsnEximFailed.other,
                                    &kDsnEximDelayed,
                                    &kDsnEximIdentifier,
                                    &kDsnEximSubjectIs,
                                    &kDsnEximDateIs,
                                    &kDsnEximNotYetDelivered.one,
                                    &kDsnEximNotYetDelivered.other,
                                    &kDsnEximHost,
                                    &kDsnEximSmtpError,
                                    &kDsnEximDelayReason,
                                    &kDsnEximRetryTimeout,
                                    &kDsnEximNoAction};

}  // namespace mailsim::proto::imf::msg

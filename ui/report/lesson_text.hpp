#pragma once
// Catalog entries of the lesson page (`mailsim report`), English and French: its headings, the
// words around a stored message, the questions' answers.
#include <array>

#include "sim/plural.hpp"
#include "sim/text.hpp"

namespace mailsim::report::lesson {

inline constexpr Message kContents{"lesson.contents", "Contents", "Sommaire"};
inline constexpr Message kGoal{"lesson.goal", "What the lesson shows", "Ce que montre la leçon"};
inline constexpr Message kStory{"lesson.story", "The story", "Le récit"};
inline constexpr Message kMessages{"lesson.messages", "The messages", "Les messages"};
inline constexpr Message kNoMessage{"lesson.no_message", "No message travelled in this run.",
                                    "Aucun message n'a circulé pendant cette simulation."};
inline constexpr Message kMessageHeading{"lesson.message_heading", "Message {number}: {title}",
                                         "Message {number} : {title}"};
inline constexpr Message kBounceOf{"lesson.bounce_of", "a bounce for {recipient}",
                                   "un avis de non-remise pour {recipient}"};
inline constexpr Message kJourney{"lesson.journey",
                                  "Its journey, in time order (a break marks a wait, with its "
                                  "length; point at an arrow to read the whole line)",
                                  "Son parcours, dans l'ordre du temps (une coupure marque une "
                                  "attente, avec sa durée ; pointez une flèche pour lire la ligne "
                                  "entière)"};
inline constexpr Message kAsStored{"lesson.as_stored",
                                   "The message as it was stored, headers first (the newest "
                                   "Received line on top)",
                                   "Le message tel qu'il a été rangé, en-têtes d'abord (la ligne "
                                   "Received la plus récente en haut)"};
inline constexpr Message kNotStored{
    "lesson.not_stored", "No mailbox holds this message at the end of the run.",
    "Aucune boîte aux lettres ne contient ce message à la fin de la simulation."};
inline constexpr Message kInMailbox{
    "lesson.in_mailbox",
    "In the mailbox of {user} on {server}, folder {folder}: UID {uid}, delivered at {time}, "
    "{bytes} bytes",
    "Dans la boîte aux lettres de {user} sur {server}, dossier {folder} : UID {uid}, déposé à "
    "{time}, {bytes} octets"};
inline constexpr Message kInClient{
    "lesson.in_client",
    "In {client}'s mail client on {host}, fetched at {time} and deleted from the server, "
    "{bytes} bytes",
    "Dans le logiciel de messagerie « {client} » sur {host}, relevé à {time} et effacé du "
    "serveur, {bytes} octets"};
inline constexpr PluralMessage kBodyCut{
    {"lesson.cut.one", "(… {count} more line)", "(… encore {count} ligne)"},
    {"lesson.cut.other", "(… {count} more lines)", "(… encore {count} lignes)"}};
inline constexpr Message kOtherMessages{"lesson.other_messages",
                                        "Other messages the mailboxes hold",
                                        "Autres messages que contiennent les boîtes aux lettres"};
inline constexpr Message kExpectations{"lesson.expectations",
                                       "What was expected, and what happened",
                                       "Ce qui était attendu, et ce qui s'est passé"};
inline constexpr Message kNoExpectation{"lesson.no_expectation", "This lesson sets no expectation.",
                                        "Cette leçon ne fixe aucune vérification."};
inline constexpr Message kResult{"lesson.result", "Result", "Résultat"};
inline constexpr Message kExpected{"lesson.expected", "Expected", "Attendu"};
inline constexpr Message kEvidence{"lesson.evidence", "Evidence", "Constat"};
inline constexpr Message kQuestions{"lesson.questions", "Questions for the class",
                                    "Questions pour la classe"};
inline constexpr Message kNoQuestion{"lesson.no_question", "This lesson asks no question.",
                                     "Cette leçon ne pose pas de question."};
inline constexpr Message kAnswer{"lesson.answer", "Answer", "Réponse"};
// Where a question comes in the story, and when it was asked.
inline constexpr Message kQuestionInStory{
    "lesson.question_in_story", "Question {number}: {question}", "Question {number} : {question}"};
inline constexpr Message kAskedAt{"lesson.asked_at", "Asked at {time}.", "Posée à {time}."};
inline constexpr Message kAskedAfter{"lesson.asked_after", "Asked at {time}, right after {event}.",
                                     "Posée à {time}, juste après {event}."};
inline constexpr Message kNotAsked{
    "lesson.not_asked",
    "Not asked in this run: it comes right after {event}, which never happened.",
    "Pas posée pendant cette simulation : elle vient juste après {event}, qui n'a jamais eu lieu."};
// The events a question may follow (`after:`), as the sentences above name them.
inline constexpr Message kFirstAccepted{"lesson.first_accepted", "the first message was accepted",
                                        "l'acceptation du premier message"};
inline constexpr Message kFirstRelayed{"lesson.first_relayed", "the first message was handed over",
                                       "la transmission du premier message"};
inline constexpr Message kFirstDeferred{"lesson.first_deferred", "a delivery was first put off",
                                        "le premier report d'une livraison"};
inline constexpr Message kFirstDelivered{
    "lesson.first_delivered", "the first message was delivered", "la livraison du premier message"};
inline constexpr Message kFirstBounced{"lesson.first_bounced",
                                       "the first message was returned to its sender",
                                       "le renvoi du premier message à son expéditeur"};
inline constexpr Message kEnd{
    "lesson.end",
    "Written by mailsim from the scenario {scenario} with the seed {seed}: the same scenario and "
    "seed give the same run. The run ended at {time} ({events} events).",
    "Écrit par mailsim à partir du scénario {scenario} avec la graine {seed} : le même scénario "
    "et la même graine donnent la même simulation. La simulation s'est terminée à {time} "
    "({events} événements)."};

inline constexpr std::array kAll{&kContents,       &kGoal,          &kStory,
                                 &kMessages,       &kNoMessage,     &kMessageHeading,
                                 &kBounceOf,       &kJourney,       &kAsStored,
                                 &kNotStored,      &kInMailbox,     &kInClient,
                                 &kBodyCut.one,    &kBodyCut.other, &kOtherMessages,
                                 &kExpectations,   &kNoExpectation, &kResult,
                                 &kExpected,       &kEvidence,      &kQuestions,
                                 &kNoQuestion,     &kAnswer,        &kQuestionInStory,
                                 &kAskedAt,        &kAskedAfter,    &kNotAsked,
                                 &kFirstAccepted,  &kFirstRelayed,  &kFirstDeferred,
                                 &kFirstDelivered, &kFirstBounced,  &kEnd};

}  // namespace mailsim::report::lesson

#include "agents/narration/narrator.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>

#include "agents/journey/records.hpp"
#include "agents/narration/sentences.hpp"
#include "agents/roles/typed_session.hpp"

using namespace mailsim;
using namespace mailsim::agents;
using namespace std::chrono_literals;

TEST(Narrator, TellsADeferralWithTheReplyExplained) {
  MailOutcomeRecord r(kinds::kMailDeferred);
  r.agent = "smtp.a.example";
  r.queue_id = "4B3F21A0C2";
  r.recipient = "bob@b.example";
  r.reply = "451 4.7.1 Greylisted";
  r.next_attempt = 5min;
  EXPECT_EQ(Narrator(Lang::fr).narrate(r),
            "smtp.a.example n'a pas encore pu remettre 4B3F21A0C2 à bob@b.example : 451 4.7.1 "
            "Greylisted (échec temporaire : le serveur ne refuse pas, il demande de revenir plus "
            "tard (451 4.7.1 : erreur locale de traitement ; réessayez plus tard ; non autorisé : "
            "refusé par la politique du serveur (relais, spam, liste grise))) ; nouvel essai à "
            "00:05:00");
}

TEST(Narrator, TellsAnAcceptance) {
  MailAcceptedRecord r;
  r.agent = "msa.a.example";
  r.queue_id = "A1";
  r.sender = "alice@a.example";
  r.recipients = {"bob@b.example"};
  r.size = 512;
  EXPECT_EQ(Narrator(Lang::en).narrate(r),
            "msa.a.example accepted a message from alice@a.example for bob@b.example and stored it "
            "in its queue as A1 (512 bytes)");
}

TEST(Narrator, EveryAgentRecordKindHasASentenceInBothLanguages) {
  std::vector<const sim::TraceKind*> all(journey_kinds().begin(), journey_kinds().end());
  all.insert(all.end(), typed_session_kinds().begin(), typed_session_kinds().end());
  for (const sim::TraceKind* kind : all) {
    const Message* m = Narrator::sentence_for(*kind);
    ASSERT_NE(m, nullptr) << kind->name;
    EXPECT_FALSE(m->en.empty()) << kind->name;
    EXPECT_FALSE(m->fr.empty()) << kind->name;
  }
}

TEST(Narrator, SentencePlaceholdersAreTheSameInBothLanguages) {
  auto names = [](std::string_view s) {
    std::set<std::string> out;
    for (std::size_t i = s.find('{'); i != std::string_view::npos; i = s.find('{', i + 1))
      out.insert(std::string(s.substr(i, s.find('}', i) - i + 1)));
    return out;
  };
  for (const Message* m : Narrator::sentences())
    EXPECT_EQ(names(m->en), names(m->fr)) << m->id;
}

TEST(Narrator, TellsATypedReply) {
  TypedSessionRecord r(kinds::kTypedReceived);
  r.session = "alice-pc -> 198.51.100.25:25";
  r.line = "220 mx.b.example ESMTP";
  EXPECT_EQ(Narrator(Lang::fr).narrate(r),
            "alice-pc -> 198.51.100.25:25 : le serveur a répondu « 220 mx.b.example ESMTP »");
}

// The story level: what it keeps, the article's roles beside host names, the folding of
// repeated attempts, durations, plural words, and the table of what became of each message.
#include <gtest/gtest.h>

#include "agents/journey/records.hpp"
#include "agents/mua/mua_records.hpp"
#include "agents/narration/message_ledger.hpp"
#include "agents/narration/story_sentences.hpp"
#include "agents/narration/storyteller.hpp"
#include "agents/retrieval/retrieval_records.hpp"
#include "agents/roles/smtp_dialogue_records.hpp"
#include "sim/net/trace_records.hpp"

using namespace mailsim;
using namespace mailsim::agents;
using namespace std::chrono_literals;

namespace {

HostRoles article() {
  return {{"alice-pc", {ArticleRole::mua}},
          {"smtp.a.example", {ArticleRole::msa, ArticleRole::mta}},
          {"mx.b.example", {ArticleRole::mta, ArticleRole::mda}}};
}

MailAcceptedRecord accepted(std::string agent, std::string queue_id, sim::SimTime t,
                            Stage stage = Stage::inbound_checks) {
  MailAcceptedRecord r;
  r.stage = stage;
  r.agent = std::move(agent);
  r.queue_id = std::move(queue_id);
  r.message_id = "<1@alice-pc>";
  r.sender = "alice@a.example";
  r.recipients = {"bob@b.example"};
  r.size = 400;
  r.origin = "smtp alice-pc [192.0.2.10]";
  r.set_time(t);
  return r;
}

MailOutcomeRecord outcome(const sim::TraceKind& kind, std::string agent, std::string queue_id,
                          sim::SimTime t) {
  MailOutcomeRecord r(kind);
  r.agent = std::move(agent);
  r.queue_id = std::move(queue_id);
  r.recipient = "bob@b.example";
  r.reply = "421 4.4.0 connection refused";
  r.set_time(t);
  return r;
}

}  // namespace

TEST(Story, TheLevelOfARecordIsChosenByKindAndForAcceptancesByStage) {
  EXPECT_EQ(Narrator::level_of(MailOutcomeRecord(kinds::kMailDeferred)), Level::story);
  EXPECT_EQ(Narrator::level_of(accepted("smtp.a.example", "Q1", 1s, Stage::submission)),
            Level::story);
  EXPECT_EQ(Narrator::level_of(accepted("mx.b.example", "Q2", 1s)), Level::protocol);
  const DialogueParties parties;
  DialogueLineRecord line(kinds::kSmtpClientSent, parties, "MAIL FROM:<alice@a.example>");
  EXPECT_EQ(Narrator::level_of(line), Level::protocol);
  EXPECT_TRUE(Narrator::tells(line, Level::packets));
  EXPECT_FALSE(Narrator::tells(line, Level::story));
  // What to subscribe to: a kind that some record of it may tell at that level.
  EXPECT_TRUE(Narrator::kinds_for(Level::story)(kinds::kMailAccepted));
  EXPECT_TRUE(Narrator::kinds_for(Level::story)(kinds::kMailBounced));
  EXPECT_FALSE(Narrator::kinds_for(Level::story)(kinds::kSmtpClientSent));
  EXPECT_TRUE(Narrator::kinds_for(Level::protocol)(kinds::kSmtpClientSent));
  EXPECT_FALSE(Narrator::kinds_for(Level::protocol)(sim::net::kinds::kPacketTxStart));
  EXPECT_TRUE(Narrator::kinds_for(Level::protocol)(sim::net::kinds::kPacketDropped));
  EXPECT_TRUE(Narrator::kinds_for(Level::packets)(sim::net::kinds::kPacketTxStart));
  Level level = Level::story;
  EXPECT_TRUE(parse_level("packets", level));
  EXPECT_EQ(level, Level::packets);
  EXPECT_FALSE(parse_level("everything", level));
}

TEST(Story, HostsAreNamedWithTheirRolesInBothLanguages) {
  MailAcceptedRecord r = accepted("smtp.a.example", "Q1", 1s, Stage::submission);
  r.user = "alice";
  EXPECT_EQ(Narrator(Lang::en, article()).narrate(r),
            "smtp.a.example (MSA, MTA) accepted the message that alice-pc (MUA) submitted, logged "
            "in as alice: from alice@a.example for bob@b.example, stored in its queue as Q1 (400 "
            "bytes)");
  EXPECT_EQ(Narrator(Lang::fr, article()).narrate(r),
            "smtp.a.example (MSA, MTA) a accepté le message soumis par alice-pc (MUA), identifié "
            "comme alice : d'alice@a.example pour bob@b.example, rangé dans sa file d'attente "
            "sous Q1 (400 octets)");
  // Without roles, as before.
  EXPECT_EQ(Narrator(Lang::en).with_roles("mx.b.example"), "mx.b.example");
  EXPECT_EQ(Narrator(Lang::fr, article()).with_roles("mx.b.example"), "mx.b.example (MTA, MDA)");
}

TEST(Story, RepeatedAttemptsAreFoldedIntoOneLine) {
  Storyteller teller(Lang::en, Level::story, article());
  std::vector<NarrationLine> lines;
  for (int i = 0; i < 10; ++i) {
    auto r = outcome(kinds::kMailDeferred, "smtp.a.example", "Q1", sim::SimTime(1h) * i);
    for (auto& l : teller.tell(r))
      lines.push_back(l);
  }
  EXPECT_EQ(lines.size(), static_cast<std::size_t>(Storyteller::kAttemptsShown));
  auto bounced = outcome(kinds::kMailBounced, "smtp.a.example", "Q1", 10h);
  auto told = teller.tell(bounced);
  ASSERT_EQ(told.size(), 2u);
  EXPECT_EQ(told[0].text, "… 8 more attempts failed the same way, 1 h apart, the last at 09:00:00");
  EXPECT_EQ(told[0].time, 9h);
  EXPECT_EQ(told[1].kind, "mail.bounced");
  EXPECT_TRUE(teller.finish().empty());
  // At the protocol level every attempt is told.
  Storyteller all(Lang::en, Level::protocol);
  std::size_t n = 0;
  for (int i = 0; i < 10; ++i)
    n += all.tell(outcome(kinds::kMailDeferred, "smtp.a.example", "Q1", sim::SimTime(1h) * i))
             .size();
  EXPECT_EQ(n, 10u);
}

TEST(Story, OneFoldedAttemptAndUnevenGapsInFrench) {
  Storyteller teller(Lang::fr, Level::story);
  for (sim::SimTime t : {sim::SimTime(0), sim::SimTime(5min), sim::SimTime(15min)})
    teller.tell(outcome(kinds::kMailDeferred, "smtp.a.example", "Q1", t));
  auto end = teller.finish();
  ASSERT_EQ(end.size(), 1u);
  EXPECT_EQ(end[0].text, "… 1 autre tentative a échoué de la même façon, à 00:15:00");
  teller.tell(outcome(kinds::kMailDeferred, "smtp.a.example", "Q1", 1h));
  teller.tell(outcome(kinds::kMailDeferred, "smtp.a.example", "Q1", 3h));
  end = teller.finish();
  ASSERT_EQ(end.size(), 1u);
  EXPECT_EQ(end[0].text,
            "… 2 autres tentatives ont échoué de la même façon, espacées de 45 min à 2 h, la "
            "dernière à 03:00:00");
}

TEST(Story, DurationsAndPluralWords) {
  EXPECT_EQ(format_duration(351ms, Lang::en), "351 ms");
  EXPECT_EQ(format_duration(1500ms, Lang::fr), "1,5 s");
  EXPECT_EQ(format_duration(sim::SimTime(1h) + 10min + 3s, Lang::en), "1 h 10 min");
  EXPECT_EQ(format_duration(sim::SimTime(24h) * 5 + 2h, Lang::fr), "5 j 2 h");
  EXPECT_EQ(format_duration(sim::SimTime(24h) * 5 + 2h, Lang::en), "5 d 2 h");
  auto words = [](unsigned long long n, Lang lang) {
    return counted(narration::kAttempts, n, lang).render(lang);
  };
  EXPECT_EQ(words(1, Lang::en), "1 attempt");
  EXPECT_EQ(words(0, Lang::en), "0 attempts");
  EXPECT_EQ(words(2, Lang::en), "2 attempts");
  EXPECT_EQ(words(0, Lang::fr), "0 tentative");
  EXPECT_EQ(words(1, Lang::fr), "1 tentative");
  EXPECT_EQ(words(2, Lang::fr), "2 tentatives");
}

TEST(Story, TheLedgerFollowsAMessageFromServerToServer) {
  MessageLedger ledger;
  MuaRecord composed(kinds::kMuaComposed);
  composed.client = "alice-pc";
  composed.user = "alice@a.example";
  composed.message_id = "<1@alice-pc>";
  composed.to = "bob@b.example";
  composed.set_time(1s);
  ledger.observe(composed);
  ledger.observe(accepted("smtp.a.example", "Q1", 1100ms, Stage::submission));
  // The next server tells first, then the sender its hand-over.
  ledger.observe(accepted("mx.b.example", "Q2", 1300ms));
  auto delivered = outcome(kinds::kMailDelivered, "mx.b.example", "Q2", 1300ms);
  delivered.mailbox = "bob@b.example/INBOX";
  ledger.observe(delivered);
  auto relayed = outcome(kinds::kMailRelayed, "smtp.a.example", "Q1", 1400ms);
  relayed.next_agent = "mx.b.example";
  relayed.next_queue_id = "Q2";
  ledger.observe(relayed);
  const auto rows = ledger.rows();
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_TRUE(rows[0]->ended());
  EXPECT_EQ(rows[0]->attempts(), 1u);
  EXPECT_EQ(rows[0]->took(10s), 300ms);
  const auto table = ledger.render(Narrator(Lang::en, article()), 10s);
  ASSERT_EQ(table.size(), 2u);
  EXPECT_EQ(table[1],
            "  <1@alice-pc>  from alice@a.example to bob@b.example: delivered to "
            "bob@b.example/INBOX; 1 attempt, 300 ms in all; via alice-pc (MUA) → smtp.a.example "
            "(MSA, MTA) → mx.b.example (MTA, MDA)");
}

TEST(Story, TheLedgerTellsBouncedQueuedAndRefusedMessages) {
  MessageLedger ledger;
  ledger.observe(accepted("smtp.a.example", "Q1", 1s, Stage::submission));
  for (int i = 1; i <= 3; ++i)
    ledger.observe(outcome(kinds::kMailDeferred, "smtp.a.example", "Q1", sim::SimTime(1h) * i));
  auto rows = ledger.rows();
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_FALSE(rows[0]->ended());
  EXPECT_EQ(rows[0]->attempts(), 3u);
  EXPECT_NE(ledger.render(Narrator(Lang::fr), 4h)[1].find("toujours en file d'attente chez "
                                                          "smtp.a.example ; 3 tentatives"),
            std::string::npos);
  auto bounced = outcome(kinds::kMailBounced, "smtp.a.example", "Q1", 5h);
  bounced.reply = "550 5.4.7 delivery time expired";
  ledger.observe(bounced);
  EXPECT_EQ(ledger.rows()[0]->attempts(), 4u);
  EXPECT_NE(ledger.render(Narrator(Lang::en), 6h)[1].find(
                "bounced by smtp.a.example (550 5.4.7 delivery time expired)"),
            std::string::npos);

  MuaRecord failed(kinds::kMuaSendFailed);
  failed.message_id = "<2@alice-pc>";
  failed.client = "alice-pc";
  failed.server = "smtp.a.example";
  failed.recipient = "bob@b.example, carol@c.example";
  failed.reply = "530 5.7.0 Authentication required";
  failed.set_time(7h);
  ledger.observe(failed);
  rows = ledger.rows();
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[1]->fates.size(), 2u);
  EXPECT_EQ(rows[1]->fates[1].outcome, MessageLedger::Outcome::refused);
  // A mail client never retries: the message is not lost, it waits in the client's outbox.
  const std::string row = ledger.render(Narrator(Lang::en), 8h)[2];
  EXPECT_NE(row.find("carol@c.example: not sent: smtp.a.example did not take it (530 5.7.0"),
            std::string::npos)
      << row;
  EXPECT_NE(row.find("it stays in the outbox of the mail client on alice-pc"), std::string::npos)
      << row;
  EXPECT_NE(ledger.render(Narrator(Lang::fr), 8h)[2].find(
                "il reste dans la boîte d'envoi du logiciel de messagerie sur alice-pc"),
            std::string::npos);
}

TEST(Story, AnEmptyLedgerSaysSo) {
  EXPECT_EQ(MessageLedger().render(Narrator(Lang::fr), 1s),
            (std::vector<std::string>{"Ce que chaque message est devenu :",
                                      "Aucun message n'a été envoyé."}));
}

// "1 message", "10 messages", "no new message": the count chooses the sentence, in both
// languages (a count of 10 must not read as 1).
TEST(Story, FetchedMessagesAreCountedInWords) {
  DialogueParties parties;
  parties.protocol = DialogueProtocol::imap;
  parties.client = "bob-pc";
  parties.server = "mx.b.example";
  auto told = [&](std::uint64_t count, Lang lang) {
    const RetrievalFetchedRecord r(kinds::kRetrievalClientFetched, parties, "bob", "INBOX", count);
    return Narrator(lang).narrate(r).value_or("");
  };
  EXPECT_NE(told(1, Lang::en).find("has fetched 1 message for bob"), std::string::npos);
  EXPECT_NE(told(10, Lang::en).find("has fetched 10 messages for bob"), std::string::npos);
  EXPECT_NE(told(0, Lang::en).find("found no new message for bob"), std::string::npos);
  EXPECT_NE(told(1, Lang::fr).find("a relevé 1 message pour bob"), std::string::npos);
  EXPECT_NE(told(12, Lang::fr).find("a relevé 12 messages pour bob"), std::string::npos);
  EXPECT_NE(told(0, Lang::fr).find("n'a trouvé aucun nouveau message"), std::string::npos);
  for (auto n : {0, 1, 2, 10, 11})
    for (Lang lang : {Lang::en, Lang::fr})
      EXPECT_EQ(told(n, lang).find("(s)"), std::string::npos) << n;
}

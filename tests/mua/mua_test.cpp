// The mail client (MUA) in whole scenarios: composing and submitting through the MSA, showing
// the server's verdict, fetching by IMAP and POP3 on command and at an interval, keeping what
// it fetched exactly once; and its narration in both languages.
#include <algorithm>
#include <map>
#include <set>

#include <gtest/gtest.h>

#include "agents/journey/dialogue_records.hpp"
#include "agents/mua/mua_agent.hpp"
#include "agents/mua/mua_records.hpp"
#include "agents/narration/narrator.hpp"
#include "agents/proto/imf/header.hpp"
#include "world.hpp"

using namespace mailsim;
using mua_test::kAlice;
using mua_test::World;
using mua_test::world;

namespace {

std::string bob(const std::string& fetch) {
  return "    - {name: bob, host: bob-pc, address: bob@b.example, fetch: " + fetch + "}\n";
}

const std::string kSendAt1s = R"(timeline:
  - at: 1s
    send: {client: alice, to: bob@b.example, subject: Bonjour Bob, body: "Comment vas-tu ?"}
)";

}  // namespace

TEST(Mua, AliceSubmitsAndBobFetchesByImapTheWholeJourney) {
  World r(world(kAlice + bob("{server: mx.b.example, protocol: imap, password: builder}"),
                kSendAt1s + "  - at: 1min\n    fetch: bob\n"));
  ASSERT_TRUE(r.run);
  auto& rec = r.run_to_end();
  const auto& alice = *r.run->mail().clients().at("alice");
  ASSERT_EQ(alice.sent().size(), 1u);
  EXPECT_EQ(alice.sent()[0].status, agents::OutgoingMail::Status::accepted);
  EXPECT_TRUE(alice.sent()[0].reply.starts_with("250 2.0.0 Ok: queued as "))
      << alice.sent()[0].reply;

  const auto& bob = *r.run->mail().clients().at("bob");
  ASSERT_EQ(bob.inbox().size(), 1u);
  const auto& kept = bob.inbox()[0];
  EXPECT_EQ(kept.subject, "Bonjour Bob");
  EXPECT_EQ(kept.from, "Alice <alice@a.example>");
  const auto m = proto::imf::parse_message(kept.content);
  EXPECT_EQ(m.header.count("Received"), 2u);  // smtp.a.example, then mx.b.example
  EXPECT_EQ(m.header.value("Return-Path").value_or(""), "<alice@a.example>");
  EXPECT_EQ(m.header.value("Message-ID"), alice.sent()[0].message_id);
  EXPECT_EQ(rec.kinds["mua.composed"], 1);
  EXPECT_EQ(rec.kinds["mua.sent"], 1);
  EXPECT_EQ(rec.kinds["mua.new_mail"], 1);
  ASSERT_EQ(rec.sentences.size(), 3u);
  EXPECT_EQ(rec.sentences[2],
            "the mail client on bob-pc shows bob@b.example a new message from Alice "
            "<alice@a.example>: \"Bonjour Bob\" (fetched from mx.b.example)");
}

TEST(Mua, Pop3FetchingTwiceKeepsEachMessageOnce) {
  World r(world(kAlice + bob("{server: mx.b.example, protocol: pop3, password: builder}"),
                kSendAt1s + "  - at: 1min\n    fetch: bob\n  - at: 2min\n    fetch: bob\n"));
  ASSERT_TRUE(r.run);
  auto& rec = r.run_to_end();
  const auto& bob = *r.run->mail().clients().at("bob");
  ASSERT_EQ(bob.inbox().size(), 1u);
  EXPECT_EQ(rec.kinds["retrieval.client.fetched"], 2);  // the second fetch found nothing new
  EXPECT_EQ(rec.kinds["mua.new_mail"], 1);
  // Kept on the server (the default): still in Bob's mailbox there.
  const auto& store = r.run->mail().servers()[1]->store();
  EXPECT_EQ(store.messages("bob", "INBOX").size(), 1u);
}

TEST(Mua, Pop3WithoutKeepingDeletesFromTheServer) {
  World r(world(kAlice + bob("{server: mx.b.example, protocol: pop3, password: builder, "
                             "keep_on_server: false}"),
                kSendAt1s + "  - at: 1min\n    fetch: bob\n"));
  ASSERT_TRUE(r.run);
  r.run_to_end();
  EXPECT_EQ(r.run->mail().clients().at("bob")->inbox().size(), 1u);
  EXPECT_EQ(r.run->mail().servers()[1]->store().messages("bob", "INBOX").size(), 0u);
}

TEST(Mua, FetchingAtAnIntervalFindsTheMailAtTheFirstFetchAfterItArrives) {
  World r(world(kAlice + bob("{server: mx.b.example, password: builder, every: 5min}"),
                "duration: 21min\ntimeline:\n  - at: 7min\n    send: {client: alice, to: "
                "bob@b.example, subject: Later}\n"));
  ASSERT_TRUE(r.run);
  sim::SimTime shown{0};
  auto id = r.run->sim().trace().subscribe([&](const sim::TraceRecord& x) {
    if (&x.kind() == &agents::kinds::kMuaNewMail) shown = x.time();
  });
  auto& rec = r.run_to_end();
  r.run->sim().trace().unsubscribe(id);
  EXPECT_EQ(rec.kinds["retrieval.client.connecting"], 4);  // at 5, 10, 15 and 20 minutes
  EXPECT_EQ(rec.kinds["mua.new_mail"], 1);
  EXPECT_GT(shown, std::chrono::minutes(10));
  EXPECT_LT(shown, std::chrono::minutes(11));
}

TEST(Mua, AWrongPasswordIsShownToTheUserWithTheServersExactWords) {
  World r(
      world("    - {name: alice, host: alice-pc, address: alice@a.example,\n"
            "       submit: {server: smtp.a.example, password: guess}}\n",
            kSendAt1s));
  ASSERT_TRUE(r.run);
  auto& rec = r.run_to_end();
  const auto& alice = *r.run->mail().clients().at("alice");
  ASSERT_EQ(alice.sent().size(), 1u);
  EXPECT_EQ(alice.sent()[0].status, agents::OutgoingMail::Status::refused);
  EXPECT_TRUE(alice.sent()[0].reply.starts_with("535 5.7.8")) << alice.sent()[0].reply;
  EXPECT_EQ(rec.kinds["mua.send_failed"], 1);
  EXPECT_EQ(rec.kinds["mail.accepted"], 0);
}

TEST(Mua, AMailClientNeverRetriesTheMessageStaysInTheOutbox) {
  // Its server is off: the client shows the error once and keeps the message, as Thunderbird
  // does; only an MTA queues and tries again.
  World r(world(kAlice, "timeline:\n  - at: 0s\n    host_down: smtp.a.example\n" +
                            kSendAt1s.substr(std::string("timeline:\n").size())));
  ASSERT_TRUE(r.run);
  std::vector<std::string> told;  // every sentence of the run, at the protocol level
  r.run->sim().trace().subscribe([&](const sim::TraceRecord& rec) {
    if (auto s = agents::Narrator(Lang::en).narrate(rec)) told.push_back(*s);
  });
  auto& rec = r.run_to_end();
  const auto& alice = *r.run->mail().clients().at("alice");
  ASSERT_EQ(alice.sent().size(), 1u);
  EXPECT_EQ(alice.sent()[0].status, agents::OutgoingMail::Status::refused);
  ASSERT_EQ(alice.outbox().size(), 1u);
  EXPECT_NE(alice.outbox()[0]->content->find("Subject: Bonjour Bob"), std::string::npos);
  EXPECT_EQ(rec.kinds["smtp.client.connecting"], 1);  // one try, no retry
  for (const auto& line : told)
    EXPECT_EQ(line.find("try again later"), std::string::npos) << line;
  const auto failed = std::find_if(told.begin(), told.end(), [](const std::string& line) {
    return line.starts_with("the mail client on alice-pc shows alice@a.example an error");
  });
  ASSERT_NE(failed, told.end());
  EXPECT_TRUE(
      failed->ends_with("the message stays in the outbox until alice@a.example sends it "
                        "again"))
      << *failed;
}

TEST(Mua, AnAttachmentOverTheServersSizeLimitIsRefusedBeforeItIsSent) {
  World r(world(kAlice, R"(timeline:
  - at: 1s
    send: {client: alice, to: bob@b.example, subject: Holiday video, attachment: 12MB}
)"));
  ASSERT_TRUE(r.run);
  auto& rec = r.run_to_end();
  const auto& alice = *r.run->mail().clients().at("alice");
  ASSERT_EQ(alice.sent().size(), 1u);
  EXPECT_EQ(alice.sent()[0].status, agents::OutgoingMail::Status::refused);
  EXPECT_TRUE(alice.sent()[0].reply.starts_with("552 5.3.4")) << alice.sent()[0].reply;
  EXPECT_EQ(rec.kinds["mail.accepted"], 0);
}

TEST(Mua, TheHostGoingDownDuringAFetchEndsItAndTheNextFetchWorks) {
  World r(world(kAlice + bob("{server: mx.b.example, password: builder}"),
                kSendAt1s + "  - at: 1min\n    host_down: mx.b.example\n"
                            "  - at: 1min 1s\n    fetch: bob\n"
                            "  - at: 10min\n    host_up: mx.b.example\n"
                            "  - at: 11min\n    fetch: bob\n"));
  ASSERT_TRUE(r.run);
  auto& rec = r.run_to_end();
  EXPECT_EQ(rec.kinds["retrieval.client.failed"], 1);
  EXPECT_EQ(r.run->mail().clients().at("bob")->inbox().size(), 1u);  // stored before 250
}

TEST(Mua, ABurstOfMessagesWaitsInTheOutboxAndGoesTenConnectionsAtATime) {
  // 25 messages written at the same instant: 10 connections open, 15 messages wait and go in
  // the order they were written as connections end; all are taken, none twice.
  std::string timeline = "timeline:\n";
  for (int i = 0; i < 25; ++i)
    timeline += "  - at: 1s\n    send: {client: alice, to: bob@b.example, subject: m" +
                std::to_string(i) + "}\n";
  World r(world(kAlice, timeline));
  ASSERT_TRUE(r.run);
  std::size_t open = 0, most_open = 0;
  std::vector<std::string> submitted;  // Message-IDs in the order their sessions started
  auto id = r.run->sim().trace().subscribe([&](const sim::TraceRecord& x) {
    // alice-pc's sessions: each opens with a connecting record and ends with one end record.
    if (const auto* d = dynamic_cast<const agents::DialogueRecord*>(&x);
        d && d->parties.stage == agents::Stage::submission &&
        d->parties.side == agents::DialogueSide::client) {
      if (x.kind().name == "smtp.client.connecting") most_open = std::max(most_open, ++open);
      if (dynamic_cast<const agents::DialogueEndRecord*>(&x)) --open;
    }
    if (const auto* m = dynamic_cast<const agents::MuaRecord*>(&x);
        m && &x.kind() == &agents::kinds::kMuaSent)
      submitted.push_back(m->message_id);
  });
  auto& rec = r.run_to_end();
  r.run->sim().trace().unsubscribe(id);
  EXPECT_EQ(most_open, agents::MuaAgent::kMaxOpenSubmissions);
  EXPECT_EQ(rec.kinds["mua.send_waiting"], 15);
  EXPECT_EQ(rec.kinds["mua.sent"], 25);
  EXPECT_EQ(rec.kinds["mail.delivered"], 25);
  const auto& sent = r.run->mail().clients().at("alice")->sent();
  ASSERT_EQ(sent.size(), 25u);
  for (const auto& m : sent)
    EXPECT_EQ(m.status, agents::OutgoingMail::Status::accepted) << m.subject;
  // The waiting ones went in the order they were written: the last 15 sent are m10..m24.
  ASSERT_EQ(submitted.size(), 25u);
  for (std::size_t i = 10; i < 25; ++i)
    EXPECT_EQ(submitted[i], sent[i].message_id) << i;
  const auto waiting = std::find_if(rec.sentences.begin(), rec.sentences.end(), [](auto& s) {
    return s.find("outbox for now") != std::string::npos;
  });
  ASSERT_NE(waiting, rec.sentences.end());
  EXPECT_NE(waiting->find("it already has 10 connections open to smtp.a.example"),
            std::string::npos)
      << *waiting;
}

TEST(MuaNarration, EveryKindHasASentenceWhosePlaceholdersAreFieldsOfItsRecord) {
  struct Names final : sim::FieldVisitor {
    using FieldVisitor::field;
    void field(std::string_view k, std::int64_t) override { names.insert(std::string(k)); }
    void field(std::string_view k, std::uint64_t) override { names.insert(std::string(k)); }
    void field(std::string_view k, double) override { names.insert(std::string(k)); }
    void field(std::string_view k, bool) override { names.insert(std::string(k)); }
    void field(std::string_view k, std::string_view) override { names.insert(std::string(k)); }
    void field(std::string_view k, sim::SimTime) override { names.insert(std::string(k)); }
    std::set<std::string> names;
  };
  for (const auto* kind : agents::mua_kinds()) {
    const Message* m = agents::Narrator::sentence_for(*kind);
    ASSERT_NE(m, nullptr) << kind->name;
    Names fields;
    agents::MuaRecord(*kind).visit_fields(fields);
    fields.names.insert("explain");  // derived from the reply
    for (std::string_view text : {m->en, m->fr}) {
      for (std::size_t open = text.find('{'); open != std::string_view::npos;
           open = text.find('{', open + 1)) {
        const auto name = std::string(text.substr(open + 1, text.find('}', open) - open - 1));
        EXPECT_TRUE(fields.names.count(name)) << kind->name << ": {" << name << "}";
      }
    }
  }
}

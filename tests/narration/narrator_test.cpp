#include "agents/narration/narrator.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <iostream>
#include <set>

#include "agents/dns/records.hpp"
#include "agents/journey/records.hpp"
#include "agents/narration/diagnostics.hpp"
#include "agents/narration/field_words.hpp"
#include "agents/narration/sentences.hpp"
#include "agents/roles/smtp_dialogue_records.hpp"
#include "agents/roles/typed_session.hpp"
#include "sim/net/network.hpp"
#include "sim/net/trace_records.hpp"
#include "sim/simulator.hpp"

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
            "Greylisted (échec temporaire, le client doit réessayer plus tard : 451 signifie une "
            "erreur locale de traitement, et 4.7.1 signifie que la politique du serveur le "
            "refuse pour l'instant, par exemple la liste grise ou une limite d'envoi) ; nouvel "
            "essai à 00:05:00");
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
  all.insert(all.end(), smtp_dialogue_kinds().begin(), smtp_dialogue_kinds().end());
  all.insert(all.end(), sim::net::all_kinds().begin(), sim::net::all_kinds().end());
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
  DialogueParties who;
  who.protocol = DialogueProtocol::typed;
  who.session = "alice-pc -> 198.51.100.25:25";
  DialogueLineRecord r(kinds::kTypedReceived, who, "220 mx.b.example ESMTP");
  EXPECT_EQ(Narrator(Lang::fr).narrate(r),
            "alice-pc -> 198.51.100.25:25 : le serveur a répondu « 220 mx.b.example ESMTP »");
}

// Every network record of a real exchange narrates without a placeholder left unfilled.
TEST(Narrator, NetworkRecordsOfARealExchangeAreFullyNarrated) {
  using namespace sim::net;
  sim::Simulator sim(1);
  Network net(sim);
  NodeId a = net.add_host("alice-pc", Ipv4Address::parse("192.0.2.10"));
  NodeId b = net.add_host("mx.b.example", Ipv4Address::parse("198.51.100.25"));
  NodeId r = net.add_router("r1");
  LinkParams lossy;
  lossy.loss = 0.2;
  net.add_link("a-r1", a, r, {});
  net.add_link("r1-b", r, b, lossy);
  std::vector<std::string> en, fr;
  std::set<std::string> kinds_seen;
  Narrator n_en(Lang::en), n_fr(Lang::fr);
  sim.trace().subscribe([&](const sim::TraceRecord& rec) {
    kinds_seen.insert(std::string(rec.kind().name));
    auto e = n_en.narrate(rec);
    auto f = n_fr.narrate(rec);
    ASSERT_TRUE(e && f) << rec.kind().name;
    EXPECT_EQ(e->find('{'), std::string::npos) << *e;
    EXPECT_EQ(f->find('{'), std::string::npos) << *f;
    en.push_back(*e);
  });
  net.host(b).listen(25, [](StreamSocket s) {
    s.send(std::string(5000, 'x'));
    s.close();
  });
  net.host(a).connect(
      Ipv4Address::parse("198.51.100.25"), 25, [](StreamSocket s) { s.close(); }, [](ConnError) {});
  net.host(a).connect(
      Ipv4Address::parse("198.51.100.25"), 26, [](StreamSocket) {}, [](ConnError) {});
  sim.schedule_at(std::chrono::seconds(30), [&] { net.set_link_up(net.link("r1-b"), false); });
  sim.run_until(std::chrono::minutes(1));
  EXPECT_GT(kinds_seen.size(), 10u);
  if (std::getenv("MAILSIM_PRINT_NARRATION"))
    for (const auto& line : en)
      std::cout << line << "\n";
  EXPECT_NE(
      std::find(en.begin(), en.end(), "alice-pc sends packet 1 (TCP SYN) to 198.51.100.25 port 25"),
      en.end());
}

// A route change says what its cost counts: configured costs (the links' latencies), as on the
// Internet, or also the queues when the scenario asks for `routing: least-busy`.
TEST(Narrator, ARouteChangeSaysWhatItsCostCounts) {
  struct Case {
    const char* metric;
    const char* en;
    const char* fr;
  };
  const Case cases[] = {
      {"shortest", "(the new route costs 30 ms, the sum of its links' latencies)",
       "(la nouvelle route coûte 30 ms, la somme des latences de ses liens)"},
      {"least-busy", "(the new route costs 30 ms: latency plus waiting in the queues)",
       "(la nouvelle route coûte 30 ms : latence plus attente dans les files)"}};
  for (const Case& c : cases) {
    const sim::net::RouteChangedRecord r("isp-a", "mx.b.example", "direct", "isp-a-isp-c", 30ms,
                                         c.metric);
    EXPECT_EQ(Narrator(Lang::en).narrate(r),
              std::string("isp-a now sends packets for mx.b.example over the link isp-a-isp-c "
                          "instead of direct ") +
                  c.en);
    EXPECT_EQ(Narrator(Lang::fr).narrate(r),
              std::string("isp-a envoie désormais les paquets pour mx.b.example par le lien "
                          "isp-a-isp-c au lieu de direct ") +
                  c.fr);
  }
}

// The window shows a session's state with these words too.
TEST(Narrator, SessionStatesInTheReadersWords) {
  EXPECT_EQ(narration::state_words("CLOSED", Lang::fr), "FERMÉ");
  EXPECT_EQ(narration::state_words("CLOSED", Lang::en), "CLOSED");
  EXPECT_EQ(narration::state_words("not authenticated", Lang::fr),
            narration::kWordImapNotAuth.text(Lang::fr));
  EXPECT_EQ(narration::state_words("RCPT", Lang::fr), "RCPT");  // a command keeps its name
}

// Mail domains are told as in addresses, without DNS's root dot, in both languages: the SPF
// sentence said "pour a.example. :" and the null MX diagnostic "the domain b.example. does".
TEST(Narrator, MailDomainsWithoutTheRootDot) {
  DnsSpfRecord spf;
  spf.agent = "mx.b.example";
  spf.ip = "192.0.2.25";
  spf.domain = "a.example.";
  spf.result = "pass";
  spf.matched = "ip4:192.0.2.0/24";
  EXPECT_EQ(Narrator(Lang::en).narrate(spf),
            "mx.b.example checked with SPF whether 192.0.2.25 may send mail for a.example: pass "
            "(deciding term \"ip4:192.0.2.0/24\", 0 DNS lookups)");
  EXPECT_EQ(Narrator(Lang::fr).narrate(spf),
            "mx.b.example a vérifié par SPF si 192.0.2.25 peut envoyer du courrier pour a.example "
            ": pass (autorisé) (terme décisif « ip4:192.0.2.0/24 », 0 recherche DNS)");
  DnsblRecord listed;
  listed.agent = "mx.b.example";
  listed.ip = "203.0.113.9";
  listed.list = "bl.example.";
  listed.verdict = "listed";
  listed.codes = "127.0.0.2";
  EXPECT_EQ(Narrator(Lang::en).narrate(listed),
            "mx.b.example asked the blocklist bl.example about 203.0.113.9: listed [127.0.0.2]");
  EXPECT_EQ(diagnostic_in("556 5.1.10 the domain b.example. does not accept mail: its only MX "
                          "record is the null MX \"0 .\" (RFC 7505)",
                          Lang::en),
            "556 5.1.10 the domain b.example does not accept mail: its only MX record is the null "
            "MX \"0 .\" (RFC 7505)");
  EXPECT_EQ(diagnostic_in("451 4.4.3 no DNS server answered about b.example. (down or "
                          "unreachable): the mail waits and will be tried again",
                          Lang::fr),
            "451 4.4.3 aucun serveur DNS n'a répondu pour b.example (arrêté ou injoignable) : le "
            "courrier attend et sera réessayé");
}

// The evidence of `mailsim check` renders later, in either language: a connection the mail
// client could not make is the simulator's diagnostic (French words in French), a server's reply
// stays as it was sent.
TEST(Narrator, DiagnosticTextIsRenderedInTheReadersLanguage) {
  const Text timed_out =
      diagnostic_text("connect to mx.b.example[198.51.100.25]:25: Connection timed out");
  EXPECT_EQ(timed_out.render(Lang::en),
            "connect to mx.b.example[198.51.100.25]:25: Connection timed out");
  EXPECT_EQ(timed_out.render(Lang::fr),
            "connexion à mx.b.example[198.51.100.25]:25 impossible : "
            "aucune réponse, délai de connexion dépassé");
  EXPECT_EQ(
      diagnostic_text("550 5.1.1 <zed@b.example>: Recipient address rejected").render(Lang::fr),
      "550 5.1.1 <zed@b.example>: Recipient address rejected");
  EXPECT_EQ(diagnostic_text("451 4.4.3 no DNS server answered about b.example. (down or "
                            "unreachable): the mail waits and will be tried again")
                .render(Lang::en),
            "451 4.4.3 no DNS server answered about b.example (down or unreachable): the mail "
            "waits and will be tried again");
}

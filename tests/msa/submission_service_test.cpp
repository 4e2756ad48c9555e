// The submission service in a whole run: what the MSA adds to a message typed by hand.
#include <algorithm>
#include <memory>
#include <set>
#include <string>

#include <gtest/gtest.h>

#include "agents/journey/dialogue_records.hpp"
#include "agents/proto/imf/header.hpp"
#include "scenarios/build/scenario_run.hpp"
#include "scenarios/load/scenario_reader.hpp"

using namespace mailsim;

namespace {

// Alice types the same message on two computers, each with its own link to her provider's
// server: both final dots reach it in the same microsecond.
std::string typed_from(const std::string& host) {
  return "  - at: 1s\n"
         "    type:\n"
         "      from: " +
         host +
         "\n"
         "      to: smtp.a.example\n"
         "      port: 587\n"
         "      pause: 1s\n"
         "      lines: [EHLO pc, STARTTLS, EHLO pc, AUTH PLAIN AGFsaWNlAHdvbmRlcmxhbmQ=,\n"
         "              \"MAIL FROM:<alice@a.example>\", \"RCPT TO:<bob@a.example>\", DATA,\n"
         "              \"Subject: typed\", \"\", typed by hand, ., QUIT]\n";
}

const std::string kTwoComputers = R"(title: twice in the same microsecond
network:
  hosts:
    - {name: alice-pc, address: 192.0.2.10}
    - {name: alice-laptop, address: 192.0.2.11}
    - {name: smtp.a.example, address: 192.0.2.25}
  links:
    - {between: [alice-pc, smtp.a.example]}
    - {between: [alice-laptop, smtp.a.example]}
mail:
  servers:
    - host: smtp.a.example
      domains: [a.example]
      users: {alice: wonderland, bob: builder}
      submission: true
timeline:
)" + typed_from("alice-pc") + typed_from("alice-laptop");

}  // namespace

TEST(SubmissionService, TwoMessagesOfTheSameMicrosecondGetDifferentMessageIds) {
  auto loaded = scenarios::load_scenario_text(kTwoComputers, "t.yaml");
  ASSERT_TRUE(loaded.scenario) << loaded.diagnostics.render(Lang::en);
  scenarios::Diagnostics diag("t.yaml");
  scenarios::ScenarioRun run(*loaded.scenario, diag);
  ASSERT_TRUE(run.ok()) << diag.render(Lang::en);
  run.run_to_completion();
  const auto stored = run.mail().servers()[0]->store().messages("bob", "INBOX");
  ASSERT_EQ(stored.size(), 2u);
  std::set<std::string> ids;
  for (const auto& m : stored) {
    const auto id = proto::imf::parse_message(m.content).header.value("Message-ID");
    ASSERT_TRUE(id);
    EXPECT_TRUE(id->ends_with("@smtp.a.example>")) << *id;  // added by the MSA
    ids.insert(*id);
  }
  EXPECT_EQ(ids.size(), 2u);
}

// Alice types `lines` from alice-pc to smtp.a.example's port 587; `server` is the rest of the
// server's settings. The run keeps what her terminal shows.
struct TypedSubmission {
  explicit TypedSubmission(const std::string& server, const std::string& lines)
      : loaded(scenarios::load_scenario_text(R"(title: typed to port 587
network:
  hosts:
    - {name: alice-pc, address: 192.0.2.10}
    - {name: smtp.a.example, address: 192.0.2.25}
  links:
    - {between: [alice-pc, smtp.a.example]}
mail:
  servers:
    - {host: smtp.a.example, domains: [a.example], submission: true, )" +
                                                 server + R"(}
timeline:
  - at: 1s
    type: {from: alice-pc, to: smtp.a.example, port: 587, pause: 1s, lines: [)" +
                                                 lines + "]}\n",
                                             "t.yaml")) {}
  void run() {
    ASSERT_TRUE(loaded.scenario) << loaded.diagnostics.render(Lang::en);
    world = std::make_unique<scenarios::ScenarioRun>(*loaded.scenario, diag);
    ASSERT_TRUE(world->ok()) << diag.render(Lang::en);
    world->sim().trace().subscribe([&](const sim::TraceRecord& r) {
      if (const auto* line = dynamic_cast<const agents::DialogueLineRecord*>(&r);
          line && r.kind().name == "typed.received")
        heard.emplace_back(line->line);
    });
    world->run_to_completion();
  }
  scenarios::LoadResult loaded;
  scenarios::Diagnostics diag{"t.yaml"};
  std::unique_ptr<scenarios::ScenarioRun> world;
  std::vector<std::string> heard;  // what Alice's terminal shows
};

TEST(SubmissionService, AuthIsOfferedOnlyAfterStarttls) {
  // Postfix's smtpd_tls_auth_only = yes, the usual setup of port 587: no password in clear.
  TypedSubmission t("users: {alice: wonderland}",
                    "EHLO pc, AUTH PLAIN AGFsaWNlAHdvbmRlcmxhbmQ=, STARTTLS, EHLO pc, "
                    "AUTH PLAIN AGFsaWNlAHdvbmRlcmxhbmQ=, QUIT");
  t.run();
  const auto& heard = t.heard;
  const auto at = [&](const std::string& line) {
    return std::find(heard.begin(), heard.end(), line) - heard.begin();
  };
  const auto tls = at("220 2.0.0 Ready to start TLS");
  ASSERT_LT(tls, static_cast<std::ptrdiff_t>(heard.size()));
  EXPECT_LT(at("250-STARTTLS"), tls);
  // Postfix's answer (smtpd_sasl_proto.c), not RFC 4954's 538 5.7.11.
  EXPECT_LT(at("504 5.5.4 Encryption required for requested authentication mechanism"), tls);
  EXPECT_GT(at("250-AUTH PLAIN LOGIN"), tls);  // offered only once encrypted
  EXPECT_GT(at("235 2.7.0 Authentication successful"), tls);
  EXPECT_EQ(std::count(heard.begin(), heard.end(), "250-AUTH PLAIN LOGIN"), 1);
}

TEST(SubmissionService, CountsReceivedHopsAsTheMtaDoes) {
  // Postfix's submission smtpd hands the message to the same cleanup as port 25: with
  // hopcount_limit 3, two Received lines and the MSA's own reach it (554 5.4.0); one passes.
  TypedSubmission t("users: {alice: wonderland, bob: builder}, hopcount_limit: 3",
                    "EHLO pc, STARTTLS, EHLO pc, AUTH PLAIN AGFsaWNlAHdvbmRlcmxhbmQ=, "
                    "\"MAIL FROM:<alice@a.example>\", \"RCPT TO:<bob@a.example>\", DATA, "
                    "\"Received: from b by c; Mon, 30 Nov 2026 09:00:00 +0100\", "
                    "\"Received: from a by b; Mon, 30 Nov 2026 09:00:00 +0100\", "
                    "\"Subject: looped\", \"\", twice relayed, ., "
                    "\"MAIL FROM:<alice@a.example>\", \"RCPT TO:<bob@a.example>\", DATA, "
                    "\"Received: from a by b; Mon, 30 Nov 2026 09:00:00 +0100\", "
                    "\"Subject: once\", \"\", once relayed, ., QUIT");
  t.run();
  EXPECT_EQ(std::count(t.heard.begin(), t.heard.end(), "554 5.4.0 Error: too many hops"), 1);
  const auto stored = t.world->mail().servers()[0]->store().messages("bob", "INBOX");
  ASSERT_EQ(stored.size(), 1u);
  EXPECT_EQ(proto::imf::parse_message(stored[0].content).header.value("Subject"), "once");
}

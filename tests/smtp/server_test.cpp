// One test per reply path of RFC 5321 4.3.2 and the order rules of 4.1.4 (limits, framing and
// timeouts: server_limits_test.cpp).
#include <gtest/gtest.h>

#include "agents/proto/smtp/crlf_lines.hpp"
#include "tests/proto_common/timer_text.hpp"
#include "tests/smtp/server_harness.hpp"

namespace mailsim::proto::smtp {
namespace {

using testing::at;
using testing::ServerHarness;
using Texts = std::vector<std::string>;

ServerConfig plain_config() {
  ServerConfig c;
  c.hostname = "mx.example";
  return c;
}

TEST(SmtpServer, GreetingAndEhloAdvertiseConfiguredExtensions) {
  ServerConfig c = plain_config();
  c.extensions.auth = true;
  c.extensions.starttls = true;
  ServerHarness h(c);
  EXPECT_EQ(h.start(), "220 mx.example ESMTP MailSim\r\n");
  EXPECT_EQ(h.send("EHLO client.example\r\n"),
            "250-mx.example\r\n250-PIPELINING\r\n250-8BITMIME\r\n250-SIZE 10240000\r\n"
            "250-STARTTLS\r\n250-AUTH PLAIN LOGIN\r\n250-ENHANCEDSTATUSCODES\r\n250 HELP\r\n");
  EXPECT_EQ(h.send("HELO client.example\r\n"), "250 mx.example\r\n");
  EXPECT_FALSE(h.session.esmtp());
}

TEST(SmtpServer, GreetingRefused554AnswersOnly503UntilQuit) {
  ServerHarness h(plain_config());
  h.defer_answers = true;
  h.start();
  EXPECT_EQ(h.out, "");  // nothing before the owner's verdict
  h.session.answer(Reply(554, "5.7.1", "mx.example No SMTP service here"), at(0));
  EXPECT_EQ(h.out, "554 5.7.1 mx.example No SMTP service here\r\n");
  EXPECT_EQ(h.send("EHLO c.example\r\n"), "503 5.5.1 Error: service refused, send QUIT\r\n");
  EXPECT_EQ(h.send("MAIL FROM:<a@b.example>\r\n"),
            "503 5.5.1 Error: service refused, send QUIT\r\n");
  EXPECT_EQ(h.send("QUIT\r\n"), "221 2.0.0 Bye\r\n");
  EXPECT_TRUE(h.session.closed());
}

TEST(SmtpServer, GreetingRefusalByConfiguredPolicy421Closes) {
  ServerHarness h(plain_config());
  h.defer_answers = true;
  h.start();
  h.session.answer(Reply(421, "4.3.2", "mx.example busy"), at(0));
  EXPECT_TRUE(h.session.closed());
}

TEST(SmtpServer, EhloReplies) {
  ServerHarness h(plain_config());
  h.start();
  // Postfix names the command it was given.
  EXPECT_EQ(h.send("EHLO\r\n"), "501 5.5.4 Syntax: EHLO hostname\r\n");
  EXPECT_EQ(h.send("EHLO bad name\r\n"), "501 5.5.4 Syntax: EHLO hostname\r\n");
  EXPECT_EQ(h.send("HELO\r\n"), "501 5.5.4 Syntax: HELO hostname\r\n");
  h.defer_answers = true;
  h.send("EHLO spammer.example\r\n");
  EXPECT_TRUE(h.session.waiting_for_policy());
  h.session.answer(Reply(550, "5.7.1", "Go away"), at(0));
  EXPECT_EQ(h.out.substr(h.out.rfind("550")), "550 5.7.1 Go away\r\n");
  EXPECT_EQ(h.session.state(), ServerState::greeted);
}

TEST(SmtpServer, MailReplies) {
  ServerHarness h(plain_config());
  h.start();
  EXPECT_EQ(h.send("MAIL FROM:<a@b.example>\r\n"), "503 5.5.1 Error: send HELO/EHLO first\r\n");
  h.send("EHLO c.example\r\n");
  EXPECT_EQ(h.send("MAIL FROM:a@b.example\r\n"), "501 5.1.7 Bad sender address syntax\r\n");
  EXPECT_EQ(h.send("MAIL FROM:<" + std::string(65, 'x') + "@b.example>\r\n"),
            "553 5.1.7 Sender address too long\r\n");
  EXPECT_EQ(h.send("MAIL FROM:<a@b.example> SIZE=99999999\r\n"),
            "552 5.3.4 Message size exceeds fixed limit\r\n");
  EXPECT_EQ(h.send("MAIL FROM:<a@b.example> FOO=1\r\n"), "555 5.5.4 Unsupported option: FOO=1\r\n");
  EXPECT_EQ(h.send("MAIL FROM:<a@b.example> BODY=8BITMIME SIZE=100\r\n"), "250 2.1.0 Ok\r\n");
  ASSERT_NE(h.session.transaction(), nullptr);
  EXPECT_TRUE(h.session.transaction()->eight_bit);
  EXPECT_EQ(h.session.transaction()->declared_size, 100u);
  EXPECT_EQ(h.send("MAIL FROM:<a@b.example>\r\n"), "503 5.5.1 Error: nested MAIL command\r\n");
  EXPECT_EQ(h.send("RSET\r\n"), "250 2.0.0 Ok\r\n");
  EXPECT_EQ(h.send("MAIL FROM:<>\r\n"), "250 2.1.0 Ok\r\n");
}

TEST(SmtpServer, MailParametersNeedEhlo) {
  ServerHarness h(plain_config());
  h.start();
  h.send("HELO c.example\r\n");
  EXPECT_EQ(h.send("MAIL FROM:<a@b.example> SIZE=10\r\n"),
            "555 5.5.4 Unsupported option: SIZE=10\r\n");
}

TEST(SmtpServer, MailRefusedByPolicyKeepsNoTransaction) {
  for (const Reply& r : {Reply(451, "4.3.0", "Try later"), Reply(550, "5.7.1", "Blocked"),
                         Reply(452, "4.3.1", "Insufficient storage"),
                         Reply(455, "4.5.4", "Cannot accommodate parameters")}) {
    ServerHarness h(plain_config());
    h.greeted();
    h.defer_answers = true;
    h.send("MAIL FROM:<a@b.example>\r\n");
    h.session.answer(r, at(0));
    EXPECT_EQ(h.out.substr(h.out.rfind("\r\n", h.out.size() - 3) + 2), r.wire());
    EXPECT_EQ(h.session.transaction(), nullptr);
    EXPECT_EQ(h.session.state(), ServerState::ready);
  }
}

TEST(SmtpServer, RcptReplies) {
  ServerHarness h(plain_config());
  h.refuse_rcpt["nobody@mx.example"] =
      Reply(550, "5.1.1", "Recipient address rejected: User unknown");
  h.refuse_rcpt["full@mx.example"] = Reply(452, "4.2.2", "Mailbox full");
  h.refuse_rcpt["moved@mx.example"] =
      Reply(551, "5.1.6", "User not local; please try <x@y.example>");
  h.refuse_rcpt["later@mx.example"] = Reply(450, "4.2.0", "Greylisted");
  h.greeted();
  EXPECT_EQ(h.send("RCPT TO:<a@mx.example>\r\n"), "503 5.5.1 Error: need MAIL command\r\n");
  h.send("MAIL FROM:<s@b.example>\r\n");
  EXPECT_EQ(h.send("RCPT TO:<a@mx.example> NOTIFY=NEVER\r\n"),
            "555 5.5.4 Unsupported option: NOTIFY=NEVER\r\n");
  EXPECT_EQ(h.send("RCPT TO:a@mx.example\r\n"), "501 5.1.3 Bad recipient address syntax\r\n");
  EXPECT_EQ(h.send("RCPT TO:<nobody@mx.example>\r\n"),
            "550 5.1.1 Recipient address rejected: User unknown\r\n");
  EXPECT_EQ(h.send("RCPT TO:<full@mx.example>\r\n"), "452 4.2.2 Mailbox full\r\n");
  EXPECT_EQ(h.send("RCPT TO:<moved@mx.example>\r\n"),
            "551 5.1.6 User not local; please try <x@y.example>\r\n");
  EXPECT_EQ(h.send("RCPT TO:<later@mx.example>\r\n"), "450 4.2.0 Greylisted\r\n");
  EXPECT_EQ(h.session.state(), ServerState::mail);
  EXPECT_EQ(h.send("RCPT TO:<Postmaster>\r\n"), "250 2.1.5 Ok\r\n");
  EXPECT_EQ(h.session.state(), ServerState::rcpt);
  EXPECT_EQ(h.session.transaction()->recipients, std::vector<std::string>{"Postmaster"});
}

TEST(SmtpServer, Rcpt251ForwardIsAccepted) {
  ServerHarness h(plain_config());
  h.refuse_rcpt["old@mx.example"] = Reply(251, "2.1.5", "User not local; will forward");
  h.greeted();
  h.send("MAIL FROM:<s@b.example>\r\n");
  EXPECT_EQ(h.send("RCPT TO:<old@mx.example>\r\n"), "251 2.1.5 User not local; will forward\r\n");
  EXPECT_EQ(h.session.transaction()->recipients.size(), 1u);
}

TEST(SmtpServer, DataReplies) {
  ServerHarness h(plain_config());
  h.greeted();
  EXPECT_EQ(h.send("DATA\r\n"), "503 5.5.1 Error: need RCPT command\r\n");
  h.send("MAIL FROM:<s@b.example>\r\n");
  EXPECT_EQ(h.send("DATA\r\n"), "554 5.5.1 Error: no valid recipients\r\n");
  h.send("RCPT TO:<r@mx.example>\r\n");
  EXPECT_EQ(h.send("DATA x\r\n"), "501 5.5.4 Syntax: DATA\r\n");
  EXPECT_EQ(h.send("DATA\r\n"), "354 End data with <CR><LF>.<CR><LF>\r\n");
  EXPECT_EQ(h.session.state(), ServerState::data);
  EXPECT_EQ(h.send("Subject: hi\r\n\r\nHello\r\n.\r\n"), "250 2.0.0 Ok: queued\r\n");
  ASSERT_EQ(h.messages.size(), 1u);
  EXPECT_EQ(h.messages[0], "Subject: hi\r\n\r\nHello\r\n");
  std::vector<PolicyStage> asked;
  for (const auto& q : h.queries)
    asked.push_back(q.stage);
  EXPECT_EQ(asked,
            (std::vector<PolicyStage>{PolicyStage::connect, PolicyStage::helo, PolicyStage::mail,
                                      PolicyStage::rcpt, PolicyStage::message}));
  EXPECT_EQ(h.session.transaction(), nullptr);
  EXPECT_EQ(h.session.state(), ServerState::ready);
}

TEST(SmtpServer, EndOfDataRefusalsByPolicy) {
  for (const Reply& r :
       {Reply(554, "5.7.1", "Spam"), Reply(451, "4.3.0", "Local error"),
        Reply(452, "4.3.1", "Insufficient storage"), Reply(552, "5.2.2", "Mailbox full"),
        Reply(450, "4.7.1", "Try later"), Reply(550, "5.7.1", "Rejected")}) {
    ServerHarness h(plain_config());
    h.greeted();
    h.send("MAIL FROM:<s@b.example>\r\nRCPT TO:<r@mx.example>\r\nDATA\r\n");
    h.defer_answers = true;
    EXPECT_EQ(h.send("x\r\n.\r\n"), "");
    EXPECT_TRUE(h.session.waiting_for_policy());
    // No timer while the owner decides.
    EXPECT_EQ(test::timer_texts(h.session.take_actions()), (Texts{"start 1 at 300s", "cancel 1"}));
    h.session.answer(r, at(1));
    EXPECT_TRUE(h.out.ends_with(r.wire()));
    EXPECT_EQ(h.session.transaction(), nullptr);
  }
}

TEST(SmtpServer, OtherCommands) {
  ServerHarness h(plain_config());
  h.start();
  EXPECT_EQ(h.send("NOOP anything\r\n"), "250 2.0.0 Ok\r\n");
  EXPECT_EQ(h.send("RSET\r\n"), "250 2.0.0 Ok\r\n");
  EXPECT_EQ(h.send("RSET x\r\n"), "501 5.5.4 Syntax: no parameters allowed\r\n");
  h.send("EHLO c.example\r\n");
  EXPECT_EQ(h.send("VRFY\r\n"), "501 5.5.4 Syntax: VRFY/EXPN string\r\n");
  EXPECT_EQ(h.send("VRFY joe\r\n"),
            "252 2.0.0 Cannot VRFY user, but will accept message and attempt delivery\r\n");
  EXPECT_EQ(h.send("EXPN staff\r\n"), "502 5.5.1 EXPN not available\r\n");
  EXPECT_EQ(h.send("FOO\r\n"), "500 5.5.2 Error: command not recognized\r\n");
  EXPECT_EQ(h.send("\r\n"), "500 5.5.2 Error: bad syntax\r\n");
  EXPECT_EQ(h.send("QUIT now\r\n"), "501 5.5.4 Syntax: no parameters allowed\r\n");
  EXPECT_EQ(h.send("QUIT\r\n"), "221 2.0.0 Bye\r\n");
  EXPECT_EQ(h.send("NOOP\r\n"), "");  // after 221 nothing more is answered
}

TEST(SmtpServer, VrfyAndExpnAnsweredByPolicy) {
  ServerConfig c = plain_config();
  c.extensions.expn = true;
  ServerHarness h(c);
  h.greeted();
  h.defer_answers = true;
  h.send("VRFY Crispin\r\n");
  h.session.answer(Reply(250, "2.1.5", "Mark Crispin <Admin.MRC@foo.com>"), at(0));
  EXPECT_TRUE(h.out.ends_with("250 2.1.5 Mark Crispin <Admin.MRC@foo.com>\r\n"));
  h.send("VRFY smith\r\n");
  h.session.answer(Reply(550, "5.1.1", "String does not match anything."), at(0));
  EXPECT_TRUE(h.out.ends_with("550 5.1.1 String does not match anything.\r\n"));
  h.send("EXPN Example-People\r\n");
  h.session.answer(
      Reply(250, "2.1.5", std::vector<std::string>{"Jon <jon@x.example>", "Ann <ann@x.example>"}),
      at(0));
  EXPECT_TRUE(
      h.out.ends_with("250-2.1.5 Jon <jon@x.example>\r\n250 2.1.5 Ann <ann@x.example>\r\n"));
}

TEST(SmtpServer, HelpTopics) {
  ServerHarness h(plain_config());
  h.start();
  // Neither STARTTLS nor AUTH is configured: HELP does not offer them.
  EXPECT_EQ(h.send("HELP\r\n"),
            "214-2.0.0 Commands: EHLO HELO MAIL RCPT DATA RSET NOOP QUIT VRFY HELP\r\n"
            "214 2.0.0 HELP <command> for its syntax\r\n");
  EXPECT_EQ(h.send("HELP rcpt\r\n"), "214 2.0.0 RCPT TO:<address>\r\n");
  EXPECT_EQ(h.send("HELP FLY\r\n"), "504 5.5.4 HELP topic unknown\r\n");
  EXPECT_EQ(h.send("HELP STARTTLS\r\n"), "504 5.5.4 HELP topic unknown\r\n");
  // No owner answers EXPN here (it gets 502): HELP does not offer it either.
  EXPECT_EQ(h.send("HELP EXPN\r\n"), "504 5.5.4 HELP topic unknown\r\n");
  ServerConfig lists = plain_config();
  lists.extensions.expn = true;
  ServerHarness l(lists);
  l.start();
  EXPECT_EQ(l.send("HELP EXPN\r\n"), "214 2.0.0 EXPN <string>\r\n");
}

// AUTH offered only after STARTTLS (Postfix's smtpd_tls_auth_only).
ServerConfig auth_after_tls_config() {
  ServerConfig c = plain_config();
  c.extensions.auth = true;
  c.extensions.starttls = true;
  c.auth_requires_tls = true;
  return c;
}

TEST(SmtpServer, HelpListsOnlyWhatThisStateAccepts) {
  ServerHarness h(auth_after_tls_config());
  h.start();
  h.send("EHLO c.example\r\n");
  // Before encryption AUTH would get 504: only STARTTLS is offered.
  EXPECT_EQ(h.send("HELP\r\n"),
            "214-2.0.0 Commands: EHLO HELO MAIL RCPT DATA RSET NOOP QUIT VRFY HELP "
            "STARTTLS\r\n214 2.0.0 HELP <command> for its syntax\r\n");
  h.send("STARTTLS\r\n");
  h.send("EHLO c.example\r\n");
  // Encrypted: STARTTLS would get 554, AUTH is now taken.
  EXPECT_EQ(h.send("HELP\r\n"),
            "214-2.0.0 Commands: EHLO HELO MAIL RCPT DATA RSET NOOP QUIT VRFY HELP "
            "AUTH\r\n214 2.0.0 HELP <command> for its syntax\r\n");
}

// A submission server (login required): EHLO offers HELP, so HELP answers before the login too,
// and lists only what is taken then (RFC 4954 6: the rest gets 530).
TEST(SmtpServer, HelpBeforeTheLoginListsWhatIsTakenThen) {
  ServerConfig c = auth_after_tls_config();
  c.auth_required = true;
  ServerHarness h(c);
  h.start();
  h.send("EHLO c.example\r\n");
  EXPECT_EQ(h.send("HELP\r\n"),
            "214-2.0.0 Commands: EHLO HELO RSET NOOP QUIT HELP STARTTLS\r\n"
            "214 2.0.0 HELP <command> for its syntax\r\n");
  EXPECT_EQ(h.send("HELP MAIL\r\n"), "504 5.5.4 HELP topic unknown\r\n");
  EXPECT_EQ(h.send("MAIL FROM:<a@c.example>\r\n"), "530 5.7.0 Authentication required\r\n");
}

TEST(SmtpServer, EhloNotImplementedInRfc821Mode) {
  ServerConfig c = plain_config();
  c.extensions.ehlo = false;
  ServerHarness h(c);
  h.start();
  EXPECT_EQ(h.send("EHLO c.example\r\n"), "502 5.5.1 Error: command not implemented\r\n");
  EXPECT_EQ(h.send("HELO c.example\r\n"), "250 mx.example\r\n");
}

TEST(SmtpServer, EhloParameterNotImplementedByPolicy) {
  ServerHarness h(plain_config());
  h.start();
  h.defer_answers = true;
  h.send("EHLO [IPv6:fe80::1]\r\n");
  h.session.answer(Reply(504, "5.5.4", "Address literal not supported"), at(0));
  EXPECT_TRUE(h.out.ends_with("504 5.5.4 Address literal not supported\r\n"));
}

TEST(SmtpServer, EveryPolicyReplyOfRcptVrfyAndExpn) {
  // RFC 5321 4.3.2: the codes the owner may give at RCPT, VRFY and EXPN reach the wire as given.
  const std::vector<std::pair<PolicyStage, std::vector<int>>> table = {
      {PolicyStage::rcpt, {250, 251, 550, 551, 552, 553, 450, 451, 452, 455}},
      {PolicyStage::vrfy, {250, 251, 252, 550, 551, 553, 502, 504}},
      {PolicyStage::expn, {250, 252, 550, 500, 502, 504}},
  };
  for (const auto& [stage, codes] : table) {
    for (int code : codes) {
      ServerConfig c = plain_config();
      c.extensions.expn = true;
      ServerHarness h(c);
      h.greeted();
      h.defer_answers = true;
      if (stage == PolicyStage::rcpt) {
        h.send("MAIL FROM:<s@b.example>\r\n");
        h.session.accept(at(0));
        h.send("RCPT TO:<r@mx.example>\r\n");
      } else {
        h.send(stage == PolicyStage::vrfy ? "VRFY someone\r\n" : "EXPN some-list\r\n");
      }
      ASSERT_TRUE(h.session.waiting_for_policy());
      const std::string enhanced = std::to_string(code / 100) + ".0.0";
      h.session.answer(Reply(code, enhanced, "policy says so"), at(0));
      EXPECT_TRUE(h.out.ends_with(std::to_string(code) + " " + enhanced + " policy says so\r\n"))
          << stage_name(stage) << " " << code;
      if (stage == PolicyStage::rcpt) {
        EXPECT_EQ(h.session.transaction()->recipients.size(), code < 300 ? 1u : 0u) << code;
      }
    }
  }
}

TEST(SmtpServer, HelpDisabled) {
  ServerConfig c = plain_config();
  c.extensions.help = false;
  ServerHarness h(c);
  h.start();
  EXPECT_EQ(h.send("HELP\r\n"), "502 5.5.1 Error: command not implemented\r\n");
}

TEST(SmtpServer, NewEhloResetsTheTransaction) {
  ServerHarness h(plain_config());
  h.greeted();
  h.send("MAIL FROM:<s@b.example>\r\nRCPT TO:<r@mx.example>\r\n");
  EXPECT_EQ(h.session.state(), ServerState::rcpt);
  h.send("EHLO again.example\r\n");
  EXPECT_EQ(h.session.transaction(), nullptr);
  EXPECT_EQ(h.session.state(), ServerState::ready);
  EXPECT_EQ(h.send("DATA\r\n"), "503 5.5.1 Error: need RCPT command\r\n");
  EXPECT_EQ(h.transitions,
            (std::vector<std::string>{"CONNECT -> GREETED", "GREETED -> READY", "READY -> MAIL",
                                      "MAIL -> RCPT", "RCPT -> READY"}));
}

TEST(SmtpServer, ObserverSeesEveryLineTransitionAndQuestion) {
  std::vector<std::string> events;
  ServerConfig c = plain_config();
  c.extensions = ServerExtensions{.pipelining = false,
                                  .size = false,
                                  .eight_bit_mime = false,
                                  .enhanced_status_codes = false,
                                  .starttls = true,
                                  .help = false};
  ServerSession s(
      c, [](std::string_view) {}, {},
      [&](const ServerEvent& e) {
        const std::string from(state_name(e.from));
        const std::string to(state_name(e.to));
        switch (e.kind) {
          case ServerEvent::Kind::line_in:
            events.push_back(from + " C: " + std::string(e.text));
            break;
          case ServerEvent::Kind::content_in:
            for_each_crlf_line(e.text, [&](std::string_view line) {
              events.push_back(from + " C: " + std::string(line));
            });
            break;
          case ServerEvent::Kind::line_out:
            events.push_back(from + " S: " + std::string(e.text));
            break;
          case ServerEvent::Kind::transition:
            events.push_back(from + " -> " + to);
            break;
          case ServerEvent::Kind::policy_query:
            events.push_back("ask " + std::string(e.text));
            break;
          case ServerEvent::Kind::tls_started:
            events.push_back("TLS");
            break;
        }
      });
  s.start(at(0));
  s.receive("EHLO c.example\r\nSTARTTLS\r\n", at(1));
  s.receive("EHLO c.example\r\nMAIL FROM:<a@b.example>\r\n", at(1));
  s.receive("RCPT TO:<r@mx.example>\r\nDATA\r\nline one\r\n..two\r\n.\r\nQUIT\r\n", at(2));
  // Without a policy callback the owner is not asked: the standard replies are given at once.
  EXPECT_EQ(events, (std::vector<std::string>{
                        "CONNECT S: 220 mx.example ESMTP MailSim",
                        "CONNECT -> GREETED",
                        "GREETED C: EHLO c.example",
                        "GREETED -> READY",
                        "READY S: 250-mx.example",
                        "READY S: 250 STARTTLS",
                        "READY C: STARTTLS",
                        "READY S: 220 Ready to start TLS",
                        "READY -> GREETED",
                        "TLS",
                        "GREETED C: EHLO c.example",
                        "GREETED -> READY",
                        "READY S: 250 mx.example",
                        "READY C: MAIL FROM:<a@b.example>",
                        "READY S: 250 Ok",
                        "READY -> MAIL",
                        "MAIL C: RCPT TO:<r@mx.example>",
                        "MAIL S: 250 Ok",
                        "MAIL -> RCPT",
                        "RCPT C: DATA",
                        "RCPT S: 354 End data with <CR><LF>.<CR><LF>",
                        "RCPT -> DATA",
                        "DATA C: line one",
                        "DATA C: ..two",
                        "DATA C: .",
                        "DATA S: 250 Ok: queued",
                        "DATA -> READY",
                        "READY C: QUIT",
                        "READY S: 221 Bye",
                        "READY -> CLOSED",
                    }));
}

TEST(SmtpServer, WithoutEnhancedStatusCodes) {
  ServerConfig c = plain_config();
  c.extensions.enhanced_status_codes = false;
  ServerHarness h(c);
  h.greeted();
  EXPECT_EQ(h.send("MAIL FROM:<s@b.example>\r\n"), "250 Ok\r\n");
  EXPECT_EQ(h.send("FOO\r\n"), "500 Error: command not recognized\r\n");
}

TEST(SmtpServer, BareLfCommandsInRejectMode) {
  ServerConfig c = plain_config();
  c.end_of_data = EndOfDataMode::reject;
  ServerHarness h(c);
  h.start();
  EXPECT_EQ(h.send("NOOP\n"), "550 5.5.2 Error: bare <LF> received\r\n");
  ServerHarness n(plain_config());
  n.start();
  EXPECT_EQ(n.send("NOOP\n"), "250 2.0.0 Ok\r\n");
}

TEST(SmtpServer, PolicyAnswerOutOfRangeIsRefused) {
  ServerHarness h(plain_config());
  h.defer_answers = true;
  h.start();
  EXPECT_THROW(h.session.answer(Reply(700, "", "no"), at(0)), std::invalid_argument);
  h.session.accept(at(0));
  EXPECT_EQ(h.out, "220 mx.example ESMTP MailSim\r\n");
}

}  // namespace
}  // namespace mailsim::proto::smtp

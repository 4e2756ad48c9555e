// Each question of docs/scenarios.md about a message's content can be answered from MailSim's
// own output: the scenario is run with the option the answer needs (--show-messages for what a
// mailbox holds, --transcript for the dialogue), and the fields the question names must be
// there, with the values that answer it.
#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <vector>

#include "cli_helpers.hpp"

namespace {

using mailsim_test::run;

struct Question {
  const char* scenario;
  const char* options;
  const char* asks;                 // the question, shortly, for the failure message
  std::vector<const char*> answer;  // lines of the output that must contain these, each
};

const Question kQuestions[] = {
    {"first-mail",
     "--show-messages",
     "How many Received lines does Bob's copy have?",
     {"bob on mx.b.example, folder INBOX: 1 message", "Return-Path: <alice@a.example>",
      "Received: from smtp.a.example (smtp.a.example [192.0.2.25])",
      "Received: from alice-pc (alice-pc [192.0.2.10])", "by mx.b.example with ESMTP id",
      "by smtp.a.example with ESMTPSA id"}},
    {"mailbox-full",
     "--show-messages",
     "When is the second photo finally delivered? (Bob's POP3 client deleted both from the server)",
     {"bob's mail client on bob-pc: 2 messages, deleted from the server once fetched",
      "Message fetched at 01:00:00", "Subject: Photo 1", "Message fetched at 02:00:00",
      "Subject: Photo 2"}},
    {"mail-across-the-internet",
     "--transcript",
     "Read the two \"queued as\" replies",
     {"S: 250 2.0.0 Ok: queued as 87D2B1E581", "S: 250 2.0.0 Ok: queued as 7AD4AB0AB1"}},
    {"mail-across-the-internet",
     "--show-messages",
     "mx.b.example adds its Received line",
     {"Received: from smtp.a.example", "by mx.b.example with ESMTP"}},
    {"unknown-recipient",
     "--show-messages",
     "What does the notice say (Status, Diagnostic-Code)? Why is it sent from <>?",
     {"alice on smtp.a.example, folder INBOX", "Return-Path: <>",
      "From: Mail Delivery System <MAILER-DAEMON@smtp.a.example>", "Action: failed",
      "Status: 5.1.1", "Diagnostic-Code: smtp; 550 5.1.1 <zed@b.example>"}},
    {"relay-chain",
     "--show-messages",
     "How many Received lines does Bob's message have, and in which order?",
     {"Received: from relay.isp.example", "Received: from smtp.a.example",
      "Received: from alice-pc"}},
    {"recipient-down-six-days",
     "--show-messages",
     "What does the first notice promise (Will-Retry-Until)? Which fields tell what failed?",
     {"Subject: Delayed Mail (still being retried)", "Action: delayed",
      "Will-Retry-Until: ", "Subject: Undelivered Mail Returned to Sender", "Action: failed",
      "Status: 4.4.1", "Diagnostic-Code: X-Postfix; connect to mx.b.example[198.51.100.25]:25"}},
    {"open-relay",
     "--show-messages",
     "Read the Received lines of the spam: can Bob find the spammer?",
     {"Return-Path: <winner@lottery.example>", "Received: from smtp.a.example",
      "Received: from spammer (spammer [203.0.113.66])"}},
    {"dnsbl-home-server",
     "--show-messages",
     "Carl's server returns the mail to him",
     {"carl on home.c.example, folder INBOX", "Status: 5.7.1", "Diagnostic-Code: smtp; 554 5.7.1"}},
    {"dns-null-mx",
     "--show-messages",
     "a null MX: bounced at once, 556 5.1.10",
     {"Status: 5.1.10", "Diagnostic-Code: X-Postfix; 556 5.1.10"}},
    {"dns-nxdomain",
     "--show-messages",
     "NXDOMAIN: bounced at once, 550 5.1.2",
     {"Status: 5.1.2", "Diagnostic-Code: X-Postfix; 550 5.1.2"}},
    {"smtp-smuggling",
     "--transcript",
     "How many messages did smtp.a.example relay, and how many did mx.b.example accept?",
     {"[smtp.a.example -> mx.b.example:25] C: Nothing to see here.<LF>.",
      "[smtp.a.example -> mx.b.example:25] C: MAIL FROM:<ceo@c.example>",
      "C: Subject: Invoice to pay today", "S: 250 2.0.0 Ok: queued as", "S: 550 5.7.1"}},
    {"smtp-smuggling",
     "--show-messages",
     "What does Bob receive?",
     {"bob on mx.b.example, folder INBOX: 2 messages", "Subject: Our newsletter",
      "From: The CEO <ceo@c.example>", "Subject: Invoice to pay today"}},
    {"smtp-by-hand",
     "--transcript",
     "Decode AGFsaWNlAHdvbmRlcmxhbmQ=",
     {"C: AUTH PLAIN AGFsaWNlAHdvbmRlcmxhbmQ=", "S: 235 2.7.0"}},
    {"message-too-large",
     "--transcript",
     "How big is the 9 MB video once in the message? Why refuse at MAIL FROM?",
     {"SIZE=", "S: 552 5.3.4"}},
    {"dns-delegation",
     "--level protocol",
     "What does the root server answer: 0 answer records",
     {"0 answer records"}},
};

// The lines of `text` that hold `needle`.
std::size_t count_lines(const std::string& text, const std::string& needle) {
  std::istringstream in(text);
  std::size_t n = 0;
  for (std::string line; std::getline(in, line);)
    n += line.find(needle) != std::string::npos ? 1 : 0;
  return n;
}

TEST(TeacherQuestions, EachContentQuestionHasItsAnswerInTheOutput) {
  for (const Question& q : kQuestions) {
    const auto r = run(std::string("run ") + q.scenario + " " + q.options);
    ASSERT_EQ(r.status, 0) << q.scenario << " " << q.options << "\n" << r.out;
    for (const char* field : q.answer)
      EXPECT_GT(count_lines(r.out, field), 0u)
          << q.scenario << " " << q.options << ": \"" << field << "\" is missing, and the question "
          << "\"" << q.asks << "\" needs it";
  }
}

// Bob's copy in first-mail: two Received lines, the recipient's server's on top.
TEST(TeacherQuestions, TheReceivedChainIsInOrderNewestFirst) {
  const auto out = run("run first-mail --show-messages").out;
  const auto mx = out.find("Received: from smtp.a.example");
  const auto msa = out.find("Received: from alice-pc");
  ASSERT_NE(mx, std::string::npos);
  ASSERT_NE(msa, std::string::npos);
  EXPECT_LT(mx, msa);
  EXPECT_EQ(count_lines(out, "    Received: "), 2u);
}

// The same messages as JSON: one object a line after the trace, headers by name.
TEST(TeacherQuestions, TheMailboxesAsJson) {
  const auto out = run("run unknown-recipient --show-messages --format json").out;
  const auto at = out.find("{\"kind\":\"mailbox.message\"");
  ASSERT_NE(at, std::string::npos) << out.substr(0, 2000);
  const std::string line = out.substr(at, out.find('\n', at) - at);
  EXPECT_NE(line.find("\"server\":\"smtp.a.example\",\"user\":\"alice\",\"folder\":\"INBOX\""),
            std::string::npos)
      << line;
  EXPECT_NE(line.find("{\"name\":\"Return-Path\",\"value\":\"<>\"}"), std::string::npos) << line;
  EXPECT_NE(line.find("Status: 5.1.1"), std::string::npos) << line;  // in the body
}

// A long body is cut after 200 lines unless --full-data; --full-data alone is a mistake.
TEST(TeacherQuestions, LongBodiesAreCutUnlessFullData) {
  const auto cut = run("run congested-link --show-messages");
  EXPECT_EQ(cut.status, 0);
  EXPECT_GT(count_lines(cut.out, "--full-data shows them)"), 0u) << cut.out.substr(0, 3000);
  const auto full = run("run congested-link --show-messages --full-data");
  EXPECT_EQ(count_lines(full.out, "--full-data shows them)"), 0u);
  EXPECT_GT(full.out.size(), cut.out.size());
  const auto alone = run("run first-mail --full-data");
  EXPECT_EQ(alone.status, 2);
  EXPECT_NE(alone.out.find("--full-data shows messages in full in --transcript or "
                           "--show-messages"),
            std::string::npos);
}

// A program's DATA is summed up, unless --full-data.
TEST(TeacherQuestions, AProgramsMessageInFullWithFullData) {
  const auto summed = run("run first-mail --transcript").out;
  EXPECT_GT(count_lines(summed, "(the message itself: "), 0u);
  EXPECT_EQ(count_lines(summed, "C: Subject: Bonjour Bob"), 0u);
  const auto full = run("run first-mail --transcript --full-data").out;
  EXPECT_EQ(count_lines(full, "(the message itself: "), 0u);
  EXPECT_EQ(count_lines(full, "C: Subject: Bonjour Bob"), 2u);  // to the MSA, then to the MX
}

}  // namespace

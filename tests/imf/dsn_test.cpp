#include "agents/proto/imf/dsn.hpp"

#include <gtest/gtest.h>

#include "agents/proto/imf/dsn_messages.hpp"
#include "agents/proto/imf/encoded_words.hpp"
#include "agents/proto/imf/mime.hpp"
#include "agents/proto/imf/received.hpp"
#include "tests/golden.hpp"

using mailsim::Lang;
using namespace mailsim::proto::imf;
using namespace std::chrono;
using namespace std::chrono_literals;

namespace {

const ScenarioClock kClock = ScenarioClock::from_iso8601("2026-03-02T09:00:00+01:00");

Header original_header() {
  Header h;
  h.prepend_field(
      received_field({"client.a.example", "client.a.example", "192.0.2.50", "smtp.a.example",
                      "ESMTPSA", "4ABC123", "bob@b.example", kClock.at(0s)}));
  h.append("Date", kClock.date(0s));
  h.append("From", "Alice Martin <alice@a.example>");
  h.append("To", "bob@b.example, carol@c.example");
  h.append("Subject", encode_unstructured("Réunion de rentrée"));
  h.append("Message-ID", "<20260302080000.000000.1@client.a.example>");
  return h;
}

DsnRequest failed_request() {
  DsnRequest r;
  r.reporting_mta = "smtp.a.example";
  r.original_sender = "alice@a.example";
  r.lang = Lang::en;
  r.arrival_date = kClock.at(0s);
  r.date = kClock.at(2s);
  r.message_id = "<20260302080002.000000.1@smtp.a.example>";
  r.queue_id = "4ABC123";
  r.original_header = original_header();
  DsnRecipient bob;
  bob.final_recipient = "bob@b.example";
  bob.original_recipient = "bob@b.example";
  bob.action = DsnAction::failed;
  bob.status = "5.1.1";
  bob.remote_mta = "mx.b.example";
  bob.diagnostic_code =
      "550 5.1.1 <bob@b.example>: Recipient address rejected: User unknown in local recipient "
      "table";
  bob.last_attempt_date = kClock.at(2s);
  DsnRecipient carol;
  carol.final_recipient = "carol@c.example";
  carol.action = DsnAction::failed;
  carol.status = "5.4.4";
  r.recipients = {bob, carol};
  return r;
}

DsnRequest delayed_request() {
  auto r = failed_request();
  r.lang = Lang::fr;
  r.date = kClock.at(4h);
  DsnRecipient dave;
  dave.final_recipient = "dave@d.example";
  dave.action = DsnAction::delayed;
  dave.status = "4.4.1";
  dave.remote_mta = "mx.d.example";
  dave.diagnostic_code = "421 4.4.1 mx.d.example: Connection timed out";
  dave.last_attempt_date = kClock.at(3h + 50min);
  dave.will_retry_until = kClock.at(5 * 24h);
  r.recipients = {dave};
  return r;
}

std::string build(const DsnRequest& r) {
  const auto dsn = build_dsn(r);
  EXPECT_TRUE(dsn.has_value());
  EXPECT_EQ(dsn->reverse_path, "");
  EXPECT_EQ(dsn->recipient, "alice@a.example");
  return dsn->message_text;
}

std::string parse_error(std::string_view text, Lang lang = Lang::en) {
  try {
    parse_dsn(text);
  } catch (const DsnError& e) {
    return e.text().render(lang);
  }
  return "no error";
}

}  // namespace

TEST(Dsn, FailedNoticeInEnglishMatchesTheGoldenFile) {
  mailsim::test::check_golden("dsn_failed_en.eml", build(failed_request()));
}

TEST(Dsn, DelayedNoticeInFrenchMatchesTheGoldenFile) {
  mailsim::test::check_golden("dsn_delayed_fr.eml", build(delayed_request()));
}

TEST(Dsn, BuiltNoticesParseBackIntoTheirFields) {
  for (const auto& request : {failed_request(), delayed_request()}) {
    const auto text = build(request);
    const auto parsed = parse_dsn(text);
    EXPECT_EQ(parsed.report.reporting_mta, request.reporting_mta);
    EXPECT_EQ(parsed.report.arrival_date, request.arrival_date);
    EXPECT_EQ(parsed.report.recipients, request.recipients);
    EXPECT_EQ(parsed.original_header.to_string(), request.original_header.to_string());
    EXPECT_NE(parsed.human_text.find(request.recipients[0].final_recipient), std::string::npos);

    const auto m = parse_message(text);
    EXPECT_TRUE(check_required(m.header).empty());
    EXPECT_EQ(m.header.value("Auto-Submitted"), "auto-replied");
    // Every line ends in CRLF and fits 998 octets.
    std::size_t start = 0;
    while (start < text.size()) {
      const auto nl = text.find('\n', start);
      ASSERT_NE(nl, std::string::npos);
      ASSERT_GT(nl, start);
      EXPECT_EQ(text[nl - 1], '\r');
      EXPECT_LE(nl - 1 - start, 998u);
      start = nl + 1;
    }
  }
}

TEST(Dsn, SubjectAndSenderNameFollowTheSendersLanguage) {
  const auto en = parse_message(build(failed_request()));
  EXPECT_EQ(en.header.value("Subject"), "Undelivered Mail Returned to Sender");
  EXPECT_EQ(en.header.value("From"), "Mail Delivery System <MAILER-DAEMON@smtp.a.example>");
  auto fr_request = failed_request();
  fr_request.lang = Lang::fr;
  const auto fr = parse_message(build(fr_request));
  EXPECT_EQ(decode_encoded_words(*fr.header.value("Subject")),
            "Courrier non distribué renvoyé à l'expéditeur");
  EXPECT_EQ(decode_encoded_words(*fr.header.value("From")),
            "Système de distribution du courrier <MAILER-DAEMON@smtp.a.example>");
  EXPECT_NE(parse_dsn(build(fr_request)).human_text.find("J'ai le regret"), std::string::npos);
  const auto delayed = parse_message(build(delayed_request()));
  EXPECT_EQ(decode_encoded_words(*delayed.header.value("Subject")),
            "Courrier retardé (nouvelles tentatives en cours)");
}

// Exim's failure notice (deliver.c, transports/smtp.c): under each address, the host that
// answered, the command its reply answered, then the reply, each on its own line; a recipient
// with no server reply (carol: no route) has only its reason and, as Exim writes it, no
// Diagnostic-Code in the delivery-status part.
TEST(Dsn, EximsFailureNoticeNamesTheHostAndTheCommandTheReplyAnswered) {
  auto r = failed_request();
  r.style = DsnStyle::exim;
  r.recipients[0].remote_address = "198.51.100.25";
  r.recipients[0].after = "RCPT TO:<bob@b.example>";
  r.recipients[1].diagnostic_code = "554 5.4.4 No route to domain c.example";
  r.recipients[1].diagnostic_type = "X-Postfix";
  const auto text = build(r);
  const auto parsed = parse_dsn(text);
  EXPECT_NE(parsed.human_text.find(
                "This message was created automatically by mail delivery software.\r\n\r\n"
                "A message that you sent could not be delivered to one or more of its\r\n"
                "recipients. This is a permanent error. The following addresses failed:\r\n\r\n"
                "  bob@b.example\r\n"
                "    host mx.b.example [198.51.100.25]\r\n"
                "    SMTP error from remote mail server after RCPT TO:<bob@b.example>:\r\n"
                "    550 5.1.1 <bob@b.example>: Recipient address rejected: User unknown in "
                "local recipient table\r\n"
                "  carol@c.example\r\n"
                "    554 5.4.4 No route to domain c.example\r\n"),
            std::string::npos)
      << parsed.human_text;
  EXPECT_EQ(parsed.report.recipients[0].diagnostic_code, r.recipients[0].diagnostic_code);
  EXPECT_TRUE(parsed.report.recipients[1].diagnostic_code.empty());
  EXPECT_EQ(text.find("X-Postfix"), std::string::npos);

  r.lang = Lang::fr;
  EXPECT_NE(parse_dsn(build(r)).human_text.find(
                "    hôte mx.b.example [198.51.100.25]\r\n"
                "    erreur SMTP du serveur de messagerie distant après RCPT "
                "TO:<bob@b.example> :\r\n"),
            std::string::npos);
}

TEST(Dsn, NeverAboutAMessageFromTheNullReversePath) {
  auto r = failed_request();
  r.original_sender = "";
  EXPECT_FALSE(build_dsn(r).has_value());
}

TEST(Dsn, BuildRefusesWhatIsNotANotice) {
  auto r = failed_request();
  r.recipients.clear();
  EXPECT_THROW(build_dsn(r), DsnError);
  r = failed_request();
  r.recipients[0].action = DsnAction::delivered;
  try {
    build_dsn(r);
    ADD_FAILURE() << "no error";
  } catch (const DsnError& e) {
    EXPECT_EQ(e.text().render(Lang::en),
              "<bob@b.example>: a notice is built for failed or delayed recipients, not "
              "'delivered'");
  }
  r = failed_request();
  r.recipients[0].status = "550";
  EXPECT_THROW(build_dsn(r), DsnError);
}

TEST(Dsn, StatusCodesAndActions) {
  EXPECT_TRUE(is_status_code("5.1.1"));
  EXPECT_TRUE(is_status_code("4.4.7"));
  EXPECT_TRUE(is_status_code("2.0.0"));
  EXPECT_TRUE(is_status_code("5.123.456"));
  for (const auto bad : {"", "5.1", "3.1.1", "5.1.1.1", "5..1", "5.1.1234", "5. 1.1", "x.1.1"})
    EXPECT_FALSE(is_status_code(bad)) << bad;
  EXPECT_EQ(parse_dsn_action("FAILED"), DsnAction::failed);
  EXPECT_EQ(parse_dsn_action("delayed (retrying)"), DsnAction::delayed);
  EXPECT_EQ(parse_dsn_action("expanded"), DsnAction::expanded);
  EXPECT_FALSE(parse_dsn_action("bounced").has_value());
}

TEST(Dsn, ParsesAPostfixBounceWithTheWholeMessageAttached) {
  const std::string text =
      "Date: Mon,  2 Mar 2026 09:00:05 +0100 (CET)\r\n"
      "From: MAILER-DAEMON@mx.example.org (Mail Delivery System)\r\n"
      "Subject: Undelivered Mail Returned to Sender\r\n"
      "To: alice@example.org\r\n"
      "Auto-Submitted: auto-replied\r\n"
      "MIME-Version: 1.0\r\n"
      "Content-Type: multipart/report; report-type=delivery-status;\r\n"
      "\tboundary=\"4Q1xYz2abcz9sT.1772438405/mx.example.org\"\r\n"
      "Content-Transfer-Encoding: 8bit\r\n"
      "Message-Id: <4Q1xYz3xyz@mx.example.org>\r\n"
      "\r\n"
      "This is a MIME-encapsulated message.\r\n"
      "\r\n"
      "--4Q1xYz2abcz9sT.1772438405/mx.example.org\r\n"
      "Content-Description: Notification\r\n"
      "Content-Type: text/plain; charset=us-ascii\r\n"
      "\r\n"
      "This is the mail system at host mx.example.org.\r\n"
      "\r\n"
      "<nobody@example.net>: host mx.example.net[203.0.113.5] said: 550 5.1.1\r\n"
      "    <nobody@example.net>: Recipient address rejected: User unknown (in reply to\r\n"
      "    RCPT TO command)\r\n"
      "\r\n"
      "--4Q1xYz2abcz9sT.1772438405/mx.example.org\r\n"
      "Content-Description: Delivery report\r\n"
      "Content-Type: message/delivery-status\r\n"
      "\r\n"
      "Reporting-MTA: dns; mx.example.org\r\n"
      "X-Postfix-Queue-ID: 4Q1xYz2abcz9sT\r\n"
      "X-Postfix-Sender: rfc822; alice@example.org\r\n"
      "Arrival-Date: Mon,  2 Mar 2026 09:00:01 +0100 (CET)\r\n"
      "\r\n"
      "Final-Recipient: rfc822; nobody@example.net\r\n"
      "Original-Recipient: rfc822;nobody@example.net\r\n"
      "Action: failed\r\n"
      "Status: 5.1.1\r\n"
      "Remote-MTA: dns; mx.example.net\r\n"
      "Diagnostic-Code: smtp; 550 5.1.1 <nobody@example.net>: Recipient address\r\n"
      "    rejected: User unknown\r\n"
      "\r\n"
      "--4Q1xYz2abcz9sT.1772438405/mx.example.org\r\n"
      "Content-Description: Undelivered Message\r\n"
      "Content-Type: message/rfc822\r\n"
      "\r\n"
      "From: alice@example.org\r\n"
      "Subject: hi\r\n"
      "\r\n"
      "hello\r\n"
      "\r\n"
      "--4Q1xYz2abcz9sT.1772438405/mx.example.org--\r\n";
  const auto d = parse_dsn(text);
  EXPECT_EQ(d.report.reporting_mta, "mx.example.org");
  EXPECT_EQ(d.report.arrival_date, (DateTime{sys_days(2026y / March / 2) + 8h + 1s, 60min}));
  ASSERT_EQ(d.report.recipients.size(), 1u);
  const auto& r = d.report.recipients[0];
  EXPECT_EQ(r.final_recipient, "nobody@example.net");
  EXPECT_EQ(r.original_recipient, "nobody@example.net");
  EXPECT_EQ(r.action, DsnAction::failed);
  EXPECT_EQ(r.status, "5.1.1");
  EXPECT_EQ(r.remote_mta, "mx.example.net");
  EXPECT_EQ(r.diagnostic_code,
            "550 5.1.1 <nobody@example.net>: Recipient address    rejected: User unknown");
  EXPECT_FALSE(r.will_retry_until.has_value());
  EXPECT_EQ(d.original_header.value("Subject"), "hi");
  EXPECT_EQ(d.human_text.substr(0, 48), "This is the mail system at host mx.example.org.\r");
}

TEST(Dsn, BadNoticesGetClearErrors) {
  const auto good = build(failed_request());
  EXPECT_EQ(parse_error("Subject: hi\r\n\r\nbody"),
            "this message is not a delivery status notification: its Content-Type is '', not "
            "multipart/report; report-type=delivery-status");
  EXPECT_EQ(parse_error("Content-Type: multipart/report; report-type=disposition-notification; "
                        "boundary=x\r\n\r\n--x\r\n\r\n--x--\r\n"),
            "this message is not a delivery status notification: its Content-Type is "
            "'multipart/report; report-type=disposition-notification; boundary=x', not "
            "multipart/report; report-type=delivery-status");
  EXPECT_EQ(parse_error("Content-Type: multipart/report; report-type=delivery-status\r\n\r\n"),
            "the Content-Type 'multipart/report; report-type=delivery-status' has no boundary "
            "parameter");
  EXPECT_THROW(parse_dsn("Content-Type: multipart/report; report-type=delivery-status; "
                         "boundary=x\r\n\r\nno parts here\r\n"),
               ParseError);
  const std::string head =
      "Content-Type: multipart/report; report-type=delivery-status; boundary=b\r\n\r\n";
  EXPECT_EQ(parse_error(head + "--b\r\nContent-Type: text/plain\r\n\r\nhi\r\n--b--\r\n"),
            "the report has no message/delivery-status part");
  const std::string status = "--b\r\nContent-Type: message/delivery-status\r\n\r\n";
  EXPECT_EQ(parse_error(head + status + "Arrival-Date: x\r\n\r\nFinal-Recipient: rfc822; a@b\r\n"),
            "the delivery status (message part) has no Reporting-MTA field");
  EXPECT_EQ(parse_error(head + status +
                            "Reporting-MTA: dns; m\r\n\r\nAction: failed\r\n"
                            "Status: 5.1.1\r\n",
                        Lang::fr),
            "l'état de remise du destinataire 1 n'a pas de champ Final-Recipient");
  EXPECT_EQ(parse_error(head + status + "Reporting-MTA: dns; m\r\n"),
            "the delivery status of recipient 1 has no Final-Recipient field");
  EXPECT_EQ(parse_error(head + status +
                        "Reporting-MTA: dns; m\r\n\r\nFinal-Recipient: rfc822; a@b\r\n"
                        "Action: bounced\r\nStatus: 5.1.1\r\n"),
            "recipient 1: Action 'bounced' is not failed, delayed, delivered, relayed or expanded");
  EXPECT_EQ(parse_error(head + status +
                        "Reporting-MTA: dns; m\r\n\r\nFinal-Recipient: rfc822; a@b\r\n"
                        "Action: failed\r\nStatus: 5.1.1\r\n\r\nFinal-Recipient: rfc822; c@d\r\n"
                        "Action: failed\r\nStatus: 550\r\n"),
            "recipient 2: Status '550' is not a status code such as 5.1.1 (class 2, 4 or 5)");
  EXPECT_EQ(parse_error(head + status +
                        "Reporting-MTA: dns; m\r\n\r\nFinal-Recipient: a@b\r\n"
                        "Status: 5.1.1\r\n"),
            "the delivery status of recipient 1 has no Action field");
  EXPECT_THROW(parse_dsn(head + status + "Reporting-MTA dns m\r\n"), ParseError);
  // Cut anywhere, a notice never crashes the parser: it parses or throws a clear error.
  for (std::size_t n = 0; n < good.size(); n += 7) {
    try {
      parse_dsn(good.substr(0, n));
    } catch (const mailsim::LocalizedError&) {
    }
  }
}

TEST(Dsn, MultipartSplitAndJoinRoundTrip) {
  std::vector<BodyPart> parts(2);
  parts[0].header.append("Content-Type", "text/plain");
  parts[0].body = "line one\r\nline two\r\n";
  parts[1].body = "no header, no final line break";
  const auto body = join_multipart(parts, "b-1", "preamble\r\n");
  const auto back = split_multipart(body, "b-1");
  ASSERT_EQ(back.size(), 2u);
  EXPECT_EQ(back[0].header.value("content-type"), "text/plain");
  EXPECT_EQ(back[0].body, parts[0].body);
  EXPECT_TRUE(back[1].header.empty());
  EXPECT_EQ(back[1].body, parts[1].body);
  // A missing close delimiter ends the last part at the end of the text.
  EXPECT_EQ(split_multipart("--b\r\n\r\nx\r\n", "b").at(0).body, "x");
  EXPECT_THROW(split_multipart("nothing", "b"), ParseError);
  // "--b-1" must not match the delimiter of boundary "b".
  EXPECT_EQ(split_multipart("--b\r\n\r\n--b-1\r\n--b--\r\n", "b").at(0).body, "--b-1");
}

TEST(Dsn, ContentTypeParameters) {
  const auto ct = parse_content_type(
      "Multipart/Report (a comment); Report-Type=delivery-status;\r\n\tboundary=\"a;b \\\"c\\\"\"");
  ASSERT_TRUE(ct.has_value());
  EXPECT_TRUE(ct->is("multipart", "report"));
  EXPECT_EQ(ct->param("report-type"), "delivery-status");
  EXPECT_EQ(ct->param("BOUNDARY"), "a;b \"c\"");
  EXPECT_EQ(ct->to_string(),
            "multipart/report; report-type=delivery-status; boundary=\"a;b \\\"c\\\"\"");
  EXPECT_FALSE(parse_content_type("text").has_value());
  EXPECT_FALSE(parse_content_type("/plain").has_value());
}

// `mailsim run --transcript`: the dialogues as a student reads them (golden files in English
// and French), and which side of a connection tells each line, fed record by record.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "agents/journey/dialogue_records.hpp"
#include "agents/retrieval/retrieval_records.hpp"
#include "agents/roles/smtp_dialogue_records.hpp"
#include "agents/roles/typed_session.hpp"
#include "cli_helpers.hpp"
#include "sim/net/trace_records.hpp"
#include "tests/golden.hpp"
#include "ui/cli/transcript.hpp"

namespace {

using mailsim::test::check_golden;
using mailsim_test::Result;
using mailsim_test::run;
namespace a = mailsim::agents;
namespace k = mailsim::agents::kinds;
namespace net = mailsim::sim::net;

// Feeds records in order and keeps the transcript lines.
struct Feed {
  mailsim::cli::Transcript transcript{mailsim::Lang::en};
  std::vector<std::string> lines;
  void operator()(const mailsim::sim::TraceRecord& r) {
    for (std::string& line : transcript.take(r))
      lines.push_back(std::move(line));
  }
};

// The parties of connection 2 between smtp.a.example and mx.b.example, told by `side`.
a::DialogueParties parties(a::DialogueProtocol protocol, a::DialogueSide side,
                           std::string client = "smtp.a.example") {
  a::DialogueParties p;
  p.protocol = protocol;
  p.side = side;
  p.conn = 2;
  p.client = std::move(client);
  p.server = "mx.b.example";
  return p;
}
const a::DialogueParties kSmtpClient = parties(a::DialogueProtocol::smtp, a::DialogueSide::client);
const a::DialogueParties kSmtpServer = parties(a::DialogueProtocol::smtp, a::DialogueSide::server);

a::DialogueLineRecord line(const mailsim::sim::TraceKind& kind, const a::DialogueParties& who,
                           std::string_view text) {
  return {kind, who, text};
}

void open(Feed& feed, net::ConnRole role, const char* host, net::Ipv4Address client,
          net::Ipv4Address server) {
  const bool is_client = role == net::ConnRole::client;
  net::ConnInfo info{2,
                     host,
                     role,
                     is_client ? client : server,
                     static_cast<std::uint16_t>(is_client ? 49153 : 25),
                     is_client ? server : client,
                     static_cast<std::uint16_t>(is_client ? 25 : 49153)};
  feed(net::ConnRecord(net::kinds::kConnOpened, info));
}

const net::Ipv4Address kClient(192, 0, 2, 25);
const net::Ipv4Address kServer(198, 51, 100, 25);

}  // namespace

TEST(Transcript, TheFirstMailLineByLine) {
  Result r = run("run first-mail --transcript --lang en");
  EXPECT_EQ(r.status, 0);
  check_golden("first-mail.transcript.en.txt", r.out);
}

TEST(Transcript, TheTelnetTestInEnglishAndFrench) {
  Result en = run("run telnet-test --transcript --lang en");
  EXPECT_EQ(en.status, 0);
  check_golden("telnet-test.transcript.en.txt", en.out);
  Result fr = run("run telnet-test --transcript --lang fr");
  EXPECT_EQ(fr.status, 0);
  check_golden("telnet-test.transcript.fr.txt", fr.out);
}

// Every dialogue line of both sides leaves the narration; each is in the transcript once.
TEST(Transcript, EachLineOnceAndNoSentenceForIt) {
  Result plain = run("run first-mail --lang en --level protocol");
  Result with = run("run first-mail --lang en --level protocol --transcript");
  EXPECT_NE(plain.out.find("alice-pc (MUA) sends \"EHLO alice-pc\""), std::string::npos);
  EXPECT_EQ(with.out.find("sends \"EHLO alice-pc\""), std::string::npos);
  EXPECT_EQ(with.out.find("receives \"EHLO alice-pc\""), std::string::npos);
  std::size_t quits = 0;
  for (std::size_t at = with.out.find("] C: QUIT"); at != std::string::npos;
       at = with.out.find("] C: QUIT", at + 1))
    ++quits;
  EXPECT_EQ(quits, 2u);  // alice-pc to smtp.a.example, smtp.a.example to mx.b.example
}

TEST(Transcript, TheClientsSideWhenTheClientIsSimulated) {
  Feed feed;
  feed(a::DialogueConnectingRecord(k::kSmtpClientConnecting, kSmtpClient, "198.51.100.25", 25));
  open(feed, net::ConnRole::client, "smtp.a.example", kClient, kServer);
  open(feed, net::ConnRole::server, "mx.b.example", kClient, kServer);
  feed(a::DialogueRecord(k::kSmtpServerAccepted, kSmtpServer));
  feed(line(k::kSmtpServerSent, kSmtpServer, "220 mx.b.example ESMTP"));
  feed(line(k::kSmtpClientReceived, kSmtpClient, "220 mx.b.example ESMTP"));
  feed(line(k::kSmtpClientSent, kSmtpClient, "EHLO smtp.a.example"));
  feed(line(k::kSmtpServerReceived, kSmtpServer, "EHLO smtp.a.example"));
  EXPECT_EQ(feed.lines, (std::vector<std::string>{
                            "[smtp.a.example -> mx.b.example:25] S: 220 mx.b.example ESMTP",
                            "[smtp.a.example -> mx.b.example:25] C: EHLO smtp.a.example"}));
}

// A client that writes no records (none does today; a bridge to a real client would): the
// server's side tells.
TEST(Transcript, TheServersSideWhenOnlyTheServerIsSimulated) {
  Feed feed;
  open(feed, net::ConnRole::server, "mx.b.example", kClient, kServer);
  feed(a::DialogueRecord(k::kSmtpServerAccepted, kSmtpServer));
  feed(line(k::kSmtpServerSent, kSmtpServer, "220 mx.b.example ESMTP"));
  feed(line(k::kSmtpServerReceived, kSmtpServer, "QUIT"));
  EXPECT_EQ(feed.lines, (std::vector<std::string>{
                            "[smtp.a.example -> mx.b.example:25] S: 220 mx.b.example ESMTP",
                            "[smtp.a.example -> mx.b.example:25] C: QUIT"}));
}

TEST(Transcript, ATypedSessionIsTheClientsSide) {
  Feed feed;
  open(feed, net::ConnRole::client, "smtp.a.example", kClient, kServer);
  a::DialogueParties typed = parties(a::DialogueProtocol::typed, a::DialogueSide::client);
  typed.session = "smtp.a.example -> 198.51.100.25:25";
  feed(a::DialogueRecord(k::kTypedOpened, typed));
  open(feed, net::ConnRole::server, "mx.b.example", kClient, kServer);
  feed(line(k::kSmtpServerReceived, kSmtpServer, "Subject: hi"));
  feed(line(k::kTypedSent, typed, "Subject: hi"));
  feed(line(k::kTypedSent, typed, ""));
  EXPECT_EQ(feed.lines,
            (std::vector<std::string>{"[smtp.a.example -> mx.b.example:25] C: Subject: hi",
                                      "[smtp.a.example -> mx.b.example:25] C:"}));
}

TEST(Transcript, RetrievalDialoguesToo) {
  Feed feed;
  const auto client = parties(a::DialogueProtocol::pop3, a::DialogueSide::client, "bob-pc");
  const auto server = parties(a::DialogueProtocol::pop3, a::DialogueSide::server, "bob-pc");
  feed(a::DialogueConnectingRecord(k::kRetrievalClientConnecting, client, "198.51.100.25", 110));
  feed(line(k::kRetrievalServerSent, server, "+OK POP3 ready"));  // the client tells this one
  feed(line(k::kRetrievalClientReceived, client, "+OK POP3 ready"));
  feed(line(k::kRetrievalClientSent, client, "USER bob"));
  feed(a::DialogueContentRecord(k::kRetrievalClientContent, client, 12, 345));
  EXPECT_EQ(
      feed.lines,
      (std::vector<std::string>{
          "[bob-pc -> mx.b.example:110] S: +OK POP3 ready",
          "[bob-pc -> mx.b.example:110] C: USER bob",
          "[bob-pc -> mx.b.example:110] S: (the message itself: 12 lines, 345 bytes, ended by "
          "the line \".\" below)"}));
}

TEST(Transcript, ControlBytesAreSpeltOut) {
  EXPECT_EQ(mailsim::cli::Transcript::visible("a\rb\x1b[31m\tc\x7f"), "a<CR>b<0x1B>[31m\tc<0x7F>");
  EXPECT_EQ(mailsim::cli::Transcript::visible("Grüße"), "Grüße");
}

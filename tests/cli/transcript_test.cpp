// `mailsim run --transcript`: the dialogues as a student reads them (golden files in English
// and French), and which side of a connection tells each line, fed record by record.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "agents/retrieval/retrieval_records.hpp"
#include "agents/roles/smtp_dialogue_records.hpp"
#include "agents/roles/typed_session.hpp"
#include "cli_helpers.hpp"
#include "sim/net/trace_records.hpp"
#include "ui/cli/transcript.hpp"

namespace {

using mailsim_test::golden;
using mailsim_test::Result;
using mailsim_test::run;
namespace a = mailsim::agents;
namespace k = mailsim::agents::kinds;
namespace net = mailsim::sim::net;

mailsim::cli::Transcript english() {
  return mailsim::cli::Transcript(mailsim::Lang::en, [](net::Ipv4Address address) {
    return address == net::Ipv4Address(198, 51, 100, 25) ? "mx.b.example" : address.to_string();
  });
}

// Feeds records in order and keeps the transcript lines.
struct Feed {
  mailsim::cli::Transcript transcript = english();
  std::vector<std::string> lines;
  void operator()(const mailsim::sim::TraceRecord& r) {
    if (auto line = transcript.take(r)) lines.push_back(*line);
  }
};

a::SmtpRecord smtp(const mailsim::sim::TraceKind& kind, a::SmtpSide side, std::string line = {}) {
  a::SmtpParties who{a::Stage::relay, 2, side, "smtp.a.example", "mx.b.example"};
  a::SmtpRecord r(kind, who);
  r.line = std::move(line);
  return r;
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
  EXPECT_EQ(r.out, golden("first-mail.transcript.en.txt"));
}

TEST(Transcript, TheTelnetTestInEnglishAndFrench) {
  Result en = run("run telnet-test --transcript --lang en");
  EXPECT_EQ(en.status, 0);
  EXPECT_EQ(en.out, golden("telnet-test.transcript.en.txt"));
  Result fr = run("run telnet-test --transcript --lang fr");
  EXPECT_EQ(fr.status, 0);
  EXPECT_EQ(fr.out, golden("telnet-test.transcript.fr.txt"));
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
  auto connecting = smtp(k::kSmtpClientConnecting, a::SmtpSide::client);
  connecting.port = 25;
  feed(connecting);
  open(feed, net::ConnRole::client, "smtp.a.example", kClient, kServer);
  open(feed, net::ConnRole::server, "mx.b.example", kClient, kServer);
  feed(smtp(k::kSmtpServerAccepted, a::SmtpSide::server));
  feed(smtp(k::kSmtpServerSent, a::SmtpSide::server, "220 mx.b.example ESMTP"));
  feed(smtp(k::kSmtpClientReceived, a::SmtpSide::client, "220 mx.b.example ESMTP"));
  feed(smtp(k::kSmtpClientSent, a::SmtpSide::client, "EHLO smtp.a.example"));
  feed(smtp(k::kSmtpServerReceived, a::SmtpSide::server, "EHLO smtp.a.example"));
  EXPECT_EQ(feed.lines, (std::vector<std::string>{
                            "[smtp.a.example -> mx.b.example:25] S: 220 mx.b.example ESMTP",
                            "[smtp.a.example -> mx.b.example:25] C: EHLO smtp.a.example"}));
}

// A real client through a bridge leaves no client records: the server's side tells.
TEST(Transcript, TheServersSideWhenOnlyTheServerIsSimulated) {
  Feed feed;
  open(feed, net::ConnRole::server, "mx.b.example", kClient, kServer);
  feed(smtp(k::kSmtpServerAccepted, a::SmtpSide::server));
  feed(smtp(k::kSmtpServerSent, a::SmtpSide::server, "220 mx.b.example ESMTP"));
  feed(smtp(k::kSmtpServerReceived, a::SmtpSide::server, "QUIT"));
  EXPECT_EQ(feed.lines, (std::vector<std::string>{
                            "[smtp.a.example -> mx.b.example:25] S: 220 mx.b.example ESMTP",
                            "[smtp.a.example -> mx.b.example:25] C: QUIT"}));
}

TEST(Transcript, ATypedSessionIsTheClientsSide) {
  Feed feed;
  open(feed, net::ConnRole::client, "smtp.a.example", kClient, kServer);
  a::TypedSessionRecord opened(k::kTypedOpened);
  opened.session = "smtp.a.example -> 198.51.100.25:25";
  feed(opened);
  open(feed, net::ConnRole::server, "mx.b.example", kClient, kServer);
  feed(smtp(k::kSmtpServerReceived, a::SmtpSide::server, "Subject: hi"));
  a::TypedSessionRecord typed(k::kTypedSent);
  typed.session = opened.session;
  typed.line = "Subject: hi";
  feed(typed);
  typed.line = "";
  feed(typed);
  EXPECT_EQ(feed.lines,
            (std::vector<std::string>{"[smtp.a.example -> mx.b.example:25] C: Subject: hi",
                                      "[smtp.a.example -> mx.b.example:25] C:"}));
}

TEST(Transcript, RetrievalDialoguesToo) {
  Feed feed;
  a::RetrievalRecord connecting(k::kRetrievalClientConnecting);
  connecting.conn = 2;
  connecting.client = "bob-pc";
  connecting.server = "mx.b.example";
  connecting.port = 110;
  feed(connecting);
  a::RetrievalRecord by_server(k::kRetrievalServerSent);
  by_server.conn = 2;
  by_server.client = "bob-pc";
  by_server.server = "mx.b.example";
  by_server.line = "+OK POP3 ready";
  feed(by_server);  // the client tells this connection
  a::RetrievalRecord received(k::kRetrievalClientReceived);
  received.conn = 2;
  received.client = "bob-pc";
  received.server = "mx.b.example";
  received.line = "+OK POP3 ready";
  feed(received);
  a::RetrievalRecord user(k::kRetrievalClientSent);
  user.conn = 2;
  user.client = "bob-pc";
  user.server = "mx.b.example";
  user.line = "USER bob";
  feed(user);
  EXPECT_EQ(feed.lines, (std::vector<std::string>{"[bob-pc -> mx.b.example:110] S: +OK POP3 ready",
                                                  "[bob-pc -> mx.b.example:110] C: USER bob"}));
}

TEST(Transcript, ControlBytesAreSpeltOut) {
  EXPECT_EQ(mailsim::cli::Transcript::visible("a\rb\x1b[31m\tc\x7f"), "a<CR>b<0x1B>[31m\tc<0x7F>");
  EXPECT_EQ(mailsim::cli::Transcript::visible("Grüße"), "Grüße");
}

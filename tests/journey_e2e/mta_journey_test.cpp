// Two MTAs on the virtual network with DNS and mailboxes: smtp.a.example (Alice's provider)
// relays to the MX of b.example, found in DNS, which delivers to Bob's mailbox. A mail client
// on alice-pc hands the message to smtp.a.example from its trusted network.
#include <gtest/gtest.h>

#include "agents/dns/server_agent.hpp"
#include "agents/journey/conservation.hpp"
#include "agents/mail_server/mail_server.hpp"
#include "agents/narration/narrator.hpp"
#include "agents/proto/dns/zone_text.hpp"
#include "agents/proto/imf/dsn.hpp"
#include "agents/proto/imf/received.hpp"
#include "sim/trace_format.hpp"

#include <cstdlib>
#include <iostream>

using namespace mailsim;
using namespace mailsim::agents;
using namespace std::chrono_literals;
namespace dns = mailsim::proto::dns;
namespace net = mailsim::sim::net;

namespace {

net::Ipv4Address ip(const char* t) {
  return net::Ipv4Address::parse(t);
}

dns::ZoneSet zones() {
  dns::ZoneSet set;
  set.add_zone(dns::zone_from_text("a.example.", R"(
@ 3600 SOA ns.example. hostmaster.a.example. 1 7200 900 1209600 300
@ 3600 NS ns.example.
@ 300 MX 10 smtp.a.example.
smtp.a.example. 300 A 192.0.2.25
)"));
  set.add_zone(dns::zone_from_text("b.example.", R"(
@ 3600 SOA ns.example. hostmaster.b.example. 1 7200 900 1209600 300
@ 3600 NS ns.example.
@ 300 MX 10 mx.b.example.
mx.b.example. 300 A 198.51.100.25
)"));
  return set;
}

struct Internet {
  sim::Simulator sim{11};
  net::Network net{sim};
  proto::imf::ScenarioClock clock;
  net::NodeId pc, smtp_a, mx_b, ns, r1, r2;
  std::unique_ptr<DnsServerAgent> dns_server;
  std::unique_ptr<MailServer> a, b;
  ConservationChecker checker{sim.trace()};

  explicit Internet(MtaConfig b_config = b_defaults()) {
    // MAILSIM_PRINT_NARRATION=1 shows the story of each test, for whoever reads the journey.
    if (std::getenv("MAILSIM_PRINT_NARRATION")) {
      sim.trace().subscribe([](const sim::TraceRecord& r) {
        const std::string_view kind = r.kind().name;
        if (kind.starts_with("net.packet") || kind.starts_with("net.tcp")) return;
        if (auto s = Narrator(Lang::en).narrate(r))
          std::cout << sim::format_time(r.time()) << "  " << *s << "\n";
      });
    }
    pc = net.add_host("alice-pc", ip("192.0.2.10"));
    smtp_a = net.add_host("smtp.a.example", ip("192.0.2.25"));
    mx_b = net.add_host("mx.b.example", ip("198.51.100.25"));
    ns = net.add_host("ns.example", ip("203.0.113.53"));
    r1 = net.add_router("isp-a");
    r2 = net.add_router("isp-b");
    net.add_link("pc-isp-a", pc, r1, {.latency = 2ms});
    net.add_link("smtp-isp-a", smtp_a, r1, {.latency = 1ms});
    net.add_link("isp-a-isp-b", r1, r2, {.latency = 20ms});
    net.add_link("mx-isp-b", mx_b, r2, {.latency = 1ms});
    net.add_link("ns-isp-b", ns, r2, {.latency = 1ms});
    dns_server = std::make_unique<DnsServerAgent>(net, ns, zones());
    dns_server->start();

    MtaConfig a_config;
    a_config.hostname = "smtp.a.example";
    a_config.inbound.trusted_networks = {*Ipv4Network::parse("192.0.2.0/24")};
    a = provider(smtp_a, "a.example", "alice", a_config);
    b = provider(mx_b, "b.example", "bob", b_config);
  }

  static MtaConfig b_defaults() {
    MtaConfig c;
    c.hostname = "mx.b.example";
    return c;
  }

  // A mail server for `domain` with one user's mailbox, asking ns.example for MX records.
  std::unique_ptr<MailServer> provider(net::NodeId host, const std::string& domain,
                                       const std::string& user, MtaConfig mta) {
    MailServerConfig c;
    c.mta = std::move(mta);
    c.mailboxes.domains = {domain};
    c.users = {{user, "secret"}};
    c.dns_server = dns::Ipv4::parse("203.0.113.53");
    auto server = std::make_unique<MailServer>(net, host, std::move(c), clock);
    server->start();
    return server;
  }

  // Alice's mail client hands a message to her provider's server, as a trusted client.
  void alice_sends(std::vector<std::string> rcpts, std::string subject = "Hello",
                   std::string body = "Hi Bob!\r\n") {
    client = std::make_unique<SmtpClientEndpoint>(net, pc, SmtpClientEndpoint::Options{});
    proto::smtp::ClientConfig c;
    c.helo_name = "alice-pc";
    c.mail_from = "alice@a.example";
    c.recipients = std::move(rcpts);
    c.message = std::make_shared<const std::string>(
        "From: Alice <alice@a.example>\r\nTo: Bob <bob@b.example>\r\nSubject: " + subject +
        "\r\nMessage-ID: <1@alice-pc>\r\nDate: Mon, 5 Jan 2026 08:00:00 +0100\r\n\r\n" + body);
    client->open(ip("192.0.2.25"), 25, c, [this](const SmtpClientResult& r) { submitted = r; });
  }

  std::string violations() {
    return ConservationChecker::describe(
        checker.check([this](const std::string& agent, const std::string& q, const std::string& r) {
          return (agent == "smtp.a.example" && a->mta().queue().holds(q, r)) ||
                 (agent == "mx.b.example" && b->mta().queue().holds(q, r));
        }),
        Lang::en);
  }

  std::unique_ptr<SmtpClientEndpoint> client;
  std::optional<SmtpClientResult> submitted;
};

}  // namespace

TEST(MtaJourney, TheArticlesJourneyFromProviderToMailbox) {
  Internet w;
  w.alice_sends({"bob@b.example"});
  w.sim.run_until(1min);
  ASSERT_TRUE(w.submitted);
  EXPECT_EQ(w.submitted->failure(), SmtpFailure::none);
  const auto inbox = w.b->store().messages("bob", "INBOX");
  ASSERT_EQ(inbox.size(), 1u);
  const auto message = proto::imf::parse_message(inbox[0].content);
  EXPECT_EQ(message.header.value("Return-Path"), "<alice@a.example>");
  // One Received per hop, newest first: the MX, then Alice's provider.
  const auto hops = proto::imf::received_chain(message.header);
  ASSERT_EQ(hops.size(), 2u);
  EXPECT_EQ(message.header.count("Received"), 2u);
  EXPECT_NE(message.header.find_all("Received")[0]->value().find("by mx.b.example"),
            std::string::npos);
  EXPECT_NE(message.header.find_all("Received")[1]->value().find("by smtp.a.example"),
            std::string::npos);
  EXPECT_EQ(message.body, "Hi Bob!\r\n");
  EXPECT_EQ(w.a->mta().queue().size(), 0u);
  EXPECT_EQ(w.b->mta().queue().size(), 0u);
  EXPECT_EQ(w.violations(), "");
}

// A mail client that does not wrap its lines: smtp.a.example takes the 1,500-octet line whole
// and relays it as Postfix's smtp client does (smtp_line_length_limit = 998): broken after 998
// octets with <CR><LF><SPACE>, so Bob's server gets no line over RFC 5321's 1,000 octets; the
// narration says so.
TEST(MtaJourney, ALineOver998OctetsIsBrokenWhenRelayed) {
  Internet w;
  std::vector<std::string> told;
  w.sim.trace().subscribe([&](const sim::TraceRecord& r) {
    if (r.kind().name != std::string_view("mail.relayed")) return;
    for (Lang lang : {Lang::en, Lang::fr})
      if (auto s = Narrator(lang).narrate(r)) told.push_back(*s);
  });
  const std::string line(1500, 'x');
  w.alice_sends({"bob@b.example"}, "Long line", line + "\r\n.end\r\n");
  w.sim.run_until(1min);
  const auto inbox = w.b->store().messages("bob", "INBOX");
  ASSERT_EQ(inbox.size(), 1u);
  EXPECT_EQ(proto::imf::parse_message(inbox[0].content).body,
            line.substr(0, 998) + "\r\n " + line.substr(998) + "\r\n.end\r\n");
  ASSERT_EQ(told.size(), 2u);
  EXPECT_NE(told[0].find("breaking 1 line over 998 octets with a CRLF and a space"),
            std::string::npos)
      << told[0];
  EXPECT_NE(told[1].find("en coupant 1 ligne de plus de 998 octets"), std::string::npos) << told[1];
  EXPECT_EQ(w.violations(), "");
}

TEST(MtaJourney, SameDomainIsDeliveredWithoutLeavingTheServer) {
  Internet w;
  w.alice_sends({"alice@a.example"});
  w.sim.run_until(1min);
  EXPECT_EQ(w.a->store().messages("alice", "INBOX").size(), 1u);
  EXPECT_EQ(w.b->mta().server().accepted_count(), 0u);
  EXPECT_EQ(w.violations(), "");
}

TEST(MtaJourney, TheRecipientsServerDownForTwoHours) {
  Internet w;
  w.net.set_host_up(w.mx_b, false);
  w.sim.schedule_at(2h, [&] { w.net.set_host_up(w.mx_b, true); });
  w.alice_sends({"bob@b.example"});
  w.sim.run_until(30min);
  EXPECT_EQ(w.a->mta().queue().size(QueueName::deferred), 1u);
  EXPECT_EQ(w.violations(), "");  // deferred, not lost
  w.sim.run_until(5h);
  EXPECT_EQ(w.b->store().messages("bob", "INBOX").size(), 1u);
  EXPECT_EQ(w.a->mta().queue().size(), 0u);
  EXPECT_EQ(w.violations(), "");
}

TEST(MtaJourney, AnUnknownRecipientBouncesBackToAlice) {
  Internet w;
  w.alice_sends({"zed@b.example"});
  w.sim.run_until(2min);
  const auto inbox = w.a->store().messages("alice", "INBOX");
  ASSERT_EQ(inbox.size(), 1u);
  const auto dsn = proto::imf::parse_dsn(inbox[0].content);
  EXPECT_EQ(dsn.report.recipients[0].final_recipient, "zed@b.example");
  EXPECT_EQ(dsn.report.recipients[0].status, "5.1.1");
  EXPECT_EQ(dsn.report.recipients[0].remote_mta, "mx.b.example");
  EXPECT_EQ(w.violations(), "");
}

TEST(MtaJourney, GreylistingDefersTheFirstTryAndAcceptsTheRetry) {
  MtaConfig b = Internet::b_defaults();
  b.greylisting = GreylistSettings{};
  Internet w(b);
  w.alice_sends({"bob@b.example"});
  w.sim.run_until(2min);
  EXPECT_TRUE(w.b->store().messages("bob", "INBOX").empty());
  ASSERT_EQ(w.a->mta().queue().size(QueueName::deferred), 1u);
  EXPECT_NE(w.a->mta().queue().messages()[0]->last_error.find("450 4.2.0"), std::string::npos)
      << w.a->mta().queue().messages()[0]->last_error;
  w.sim.run_until(30min);
  EXPECT_EQ(w.b->store().messages("bob", "INBOX").size(), 1u);
  EXPECT_EQ(w.violations(), "");
}

TEST(MtaJourney, RelayingForStrangersIsDenied) {
  Internet w;
  // Alice's PC talks straight to mx.b.example and asks it to relay elsewhere.
  w.client = std::make_unique<SmtpClientEndpoint>(w.net, w.pc, SmtpClientEndpoint::Options{});
  proto::smtp::ClientConfig c;
  c.helo_name = "alice-pc";
  c.mail_from = "alice@a.example";
  c.recipients = {"victim@c.example"};
  c.message = std::make_shared<const std::string>("Subject: x\r\n\r\nx\r\n");
  std::optional<SmtpClientResult> result;
  w.client->open(ip("198.51.100.25"), 25, c, [&](const SmtpClientResult& r) { result = r; });
  w.sim.run_until(1min);
  ASSERT_TRUE(result);
  ASSERT_EQ(result->recipients.size(), 1u);
  ASSERT_TRUE(result->recipients[0].reply);
  EXPECT_EQ(result->recipients[0].reply->wire(),
            "554 5.7.1 <victim@c.example>: Relay access denied\r\n");
}

TEST(MtaJourney, AHostCrashWithMessagesQueuedLosesNothing) {
  Internet w;
  w.net.set_host_up(w.mx_b, false);
  w.alice_sends({"bob@b.example"});
  w.sim.run_until(20min);
  w.net.set_host_up(w.smtp_a, false);  // Alice's provider crashes with the message queued
  w.sim.run_until(40min);
  EXPECT_EQ(w.violations(), "");
  w.net.set_host_up(w.smtp_a, true);
  w.net.set_host_up(w.mx_b, true);
  w.sim.run_until(4h);
  EXPECT_EQ(w.b->store().messages("bob", "INBOX").size(), 1u);
  EXPECT_EQ(w.violations(), "");
}

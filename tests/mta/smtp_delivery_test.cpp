// The SMTP delivery agent over the network, against real SMTP server endpoints.
#include "agents/mta/smtp_delivery.hpp"

#include <gtest/gtest.h>

#include "sim/cancellable.hpp"
#include "tests/roles/smtp_world.hpp"

using namespace roles_test;
using namespace mailsim::agents;
using Kind = RecipientOutcome::Kind;
namespace smtp = mailsim::proto::smtp;

namespace {

// Accepts all but the recipients listed, and names its queue id like Postfix.
struct MxOwner : SmtpServerOwner {
  SmtpServerEndpoint* endpoint = nullptr;
  std::vector<std::string> unknown;
  std::vector<std::string> received;
  bool refuse_message = false;  // 554 after the final dot
  void on_policy(const SmtpServerConnection& c, const smtp::PolicyQuery& q) override {
    if (q.stage == smtp::PolicyStage::message && refuse_message) {
      endpoint->answer(c.id, smtp::Reply(554, "5.7.1", "Message content rejected"));
      return;
    }
    if (q.stage == smtp::PolicyStage::rcpt &&
        std::find(unknown.begin(), unknown.end(), std::string(q.argument)) != unknown.end()) {
      endpoint->answer(c.id, smtp::Reply(550, "5.1.1",
                                         "<" + std::string(q.argument) +
                                             ">: Recipient address rejected: User unknown"));
      return;
    }
    if (q.stage == smtp::PolicyStage::message) {
      received.push_back(q.transaction->content);
      endpoint->answer(c.id, smtp::Reply(250, "2.0.0", "Ok: queued as 7C1A2B3D4E"));
      return;
    }
    endpoint->accept(c.id);
  }
};

SmtpDeliverySettings settings() {
  SmtpDeliverySettings s;
  s.helo_name = "smtp.a.example";
  return s;
}

struct Delivery {
  SmtpWorld w;
  sim::net::NodeId mx2;
  MxOwner owner, owner2;
  std::unique_ptr<SmtpServerEndpoint> server, server2;
  StaticNextHops hops;
  SmtpDelivery delivery;
  sim::RandomStream ids{3};
  MailQueue queue{ids};
  std::vector<RecipientOutcome> handed;  // told at the 250 after the final dot
  bool handed_before_done = false;
  std::function<void()> on_handed;

  explicit Delivery(SmtpDeliverySettings s = settings()) : delivery(w.net, w.pc, {}, hops, s) {
    mx2 = w.net.add_host("mx2.b.example", sim::net::Ipv4Address::parse("198.51.100.26"));
    w.net.add_link("r2-mx2", w.r2, mx2, {});
    server = std::make_unique<SmtpServerEndpoint>(w.net, w.mx, mx_config(), owner,
                                                  SmtpServerEndpoint::Options{});
    owner.endpoint = server.get();
    auto c2 = mx_config();
    c2.hostname = "mx2.b.example";
    server2 =
        std::make_unique<SmtpServerEndpoint>(w.net, mx2, c2, owner2, SmtpServerEndpoint::Options{});
    owner2.endpoint = server2.get();
    server->start();
    server2->start();
    hops.add_route("b.example", {{"mx.b.example", kMxAddress},
                                 {"mx2.b.example", sim::net::Ipv4Address::parse("198.51.100.26")}});
  }

  std::vector<RecipientOutcome> send(std::vector<std::string> rcpts) {
    const std::string id =
        queue.enqueue("alice@a.example", rcpts,
                      std::make_shared<const std::string>(
                          "From: alice@a.example\r\nSubject: hi\r\n\r\nHello\r\n"),
                      "<1@a>", w.sim.now());
    std::vector<RecipientOutcome> out;
    bool done = false;
    delivery.deliver(
        *queue.find(id), rcpts,
        [&](std::vector<RecipientOutcome> o) {
          out = std::move(o);
          done = true;
        },
        [&](const RecipientOutcome& o) {
          handed.push_back(o);
          handed_before_done = !done;
          if (on_handed) on_handed();
        });
    w.sim.run_until(w.sim.now() + 10min);
    EXPECT_TRUE(done);
    return out;
  }
};

// Next hops that answer a second later, like a DNS lookup over the network: each lookup is
// a kernel event that calls back whoever still holds its handle.
struct SlowHops final : NextHopFinder {
  explicit SlowHops(sim::Simulator& s) : sim(s) {}
  sim::Subscription find(const std::string&, Done done) override {
    const sim::Cancellable<NextHopLookup> lookup(std::move(done));
    sim.schedule_after(1s, [this, done = lookup.callback()] {
      ++answered;
      NextHopLookup r;
      r.hops = {{"mx.b.example", kMxAddress}};
      done(r);
    });
    return lookup.handle();
  }
  sim::Simulator& sim;
  int answered = 0;
};

// What a delivery whose agent goes away meanwhile reports: nothing, and nothing runs in it.
struct Abandoned {
  SmtpWorld w;
  AcceptingOwner owner;
  SmtpServerEndpoint server{w.net, w.mx, mx_config(), owner, {}};
  SlowHops hops{w.sim};
  std::optional<SmtpDelivery> delivery;
  sim::RandomStream ids{3};
  MailQueue queue{ids};
  int calls = 0;

  Abandoned() {
    owner.endpoint = &server;
    server.start();
    delivery.emplace(w.net, w.pc, SmtpClientEndpoint::Options{}, hops, settings());
    const std::string id = queue.enqueue(
        "alice@a.example", {"bob@b.example"},
        std::make_shared<const std::string>("Subject: hi\r\n\r\nHello\r\n"), "<1@a>", 0s);
    delivery->deliver(
        *queue.find(id), {"bob@b.example"}, [this](std::vector<RecipientOutcome>) { ++calls; },
        [this](const RecipientOutcome&) { ++calls; });
  }
};

}  // namespace

// Destroyed while its next-hop lookup is in flight: the lookup's answer finds no callback.
TEST(SmtpDelivery, DestroyedWithANextHopLookupInFlightItIsNeverCalledBack) {
  Abandoned a;
  a.w.sim.run_until(500ms);
  ASSERT_TRUE(a.delivery->client().sessions().empty());
  a.delivery.reset();
  a.w.sim.run_until(10min);
  EXPECT_EQ(a.hops.answered, 1);
  EXPECT_EQ(a.calls, 0);
  EXPECT_TRUE(a.owner.messages.empty());  // no session was opened
}

// Destroyed in the middle of its SMTP session: its client endpoint goes with it, the
// connection is aborted and no result is reported.
TEST(SmtpDelivery, DestroyedInTheMiddleOfItsSessionItIsNeverCalledBack) {
  Abandoned a;
  a.w.sim.run_until(1s + 20ms);  // the lookup answered, the session has begun
  ASSERT_EQ(a.delivery->client().sessions().size(), 1u);
  a.delivery.reset();
  a.w.sim.run_until(10min);
  EXPECT_EQ(a.calls, 0);
  EXPECT_TRUE(a.owner.messages.empty());
}

// The host going down stops the lookups in flight: the queue takes the message again.
TEST(SmtpDelivery, AbandonAllCancelsTheLookupsInFlight) {
  Abandoned a;
  a.w.sim.run_until(500ms);
  a.delivery->abandon_all();
  a.w.sim.run_until(10min);
  EXPECT_EQ(a.hops.answered, 1);
  EXPECT_EQ(a.calls, 0);
  EXPECT_TRUE(a.owner.messages.empty());
}

TEST(SmtpDelivery, RelaysToTheFirstMxAndReadsItsQueueId) {
  Delivery d;
  auto out = d.send({"bob@b.example", "carol@c.example", "zed@b.example"});
  ASSERT_EQ(out.size(), 3u);
  EXPECT_EQ(out[0].kind, Kind::relayed);
  EXPECT_EQ(out[0].next_agent, "mx.b.example");
  EXPECT_EQ(out[0].next_queue_id, "7C1A2B3D4E");
  EXPECT_EQ(out[0].reply, "250 2.0.0 Ok: queued as 7C1A2B3D4E");
  EXPECT_EQ(out[1].recipient, "carol@c.example");
  EXPECT_EQ(out[1].kind, Kind::bounced);  // no route to c.example
  EXPECT_EQ(out[1].reply, "554 5.4.4 No route to domain c.example");
  EXPECT_EQ(out[2].kind, Kind::relayed);  // same session as bob
  EXPECT_EQ(d.owner.received.size(), 1u);
}

TEST(SmtpDelivery, AnUnknownUserIsBouncedTheOthersRelayed) {
  Delivery d;
  d.owner.unknown = {"zed@b.example"};
  auto out = d.send({"bob@b.example", "zed@b.example"});
  ASSERT_EQ(out.size(), 2u);
  EXPECT_EQ(out[0].kind, Kind::relayed);
  EXPECT_EQ(out[1].kind, Kind::bounced);
  EXPECT_EQ(out[1].reply, "550 5.1.1 <zed@b.example>: Recipient address rejected: User unknown");
  EXPECT_EQ(out[1].remote_mta, "mx.b.example");
}

TEST(SmtpDelivery, TheSecondMxTakesItWhenTheFirstIsDown) {
  Delivery d;
  d.w.net.set_host_up(d.w.mx, false);
  auto out = d.send({"bob@b.example"});
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].kind, Kind::relayed);
  EXPECT_EQ(out[0].next_agent, "mx2.b.example");
  EXPECT_EQ(d.owner2.received.size(), 1u);
}

// Postfix's smtp_mx_address_limit: the most MX addresses tried in one delivery; 0: no limit.
TEST(SmtpDelivery, TheMxAddressLimitStopsBeforeTheSecondMxAndZeroMeansNoLimit) {
  SmtpDeliverySettings one = settings();
  one.max_hosts = 1;
  Delivery d(one);
  d.w.net.set_host_up(d.w.mx, false);
  auto out = d.send({"bob@b.example"});
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].kind, Kind::deferred);
  EXPECT_TRUE(d.owner2.received.empty());

  SmtpDeliverySettings unlimited = settings();
  unlimited.max_hosts = 0;
  Delivery all(unlimited);
  all.w.net.set_host_up(all.w.mx, false);
  out = all.send({"bob@b.example"});
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].kind, Kind::relayed);
  EXPECT_EQ(all.owner2.received.size(), 1u);
}

// Each outcome names the command the server's reply answered and the server's address, for
// Exim's notice ("host mx.b.example [198.51.100.25]" / "SMTP error from remote mail server
// after RCPT TO:<zed@b.example>:"); a refused message is "after end of data", a connection
// that failed names none.
TEST(SmtpDelivery, AnOutcomeNamesTheCommandTheReplyAnswered) {
  Delivery d;
  d.owner.unknown = {"zed@b.example"};
  auto out = d.send({"bob@b.example", "zed@b.example"});
  ASSERT_EQ(out.size(), 2u);
  EXPECT_EQ(out[1].after, "RCPT TO:<zed@b.example>");
  EXPECT_EQ(out[1].remote_address, "198.51.100.25");

  Delivery refused;
  refused.owner.refuse_message = true;
  out = refused.send({"bob@b.example"});
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].kind, Kind::bounced);
  EXPECT_EQ(out[0].after, "end of data");

  Delivery down;
  down.w.net.set_host_up(down.w.mx, false);
  down.w.net.set_host_up(down.mx2, false);
  out = down.send({"bob@b.example"});
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].after, "");
}

TEST(SmtpDelivery, EveryMxDownDefersWithPostfixsWords) {
  Delivery d;
  d.w.net.set_host_up(d.w.mx, false);
  d.w.net.set_host_up(d.mx2, false);
  auto out = d.send({"bob@b.example"});
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].kind, Kind::deferred);
  EXPECT_EQ(out[0].reply, "connect to mx2.b.example[198.51.100.26]:25: Connection timed out");
}

TEST(SmtpDelivery, ARefusingFirewallIsConnectionRefused) {
  Delivery d;
  d.hops.add_route("b.example", {{"mx.b.example", kMxAddress}});
  d.w.net.add_filter(d.w.mx, sim::net::FilterRule{25, sim::net::FilterDirection::incoming,
                                                  sim::net::FilterAction::reject});
  auto out = d.send({"bob@b.example"});
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].kind, Kind::deferred);
  EXPECT_EQ(out[0].reply, "connect to mx.b.example[198.51.100.25]:25: Connection refused");
}

// The queue hears of the hand-over at the 250 after the final dot, before QUIT and 221; a
// session that breaks after it (here this host going down at once) still relays.
TEST(SmtpDelivery, TheHandOverIsToldAtThe250) {
  Delivery d;
  d.on_handed = [&d] {
    d.w.sim.schedule_after(sim::SimTime(0), [&d] { d.w.net.set_host_up(d.w.pc, false); });
  };
  auto out = d.send({"bob@b.example", "zed@b.example"});
  ASSERT_EQ(d.handed.size(), 2u);
  EXPECT_TRUE(d.handed_before_done);
  EXPECT_EQ(d.handed[0].recipient, "bob@b.example");
  EXPECT_EQ(d.handed[0].kind, Kind::relayed);
  EXPECT_EQ(d.handed[0].next_queue_id, "7C1A2B3D4E");
  ASSERT_EQ(out.size(), 2u);
  EXPECT_EQ(out[0].kind, Kind::relayed);
  EXPECT_EQ(out[1].kind, Kind::relayed);
}

TEST(SmtpDelivery, QueuedAsParsing) {
  EXPECT_EQ(queued_as("250 2.0.0 Ok: queued as 4B3F21A0C2"), "4B3F21A0C2");
  EXPECT_EQ(queued_as("250 2.0.0 Ok"), "");
  EXPECT_EQ(queued_as("250 OK id=1rXyZ queued as ABC extra"), "ABC");
}

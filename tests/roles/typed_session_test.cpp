#include "agents/roles/typed_session.hpp"

#include <gtest/gtest.h>

#include <sstream>

#include "sim/simulator.hpp"
#include "sim/trace_format.hpp"

using namespace mailsim;
using namespace mailsim::agents;
using namespace mailsim::sim::net;
using namespace std::chrono_literals;

namespace {
// Two hosts and a router; mx answers like a tiny SMTP server, one reply per line.
struct World {
  sim::Simulator sim{7};
  Network net{sim};
  NodeId pc, mx;
  std::vector<StreamSocket> server_sockets;
  World() {
    pc = net.add_host("alice-pc", Ipv4Address::parse("192.0.2.10"));
    mx = net.add_host("mx.b.example", Ipv4Address::parse("198.51.100.25"));
    NodeId r = net.add_router("r1");
    net.add_link("pc-r1", pc, r, {});
    net.add_link("r1-mx", r, mx, {});
  }
  void serve() {
    net.host(mx).listen(25, [this](StreamSocket s) {
      server_sockets.push_back(s);
      auto buffer = std::make_shared<std::string>();
      s.send("220 mx.b.example ESMTP\r\n");
      s.on_data([s, buffer](std::span<const std::byte> bytes) mutable {
        buffer->append(reinterpret_cast<const char*>(bytes.data()), bytes.size());
        for (auto pos = buffer->find("\r\n"); pos != std::string::npos;
             pos = buffer->find("\r\n")) {
          std::string line = buffer->substr(0, pos);
          buffer->erase(0, pos + 2);
          if (line == "QUIT") {
            // Two lines in one segment, the second without its line end: both are reported.
            s.send("221 2.0.0 Bye\r\nno newline");
            s.close();
          } else {
            s.send("250 ok " + line + "\r\n");
          }
        }
      });
    });
  }
};
}  // namespace

TEST(TypedSession, TypesLinesAndReportsEveryReplyLikeTelnet) {
  World w;
  w.serve();
  std::ostringstream trace;
  sim::TraceWriter writer(w.sim.trace(), trace, sim::TraceFormat::text);
  std::vector<std::string> lines;
  bool closed = false;
  TypedSession::Callbacks callbacks;
  callbacks.on_line = [&](const std::string& l) { lines.push_back(l); };
  callbacks.on_closed = [&] { closed = true; };
  TypedSession session(w.net, w.pc, Ipv4Address::parse("198.51.100.25"), 25, callbacks);
  session.open();
  session.type("EHLO alice-pc");  // typed before the connection is up: it waits
  w.sim.run_until(1s);
  EXPECT_TRUE(session.connected());
  session.type("QUIT");
  w.sim.run_until(2s);
  EXPECT_EQ(lines, (std::vector<std::string>{"220 mx.b.example ESMTP", "250 ok EHLO alice-pc",
                                             "221 2.0.0 Bye", "no newline"}));
  EXPECT_TRUE(closed);
  EXPECT_TRUE(session.ended());
  EXPECT_FALSE(session.type("NOOP"));
  const std::string t = trace.str();
  EXPECT_NE(t.find("typed.opened session=\"alice-pc -> 198.51.100.25:25\""), std::string::npos)
      << t;
  // Every record names the network's connection, as the net.* records of it do.
  const std::string who = "session=\"alice-pc -> 198.51.100.25:25\" conn=1";
  EXPECT_NE(t.find("typed.sent " + who + " line=QUIT"), std::string::npos) << t;
  EXPECT_NE(t.find("typed.received " + who + " line=\"221 2.0.0 Bye\""), std::string::npos);
  EXPECT_NE(t.find("typed.closed " + who + " reason=server_closed"), std::string::npos);
  EXPECT_NE(t.find("net.conn.opened conn=1 host=alice-pc"), std::string::npos);
}

TEST(TypedSession, NothingListeningIsConnectionRefused) {
  World w;
  std::optional<ConnError> error;
  TypedSession::Callbacks callbacks;
  callbacks.on_failed = [&](ConnError e) { error = e; };
  TypedSession session(w.net, w.pc, Ipv4Address::parse("198.51.100.25"), 25, callbacks);
  session.open();
  w.sim.run_until(10s);
  ASSERT_TRUE(error);
  EXPECT_EQ(*error, ConnError::refused);
  EXPECT_TRUE(session.ended());
}

TEST(TypedSession, AFirewallThatDropsPort25GivesNoAnswerThenATimeout) {
  World w;
  w.serve();
  w.net.add_filter(w.mx, FilterRule{25, FilterDirection::incoming, FilterAction::drop});
  std::optional<ConnError> error;
  TypedSession::Callbacks callbacks;
  callbacks.on_failed = [&](ConnError e) { error = e; };
  TypedSession session(w.net, w.pc, Ipv4Address::parse("198.51.100.25"), 25, callbacks);
  session.open();
  w.sim.run_until(10s);
  EXPECT_FALSE(error);  // still waiting, as telnet does
  EXPECT_TRUE(session.received().empty());
  w.sim.run_until(10min);
  ASSERT_TRUE(error);
  EXPECT_EQ(*error, ConnError::timed_out);
}

TEST(TypedSession, DestroyingTheSessionMidConnectionIsSafe) {
  World w;
  w.serve();
  {
    TypedSession session(w.net, w.pc, Ipv4Address::parse("198.51.100.25"), 25);
    session.open();
    w.sim.run_until(1ms);
  }
  w.sim.run_until(1min);  // callbacks of the dead session must not run into it
  SUCCEED();
}

// Every record of the session carries its parties: the connection's id (the one the network
// gives it) and both hosts, by node and by name, for the window to follow.
TEST(TypedSession, ItsRecordsNameTheConnectionAndBothHosts) {
  World w;
  w.serve();
  std::vector<DialogueParties> seen;
  w.sim.trace().subscribe([&](const sim::TraceRecord& r) {
    if (const auto* d = dynamic_cast<const DialogueRecord*>(&r)) seen.push_back(d->parties);
  });
  TypedSession session(w.net, w.pc, Ipv4Address::parse("198.51.100.25"), 25);
  session.open();
  session.type("QUIT");
  w.sim.run_until(2s);
  ASSERT_GE(seen.size(), 3u);  // opened, sent, received...
  for (const DialogueParties& p : seen) {
    EXPECT_EQ(p.protocol, DialogueProtocol::typed);
    EXPECT_EQ(p.side, DialogueSide::client);
    EXPECT_NE(p.conn, 0u);
    EXPECT_EQ(p.conn, seen.front().conn);
    EXPECT_EQ(p.client_node, w.pc);
    EXPECT_EQ(p.server_node, w.mx);
    EXPECT_EQ(p.client, "alice-pc");
    EXPECT_EQ(p.server, "mx.b.example");
    EXPECT_EQ(p.session, "alice-pc -> 198.51.100.25:25");
  }
}

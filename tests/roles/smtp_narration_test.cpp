// Every SMTP dialogue record kind, produced by real sessions over the network, narrates in
// English and French with every placeholder filled. MAILSIM_PRINT_NARRATION=1 prints them.
#include <gtest/gtest.h>

#include <cstdlib>
#include <iostream>
#include <map>
#include <set>

#include "agents/narration/narrator.hpp"
#include "agents/roles/smtp_client_endpoint.hpp"
#include "agents/roles/smtp_dialogue_records.hpp"
#include "agents/roles/typed_session.hpp"
#include "smtp_world.hpp"

using namespace roles_test;
using namespace mailsim::agents;
using namespace mailsim::sim::net;
namespace smtp = mailsim::proto::smtp;

namespace {

// Answers each question from a script (by stage, or by argument for RCPT); stays silent for
// good where the script says so; accepts the rest.
struct ScriptedOwner : SmtpServerOwner {
  SmtpServerEndpoint* endpoint = nullptr;
  std::map<smtp::PolicyStage, smtp::Reply> by_stage;
  std::map<std::string, smtp::Reply> by_argument;
  bool silent = false;
  void on_policy(const SmtpServerConnection& c, const smtp::PolicyQuery& q) override {
    if (silent) return;
    if (auto it = by_argument.find(std::string(q.argument)); it != by_argument.end())
      endpoint->answer(c.id, it->second);
    else if (auto st = by_stage.find(q.stage); st != by_stage.end())
      endpoint->answer(c.id, st->second);
    else
      endpoint->accept(c.id);
  }
};

struct Narrated {
  std::set<std::string> kinds;
  std::vector<std::string> en;
};

// Runs one situation in a fresh world and narrates its SMTP records.
void narrate(Narrated& out,
             const std::function<void(SmtpWorld&, ScriptedOwner&, smtp::ServerConfig&,
                                      smtp::ClientConfig&)>& setup,
             bool typed_hangup = false, bool raw_server = false, bool down_mid_session = false) {
  SmtpWorld w;
  Narrator en(mailsim::Lang::en), fr(mailsim::Lang::fr);
  w.sim.trace().subscribe([&](const mailsim::sim::TraceRecord& r) {
    if (r.kind().layer != "smtp") return;
    out.kinds.insert(std::string(r.kind().name));
    const auto e = en.narrate(r);
    const auto f = fr.narrate(r);
    ASSERT_TRUE(e && f) << r.kind().name;
    EXPECT_EQ(e->find('{'), std::string::npos) << *e;
    EXPECT_EQ(f->find('{'), std::string::npos) << *f;
    out.en.push_back(*e);
  });
  ScriptedOwner owner;
  smtp::ServerConfig server_config = mx_config();
  smtp::ClientConfig client_config;
  client_config.helo_name = "alice-pc";
  client_config.mail_from = "alice@a.example";
  client_config.recipients = {"bob@b.example", "carol@b.example", "dave@b.example"};
  client_config.message = std::make_shared<const std::string>("Subject: hi\r\n\r\nHello.\r\n");
  setup(w, owner, server_config, client_config);
  std::optional<SmtpServerEndpoint> server;
  if (raw_server) {
    w.net.host(w.mx).listen(25, [](StreamSocket s) { s.send("hello there\r\n"); });
  } else {
    server.emplace(w.net, w.mx, server_config, owner, SmtpServerEndpoint::Options{});
    owner.endpoint = &*server;
    server->start();
  }
  if (typed_hangup) {
    TypedSession typed(w.net, w.pc, kMxAddress, 25);
    typed.open();
    typed.type("EHLO alice-pc");
    w.sim.schedule_at(1s, [&] { typed.close(); });
    w.sim.run_until(2s);
    return;
  }
  SmtpClientEndpoint client(w.net, w.pc, {});
  client.open(kMxAddress, 25, client_config, [](const SmtpClientResult&) {});
  if (down_mid_session) w.sim.schedule_at(20ms, [&] { w.net.set_host_up(w.mx, false); });
  w.sim.run_until(1h);
}

}  // namespace

TEST(SmtpNarration, EveryKindOfRealSessionsIsNarratedInBothLanguages) {
  Narrated n;
  auto none = [](SmtpWorld&, ScriptedOwner&, smtp::ServerConfig&, smtp::ClientConfig&) {};
  // A transaction over STARTTLS with one recipient accepted, one deferred, one rejected.
  narrate(n, [](SmtpWorld&, ScriptedOwner& o, smtp::ServerConfig& s, smtp::ClientConfig&) {
    s.extensions.starttls = true;
    o.by_argument["carol@b.example"] = smtp::Reply(450, "4.2.0", "Greylisted");
    o.by_argument["dave@b.example"] = smtp::Reply(550, "5.1.1", "User unknown");
  });
  narrate(n, [](SmtpWorld&, ScriptedOwner& o, smtp::ServerConfig&, smtp::ClientConfig&) {
    o.by_stage[smtp::PolicyStage::connect] = smtp::Reply(554, "5.7.1", "No thanks");
  });
  narrate(n, [](SmtpWorld&, ScriptedOwner& o, smtp::ServerConfig&, smtp::ClientConfig&) {
    o.by_stage[smtp::PolicyStage::mail] = smtp::Reply(421, "4.3.2", "Shutting down");
  });
  narrate(n, [](SmtpWorld&, ScriptedOwner&, smtp::ServerConfig&, smtp::ClientConfig& c) {
    c.tls = smtp::TlsPolicy::required;
  });
  narrate(n, [](SmtpWorld&, ScriptedOwner& o, smtp::ServerConfig&, smtp::ClientConfig&) {
    o.silent = true;  // the client's greeting timeout runs out first
  });
  narrate(n, [](SmtpWorld& w, ScriptedOwner&, smtp::ServerConfig&, smtp::ClientConfig&) {
    w.net.add_filter(w.mx, FilterRule{25, FilterDirection::incoming, FilterAction::reject});
  });
  narrate(n, none, /*typed_hangup=*/true);
  narrate(n, none, false, /*raw_server=*/true);
  narrate(
      n,
      [](SmtpWorld&, ScriptedOwner& o, smtp::ServerConfig&, smtp::ClientConfig&) {
        o.silent = true;
      },
      false, false, /*down_mid_session=*/true);
  std::set<std::string> all;
  for (const auto* k : smtp_dialogue_kinds())
    all.insert(std::string(k->name));
  EXPECT_EQ(n.kinds, all);
  if (std::getenv("MAILSIM_PRINT_NARRATION"))
    for (const auto& line : n.en)
      std::cout << line << "\n";
}

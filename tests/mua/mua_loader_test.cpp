// The `clients:` section, the `fetch` action, `send` with a client and the `fetched`
// expectation in scenario files: what the loader accepts and the exact errors it gives.
#include <gtest/gtest.h>

#include "world.hpp"

using namespace mailsim;
using mua_test::kAlice;
using mua_test::world;

namespace {

std::string errors_of(const std::string& text) {
  return scenarios::load_scenario_text(text, "t.yaml").diagnostics.render(Lang::en);
}

}  // namespace

TEST(MuaLoader, AClientWithDefaultsLoads) {
  auto r = scenarios::load_scenario_text(
      world(kAlice + "    - {host: alice-pc, address: alice@a.example,\n"
                     "       fetch: {server: smtp.a.example, protocol: pop3, password: w}}\n",
            ""),
      "t.yaml");
  ASSERT_TRUE(r.scenario) << r.diagnostics.render(Lang::en);
  const auto& clients = r.scenario->mail.clients;
  ASSERT_EQ(clients.size(), 2u);
  EXPECT_EQ(clients[0].submit->user, "alice");  // the local part of the address
  EXPECT_EQ(clients[0].submit->port, 587);      // a password: submission
  EXPECT_EQ(clients[1].name, "alice-pc");       // no name: the host's
  EXPECT_EQ(clients[1].fetch->user, "alice");
  EXPECT_TRUE(clients[1].fetch->keep_on_server);
}

TEST(MuaLoader, MistakesInClientsAreNamedWithTheirPlace) {
  EXPECT_EQ(errors_of(world("    - {host: alice-pc, address: alice@a.example, submit: {server: "
                            "smtp.a.exampel}}\n",
                            "")),
            "t.yaml:28:58: error: 'submit': there is no mail server (in mail: servers) named "
            "'smtp.a.exampel'; did you mean 'smtp.a.example'?\n");
  EXPECT_EQ(errors_of(world("    - {host: alice-pc, address: alice at a.example}\n", "")),
            "t.yaml:28:33: error: 'address' in 'clients': 'alice at a.example': 'alice at "
            "a.example' has no @domain (an address is written name@domain, for example "
            "bob@b.example)\n");
  EXPECT_EQ(errors_of(world("    - {host: bob-pc, address: bob@b.example, fetch: {server: "
                            "mx.b.example, password: b, every: 5min}}\n",
                            "")),
            "t.yaml:28:7: error: the mail client 'bob-pc' fetches mail every 00:05:00, so the run "
            "would never end by itself; give the scenario a 'duration' (for example duration: "
            "1h)\n");
}

TEST(MuaLoader, MistakesInTheTimelineAndExpectations) {
  EXPECT_EQ(errors_of(world(kAlice, "timeline:\n  - at: 1s\n    fetch: alice\n")),
            "t.yaml:32:12: error: the mail client 'alice' has no 'fetch' section, so it cannot "
            "fetch mail; add one to it in mail: clients\n");
  EXPECT_EQ(errors_of(world(kAlice, "timeline:\n  - at: 1s\n    fetch: alcie\n")),
            "t.yaml:32:12: error: 'fetch': there is no mail client (in mail: clients) named "
            "'alcie'; did you mean 'alice'?\n");
  EXPECT_EQ(errors_of(world(kAlice,
                            "timeline:\n  - at: 1s\n    send: {client: alice, server: "
                            "smtp.a.example, to: bob@b.example}\n")),
            "t.yaml:32:11: error: 'send' names the client 'alice', which has its own 'server'; "
            "remove 'server' here\n");
  EXPECT_EQ(errors_of(world(kAlice, "timeline:\n  - at: 1s\n    send: {to: bob@b.example}\n")),
            "t.yaml:32:11: error: 'send' needs either 'client' (a mail client of mail: clients) "
            "or 'from' and 'server' (a one-off client)\n"
            "t.yaml:32:11: error: 'send' needs 'mail_from'; add a line 'mail_from: ...'\n");
  EXPECT_EQ(errors_of(world(kAlice, "expect:\n  - fetched: {client: bob}\n")),
            "t.yaml:31:14: error: 'fetched': there is no mail client (in mail: clients) named "
            "'bob'\n");
}

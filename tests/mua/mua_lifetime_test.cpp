// A mail client owns its fetch timer and its endpoints: once it is gone nothing of it is
// left in the simulator.
#include <gtest/gtest.h>

#include <memory>
#include <optional>

#include "agents/mua/mua_agent.hpp"
#include "agents/proto/imf/address.hpp"
#include "agents/proto/imf/date.hpp"
#include "sim/net/network.hpp"

using namespace mailsim;
using namespace std::chrono_literals;

TEST(MuaLifetime, DestroyingTheMailClientCancelsItsNextFetch) {
  sim::Simulator sim;
  sim::net::Network net(sim);
  const auto pc = net.add_host("bob-pc", sim::net::Ipv4Address::parse("192.0.2.20"));
  const proto::imf::ScenarioClock clock;
  agents::MuaConfig config;
  config.address = proto::imf::parse_mailbox("Bob <bob@b.example>");
  agents::MuaFetchSettings fetch;
  fetch.server = sim::net::Ipv4Address::parse("198.51.100.25");
  fetch.user = "bob";
  fetch.every = 5min;
  config.fetch = fetch;
  auto mua = std::make_unique<agents::MuaAgent>(net, pc, config, clock);
  const std::size_t before = sim.pending();
  mua->start();
  EXPECT_EQ(sim.pending(), before + 1);  // the first fetch, in 5 minutes
  mua.reset();
  EXPECT_EQ(sim.pending(), before);
  sim.run_until(1h);  // nothing runs into the destroyed client (ASan build)
}

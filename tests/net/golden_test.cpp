// The exact trace of a short exchange, as a golden file: any change to what the network does
// or records shows up here. Regenerate with MAILSIM_UPDATE_GOLDEN=1 after checking the diff.
#include <gtest/gtest.h>

#include <sstream>

#include "tests/golden.hpp"
#include "tests/net/net_fixture.hpp"

using namespace mailsim::sim;
using namespace mailsim::sim::net;
using namespace mailsim::sim::net::testing;

TEST(Golden, GreetingAndQuitOverTwoRouters) {
  Simulator sim(1);
  Network net(sim);
  auto a = net.add_host("client", ip("192.0.2.10"));
  auto b = net.add_host("server", ip("198.51.100.25"));
  auto r1 = net.add_router("r1");
  auto r2 = net.add_router("r2");
  net.add_link("client-r1", a, r1, {.latency = 2ms, .bandwidth_bps = 10'000'000});
  net.add_link("r1-r2", r1, r2, {.latency = 10ms, .bandwidth_bps = 1'000'000});
  net.add_link("r2-server", r2, b, {.latency = 2ms, .bandwidth_bps = 10'000'000});
  std::ostringstream out;
  TraceWriter writer(sim.trace(), out, TraceFormat::text);
  net.host(b).listen(25, [](StreamSocket s) {
    s.send("220 server ESMTP\r\n");
    s.on_data([s](std::span<const std::byte> bytes) mutable {
      if (to_string(bytes) == "QUIT\r\n") {
        s.send("221 Bye\r\n");
        s.close();
      }
    });
  });
  StreamSocket c = net.host(a).connect(ip("198.51.100.25"), 25, nullptr, nullptr);
  c.on_data([&](std::span<const std::byte> bytes) {
    if (to_string(bytes).starts_with("220")) c.send("QUIT\r\n");
  });
  c.on_end([&] { c.close(); });
  sim.run();

  mailsim::test::check_golden("greeting_and_quit.txt", out.str());
}

#include "scenarios/load/network_reader.hpp"

#include <gtest/gtest.h>

#include <chrono>

#include "scenarios/build/network_builder.hpp"
#include "scenarios/load/yaml_document.hpp"
#include "sim/simulator.hpp"

using namespace mailsim;
using namespace mailsim::scenarios;
using namespace std::chrono_literals;

namespace {
struct Loaded {
  NetworkModel model;
  std::string errors;
};
Loaded load(const std::string& yaml) {
  Diagnostics diag("net.yaml");
  Loaded out;
  if (auto root = load_yaml(yaml, diag)) out.model = read_network(*root, diag);
  out.errors = diag.render(Lang::en);
  return out;
}

const char* kArticleNetwork = R"(hosts:
  - name: alice-pc
    address: 192.0.2.10
    position: [0.05, 0.5]
  - name: mx.b.example
    address: 198.51.100.25
    mss: 536
routers:
  - name: r1
links:
  - between: [alice-pc, r1]
    latency: 5ms
    bandwidth: 10Mbps
  - name: backbone
    between: [r1, mx.b.example]
    latency: 20ms
    bandwidth: 1Gbps
    mtu: 1400
    loss: 1%
    queue_packets: 50
)";
}  // namespace

TEST(NetworkReader, ReadsHostsRoutersAndLinksWithUnits) {
  Loaded l = load(kArticleNetwork);
  EXPECT_EQ(l.errors, "");
  ASSERT_EQ(l.model.hosts.size(), 2u);
  EXPECT_EQ(l.model.hosts[0].address.to_string(), "192.0.2.10");
  ASSERT_TRUE(l.model.hosts[0].position);
  EXPECT_EQ(l.model.hosts[0].position->x, 0.05);
  EXPECT_EQ(l.model.hosts[1].settings.mss, 536);
  ASSERT_EQ(l.model.links.size(), 2u);
  EXPECT_EQ(l.model.links[0].name, "alice-pc-r1");
  EXPECT_EQ(l.model.links[0].params.latency, 5ms);
  EXPECT_EQ(l.model.links[0].params.bandwidth_bps, 10'000'000u);
  EXPECT_EQ(l.model.links[1].params.mtu, 1400u);
  EXPECT_DOUBLE_EQ(l.model.links[1].params.loss, 0.01);
  EXPECT_EQ(l.model.links[1].params.queue_packets, 50u);
  EXPECT_EQ(l.model.hosts[1].pos.line, 5);
}

TEST(NetworkReader, BuildsARunningNetwork) {
  Loaded l = load(kArticleNetwork);
  sim::Simulator sim;
  sim::net::Network net(sim);
  Diagnostics diag("net.yaml");
  ASSERT_TRUE(build_network(l.model, net, diag)) << diag.render(Lang::en);
  EXPECT_EQ(net.node_count(), 3u);
  EXPECT_EQ(net.route(net.node("alice-pc"), net.node("mx.b.example")).size(), 3u);
  EXPECT_EQ(net.path_mtu(net.node("alice-pc"), net.node("mx.b.example")), 1400u);
}

TEST(NetworkReader, ReportsEveryMistakeWithItsPlaceAndAFix) {
  Loaded l = load(R"(hosts:
  - name: alice-pc
    address: 192.0.2.10
  - name: bob-pc
    address: 192.0.2.10
    positon: [0.1, 0.1]
  - name: alice-pc
    address: 192.0.2.300
routers:
  - name: r1
    position: [2, 0]
links:
  - between: [alice-pc, r2]
  - between: [bob-pc]
  - between: [r1, bob-pc]
    loss: 150%
hosts2: []
)");
  EXPECT_EQ(
      l.errors,
      "net.yaml:4:5: error: the address 192.0.2.10 is already used by 'alice-pc' on line 2; "
      "each machine needs its own\n"
      "net.yaml:6:5: error: unknown key 'positon' in host bob-pc; did you mean 'position'?\n"
      "net.yaml:7:5: error: the name 'alice-pc' is already used on line 2; names must be "
      "unique\n"
      "net.yaml:8:14: error: 'address' in host alice-pc: '192.0.2.300' is not an IPv4 address; "
      "write four numbers 0-255 such as 192.0.2.10\n"
      "net.yaml:11:15: error: 'position' in router r1 must be two numbers from 0 to 1, for "
      "example [0.2, 0.5]\n"
      "net.yaml:13:5: error: link alice-pc-r2: there is no host or router named 'r2'; did "
      "you mean 'r1'?\n"
      "net.yaml:14:14: error: 'between' in a link must name the two ends of the link, for "
      "example [alice-pc, r1]\n"
      "net.yaml:16:11: error: 'loss' in a link must be a probability from 0 to 1 or a "
      "percentage, not '150%'\n"
      "net.yaml:17:1: error: unknown key 'hosts2' in the network; did you mean 'hosts'?\n");
}

// The loader refuses a bandwidth of 0 itself (tests/scenarios/broken/link-problems.yaml); a
// model changed after loading meets the network's own check, placed at the link.
TEST(NetworkReader, TheNetworksOwnChecksArePlacedInTheFile) {
  Loaded l = load(
      "hosts:\n  - name: a\n    address: 192.0.2.1\n  - name: b\n    address: 192.0.2.2\n"
      "links:\n  - between: [a, b]\n    bandwidth: 1Mbps\n");
  ASSERT_EQ(l.errors, "");
  l.model.links[0].params.bandwidth_bps = 0;
  sim::Simulator sim;
  sim::net::Network net(sim);
  Diagnostics diag("net.yaml");
  EXPECT_FALSE(build_network(l.model, net, diag));
  const std::string out = diag.render(Lang::en);
  EXPECT_EQ(out.rfind("net.yaml:7:5: error: link a-b: ", 0), 0u) << out;
}

// Routers follow configured costs unless the scenario asks for the load-aware lesson.
TEST(NetworkReader, RoutingIsShortestUnlessTheFileSaysLeastBusy) {
  EXPECT_EQ(load(kArticleNetwork).model.routing, sim::net::RoutingPolicy::shortest);
  Loaded busy = load(std::string("routing: least-busy\n") + kArticleNetwork);
  EXPECT_EQ(busy.errors, "");
  EXPECT_EQ(busy.model.routing, sim::net::RoutingPolicy::least_busy);
  Diagnostics diag("net.yaml");
  auto root = load_yaml(std::string("routing: least_busy\n") + kArticleNetwork, diag);
  ASSERT_TRUE(root);
  read_network(*root, diag);
  EXPECT_EQ(diag.render(Lang::en),
            "net.yaml:1:10: error: 'routing' in the network must be one of shortest, least-busy, "
            "not 'least_busy'; did you mean 'least-busy'?\n");
  EXPECT_EQ(diag.render(Lang::fr).rfind("net.yaml:1:10: ", 0), 0u) << diag.render(Lang::fr);
}

TEST(NetworkReader, KnownKeysComeFromTheReaders) {
  EXPECT_EQ(network_keys(), (std::vector<std::string>{"routing", "hosts", "routers", "links"}));
  EXPECT_EQ(host_keys(), (std::vector<std::string>{"name", "address", "position", "role", "mss",
                                                   "ttl", "firewall"}));
  EXPECT_EQ(router_keys(), (std::vector<std::string>{"name", "address", "position"}));
  EXPECT_EQ(link_keys(), (std::vector<std::string>{"name", "between", "latency", "bandwidth", "mtu",
                                                   "loss", "queue_bytes", "queue_packets", "up"}));
}

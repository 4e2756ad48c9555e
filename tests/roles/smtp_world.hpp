#pragma once
// The small network the SMTP endpoint tests share: alice-pc and mx.b.example across two
// routers, and a server owner that accepts everything (and checks one password), as a test
// stand-in for the MTA's policy.
#include <string>
#include <vector>

#include "agents/roles/smtp_server_endpoint.hpp"
#include "sim/net/network.hpp"
#include "sim/simulator.hpp"

namespace roles_test {

using namespace mailsim;
using namespace std::chrono_literals;

inline const sim::net::Ipv4Address kMxAddress = sim::net::Ipv4Address::parse("198.51.100.25");

struct SmtpWorld {
  sim::Simulator sim;
  sim::net::Network net{sim};
  sim::net::NodeId pc, mx, r1, r2;
  explicit SmtpWorld(std::uint64_t seed = 7, sim::net::LinkParams middle = {},
                     sim::net::HostSettings host_settings = {})
      : sim(seed) {
    pc = net.add_host("alice-pc", sim::net::Ipv4Address::parse("192.0.2.10"), host_settings);
    mx = net.add_host("mx.b.example", kMxAddress, host_settings);
    r1 = net.add_router("r1");
    r2 = net.add_router("r2");
    net.add_link("pc-r1", pc, r1, {.latency = 2ms});
    net.add_link("r1-r2", r1, r2, middle);
    net.add_link("r2-mx", r2, mx, {.latency = 3ms});
  }
};

inline proto::smtp::ServerConfig mx_config() {
  proto::smtp::ServerConfig c;
  c.hostname = "mx.b.example";
  c.extensions.auth = true;
  return c;
}

// Accepts every question but AUTH, where only alice/secret passes; keeps the messages.
struct AcceptingOwner : agents::SmtpServerOwner {
  agents::SmtpServerEndpoint* endpoint = nullptr;
  bool answer_later = false;  // answer from a zero-delay event instead of inside the call
  sim::Simulator* sim = nullptr;
  std::vector<std::string> messages;
  std::vector<std::string> questions;  // "mail <alice@a.example>"...
  std::vector<agents::SmtpServerEnd> ended;

  void on_policy(const agents::SmtpServerConnection& c,
                 const proto::smtp::PolicyQuery& q) override {
    questions.push_back(std::string(proto::smtp::stage_name(q.stage)) + " " +
                        std::string(q.argument));
    if (q.stage == proto::smtp::PolicyStage::message) messages.push_back(q.transaction->content);
    std::optional<proto::smtp::Reply> verdict;
    if (q.stage == proto::smtp::PolicyStage::auth && !(q.user == "alice" && q.password == "secret"))
      verdict = proto::smtp::Reply(535, "5.7.8", "Authentication credentials invalid");
    auto decide = [this, id = c.id, verdict] {
      if (verdict) {
        endpoint->answer(id, *verdict);
      } else {
        endpoint->accept(id);
      }
    };
    if (answer_later) {
      sim->schedule_after(1ms, decide);
    } else {
      decide();
    }
  }
  void on_ended(const agents::SmtpServerConnection&, agents::SmtpServerEnd how) override {
    ended.push_back(how);
  }
};

}  // namespace roles_test

#pragma once
// Builds the DNS servers and the mail servers of a scenario on its network (each an
// agents::MailServer asking the scenario's DNS server), and the people's mail clients (MUAs),
// plus a one-off client for each `send` that names no client.
#include <map>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "agents/dns/recursive_server_agent.hpp"
#include "agents/dns/server_agent.hpp"
#include "agents/mail_server/mail_server.hpp"
#include "agents/mua/mua_agent.hpp"
#include "agents/proto/imf/date.hpp"
#include "scenarios/load/diagnostics.hpp"
#include "scenarios/model/scenario_model.hpp"
#include "sim/net/network.hpp"

namespace mailsim::scenarios {

class MailWorld {
 public:
  MailWorld(const ScenarioModel& model, sim::net::Network& network);
  // Returns false (with the problems in `diag`) when something could not be built.
  bool build(Diagnostics& diag);
  void send(const SendMailAction& action);
  void fetch(const FetchMailAction& action);
  void change_dns(const ChangeDnsAction& action);

  // For the conservation checker: does `agent` still hold this recipient of this message?
  bool holds(const std::string& agent, const std::string& queue_id,
             const std::string& recipient) const;
  const std::vector<std::unique_ptr<agents::MailServer>>& servers() const { return servers_; }
  const proto::imf::ScenarioClock& clock() const { return clock_; }
  // The scenario's mail clients by name, for the window.
  const std::map<std::string, std::unique_ptr<agents::MuaAgent>>& clients() const {
    return clients_;
  }

 private:
  const ScenarioModel& model_;
  sim::net::Network& network_;
  proto::imf::ScenarioClock clock_;
  void build_dns();

  // The authoritative servers (the main one first), and the recursive one when there is one.
  std::vector<std::unique_ptr<agents::DnsServerAgent>> dns_servers_;
  std::unique_ptr<agents::RecursiveServerAgent> recursive_;
  std::optional<proto::dns::Ipv4> resolver_address_;  // what the mail servers ask
  std::vector<std::unique_ptr<agents::MailServer>> servers_;
  void build_server(const MailServerModel& m);
  void build_client(const MailClientModel& m);

  std::map<std::string, std::unique_ptr<agents::MuaAgent>> clients_;
  // The same clients by hash: a send looks its client up in a city's 10,000 without walking a
  // tree of cold nodes (1.5% of a city's run).
  std::unordered_map<std::string, agents::MuaAgent*> client_by_name_;
  agents::MuaAgent& client(const std::string& name) const;
  std::vector<std::unique_ptr<agents::MuaAgent>> one_off_clients_;
};

}  // namespace mailsim::scenarios

#pragma once
// Builds the DNS server and the mail servers of a scenario on its network: for each mail
// server, its mailboxes and MDA, its resolver (asking the scenario's DNS server), its next hops
// from DNS, and the MTA itself; and the mail clients that send the timeline's messages.
#include <memory>
#include <string>
#include <vector>

#include "agents/delivery/mda_delivery.hpp"
#include "agents/dns/resolver_agent.hpp"
#include "agents/dns/server_agent.hpp"
#include "agents/mta/dns_next_hops.hpp"
#include "agents/mta/mta_agent.hpp"
#include "agents/proto/imf/date.hpp"
#include "agents/proto/mailbox/memory_mail_store.hpp"
#include "scenarios/load/diagnostics.hpp"
#include "scenarios/model/scenario_model.hpp"
#include "sim/net/network.hpp"

namespace mailsim::scenarios {

struct MailServerRun {
  proto::mailbox::InMemoryMailStore store;
  std::unique_ptr<agents::Mda> mda;
  std::unique_ptr<agents::MdaDelivery> local;
  std::unique_ptr<agents::ResolverAgent> resolver;
  std::unique_ptr<agents::NextHopFinder> hops;
  std::unique_ptr<agents::MtaAgent> mta;
};

class MailWorld {
 public:
  MailWorld(const ScenarioModel& model, sim::net::Network& network);
  // Returns false (with the problems in `diag`) when something could not be built.
  bool build(Diagnostics& diag);
  void send(const SendMailAction& action);

  // For the conservation checker: does `agent` still hold this recipient of this message?
  bool holds(const std::string& agent, const std::string& queue_id,
             const std::string& recipient) const;
  const std::vector<std::unique_ptr<MailServerRun>>& servers() const { return servers_; }
  const proto::imf::ScenarioClock& clock() const { return clock_; }

 private:
  const ScenarioModel& model_;
  sim::net::Network& network_;
  proto::imf::ScenarioClock clock_;
  std::unique_ptr<agents::DnsServerAgent> dns_;
  std::vector<std::unique_ptr<MailServerRun>> servers_;
  std::vector<std::unique_ptr<agents::SmtpClientEndpoint>> senders_;
};

}  // namespace mailsim::scenarios

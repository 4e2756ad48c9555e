#include "agents/mail_server/mail_server.hpp"

#include "agents/mta/dns_next_hops.hpp"

namespace mailsim::agents {

namespace {

std::unique_ptr<RetrievalServerEndpoint> retrieval_server(sim::net::Network& net,
                                                          sim::net::NodeId host,
                                                          proto::mailbox::MailStore& store,
                                                          RetrievalProtocol protocol,
                                                          const proto::imf::ScenarioClock& clock) {
  RetrievalServerEndpoint::Options o;
  o.protocol = protocol;
  o.calendar = clock;
  return std::make_unique<RetrievalServerEndpoint>(net, host, store, o);
}

}  // namespace

MailServer::MailServer(sim::net::Network& net, sim::net::NodeId host, MailServerConfig config,
                       const proto::imf::ScenarioClock& clock) {
  MdaConfig& mailboxes = config.mailboxes;
  mailboxes.agent = config.mta.hostname;
  mda_ = std::make_unique<Mda>(net.sim(), store_, mailboxes);
  for (const auto& [user, password] : config.users) {
    store_.add_account(user, password);
    mda_->add_user(user);
  }
  if (!config.users.count("postmaster") && !mailboxes.domains.empty()) {
    store_.add_account("postmaster", "");
    mda_->add_user("postmaster");
  }
  local_ = std::make_unique<MdaDelivery>(*mda_);

  if (config.dns_server) {
    proto::dns::ResolverConfig rc;
    rc.servers = {{*config.dns_server, proto::dns::Name::parse(".")}};
    resolver_ = std::make_unique<ResolverAgent>(net, host, rc);
  }
  if (config.relayhost) {
    auto relay = std::make_unique<StaticNextHops>();
    relay->set_relayhost(*config.relayhost);
    hops_ = std::move(relay);
  } else if (resolver_) {
    hops_ =
        std::make_unique<DnsNextHops>(*resolver_, std::vector<std::string>{config.mta.hostname});
  } else {
    hops_ = std::make_unique<StaticNextHops>();
  }

  MtaConfig& mta = config.mta;
  mta.inbound.local_domains = mailboxes.domains;
  mta.inbound.local_users.clear();
  for (const auto& [user, password] : config.users)
    mta.inbound.local_users.push_back(user);
  mta_ = std::make_unique<MtaAgent>(net, host, std::move(mta), clock, local_.get(), *hops_,
                                    resolver_.get());
  if (!mailboxes.domains.empty()) {
    pop3_ = retrieval_server(net, host, store_, RetrievalProtocol::pop3, clock);
    imap_ = retrieval_server(net, host, store_, RetrievalProtocol::imap, clock);
  }
}

MailServer::~MailServer() = default;

void MailServer::start() {
  mta_->start();
  if (pop3_) pop3_->start();
  if (imap_) imap_->start();
}

}  // namespace mailsim::agents

#pragma once
// A mail server as one object: the MTA (SMTP on port 25, the submission service on 587 when
// configured), its mailboxes and MDA, its resolver and next hops (DNS MX, or a relay host),
// and POP3 (110) and IMAP (143) for its mailboxes. The scenario builder makes one per
// `mail.servers` entry; a test or a bench builds a world in a few lines of C++ with it:
//
//   MailServerConfig c;
//   c.mta.hostname = "mx.b.example";
//   c.mailboxes.domains = {"b.example"};
//   c.users = {{"bob", "secret"}};
//   c.dns_server = dns::Ipv4::parse("203.0.113.53");
//   MailServer mx(net, net.node("mx.b.example"), c, clock);
//   mx.start();
#include <map>
#include <memory>
#include <optional>
#include <string>

#include "agents/delivery/mda.hpp"
#include "agents/delivery/mda_delivery.hpp"
#include "agents/dns/resolver_agent.hpp"
#include "agents/mta/mta_agent.hpp"
#include "agents/proto/imf/date.hpp"
#include "agents/proto/mailbox/mail_store.hpp"
#include "agents/retrieval/retrieval_server.hpp"
#include "sim/net/network.hpp"

namespace mailsim::agents {

struct MailServerConfig {
  // Its MTA: `mta.hostname` names the server everywhere (banner, Received, records); its local
  // domains and users are those below.
  MtaConfig mta;
  // Its mailboxes' domains, quota and filing rules; `agent` is the host name.
  MdaConfig mailboxes;
  // login -> password: one mailbox each, plus "postmaster" when it has domains and none is
  // listed.
  std::map<std::string, std::string> users;
  // The DNS server it asks (MX, SPF, DNSBL); none: no DNS, next hops only from `relayhost`.
  std::optional<proto::dns::Ipv4> dns_server;
  // Postfix's relayhost: every remote domain goes there, without an MX lookup.
  std::optional<NextHop> relayhost;
};

class MailServer {
 public:
  MailServer(sim::net::Network& net, sim::net::NodeId host, MailServerConfig config,
             const proto::imf::ScenarioClock& clock);
  ~MailServer();
  MailServer(const MailServer&) = delete;
  MailServer& operator=(const MailServer&) = delete;

  // The MTA listens and runs its queue; POP3 and IMAP listen when it keeps mailboxes.
  void start();

  const std::string& name() const { return mta_->config().hostname; }
  const MtaAgent& mta() const { return *mta_; }
  const Mda& mda() const { return *mda_; }
  proto::mailbox::MailStore& store() { return store_; }
  const proto::mailbox::MailStore& store() const { return store_; }
  // Null when it keeps no mailboxes (no domains).
  const RetrievalServerEndpoint* pop3() const { return pop3_.get(); }
  const RetrievalServerEndpoint* imap() const { return imap_.get(); }

 private:
  proto::mailbox::MailStore store_;
  std::unique_ptr<Mda> mda_;
  std::unique_ptr<MdaDelivery> local_;
  std::unique_ptr<ResolverAgent> resolver_;
  std::unique_ptr<NextHopFinder> hops_;
  std::unique_ptr<MtaAgent> mta_;
  std::unique_ptr<RetrievalServerEndpoint> pop3_, imap_;
};

}  // namespace mailsim::agents

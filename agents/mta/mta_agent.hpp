#pragma once
// The MTA: an SMTP server on port 25 and a queue manager with its delivery agents (Postfix's
// smtpd -> cleanup -> queue -> qmgr -> smtp / local). Inbound, it applies its policy at each
// step (relay control and local users, optional AUTH, greylisting, DNSBL, SPF, size, hop
// count, spam checks), adds its Received header and stores the message before answering 250.
// Outbound, the queue manager hands local recipients to the local delivery agent (the MDA) and
// the others to SMTP delivery through the next hops (DNS MX, or a relay host).
#include <map>
#include <memory>
#include <optional>
#include <string>

#include "agents/msa/submission_service.hpp"
#include "agents/mta/greylist.hpp"
#include "agents/mta/inbound_policy.hpp"
#include "agents/mta/mail_queue.hpp"
#include "agents/mta/queue_manager.hpp"
#include "agents/mta/smtp_delivery.hpp"
#include "agents/mta/spam_filter.hpp"
#include "agents/mta/spf_policy.hpp"
#include "agents/proto/imf/header.hpp"
#include "agents/roles/smtp_client_endpoint.hpp"
#include "agents/roles/smtp_server_endpoint.hpp"

namespace mailsim::agents {

class ResolverAgent;

struct MtaConfig {
  std::string hostname;  // "mx.b.example": banner, Received, Reporting-MTA
  InboundSettings inbound;
  std::optional<GreylistSettings> greylisting;
  SpamSettings spam;
  std::optional<std::string> dnsbl_zone;  // check clients against this list (needs a resolver)
  SpfPolicy spf = SpfPolicy::off;         // needs a resolver
  std::map<std::string, std::string> auth_users;  // AUTH on port 25 (the article's telnet test)
  proto::smtp::ServerConfig smtp;                 // extensions, limits, end-of-data mode
  QueueManagerSettings queue;                     // retry schedule, bounces
  SmtpDeliverySettings delivery;                  // outbound sessions
  std::uint16_t port = 25;
  // How long its SMTP client waits for a connection to a next hop (Postfix's
  // smtp_connect_timeout); zero leaves it to TCP's SYN retries.
  sim::SimTime connect_timeout = std::chrono::seconds(30);
  // A submission service on port 587 for the users of these domains (the MSA), when set.
  std::optional<SubmissionSettings> submission;
};

class MtaAgent final : public SmtpServerOwner, private SubmissionQueue {
 public:
  // `local` delivers for the local domains (may be null when there are none); `next_hops`
  // finds where other domains go; `resolver` (may be null) answers DNSBL and SPF queries.
  MtaAgent(sim::net::Network& net, sim::net::NodeId host, MtaConfig config,
           const proto::imf::ScenarioClock& clock, DeliveryAgent* local, NextHopFinder& next_hops,
           ResolverAgent* resolver = nullptr);

  void start();  // listens, and runs the queue while the host is up

  const MtaConfig& config() const { return config_; }
  const MailQueue& queue() const { return queue_; }
  const QueueManager& queue_manager() const { return *qmgr_; }
  const SmtpServerEndpoint& server() const { return *server_; }
  const SmtpClientEndpoint& client() const { return smtp_->client(); }
  const Greylist* greylist() const { return greylist_ ? &*greylist_ : nullptr; }

 private:
  struct Connection {
    std::string spf_result = "none";
  };
  void on_policy(const SmtpServerConnection& c, const proto::smtp::PolicyQuery& q) override;
  void on_ended(const SmtpServerConnection& c, SmtpServerEnd how) override;
  void check_rcpt(const SmtpServerConnection& c, const std::string& rcpt);
  void after_dnsbl(sim::net::ConnId id, const std::string& rcpt, const std::string& sender,
                   sim::net::Ipv4Address client, std::string client_name);
  void check_mail(const SmtpServerConnection& c, const std::string& sender);
  void check_message(const SmtpServerConnection& c, const proto::smtp::Transaction& t);
  proto::smtp::Reply queue_submitted(const SmtpServerConnection& c,
                                     const proto::smtp::Transaction& t,
                                     const proto::imf::MessageView* message) override;
  // Adds the Received header (and `added` fields) to the message (its parsed header and its
  // body; t.content as received when it did not parse), stores it in the queue, records its
  // acceptance and hands it to the queue manager; returns the queue id.
  std::string store(const SmtpServerConnection& c, const proto::smtp::Transaction& t,
                    const proto::imf::Header* parsed, std::string_view body,
                    const std::vector<std::pair<std::string, std::string>>& added, Stage stage);
  DeliveryAgent& route(const std::string& recipient);
  void hold_check(sim::net::ConnId id, sim::Subscription check);

  sim::net::Network& net_;
  sim::net::NodeId host_;
  MtaConfig config_;
  const proto::imf::ScenarioClock& clock_;
  DeliveryAgent* local_;
  ResolverAgent* resolver_;
  sim::RandomStream& ids_;
  MailQueue queue_;
  std::optional<Greylist> greylist_;
  std::unique_ptr<SmtpDelivery> smtp_;
  std::unique_ptr<QueueManager> qmgr_;
  std::unique_ptr<SmtpServerEndpoint> server_;
  std::unique_ptr<SubmissionService> submission_;
  std::map<sim::net::ConnId, Connection> connections_;
  // The SPF or DNSBL lookup in progress for a connection (one at a time: the session waits for
  // its verdict). It may end after its connection, as Postfix's smtpd finishes its checks
  // before it writes to a client that has gone.
  std::map<sim::net::ConnId, sim::Subscription> checks_;
  sim::Subscription down_watch_, up_watch_;  // the host's: stop and start the queue manager
};

}  // namespace mailsim::agents

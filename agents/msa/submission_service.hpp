#pragma once
// The submission service of a mail server (RFC 6409, port 587), as Postfix runs smtpd a second
// time with submission restrictions in front of the same queue: users must log in (AUTH), may
// send only from their own addresses and within their daily limit; the message gets a
// Message-ID and a Date when it lacks them, then joins the MTA's queue like any other.
#include <memory>
#include <string>

#include "agents/msa/submission_policy.hpp"
#include "agents/proto/imf/date.hpp"
#include "agents/proto/imf/header.hpp"
#include "agents/proto/imf/message_id.hpp"
#include "agents/roles/smtp_server_endpoint.hpp"

namespace mailsim::agents {

// Where the submission service puts a message it accepted: the MTA's queue, which it reaches
// through this alone (Postfix's submission smtpd hands it to cleanup as port 25's does, and
// cleanup counts its hops the same: hopcount_limit).
class SubmissionQueue {
 public:
  virtual ~SubmissionQueue() = default;
  // Adds the Received header and queues the message: "250 2.0.0 Ok: queued as ID", or the
  // queue's refusal (too many hops) for the client. `message` is the parsed message, or null
  // when its header did not parse (then queued as received).
  virtual proto::smtp::Reply queue_submitted(const SmtpServerConnection& c,
                                             const proto::smtp::Transaction& t,
                                             const proto::imf::MessageView* message) = 0;
};

class SubmissionService final : public SmtpServerOwner {
 public:
  // `smtp`: the MTA's SMTP settings (host name, limits, end-of-data mode); port 587 adds AUTH,
  // offered only after STARTTLS.
  SubmissionService(sim::net::Network& net, sim::net::NodeId host, SubmissionSettings settings,
                    proto::smtp::ServerConfig smtp, const proto::imf::ScenarioClock& clock,
                    SubmissionQueue& queue, std::uint16_t port = 587);
  ~SubmissionService() override;
  void start();

  const SubmissionPolicy& policy() const { return policy_; }
  const SmtpServerEndpoint& server() const { return *server_; }

 private:
  void on_policy(const SmtpServerConnection& c, const proto::smtp::PolicyQuery& q) override;

  sim::Simulator& sim_;
  const proto::imf::ScenarioClock& clock_;
  SubmissionQueue& queue_;
  SubmissionPolicy policy_;
  // One per server: its counter tells apart two messages completed in the same microsecond.
  proto::imf::MessageIdGenerator message_ids_;
  std::unique_ptr<SmtpServerEndpoint> server_;
};

}  // namespace mailsim::agents

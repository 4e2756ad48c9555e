#pragma once
// The submission service of a mail server (RFC 6409, port 587), as Postfix runs smtpd a second
// time with submission restrictions in front of the same queue: users must log in (AUTH), may
// send only from their own addresses and within their daily limit; the message gets a
// Message-ID and a Date when it lacks them, then joins the MTA's queue like any other.
#include <memory>

#include "agents/msa/submission_policy.hpp"
#include "agents/proto/imf/message_id.hpp"
#include "agents/roles/smtp_server_endpoint.hpp"

namespace mailsim::agents {

class MtaAgent;

class SubmissionService final : public SmtpServerOwner {
 public:
  SubmissionService(MtaAgent& mta, SubmissionSettings settings, std::uint16_t port = 587);
  ~SubmissionService() override;
  void start();

  const SubmissionPolicy& policy() const { return policy_; }
  const SmtpServerEndpoint& server() const { return *server_; }

 private:
  void on_policy(const SmtpServerConnection& c, const proto::smtp::PolicyQuery& q) override;

  MtaAgent& mta_;
  SubmissionPolicy policy_;
  // One per server: its counter tells apart two messages completed in the same microsecond.
  proto::imf::MessageIdGenerator message_ids_;
  std::unique_ptr<SmtpServerEndpoint> server_;
};

}  // namespace mailsim::agents

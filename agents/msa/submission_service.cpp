#include "agents/msa/submission_service.hpp"

namespace mailsim::agents {

namespace smtp = proto::smtp;

namespace {

// The policy's reply: a positive one lets the session go on, any other is sent as it is.
void decide(SmtpServerEndpoint& server, sim::net::ConnId id, const smtp::Reply& r) {
  if (r.positive())
    server.accept(id);
  else
    server.answer(id, r);
}

// The policy writes when a limit lifts with the scenario's clock.
SubmissionSettings on_clock(SubmissionSettings settings, const proto::imf::ScenarioClock& clock) {
  settings.clock = clock;
  return settings;
}

}  // namespace

SubmissionService::SubmissionService(sim::net::Network& net, sim::net::NodeId host,
                                     SubmissionSettings settings, smtp::ServerConfig config,
                                     const proto::imf::ScenarioClock& clock, SubmissionQueue& queue,
                                     std::uint16_t port)
    : sim_(net.sim()),
      clock_(clock),
      queue_(queue),
      policy_(on_clock(std::move(settings), clock)),
      message_ids_(config.hostname) {
  config.extensions.auth = true;
  config.extensions.starttls = true;  // simulated (RFC 3207)
  config.auth_required = true;        // 530 5.7.0 before AUTH (RFC 6409 4.3)
  // Postfix's smtpd_tls_auth_only = yes, the usual setup of port 587: AUTH is offered only
  // after STARTTLS, so no password crosses the network in clear (RFC 4954 4, RFC 3207).
  config.auth_requires_tls = true;
  SmtpServerEndpoint::Options options;
  options.port = port;
  options.stage = Stage::submission;
  server_ = std::make_unique<SmtpServerEndpoint>(net, host, config, *this, options);
}

SubmissionService::~SubmissionService() = default;

void SubmissionService::start() {
  server_->start();
}

void SubmissionService::on_policy(const SmtpServerConnection& c, const smtp::PolicyQuery& q) {
  const sim::SimTime now = sim_.now();
  const std::string user = c.session != nullptr ? c.session->authenticated_user() : "";
  switch (q.stage) {
    case smtp::PolicyStage::auth:
      decide(*server_, c.id, policy_.check_auth(std::string(q.user), std::string(q.password)));
      return;
    case smtp::PolicyStage::mail:
      decide(*server_, c.id, policy_.check_sender(user, std::string(q.argument), now));
      return;
    case smtp::PolicyStage::message: {
      // The MSA completes the message (RFC 6409 8.3, 8.4): Message-ID and Date when missing.
      proto::imf::MessageView message;  // the body is a view into the transaction's content
      const proto::imf::MessageView* parsed = nullptr;
      try {
        message = proto::imf::parse_message_view(q.transaction->content);
        if (!message.header.find("Message-ID"))
          message.header.append("Message-ID", message_ids_.next(clock_, now));
        if (!message.header.find("Date")) message.header.append("Date", clock_.date(now));
        parsed = &message;
      } catch (const LocalizedError&) {
        // kept as submitted
      }
      const smtp::Reply queued = queue_.queue_submitted(c, *q.transaction, parsed);
      if (queued.positive()) policy_.record_sent(user, now);
      server_->answer(c.id, queued);
      return;
    }
    default:
      server_->accept(c.id);
      return;
  }
}

}  // namespace mailsim::agents

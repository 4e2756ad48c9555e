#include "agents/mta/smtp_delivery.hpp"

#include "agents/connection_labels.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "agents/proto/envelope_address.hpp"
#include "agents/proto/smtp/data_reader.hpp"
#include "sim/strings.hpp"

namespace mailsim::agents {
namespace {

using Kind = RecipientOutcome::Kind;
namespace smtp = proto::smtp;

// The command a reply answered, in Exim's words (transports/smtp.c: "SMTP error from remote
// mail server after RCPT TO:<bob@b.example>", "after end of data", "after initial connection").
std::string command_answered(smtp::ClientState state, const std::string& helo,
                             const std::string& sender, const std::string& recipient) {
  switch (state) {
    case smtp::ClientState::greeting:
      return "initial connection";
    case smtp::ClientState::ehlo:
      return "EHLO " + helo;
    case smtp::ClientState::helo:
      return "HELO " + helo;
    case smtp::ClientState::starttls:
      return "STARTTLS";
    case smtp::ClientState::auth:
      return "AUTH";
    case smtp::ClientState::mail:
      return "MAIL FROM:<" + sender + ">";
    case smtp::ClientState::rcpt:
      return "RCPT TO:<" + recipient + ">";
    case smtp::ClientState::data:
      return "DATA";
    case smtp::ClientState::message:
      return "end of data";
    case smtp::ClientState::rset:
      return "RSET";
    case smtp::ClientState::quit:
    case smtp::ClientState::done:
      return "QUIT";
  }
  return "";
}

}  // namespace

sim::Subscription StaticNextHops::find(const std::string& domain, Done done) {
  NextHopLookup r;
  if (relayhost_) {
    r.hops = {*relayhost_};
  } else if (auto it = routes_.find(to_lower(domain)); it != routes_.end()) {
    r.hops = it->second;
  } else {
    r.status = NextHopLookup::Status::permanent;
    r.reply = fmt::format("554 5.4.4 No route to domain {}", domain);
  }
  done(std::move(r));
  return {};
}

struct SmtpDelivery::Job {
  struct Domain {
    std::string name;
    std::vector<std::string> recipients;
    std::vector<NextHop> hops;
  };
  std::string sender;
  std::vector<std::string> recipients;  // in the order given, for the outcomes
  std::shared_ptr<const std::string> content;
  std::vector<Domain> domains;
  std::size_t domains_left = 0;
  std::vector<RecipientOutcome> outcomes;
  std::size_t lines_broken = 0;  // lines over smtp_line_length_limit, broken when sent
  Done done;
  HandedOver handed_over;
  std::uint64_t epoch = 0;
};

SmtpDelivery::SmtpDelivery(sim::net::Network& net, sim::net::NodeId host,
                           SmtpClientEndpoint::Options client, NextHopFinder& finder,
                           SmtpDeliverySettings settings)
    : finder_(finder),
      settings_(std::move(settings)),
      client_(std::make_unique<SmtpClientEndpoint>(net, host, client)) {}

void SmtpDelivery::deliver(const QueuedMessage& message, std::vector<std::string> recipients,
                           Done done, HandedOver handed_over) {
  auto job = std::make_shared<Job>();
  job->epoch = epoch_;
  job->sender = message.sender;
  job->recipients = recipients;
  job->content = message.content;
  job->lines_broken = proto::smtp::lines_longer_than(*job->content, settings_.line_length_limit);
  job->done = std::move(done);
  job->handed_over = std::move(handed_over);
  for (const std::string& rcpt : recipients) {
    const std::string d = proto::domain_of(rcpt);
    auto it = std::find_if(job->domains.begin(), job->domains.end(),
                           [&](const Job::Domain& x) { return x.name == d; });
    if (it == job->domains.end())
      job->domains.push_back(Job::Domain{d, {rcpt}, {}});
    else
      it->recipients.push_back(rcpt);
  }
  job->domains_left = job->domains.size();
  for (std::size_t i = 0; i < job->domains.size(); ++i) {
    const std::uint64_t key = next_lookup_++;
    sim::Subscription lookup =
        finder_.find(job->domains[i].name, [this, job, i, key](NextHopLookup lookup) {
          lookups_.erase(key);
          Job::Domain& d = job->domains[i];
          if (lookup.status != NextHopLookup::Status::ok || lookup.hops.empty()) {
            const Kind kind =
                lookup.status == NextHopLookup::Status::permanent ? Kind::bounced : Kind::deferred;
            for (const auto& r : d.recipients) {
              RecipientOutcome o;
              o.recipient = r;
              o.kind = kind;
              o.reply = lookup.reply;
              job->outcomes.push_back(std::move(o));
            }
            domain_done(job);
            return;
          }
          d.hops = std::move(lookup.hops);
          if (settings_.max_hosts > 0 && d.hops.size() > settings_.max_hosts)
            d.hops.resize(settings_.max_hosts);
          try_hop(job, i, 0);
        });
    if (lookup.active()) lookups_.emplace(key, std::move(lookup));
  }
  if (job->domains.empty()) job->done({});
}

void SmtpDelivery::try_hop(std::shared_ptr<Job> job, std::size_t domain_index,
                           std::size_t hop_index) {
  Job::Domain& d = job->domains[domain_index];
  const NextHop hop = d.hops[hop_index];
  smtp::ClientConfig config;
  config.helo_name = settings_.helo_name;
  config.mail_from = job->sender;
  config.recipients = d.recipients;
  config.message = job->content;  // shared with the queue, not copied
  config.credentials = settings_.credentials;
  config.pass_bare_lf = settings_.pass_bare_lf;
  config.line_length_limit = settings_.line_length_limit;
  auto handed_over = [this, job, hop](const std::string& server,
                                      const std::vector<smtp::RecipientOutcome>& delivered) {
    if (job->epoch == epoch_) hand_over(job, hop, server, delivered);
  };
  client_->open(
      hop.address, settings_.port, config,
      [this, job, domain_index, hop_index, hop](const SmtpClientResult& r) {
        if (job->epoch != epoch_) return;
        Job::Domain& dom = job->domains[domain_index];
        const SmtpFailure failure = r.failure();
        // A host that does not answer, or answers 4xx for everything: the next one.
        if (failure == SmtpFailure::temporary && hop_index + 1 < dom.hops.size()) {
          try_hop(job, domain_index, hop_index + 1);
          return;
        }
        std::string session_reply;
        if (r.connection_error)
          session_reply =
              connection_failure_text(hop.name, hop.address, settings_.port, *r.connection_error);
        else if (r.session.reply)
          session_reply = r.session.reply->summary();
        else
          session_reply =
              fmt::format("lost connection with {}[{}]", hop.name, hop.address.to_string());
        for (const std::string& rcpt : dom.recipients) {
          RecipientOutcome o;
          o.recipient = rcpt;
          o.remote_mta = hop.name;
          o.remote_address = hop.address.to_string();
          auto it =
              std::find_if(r.recipients.begin(), r.recipients.end(),
                           [&](const smtp::RecipientOutcome& x) { return x.address == rcpt; });
          const smtp::RecipientOutcome* ro = it == r.recipients.end() ? nullptr : &*it;
          // The reply that decided this recipient, else the one that ended the session.
          if (ro && ro->reply && ro->answered)
            o.after = command_answered(*ro->answered, settings_.helo_name, job->sender, rcpt);
          else if (!r.connection_error && r.session.reply)
            o.after = command_answered(r.session.state, settings_.helo_name, job->sender, rcpt);
          // Delivered means the 250 after the dot came: the next hop has it, whatever
          // happened after (a lost 221, a timeout on QUIT, this host going down).
          if (ro && ro->status == smtp::RecipientStatus::delivered) {
            o = relayed(*ro, hop, r.server, job->lines_broken);
          } else if (failure == SmtpFailure::none && ro &&
                     ro->status == smtp::RecipientStatus::rejected) {
            o.kind = Kind::bounced;
            o.reply = ro->reply ? ro->reply->summary() : session_reply;
          } else if (failure == SmtpFailure::permanent) {
            o.kind = Kind::bounced;
            o.reply = session_reply;
          } else {
            o.kind = Kind::deferred;
            o.reply = ro && ro->reply ? ro->reply->summary() : session_reply;
          }
          job->outcomes.push_back(std::move(o));
        }
        domain_done(job);
      },
      handed_over);
}

RecipientOutcome SmtpDelivery::relayed(const smtp::RecipientOutcome& r, const NextHop& hop,
                                       const std::string& server, std::size_t lines_broken) {
  RecipientOutcome o;
  o.recipient = r.address;
  o.remote_mta = hop.name;
  o.kind = Kind::relayed;
  o.reply = r.reply ? r.reply->summary() : "250 Ok";
  o.next_agent = server.empty() ? hop.name : server;  // the host that answered
  o.next_queue_id = queued_as(o.reply);
  o.lines_broken = lines_broken;
  return o;
}

void SmtpDelivery::hand_over(const std::shared_ptr<Job>& job, const NextHop& hop,
                             const std::string& server,
                             const std::vector<smtp::RecipientOutcome>& delivered) {
  if (!job->handed_over) return;
  for (const auto& r : delivered)
    job->handed_over(relayed(r, hop, server, job->lines_broken));
}

void SmtpDelivery::domain_done(std::shared_ptr<Job> job) {
  if (--job->domains_left != 0) return;
  // Outcomes in the order the recipients were given, whatever order the domains finished in.
  auto rank = [&](const RecipientOutcome& o) {
    return std::find(job->recipients.begin(), job->recipients.end(), o.recipient) -
           job->recipients.begin();
  };
  std::stable_sort(job->outcomes.begin(), job->outcomes.end(),
                   [&](const auto& a, const auto& b) { return rank(a) < rank(b); });
  job->done(std::move(job->outcomes));
}

}  // namespace mailsim::agents

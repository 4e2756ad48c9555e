#include "agents/mta/mta_agent.hpp"

#include <fmt/format.h>

#include "agents/dns/resolver_agent.hpp"
#include "agents/journey/records.hpp"
#include "agents/proto/envelope_address.hpp"
#include "agents/proto/imf/header.hpp"
#include "agents/proto/imf/received.hpp"
#include "sim/strings.hpp"

namespace mailsim::agents {
namespace {

namespace smtp = proto::smtp;

}  // namespace

MtaAgent::MtaAgent(sim::net::Network& net, sim::net::NodeId host, MtaConfig config,
                   const proto::imf::ScenarioClock& clock, DeliveryAgent* local,
                   NextHopFinder& next_hops, ResolverAgent* resolver)
    : net_(net),
      host_(host),
      config_(std::move(config)),
      clock_(clock),
      local_(local),
      resolver_(resolver),
      ids_(net.sim().rng(config_.hostname + ".queue")),
      queue_(ids_) {
  if (config_.greylisting) greylist_.emplace(*config_.greylisting);
  config_.smtp.hostname = config_.hostname;
  // The banner of the software it imitates, as the article's telnet test shows it (Exim's own
  // adds its version and the time of day, left out here).
  if (config_.smtp.texts.greeting.empty())
    config_.smtp.texts.greeting =
        config_.hostname + (config_.queue.schedule.is_postfix() ? " ESMTP Postfix" : " ESMTP Exim");
  if (!config_.auth_users.empty()) config_.smtp.extensions.auth = true;
  if (config_.queue.agent.empty()) config_.queue.agent = config_.hostname;
  config_.queue.node = host_;
  if (config_.queue.hostname.empty()) config_.queue.hostname = config_.hostname;
  if (config_.queue.postmaster.empty()) {
    const std::string domain = config_.inbound.local_domains.empty()
                                   ? config_.hostname
                                   : config_.inbound.local_domains.front();
    config_.queue.postmaster = "postmaster@" + domain;
  }
  if (config_.delivery.helo_name.empty()) config_.delivery.helo_name = config_.hostname;
  // What it keeps, it relays: bare LFs kept on the way in go out unchanged.
  config_.delivery.pass_bare_lf = config_.smtp.end_of_data == proto::smtp::EndOfDataMode::keep;

  smtp_ = std::make_unique<SmtpDelivery>(
      net, host, SmtpClientEndpoint::Options{Stage::relay, config_.connect_timeout}, next_hops,
      config_.delivery);
  qmgr_ = std::make_unique<QueueManager>(
      net.sim(), queue_, config_.queue, clock_,
      [this](const std::string& rcpt) -> DeliveryAgent& { return route(rcpt); });
  SmtpServerEndpoint::Options options;
  options.port = config_.port;
  server_ = std::make_unique<SmtpServerEndpoint>(net, host, config_.smtp, *this, options);
  if (config_.submission)
    submission_ = std::make_unique<SubmissionService>(net, host, *config_.submission, config_.smtp,
                                                      clock_, static_cast<SubmissionQueue&>(*this));
}

void MtaAgent::start() {
  server_->start();
  if (submission_) submission_->start();
  if (net_.is_up(host_)) qmgr_->start();
  // The queue survives a crash; the queue manager and its deliveries stop with the host, and
  // the queue manager starts again with it.
  down_watch_ = net_.host(host_).on_down([this] {
    qmgr_->stop();
    smtp_->abandon_all();
  });
  up_watch_ = net_.host(host_).on_up([this] { qmgr_->start(); });
}

DeliveryAgent& MtaAgent::route(const std::string& recipient) {
  const std::string domain = proto::domain_of(recipient);
  if (local_ != nullptr &&
      (domain.empty() ||
       std::any_of(config_.inbound.local_domains.begin(), config_.inbound.local_domains.end(),
                   [&](const std::string& d) { return iequals(d, domain); })))
    return *local_;
  return *smtp_;
}

void MtaAgent::on_ended(const SmtpServerConnection& c, SmtpServerEnd) {
  connections_.erase(c.id);
}

void MtaAgent::on_policy(const SmtpServerConnection& c, const smtp::PolicyQuery& q) {
  switch (q.stage) {
    case smtp::PolicyStage::auth: {
      auto it = config_.auth_users.find(std::string(q.user));
      if (it == config_.auth_users.end() || it->second != q.password)
        server_->answer(c.id, smtp::Reply(535, "5.7.8", "Authentication credentials invalid"));
      else
        server_->accept(c.id);
      return;
    }
    case smtp::PolicyStage::mail:
      check_mail(c, std::string(q.argument));
      return;
    case smtp::PolicyStage::rcpt:
      check_rcpt(c, std::string(q.argument));
      return;
    case smtp::PolicyStage::message:
      check_message(c, *q.transaction);
      return;
    default:
      server_->accept(c.id);
      return;
  }
}

void MtaAgent::check_mail(const SmtpServerConnection& c, const std::string& sender) {
  connections_[c.id] = Connection{};
  if (config_.spf == SpfPolicy::off || resolver_ == nullptr || sender.empty()) {
    server_->accept(c.id);
    return;
  }
  proto::dns::SpfQuery query;
  query.ip = proto::dns::Ipv4::from_value(c.client_address.value());
  query.sender = sender;
  query.domain = proto::dns::Name::parse(proto::domain_of(sender));
  query.helo = c.session != nullptr ? c.session->helo_name() : "";
  const sim::net::ConnId id = c.id;
  // Postfix with policyd-spf among its sender restrictions, answered at MAIL (as with
  // smtpd_delay_reject = no): "<sender>: Sender address rejected: " and policyd-spf's reason.
  const std::string refusal =
      "<" + sender + ">: Sender address rejected: " + proto::dns::spf_rejection_text(query);
  hold_check(id, resolver_->check_spf(query, [this, id,
                                              refusal](const proto::dns::SpfOutcome& outcome) {
    checks_.erase(id);
    auto conn = connections_.find(id);
    if (conn != connections_.end())
      conn->second.spf_result = std::string(proto::dns::spf_result_name(outcome.result));
    if (config_.spf == SpfPolicy::reject_fail && outcome.result == proto::dns::SpfResult::fail) {
      server_->answer(id, smtp::Reply(550, "5.7.1", refusal));
      return;
    }
    server_->accept(id);
  }));
}

// A lookup that answered at once (from the cache) has nothing left to cancel.
void MtaAgent::hold_check(sim::net::ConnId id, sim::Subscription check) {
  if (check.active()) checks_.insert_or_assign(id, std::move(check));
}

void MtaAgent::check_rcpt(const SmtpServerConnection& c, const std::string& rcpt) {
  const bool authenticated = c.session != nullptr && !c.session->authenticated_user().empty();
  const RecipientDecision d =
      decide_recipient(config_.inbound, c.client_address, authenticated, rcpt);
  if (d.route == RecipientRoute::refused) {
    server_->answer(c.id, d.reply);
    return;
  }
  const std::string sender = c.session != nullptr && c.session->transaction()
                                 ? c.session->transaction()->reverse_path
                                 : "";
  // Listed clients are refused at RCPT, as Postfix's reject_rbl_client does; authenticated
  // users are not checked.
  if (config_.dnsbl_zone && resolver_ != nullptr && !authenticated && config_.spam.enabled &&
      config_.spam.reject_dnsbl_at_rcpt) {
    const sim::net::ConnId id = c.id;
    const auto client = c.client_address;
    const std::string client_name = c.client;
    hold_check(id,
               resolver_->check_dnsbl(
                   proto::dns::Ipv4::from_value(client.value()),
                   proto::dns::Name::parse(*config_.dnsbl_zone),
                   [this, id, rcpt, sender, client, client_name](const proto::dns::DnsblResult& r) {
                     checks_.erase(id);
                     if (r.verdict == proto::dns::DnsblVerdict::listed) {
                       SpamFacts facts;
                       facts.client_address = client.to_string();
                       facts.dnsbl_zone = *config_.dnsbl_zone;
                       facts.dnsbl_reason = r.reason;
                       server_->answer(id, *dnsbl_rejection(config_.spam, facts));
                       return;
                     }
                     after_dnsbl(id, rcpt, sender, client, client_name);
                   }));
    return;
  }
  after_dnsbl(c.id, rcpt, sender, c.client_address, c.client);
}

void MtaAgent::after_dnsbl(sim::net::ConnId id, const std::string& rcpt, const std::string& sender,
                           sim::net::Ipv4Address client, std::string client_name) {
  if (greylist_) {
    GreylistRequest g{client.to_string(), client_name.empty() ? "unknown" : client_name, sender,
                      rcpt};
    const GreylistVerdict v = greylist_->check(g, net_.sim().now());
    if (v.defer) {
      server_->answer(
          id, smtp::Reply(450, "4.2.0",
                          fmt::format("<{}>: Recipient address rejected: {}", rcpt, v.reply_text)));
      return;
    }
  }
  server_->accept(id);
}

void MtaAgent::check_message(const SmtpServerConnection& c, const smtp::Transaction& t) {
  proto::imf::MessageView message;  // the body is a view into t.content, not a copy
  bool parsed = true;
  try {
    message = proto::imf::parse_message_view(t.content);
  } catch (const LocalizedError&) {
    parsed = false;  // kept as received; the spam checks see no header
  }
  if (auto loop =
          check_hop_count(config_.inbound, static_cast<int>(message.header.count("Received")))) {
    server_->answer(c.id, *loop);
    return;
  }
  SpamFacts facts;
  facts.client_address = c.client_address.to_string();
  facts.envelope_sender = t.reverse_path;
  if (auto it = connections_.find(c.id);
      it != connections_.end() && config_.spf == SpfPolicy::score)
    facts.spf_result = it->second.spf_result;
  facts.headers.reserve(message.header.fields().size());
  for (const auto& f : message.header.fields())
    facts.headers.emplace_back(f.name, f.value());
  facts.body = message.body;
  const SpamVerdict spam = evaluate_spam(config_.spam, facts);
  if (spam.action == SpamVerdict::Action::reject) {
    server_->answer(c.id, spam.reply);
    return;
  }

  std::vector<std::pair<std::string, std::string>> added;
  if (config_.spam.enabled) added = spam.added_headers;
  const std::string id =
      store(c, t, parsed ? &message.header : nullptr, message.body, added, Stage::inbound_checks);
  server_->answer(c.id, smtp::Reply(250, "2.0.0", "Ok: queued as " + id));
}

smtp::Reply MtaAgent::queue_submitted(const SmtpServerConnection& c, const smtp::Transaction& t,
                                      const proto::imf::MessageView* message) {
  // Postfix's submission smtpd hands the message to the same cleanup as port 25's, which
  // counts its Received lines with the one smtpd adds (check_hop_count).
  const int received = message != nullptr ? static_cast<int>(message->header.count("Received")) : 0;
  if (auto loop = check_hop_count(config_.inbound, received)) return *loop;
  return smtp::Reply(250, "2.0.0",
                     "Ok: queued as " + store(c, t, message ? &message->header : nullptr,
                                              message ? message->body : std::string_view(), {},
                                              Stage::submission));
}

std::string MtaAgent::store(const SmtpServerConnection& c, const smtp::Transaction& t,
                            const proto::imf::Header* parsed, std::string_view body,
                            const std::vector<std::pair<std::string, std::string>>& added,
                            Stage stage) {
  // The queue id comes first: the Received header names it.
  proto::imf::ReceivedStamp stamp;
  stamp.helo = c.session != nullptr ? c.session->helo_name() : "";
  stamp.reverse_dns = c.client;
  stamp.ip = c.client_address.to_string();
  stamp.by = config_.hostname;
  stamp.protocol = c.session != nullptr ? std::string(c.session->received_protocol()) : "ESMTP";
  stamp.for_recipient = t.recipients.size() == 1 ? t.recipients.front() : "";
  stamp.date = clock_.at(net_.sim().now());
  const std::string id =
      queue_.enqueue(t.reverse_path, t.recipients, nullptr, "", net_.sim().now());
  stamp.id = id;
  std::string content;
  if (parsed != nullptr) {
    // What this MTA adds goes on top, then the header as received, written out as it is
    // rather than copied field by field first.
    proto::imf::Header top;
    top.append_field(proto::imf::received_field(stamp));
    for (const auto& [name, value] : added)
      top.append(name, value);
    // The body copied once, into one of a few sizes of buffer (buffer_room).
    content.reserve(buffer_room(top.wire_size() + parsed->wire_size() + 2 + body.size()));
    top.append_to(content);
    parsed->append_to(content);
    content.append("\r\n").append(body);
  } else {
    const proto::imf::Field received = proto::imf::received_field(stamp);
    content = received.name + ":" + received.raw + "\r\n" + t.content;
  }
  QueuedMessage* queued = queue_.find(id);
  queued->content = std::make_shared<const std::string>(std::move(content));
  if (parsed != nullptr)
    if (auto mid = parsed->value("Message-ID")) queued->message_id = *mid;

  if (net_.sim().trace().active()) {
    MailAcceptedRecord r;
    r.stage = stage;
    r.agent = config_.queue.agent;
    r.node = host_;
    r.queue_id = id;
    r.message_id = queued->message_id;
    r.sender = t.reverse_path;
    r.recipients = queued->pending();  // each once, as queued
    r.size = queued->content->size();
    r.origin = fmt::format("smtp {} [{}]", c.client, c.client_address.to_string());
    if (c.session != nullptr) r.user = c.session->authenticated_user();
    net_.sim().trace().publish(r);
  }
  qmgr_->take(id);
  return id;
}

}  // namespace mailsim::agents

#include "agents/mta/queue_manager.hpp"

#include <algorithm>
#include <cctype>

#include "agents/journey/records.hpp"
#include "agents/proto/imf/dsn.hpp"
#include "agents/proto/imf/header.hpp"

namespace mailsim::agents {
namespace {

using Kind = RecipientOutcome::Kind;

// The DSN status of an outcome: given, or read from "550 5.1.1 text", or the class's generic
// code; a failure without any SMTP reply (no answer, no route) is 4.4.1 or 5.4.4.
std::string status_of(const RecipientOutcome& o) {
  if (!o.status.empty()) return o.status;
  const std::string& reply = o.reply;
  if (reply.size() > 4 && (reply[0] == '4' || reply[0] == '5')) {
    const std::string token = reply.substr(4, reply.find(' ', 4) - 4);
    if (proto::imf::is_status_code(token)) return token;
    return reply[0] == '4' ? "4.0.0" : "5.0.0";
  }
  return o.kind == RecipientOutcome::Kind::bounced ? "5.4.4" : "4.4.1";
}

// Whether the outcome's reply is one a remote SMTP server sent ("550 5.1.1 ..."), not what this
// MTA saw itself ("connect to ...: Connection timed out", a DNS failure, a local mailbox).
bool said_by_smtp_server(const RecipientOutcome& o) {
  const std::string& r = o.reply;
  return !o.remote_mta.empty() && r.size() >= 4 && r[0] >= '2' && r[0] <= '5' &&
         std::isdigit(static_cast<unsigned char>(r[1])) &&
         std::isdigit(static_cast<unsigned char>(r[2])) && (r[3] == ' ' || r[3] == '-');
}

// The journey stage of an outcome record.
Stage stage_of(const sim::TraceKind& kind) {
  if (&kind == &kinds::kMailDelivered) return Stage::delivery;
  if (&kind == &kinds::kMailRelayed) return Stage::relay;
  if (&kind == &kinds::kMailDeferred || &kind == &kinds::kMailDelayWarned) return Stage::retry;
  return Stage::bounce;
}

}  // namespace

QueueManager::QueueManager(sim::Simulator& sim, MailQueue& queue, QueueManagerSettings settings,
                           const proto::imf::ScenarioClock& clock, Router route)
    : sim_(sim),
      queue_(queue),
      settings_(std::move(settings)),
      clock_(clock),
      route_(std::move(route)),
      ids_(settings_.hostname) {}

QueueManager::~QueueManager() {
  sim_.cancel(scan_event_);
}

void QueueManager::start() {
  if (running_) return;
  running_ = true;
  started_ = sim_.now();
  schedule_scan();
  // What was incoming (or active when the host went down) is taken at once.
  for (const QueuedMessage* m : queue_.messages())
    if (m->queue == QueueName::incoming) take(m->queue_id);
}

void QueueManager::stop() {
  if (!running_) return;
  running_ = false;
  ++generation_;
  sim_.cancel(scan_event_);
  for (const auto& [id, attempt] : attempts_)
    if (queue_.find(id)) queue_.move(id, QueueName::incoming);
  attempts_.clear();
}

// Postfix scans the deferred queue every queue_run_delay; a scan that finds nothing due
// changes nothing, so only the scans that will find something are scheduled: the first scan
// time at or after the earliest next attempt. The attempts happen at the same times, and an
// idle queue leaves the simulation idle.
void QueueManager::schedule_scan() {
  sim_.cancel(scan_event_);
  if (!running_) return;
  std::optional<sim::SimTime> earliest;
  for (const QueuedMessage* m : queue_.messages())
    if (m->queue == QueueName::deferred && m->next_attempt &&
        (!earliest || *m->next_attempt < *earliest))
      earliest = m->next_attempt;
  if (!earliest) return;
  const sim::SimTime at =
      settings_.schedule.first_run_at_or_after(std::max(*earliest, sim_.now()), started_);
  scan_event_ = sim_.schedule_at(at, [this] {
    scan();
    schedule_scan();
  });
}

void QueueManager::scan() {
  for (const std::string& id : queue_.due(sim_.now()))
    attempt(id);
}

void QueueManager::take(const std::string& queue_id) {
  if (!running_) return;  // stays incoming until the queue manager starts
  const std::uint64_t generation = generation_;
  // Later in this instant: the caller (the SMTP server sending 250) finishes first.
  sim_.schedule_after(sim::SimTime(0), [this, queue_id, generation] {
    if (generation == generation_ && running_) attempt(queue_id);
  });
}

std::string QueueManager::enqueue_local(std::string sender, std::vector<std::string> recipients,
                                        std::string content, std::string origin) {
  std::string message_id;
  if (auto header = proto::imf::parse_message(content).header.value("Message-ID"))
    message_id = *header;
  auto text = std::make_shared<const std::string>(std::move(content));
  const std::string id = queue_.enqueue(sender, recipients, text, message_id, sim_.now());
  if (sim_.trace().active()) {
    MailAcceptedRecord r;
    r.stage = Stage::bounce;
    r.agent = settings_.agent;
    r.node = settings_.node;
    r.queue_id = id;
    r.message_id = message_id;
    r.sender = sender;
    r.recipients = recipients;
    r.size = text->size();
    r.origin = std::move(origin);
    sim_.trace().publish(r);
  }
  take(id);
  return id;
}

void QueueManager::attempt(const std::string& queue_id) {
  QueuedMessage* m = queue_.find(queue_id);
  if (m == nullptr || attempts_.count(queue_id) || m->queue == QueueName::hold) return;
  queue_.move(queue_id, QueueName::active);
  // One delivery agent per group of recipients (Postfix groups by transport and next hop).
  std::vector<std::pair<DeliveryAgent*, std::vector<std::string>>> groups;
  for (const std::string& rcpt : m->pending()) {
    DeliveryAgent* agent = &route_(rcpt);
    auto it =
        std::find_if(groups.begin(), groups.end(), [&](const auto& g) { return g.first == agent; });
    if (it == groups.end())
      groups.emplace_back(agent, std::vector<std::string>{rcpt});
    else
      it->second.push_back(rcpt);
  }
  Attempt& a = attempts_[queue_id];
  a.groups_left = static_cast<int>(groups.size());
  const std::uint64_t generation = generation_;
  for (auto& [agent, rcpts] : groups) {
    agent->deliver(
        *m, rcpts,
        [this, queue_id, generation](std::vector<RecipientOutcome> outcomes) {
          if (generation != generation_) return;  // the host went down meanwhile
          auto it = attempts_.find(queue_id);
          if (it == attempts_.end()) return;
          for (auto& o : outcomes)
            it->second.outcomes.push_back(std::move(o));
          if (--it->second.groups_left == 0) finish(queue_id);
        },
        [this, queue_id](const RecipientOutcome& o) { handed_over(queue_id, o); });
  }
}

void QueueManager::emit(const sim::TraceKind& kind, const QueuedMessage& m,
                        const RecipientOutcome& o, const std::string& dsn_queue_id) {
  if (!sim_.trace().active()) return;
  MailOutcomeRecord r(kind);
  r.stage = stage_of(kind);
  r.agent = settings_.agent;
  r.node = settings_.node;
  r.queue_id = m.queue_id;
  r.recipient = o.recipient;
  r.reply = o.reply;
  r.next_agent = o.next_agent;
  r.next_queue_id = o.next_queue_id;
  r.mailbox = o.mailbox;
  r.lines_broken = o.lines_broken;
  r.dsn_queue_id = dsn_queue_id;
  r.next_attempt = m.next_attempt.value_or(sim::SimTime(0));
  sim_.trace().publish(r);
}

// Recorded at the 250, as Postfix's smtp marks a recipient done in the queue file then: when
// the attempt ends (after 221, or never if this host goes down first) it is already settled.
void QueueManager::handed_over(const std::string& queue_id, const RecipientOutcome& o) {
  QueuedMessage* m = queue_.find(queue_id);
  if (m == nullptr || !queue_.holds(queue_id, o.recipient)) return;
  emit(kinds::kMailRelayed, *m, o);
  queue_.settle(queue_id, o.recipient, RecipientState::relayed, o.reply);
}

void QueueManager::finish(const std::string& queue_id) {
  Attempt a = std::move(attempts_[queue_id]);
  attempts_.erase(queue_id);
  QueuedMessage* m = queue_.find(queue_id);
  if (m == nullptr) return;
  std::vector<RecipientOutcome> failed, deferred;
  // Those handed over during the attempt are settled already.
  std::erase_if(a.outcomes, [&](const RecipientOutcome& o) {
    return o.kind == Kind::relayed && !queue_.holds(queue_id, o.recipient);
  });
  for (const RecipientOutcome& o : a.outcomes) {
    switch (o.kind) {
      case Kind::delivered:
        emit(kinds::kMailDelivered, *m, o);
        break;
      case Kind::relayed:
        emit(kinds::kMailRelayed, *m, o);
        break;
      case Kind::bounced:
        failed.push_back(o);
        break;
      case Kind::deferred:
        deferred.push_back(o);
        break;
    }
  }
  // Settle the recipients that are done; the failed and deferred ones keep it in the queue.
  for (const RecipientOutcome& o : a.outcomes) {
    if (o.kind == Kind::delivered)
      queue_.settle(queue_id, o.recipient, RecipientState::delivered, o.reply);
    if (o.kind == Kind::relayed)
      queue_.settle(queue_id, o.recipient, RecipientState::relayed, o.reply);
  }
  m = queue_.find(queue_id);
  if (!deferred.empty() && m != nullptr) {
    const RetryDecision d = settings_.schedule.on_temporary_failure(m->retry, sim_.now(), started_);
    if (d.give_up) {
      // An expired message's DSN carries its last temporary status, as Postfix's does.
      failed.insert(failed.end(), deferred.begin(), deferred.end());
    } else {
      queue_.defer(queue_id, deferred.front().reply, d.next_attempt);
      for (const RecipientOutcome& o : deferred)
        emit(kinds::kMailDeferred, *m, o);
      if (delay_warnings_due(*m) > m->delay_warnings) warn_delayed(*m, deferred);
    }
  }
  if (!failed.empty() && m != nullptr) bounce(*m, failed);
  schedule_scan();
  m = queue_.find(queue_id);
  if (m != nullptr && m->queue == QueueName::active) queue_.move(queue_id, QueueName::incoming);
}

proto::imf::DsnRequest QueueManager::dsn_request(const QueuedMessage& m, const std::string& to,
                                                 const std::vector<RecipientOutcome>& about,
                                                 proto::imf::DsnAction action) {
  proto::imf::DsnRequest r;
  try {
    r.original_header = proto::imf::parse_message(*m.content).header;
  } catch (const LocalizedError&) {
    // A header that does not parse is not repeated in the notice.
  }
  r.reporting_mta = settings_.hostname;
  r.original_sender = to;
  r.lang = settings_.bounce_lang;
  r.arrival_date = clock_.at(m.arrival);
  r.date = clock_.at(sim_.now());
  r.message_id = ids_.next(clock_, sim_.now());
  r.queue_id = m.queue_id;
  for (const RecipientOutcome& o : about) {
    proto::imf::DsnRecipient d;
    d.final_recipient = o.recipient;
    d.action = action;
    d.status = status_of(o);
    d.remote_mta = o.remote_mta;
    d.remote_address = o.remote_address;
    d.after = o.after;
    d.diagnostic_code = o.reply;
    if (!said_by_smtp_server(o)) d.diagnostic_type = "X-Postfix";
    d.last_attempt_date = clock_.at(sim_.now());
    if (action == proto::imf::DsnAction::delayed)
      d.will_retry_until = clock_.at(settings_.schedule.gives_up_at(m.retry));
    r.recipients.push_back(std::move(d));
  }
  if (!settings_.schedule.is_postfix()) {  // Exim's notices, in Exim's words
    r.style = proto::imf::DsnStyle::exim;
    r.waited = sim_.now() - m.arrival;
    r.delayed_for = exim_delay_warnings_due(settings_.delay_warning, r.waited).shown;
  }
  return r;
}

DelayWarningsDue exim_delay_warnings_due(const std::vector<sim::SimTime>& times,
                                         sim::SimTime waited) {
  DelayWarningsDue due;
  const int n = static_cast<int>(times.size());
  while (due.count < n && waited >= times[due.count])
    ++due.count;
  if (due.count == 0) return due;
  due.shown = times[due.count - 1];
  if (due.count == n) {  // past the list: every gap between its last two times
    const sim::SimTime gap = n > 1 ? times[n - 1] - times[n - 2] : times[0];
    if (gap.count() > 0) {
      const auto extra = (waited - times[n - 1]) / gap;
      due.shown += gap * extra;
      due.count += static_cast<int>(extra);
    }
  }
  return due;
}

int QueueManager::delay_warnings_due(const QueuedMessage& m) const {
  const auto& times = settings_.delay_warning;
  if (times.empty() || times.front().count() <= 0) return 0;
  const sim::SimTime waited = sim_.now() - m.arrival;
  if (settings_.schedule.is_postfix()) return waited < times.front() ? 0 : 1;  // warns once
  // Exim: a late check sends one warning, not the missed ones (warning_count = count).
  return exim_delay_warnings_due(times, waited).count;
}

// `m` stays valid: the queue is a std::map, whose entries do not move when the notice is
// added, and the notice is only taken later in this instant (take()).
void QueueManager::warn_delayed(QueuedMessage& m, const std::vector<RecipientOutcome>& deferred) {
  m.delay_warned = true;
  m.delay_warnings = delay_warnings_due(m);
  if (m.sender.empty()) return;  // never a notice about a notice (RFC 5321 4.5.5)
  auto dsn =
      proto::imf::build_dsn(dsn_request(m, m.sender, deferred, proto::imf::DsnAction::delayed));
  const std::string notice =
      enqueue_local("", {m.sender}, dsn->message_text, "delay warning for " + m.queue_id);
  for (const RecipientOutcome& o : deferred)
    emit(kinds::kMailDelayWarned, m, o, notice);
}

void QueueManager::bounce(QueuedMessage& message, const std::vector<RecipientOutcome>& failed) {
  const QueuedMessage m = message;  // settling may remove it from the queue
  auto request = [&](const std::string& to) {
    return dsn_request(m, to, failed, proto::imf::DsnAction::failed);
  };

  if (!m.sender.empty()) {
    auto dsn = proto::imf::build_dsn(request(m.sender));
    const std::string notice =
        enqueue_local("", {m.sender}, dsn->message_text, "bounce of " + m.queue_id);
    for (const RecipientOutcome& o : failed) {
      emit(kinds::kMailBounced, m, o, notice);
      queue_.settle(m.queue_id, o.recipient, RecipientState::bounced, o.reply);
    }
    return;
  }
  // A bounce that cannot be delivered: never bounced back (RFC 5321 4.5.5).
  if (settings_.double_bounce_to_postmaster && !m.double_bounce_notice) {
    auto dsn = proto::imf::build_dsn(request(settings_.postmaster));
    const std::string notice = enqueue_local("", {settings_.postmaster}, dsn->message_text,
                                             "double bounce of " + m.queue_id);
    if (QueuedMessage* n = queue_.find(notice)) n->double_bounce_notice = true;
    for (const RecipientOutcome& o : failed) {
      emit(kinds::kMailDoubleBounced, m, o, notice);
      queue_.settle(m.queue_id, o.recipient, RecipientState::bounced, o.reply);
    }
    return;
  }
  for (const RecipientOutcome& o : failed) {
    emit(kinds::kMailDoubleBounceDiscarded, m, o);
    queue_.settle(m.queue_id, o.recipient, RecipientState::discarded, o.reply);
  }
}

}  // namespace mailsim::agents

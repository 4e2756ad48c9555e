#include "agents/journey/conservation.hpp"

#include <algorithm>

#include "agents/journey/dialogue_records.hpp"
#include "agents/journey/messages.hpp"

namespace mailsim::agents {
namespace {
bool is_terminal(const sim::TraceKind* kind) {
  return kind != &kinds::kMailDeferred && kind != &kinds::kMailDelayWarned;
}
std::string outcome_name(const sim::TraceKind* kind) {
  std::string_view name = kind->name;
  if (auto dot = name.find('.'); dot != std::string_view::npos) name.remove_prefix(dot + 1);
  return std::string(name);
}
}  // namespace

ConservationChecker::ConservationChecker(sim::Trace& trace)
    : trace_(trace),
      subscription_(trace.subscribe([this](const sim::TraceRecord& r) { on_record(r); })) {}

ConservationChecker::~ConservationChecker() {
  trace_.unsubscribe(subscription_);
}

void ConservationChecker::on_record(const sim::TraceRecord& record) {
  // A client read "250 ... queued as ID": the sender knows the server has the message.
  if (record.kind().name == std::string_view("smtp.client.received")) {
    const auto& line = static_cast<const DialogueLineRecord&>(record);
    if (line.line.starts_with("250"))
      if (std::string id = queued_as(line.line); !id.empty())
        replies_seen_.insert({line.parties.server, std::move(id)});
    return;
  }
  if (&record.kind() == &kinds::kMailAccepted) {
    const auto& a = static_cast<const MailAcceptedRecord&>(record);
    messages_[{a.agent, a.queue_id}] = Copy{a.sender.empty(), a.message_id};
    for (const auto& rcpt : a.recipients)
      accepted_[{a.agent, a.queue_id, rcpt}] = Accepted{a.sender.empty()};
    return;
  }
  for (const sim::TraceKind* k : journey_kinds()) {
    if (&record.kind() == k && k != &kinds::kMailAccepted) {
      const auto& o = static_cast<const MailOutcomeRecord&>(record);
      outcomes_[{o.agent, o.queue_id, o.recipient}].push_back(
          Outcome{k, o.next_agent, o.next_queue_id, o.dsn_queue_id});
      if (k == &kinds::kMailDelivered)
        if (auto copy = messages_.find({o.agent, o.queue_id});
            copy != messages_.end() && !copy->second.message_id.empty())
          ++deliveries_[{copy->second.message_id, o.recipient}];
      return;
    }
  }
}

std::vector<ConservationChecker::Violation> ConservationChecker::check(
    const StillQueued& still_queued) const {
  std::vector<Violation> out;
  auto add = [&](const Key& key, const Message& m, std::vector<Text::Arg> extra) {
    const auto& [agent, qid, rcpt] = key;
    std::vector<Text::Arg> args{{"agent", agent}, {"queue_id", qid}, {"recipient", rcpt}};
    args.insert(args.end(), extra.begin(), extra.end());
    out.push_back(Violation{agent, qid, rcpt, Text(m, std::move(args))});
  };

  for (const auto& [key, outs] : outcomes_) {
    if (!accepted_.count(key))
      add(key, msg::kNeverAccepted, {{"outcome", outcome_name(outs.front().kind)}});
  }
  for (const auto& [key, acc] : accepted_) {
    const auto& [agent, qid, rcpt] = key;
    std::vector<const Outcome*> terminal;
    if (auto it = outcomes_.find(key); it != outcomes_.end())
      for (const auto& o : it->second)
        if (is_terminal(o.kind)) terminal.push_back(&o);
    const bool queued = still_queued(agent, qid, rcpt);

    if (terminal.empty()) {
      if (!queued) add(key, msg::kLost, {});
      continue;
    }
    if (terminal.size() > 1)
      add(key, msg::kTwoOutcomes,
          {{"first", outcome_name(terminal[0]->kind)},
           {"second", outcome_name(terminal[1]->kind)}});
    const Outcome& o = *terminal.front();
    if (queued) add(key, msg::kDoneButQueued, {{"outcome", outcome_name(o.kind)}});
    if (o.kind == &kinds::kMailRelayed && !accepted_.count({o.next_agent, o.next_queue_id, rcpt}))
      add(key, msg::kRelayNotAccepted,
          {{"next_agent", o.next_agent}, {"next_queue_id", o.next_queue_id}});
    if (o.kind == &kinds::kMailBounced) {
      if (acc.null_sender) add(key, msg::kBounceOfBounce, {});
      auto bounce = messages_.find({agent, o.dsn_queue_id});
      if (bounce == messages_.end() || !bounce->second.null_sender)
        add(key, msg::kBounceMissing, {{"dsn_queue_id", o.dsn_queue_id}});
    }
    if (o.kind == &kinds::kMailDoubleBounced) {
      if (!acc.null_sender) add(key, msg::kDiscardNotBounce, {});
      auto notice = messages_.find({agent, o.dsn_queue_id});
      if (notice == messages_.end() || !notice->second.null_sender)
        add(key, msg::kBounceMissing, {{"dsn_queue_id", o.dsn_queue_id}});
    }
    if (o.kind == &kinds::kMailDoubleBounceDiscarded && !acc.null_sender)
      add(key, msg::kDiscardNotBounce, {});
  }
  for (const auto& [id, j] : journeys())
    if (j.duplicated()) out.push_back(Violation{"", "", id.second, second_delivery(id, j)});
  return out;
}

std::map<std::pair<std::string, std::string>, ConservationChecker::Journey>
ConservationChecker::journeys() const {
  std::set<Key> handed;  // (next agent, next queue id, recipient) of each relayed record
  for (const auto& [key, outs] : outcomes_)
    for (const auto& o : outs)
      if (o.kind == &kinds::kMailRelayed)
        handed.insert({o.next_agent, o.next_queue_id, std::get<2>(key)});
  std::map<std::pair<std::string, std::string>, Journey> out;  // (Message-ID, recipient)
  for (const auto& [key, acc] : accepted_) {
    const auto& [agent, qid, rcpt] = key;
    auto copy = messages_.find({agent, qid});
    if (copy == messages_.end() || copy->second.message_id.empty()) continue;  // nothing to follow
    Journey& j = out[{copy->second.message_id, rcpt}];
    if (!handed.count(key)) {
      ++j.roots;
      j.unseen += replies_seen_.count({agent, qid}) ? 0 : 1;
    }
    // A copy delivered twice is already told ("ended twice"): it counts once here.
    if (auto it = outcomes_.find(key); it != outcomes_.end())
      j.deliveries += std::any_of(it->second.begin(), it->second.end(), [](const Outcome& o) {
        return o.kind == &kinds::kMailDelivered;
      });
  }
  return out;
}

std::vector<Text> ConservationChecker::smtp_duplicates() const {
  std::vector<Text> out;
  for (const auto& [id, j] : journeys())
    if (j.deliveries > 1 && !j.duplicated()) out.push_back(second_delivery(id, j));
  return out;
}

std::optional<Text> ConservationChecker::delivered_again(const sim::TraceRecord& record) const {
  if (&record.kind() != &kinds::kMailDelivered) return std::nullopt;
  const auto& o = static_cast<const MailOutcomeRecord&>(record);
  const auto copy = messages_.find({o.agent, o.queue_id});
  if (copy == messages_.end()) return std::nullopt;
  const std::pair<std::string, std::string> id{copy->second.message_id, o.recipient};
  if (const auto count = deliveries_.find(id); count == deliveries_.end() || count->second < 2)
    return std::nullopt;
  const auto all = journeys();
  const auto j = all.find(id);
  if (j == all.end() || j->second.deliveries < 2) return std::nullopt;
  return second_delivery(id, j->second);
}

Text ConservationChecker::second_delivery(const std::pair<std::string, std::string>& id,
                                          const Journey& j) {
  return Text(j.duplicated() ? msg::kDeliveredTwice : msg::kSmtpDuplicate,
              {{"message_id", id.first},
               {"recipient", id.second},
               {"count", std::to_string(j.deliveries)}});
}

std::string ConservationChecker::describe(const std::vector<Violation>& violations, Lang lang) {
  std::string out;
  for (const auto& v : violations)
    out += v.problem.render(lang) + "\n";
  return out;
}

}  // namespace mailsim::agents

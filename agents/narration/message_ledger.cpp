#include "agents/narration/message_ledger.hpp"

#include "agents/narration/diagnostics.hpp"

#include <algorithm>

#include "agents/journey/records.hpp"
#include "agents/mua/mua_records.hpp"
#include "agents/narration/story_sentences.hpp"
#include "agents/narration/storyteller.hpp"

namespace mailsim::agents {
namespace {

std::vector<std::string> split_list(const std::string& list) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start <= list.size()) {
    std::size_t end = list.find(',', start);
    if (end == std::string::npos) end = list.size();
    std::string item = list.substr(start, end - start);
    item.erase(0, item.find_first_not_of(' '));
    item.erase(item.find_last_not_of(' ') + 1);
    if (!item.empty()) out.push_back(std::move(item));
    start = end + 1;
  }
  return out;
}

std::string join(const std::vector<std::string>& items, std::string_view sep) {
  std::string out;
  for (const auto& i : items)
    out += (out.empty() ? "" : std::string(sep)) + i;
  return out;
}

void add_hop(std::vector<std::string>& hops, const std::string& host) {
  if (!host.empty() && (hops.empty() || hops.back() != host)) hops.push_back(host);
}

}  // namespace

bool MessageLedger::Row::ended() const {
  return !fates.empty() &&
         std::all_of(fates.begin(), fates.end(), [](const Fate& f) { return f.final(); });
}

std::size_t MessageLedger::Row::attempts() const {
  return deferrals.size() + (ended() ? 1 : 0);
}

sim::SimTime MessageLedger::Row::took(sim::SimTime now) const {
  if (!ended()) return now - start;
  sim::SimTime end = start;
  for (const Fate& f : fates)
    end = std::max(end, f.at);
  return end - start;
}

std::size_t MessageLedger::row_of_message(const std::string& message_id) {
  if (!message_id.empty())
    if (auto it = by_message_id_.find(message_id); it != by_message_id_.end()) return it->second;
  rows_.emplace_back();
  if (!message_id.empty()) by_message_id_[message_id] = rows_.size() - 1;
  return rows_.size() - 1;
}

MessageLedger::Fate& MessageLedger::fate(Row& row, const std::string& recipient) {
  for (Fate& f : row.fates)
    if (f.recipient == recipient) return f;
  Fate& added = row.fates.emplace_back();
  added.recipient = recipient;
  return added;
}

// The same message seen at the next server before the sender's hand-over said so (a message
// without Message-ID): the later hops' row joins the earlier one.
void MessageLedger::merge(std::size_t from, std::size_t into) {
  Row& src = rows_[from];
  Row& dst = rows_[into];
  for (const std::string& hop : src.hops)
    if (std::find(dst.hops.begin(), dst.hops.end(), hop) == dst.hops.end()) dst.hops.push_back(hop);
  for (const Fate& f : src.fates)
    fate(dst, f.recipient) = f;
  dst.deferrals.insert(src.deferrals.begin(), src.deferrals.end());
  src.merged = true;
  for (auto& [key, row] : by_queue_)
    if (row == from) row = into;
  for (auto& [key, row] : by_message_id_)
    if (row == from) row = into;
}

void MessageLedger::observe(const sim::TraceRecord& record) {
  const sim::TraceKind* kind = &record.kind();
  const sim::SimTime t = record.time();
  if (const auto* mua = dynamic_cast<const MuaRecord*>(&record)) {
    if (kind == &kinds::kMuaComposed) {
      Row& row = rows_[row_of_message(mua->message_id)];
      row.id = mua->message_id;
      row.from = mua->user;
      row.to = mua->to;
      row.start = t;
      add_hop(row.hops, mua->client);
      for (const std::string& r : split_list(mua->to))
        fate(row, r);
    } else if (kind == &kinds::kMuaSendFailed) {
      Row& row = rows_[row_of_message(mua->message_id)];
      if (row.id.empty()) row.id = mua->message_id;
      for (const std::string& r : split_list(mua->recipient)) {
        Fate& f = fate(row, r);
        f.outcome = Outcome::refused;
        f.agent = mua->server;
        f.reply = mua->reply;
        f.client = mua->client;
        f.at = t;
      }
    }
    return;
  }
  if (const auto* accepted = dynamic_cast<const MailAcceptedRecord*>(&record)) {
    const bool fresh =
        accepted->message_id.empty() || !by_message_id_.contains(accepted->message_id);
    const std::size_t index = row_of_message(accepted->message_id);
    Row& row = rows_[index];
    if (fresh) {
      row.id = accepted->message_id.empty() ? accepted->queue_id : accepted->message_id;
      row.from = accepted->sender.empty() ? "<>" : accepted->sender;
      row.to = join(accepted->recipients, ", ");
      row.start = t;
      // Handed over by a client nobody simulates as a mail client (a typed session).
      if (accepted->origin.starts_with("smtp "))
        add_hop(row.hops, accepted->origin.substr(5, accepted->origin.find(" [") - 5));
    }
    add_hop(row.hops, accepted->agent);
    by_queue_[{accepted->agent, accepted->queue_id}] = index;
    for (const std::string& r : accepted->recipients) {
      Fate& f = fate(row, r);
      f.outcome = Outcome::queued;
      f.agent = accepted->agent;
      f.at = t;
    }
    return;
  }
  const auto* outcome = dynamic_cast<const MailOutcomeRecord*>(&record);
  if (outcome == nullptr) return;
  const auto it = by_queue_.find({outcome->agent, outcome->queue_id});
  if (it == by_queue_.end()) return;
  const std::size_t index = it->second;
  if (kind == &kinds::kMailRelayed) {
    const auto next = by_queue_.find({outcome->next_agent, outcome->next_queue_id});
    if (next != by_queue_.end() && next->second != index) merge(next->second, index);
    by_queue_[{outcome->next_agent, outcome->next_queue_id}] = index;
    Row& row = rows_[index];
    Fate& f = fate(row, outcome->recipient);
    // The next server may have told already what it did with it.
    if (f.outcome == Outcome::queued && f.agent == outcome->agent) {
      f.outcome = Outcome::relayed;
      f.agent = outcome->next_agent;
      f.at = t;
    }
    add_hop(row.hops, outcome->next_agent);
    return;
  }
  Row& row = rows_[index];
  Fate& f = fate(row, outcome->recipient);
  f.agent = outcome->agent;
  f.at = t;
  if (kind == &kinds::kMailDeferred || kind == &kinds::kMailDelayWarned) {
    row.deferrals.insert({outcome->agent, t.count()});
    f.outcome = Outcome::queued;
  } else if (kind == &kinds::kMailDelivered) {
    f.outcome = Outcome::delivered;
    f.mailbox = outcome->mailbox;
    ++f.deliveries;
  } else if (kind == &kinds::kMailBounced) {
    f.outcome = Outcome::bounced;
    f.reply = outcome->reply;
  } else if (kind == &kinds::kMailDoubleBounced) {
    f.outcome = Outcome::postmaster;
  } else if (kind == &kinds::kMailDoubleBounceDiscarded) {
    f.outcome = Outcome::discarded;
  }
}

std::vector<const MessageLedger::Row*> MessageLedger::rows() const {
  std::vector<const Row*> out;
  for (const Row& r : rows_)
    if (!r.merged) out.push_back(&r);
  return out;
}

std::vector<std::string> MessageLedger::render(const Narrator& names, sim::SimTime now) const {
  const Lang lang = names.lang();
  std::vector<std::string> out{Text(narration::kLedgerTitle).render(lang)};
  const auto all = rows();
  if (all.empty()) out.push_back(Text(narration::kLedgerNone).render(lang));
  for (const Row* row : all) {
    std::vector<std::string> outcomes;
    for (const Fate& f : row->fates) {
      const std::string agent = names.with_roles(f.agent);
      std::string text;
      switch (f.outcome) {
        case Outcome::composed:
          text = Text(narration::kOutcomeComposed).render(lang);
          break;
        case Outcome::queued:
          text = Text(narration::kOutcomeQueued, {{"agent", agent}}).render(lang);
          break;
        case Outcome::relayed:
          text = Text(narration::kOutcomeRelayed, {{"agent", agent}}).render(lang);
          break;
        case Outcome::delivered:
          text = f.deliveries > 1
                     ? Text(narration::kOutcomeDeliveredTimes,
                            {{"mailbox", f.mailbox}, {"count", std::to_string(f.deliveries)}})
                           .render(lang)
                     : Text(narration::kOutcomeDelivered, {{"mailbox", f.mailbox}}).render(lang);
          break;
        case Outcome::bounced:
          text = Text(narration::kOutcomeBounced,
                      {{"agent", agent}, {"reply", diagnostic_in(f.reply, lang)}})
                     .render(lang);
          break;
        case Outcome::refused:
          text = Text(narration::kOutcomeRefused, {{"server", agent},
                                                   {"reply", diagnostic_in(f.reply, lang)},
                                                   {"client", names.with_roles(f.client)}})
                     .render(lang);
          break;
        case Outcome::postmaster:
          text = Text(narration::kOutcomePostmaster).render(lang);
          break;
        case Outcome::discarded:
          text = Text(narration::kOutcomeDiscarded).render(lang);
          break;
      }
      if (row->fates.size() > 1)
        text = Text(narration::kRecipientOutcome, {{"recipient", f.recipient}, {"outcome", text}})
                   .render(lang);
      outcomes.push_back(std::move(text));
    }
    std::vector<std::string> hops;
    for (const std::string& h : row->hops)
      hops.push_back(names.with_roles(h));
    const std::string took =
        Text(narration::kTookTime, {{"duration", format_duration(row->took(now), lang)}})
            .render(lang);
    out.push_back(
        Text(narration::kLedgerRow,
             {{"id", row->id},
              {"from", row->from},
              {"to", row->to},
              {"outcome", join(outcomes, "; ")},
              {"attempts", counted(narration::kAttempts, row->attempts(), lang).render(lang)},
              {"duration", took},
              {"hops", join(hops, " → ")}})
            .render(lang));
  }
  return out;
}

}  // namespace mailsim::agents

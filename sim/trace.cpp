#include "sim/trace.hpp"

#include <algorithm>

namespace mailsim::sim {

Trace::KindFilter Trace::kinds_starting_with(std::vector<std::string_view> prefixes) {
  return [prefixes = std::move(prefixes)](const TraceKind& kind) {
    return std::any_of(prefixes.begin(), prefixes.end(),
                       [&](std::string_view p) { return kind.name.starts_with(p); });
  };
}

Trace::SubscriptionId Trace::subscribe(Subscriber subscriber, KindFilter wants) {
  SubscriptionId id = next_id_++;
  subscribers_.push_back(Entry{id, std::move(subscriber), std::move(wants), {}});
  ++active_count_;
  return id;
}

void Trace::unsubscribe(SubscriptionId id) {
  for (auto& e : subscribers_) {
    if (e.id == id && e.fn) {
      e.fn = nullptr;  // removed after the current publish, if any
      --active_count_;
    }
  }
  if (publishing_ == 0) std::erase_if(subscribers_, [](const Entry& e) { return !e.fn; });
}

bool Trace::Entry::takes(const TraceKind& kind) {
  if (!fn) return false;
  if (!wants) return true;
  const auto [it, added] = decided.try_emplace(&kind, false);
  if (added) it->second = wants(kind);
  return it->second;
}

void Trace::publish(TraceRecord& record) {
  record.set_time(*clock_);
  ++publishing_;
  // Index loop: a subscriber may subscribe another one while we iterate.
  for (std::size_t i = 0; i < subscribers_.size(); ++i) {
    Entry& e = subscribers_[i];
    if (e.takes(record.kind())) e.fn(record);
  }
  if (--publishing_ == 0 && active_count_ != subscribers_.size())
    std::erase_if(subscribers_, [](const Entry& e) { return !e.fn; });
}

}  // namespace mailsim::sim

#include "sim/trace.hpp"

#include <algorithm>

namespace mailsim::sim {

Trace::SubscriptionId Trace::subscribe(Subscriber subscriber) {
  SubscriptionId id = next_id_++;
  subscribers_.push_back(Entry{id, std::move(subscriber)});
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

void Trace::publish(TraceRecord& record) {
  record.set_time(*clock_);
  ++publishing_;
  // Index loop: a subscriber may subscribe another one while we iterate.
  for (std::size_t i = 0; i < subscribers_.size(); ++i)
    if (subscribers_[i].fn) subscribers_[i].fn(record);
  if (--publishing_ == 0 && active_count_ != subscribers_.size())
    std::erase_if(subscribers_, [](const Entry& e) { return !e.fn; });
}

}  // namespace mailsim::sim

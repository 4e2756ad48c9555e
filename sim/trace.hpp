#pragma once
// The trace: typed records published to any number of subscribers. The kernel only carries
// records; each layer declares its own kinds (packets, SMTP lines, mail steps) by deriving
// from TraceRecord. With no subscriber, emit() costs one branch.
#include <cstdint>
#include <deque>
#include <functional>
#include <string_view>
#include <type_traits>
#include <unordered_map>
#include <utility>
#include <vector>

#include "sim/time.hpp"

namespace mailsim::sim {

// A record kind: a stable dotted name ("net.packet.dropped") and the layer that owns it.
struct TraceKind {
  std::string_view name;
  std::string_view layer;
};

// Receives a record's fields in order; formatters and generic subscribers implement it.
class FieldVisitor {
 public:
  virtual ~FieldVisitor() = default;
  virtual void field(std::string_view key, std::int64_t value) = 0;
  virtual void field(std::string_view key, std::uint64_t value) = 0;
  virtual void field(std::string_view key, double value) = 0;
  virtual void field(std::string_view key, bool value) = 0;
  virtual void field(std::string_view key, std::string_view value) = 0;
  virtual void field(std::string_view key, SimTime value) = 0;

  // Narrower integers and C strings pick the right overload.
  template <class T, class = std::enable_if_t<std::is_integral_v<T> && !std::is_same_v<T, bool>>>
  void field(std::string_view key, T value) {
    if constexpr (std::is_signed_v<T>)
      field(key, static_cast<std::int64_t>(value));
    else
      field(key, static_cast<std::uint64_t>(value));
  }
  void field(std::string_view key, const char* value) { field(key, std::string_view(value)); }
};

class TraceRecord {
 public:
  explicit TraceRecord(const TraceKind& kind) : kind_(&kind) {}
  virtual ~TraceRecord() = default;

  const TraceKind& kind() const { return *kind_; }
  SimTime time() const { return time_; }
  void set_time(SimTime t) { time_ = t; }

  virtual void visit_fields(FieldVisitor& visitor) const = 0;

 private:
  const TraceKind* kind_;
  SimTime time_{0};
};

class Trace {
 public:
  using Subscriber = std::function<void(const TraceRecord&)>;
  using SubscriptionId = std::uint64_t;
  // Which kinds a subscriber wants (by name or by layer); empty: every kind. A subscriber that
  // wants the story is then not called for every packet.
  using KindFilter = std::function<bool(const TraceKind&)>;
  // The kinds whose name starts with one of `prefixes` ("mail.", "net.host.").
  static KindFilter kinds_starting_with(std::vector<std::string_view> prefixes);

  // `clock` stamps each record; it must outlive the trace.
  explicit Trace(const SimTime* clock) : clock_(clock) {}

  SubscriptionId subscribe(Subscriber subscriber, KindFilter wants = {});
  void unsubscribe(SubscriptionId id);  // safe from inside a subscriber
  bool active() const noexcept { return active_count_ != 0; }

  // Builds the record only when somebody listens. Build costly arguments under active().
  template <class R, class... Args>
  void emit(Args&&... args) {
    if (!active()) return;
    R record(std::forward<Args>(args)...);
    publish(record);
  }
  void publish(TraceRecord& record);

 private:
  struct Entry {
    SubscriptionId id;
    Subscriber fn;
    KindFilter wants;
    // The filter's answer for each kind met so far: kinds are few and records many.
    std::unordered_map<const TraceKind*, bool> decided;
    bool takes(const TraceKind& kind);
  };
  const SimTime* clock_;
  std::deque<Entry> subscribers_;  // a deque: subscribing from a subscriber moves no entry
  std::size_t active_count_ = 0;
  SubscriptionId next_id_ = 1;
  int publishing_ = 0;
};

}  // namespace mailsim::sim

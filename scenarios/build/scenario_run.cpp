#include "scenarios/build/scenario_run.hpp"

#include <cxxabi.h>

#include <algorithm>
#include <cstdlib>
#include <exception>
#include <memory>
#include <typeinfo>

#include "agents/roles/typed_session.hpp"
#include "scenarios/build/network_builder.hpp"
#include "scenarios/model/model_edit.hpp"

namespace mailsim::scenarios {

ScenarioRun::ScenarioRun(const ScenarioModel& model, Diagnostics& diag,
                         std::optional<std::uint64_t> seed_override)
    : model_(model),
      sim_(seed_override.value_or(model.seed)),
      network_(sim_, {.routing = model.network.routing}) {
  ok_ = build_network(model_.network, network_, diag);
  if (!ok_) return;
  mail_ = std::make_unique<MailWorld>(model_, network_);
  ok_ = mail_->build(diag);
  if (!ok_) return;
  schedule_due_entries();
}

ScenarioRun::~ScenarioRun() = default;

// The timeline is walked by one pending event at a time, at the next entry's time, in the
// kernel's first lane: before what the run scheduled for the same microsecond. Scheduling every
// entry up front would keep a city's 100,000 sends in the kernel's heap all day. The order is
// the same as if each entry had been scheduled up front in timeline order (the lines of a
// `type` entry included), since every first-lane event comes from here.
void ScenarioRun::schedule_due_entries() {
  entries_event_ = {};
  if (next_entry_ >= model_.timeline.size()) return;
  entries_event_ = sim_.schedule_at(
      model_.timeline[next_entry_].at, [this] { run_due_entries(); }, sim::Lane::first);
}

void ScenarioRun::run_due_entries() {
  const auto& timeline = model_.timeline;
  while (next_entry_ < timeline.size() && timeline[next_entry_].at == sim_.now()) {
    const TimelineEntry& entry = timeline[next_entry_++];
    if (const auto* typed = std::get_if<TypedSessionAction>(&entry.action)) {
      start_typed(entry.at, *typed);
      // Lines typed without a pause come before the entries after it, as they were scheduled.
      if (typed->pause.count() == 0 && !typed->lines.empty()) break;
      continue;
    }
    act(entry.action);
  }
  schedule_due_entries();
}

void ScenarioRun::act(const Action& action) {
  using namespace sim::net;
  std::visit(
      [&](const auto& a) {
        using A = std::decay_t<decltype(a)>;
        if constexpr (std::is_same_v<A, SetLinkUp>) {
          network_.set_link_up(network_.link(a.link), a.up);
        } else if constexpr (std::is_same_v<A, SetHostUp>) {
          network_.set_host_up(network_.node(a.host), a.up);
        } else if constexpr (std::is_same_v<A, ChangeLink>) {
          network_.set_link_params(network_.link(a.link), a.params);
        } else if constexpr (std::is_same_v<A, SendMailAction>) {
          mail_->send(a);
        } else if constexpr (std::is_same_v<A, ChangeDnsAction>) {
          mail_->change_dns(a);
        } else if constexpr (std::is_same_v<A, FetchMailAction>) {
          mail_->fetch(a);
        }
      },
      action);
}

void ScenarioRun::start_typed(sim::SimTime at, const TypedSessionAction& t) {
  agents::TypedSession* session = nullptr;
  if (const auto named = named_sessions_.find(t.session);
      !t.session.empty() && named != named_sessions_.end()) {
    session = named->second;
    // A session made by record() opens now; any other was opened by an earlier entry, and
    // these are more lines for it.
    if (unopened_.erase(session) > 0) session->open();
  } else {
    session = make_typed(t);
    session->open();
  }
  type_lines(*session, at, t);
}

agents::TypedSession* ScenarioRun::make_typed(const TypedSessionAction& t) {
  using namespace sim::net;
  // A node's name, whatever its first character ("1mx.b.example"), or an address; the
  // loader checked that it is one of them and that the node has an address.
  const bool is_node = std::any_of(model_.network.hosts.begin(), model_.network.hosts.end(),
                                   [&](const auto& h) { return h.name == t.to; }) ||
                       std::any_of(model_.network.routers.begin(), model_.network.routers.end(),
                                   [&](const auto& r) { return r.name == t.to; });
  const Ipv4Address to =
      is_node ? network_.address(network_.node(t.to)).value() : Ipv4Address::parse(t.to);
  sessions_.push_back(
      std::make_unique<agents::TypedSession>(network_, network_.node(t.from), to, t.port));
  agents::TypedSession* session = sessions_.back().get();
  if (!t.session.empty()) named_sessions_.emplace(t.session, session);
  return session;
}

void ScenarioRun::type_lines(agents::TypedSession& session, sim::SimTime at,
                             const TypedSessionAction& t) {
  for (std::size_t i = 0; i < t.lines.size(); ++i) {
    const auto when = at + t.pause * static_cast<std::int64_t>(i + 1);
    sim_.schedule_at(
        when, [s = &session, line = t.lines[i]] { s->type(line); }, sim::Lane::first);
  }
}

const agents::TypedSession* ScenarioRun::typed_session(const std::string& name) const {
  const auto it = named_sessions_.find(name);
  return it == named_sessions_.end() ? nullptr : it->second;
}

agents::TypedSession& ScenarioRun::open_session(const std::string& from, sim::net::Ipv4Address to,
                                                std::uint16_t port,
                                                agents::TypedSession::Callbacks callbacks) {
  sessions_.push_back(std::make_unique<agents::TypedSession>(network_, network_.node(from), to,
                                                             port, std::move(callbacks)));
  agents::TypedSession& session = *sessions_.back();
  session.open();
  return session;
}

void ScenarioRun::place(const std::string& node, sim::net::Position position) {
  const PositionModel at{position.x, position.y};
  for (auto& h : model_.network.hosts)
    if (h.name == node) h.position = at;
  for (auto& r : model_.network.routers)
    if (r.name == node) r.position = at;
  network_.set_position(network_.node(node), position);
}

void ScenarioRun::record(Action action) {
  // Timeline entries run first within their microsecond. If an event already ran at now (after
  // a step), the action must come after it, as it did here: it takes the next microsecond.
  const sim::SimTime at = sim_.ran_at_now() ? sim_.now() + sim::SimTime(1) : sim_.now();
  // A console's session can be typed into as soon as it is asked for, before it opens.
  if (const auto* typed = std::get_if<TypedSessionAction>(&action);
      typed != nullptr && !typed->session.empty() && !named_sessions_.contains(typed->session))
    unopened_.insert(make_typed(*typed));
  const TimelineEntry& entry = add_to_timeline(model_, at, std::move(action));
  // It lands after every entry already run (they are at or before now) and after the pending
  // ones at its time. When it is the next one due, the walk was waiting for a later entry (or
  // for none): it moves to this one's time.
  const auto index = static_cast<std::size_t>(&entry - model_.timeline.data());
  if (index == next_entry_) {
    if (entries_event_.valid()) sim_.cancel(entries_event_);
    schedule_due_entries();
  }
}

namespace {
// "std::out_of_range" rather than "St12out_of_range".
std::string type_name(const std::type_info& type) {
  int status = 0;
  std::unique_ptr<char, void (*)(void*)> name(
      abi::__cxa_demangle(type.name(), nullptr, nullptr, &status), std::free);
  return status == 0 && name ? std::string(name.get()) : std::string(type.name());
}
}  // namespace

template <class F>
void ScenarioRun::guarded(F&& advance) {
  if (failure_) return;
  try {
    advance();
  } catch (const std::exception& e) {
    failure_ = RunFailure{sim_.now(), type_name(typeid(e)), e.what()};
  } catch (...) {
    failure_ = RunFailure{sim_.now(), "...", "an exception of an unknown type"};
  }
}

void ScenarioRun::run_until(sim::SimTime end) {
  guarded([&] { sim_.run_until(end); });
}

bool ScenarioRun::step() {
  bool ran = false;
  guarded([&] { ran = sim_.step(); });
  return ran && !failure_;
}

void ScenarioRun::run_to_completion() {
  const sim::SimTime guard = std::chrono::hours(24 * 30);
  if (model_.duration) {
    run_until(*model_.duration);
    return;
  }
  bool ran = true;
  while (ran && !failure_)
    guarded([&] { ran = sim_.step_until(guard); });
}

}  // namespace mailsim::scenarios

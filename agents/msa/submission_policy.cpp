#include "agents/msa/submission_policy.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "agents/proto/envelope_address.hpp"
#include "sim/strings.hpp"

namespace mailsim::agents {
namespace {
constexpr sim::SimTime kDay = std::chrono::hours(24);
using proto::smtp::Reply;
}  // namespace

SubmissionPolicy::SubmissionPolicy(SubmissionSettings settings)
    : settings_(std::move(settings)), sent_(settings_.users.size()) {
  for (std::size_t i = 0; i < settings_.users.size(); ++i)
    by_login_.emplace(settings_.users[i].login, i);
}

std::deque<sim::SimTime>& SubmissionPolicy::sent_by(const SubmissionUser& u) {
  return sent_[static_cast<std::size_t>(&u - settings_.users.data())];
}
const std::deque<sim::SimTime>& SubmissionPolicy::sent_by(const SubmissionUser& u) const {
  return sent_[static_cast<std::size_t>(&u - settings_.users.data())];
}

std::string SubmissionPolicy::qualify(const std::string& address) const {
  const auto [local, domain] = proto::split_address(address);
  if (address.empty() || !domain.empty()) return address;
  return std::string(local) + "@" + settings_.domain;
}

const SubmissionUser* SubmissionPolicy::find_user(const std::string& login) const {
  // A user may log in as "alice" or as "alice@a.example".
  const auto [local, domain] = proto::split_address(login);
  const std::string_view name = iequals(domain, settings_.domain) ? local : login;
  const auto it = by_login_.find(std::string(name));
  return it == by_login_.end() ? nullptr : &settings_.users[it->second];
}

std::optional<int> SubmissionPolicy::limit_for(const SubmissionUser& u) const {
  return u.daily_limit ? u.daily_limit : settings_.daily_limit;
}

Reply SubmissionPolicy::check_auth(const std::string& user, const std::string& password) const {
  const SubmissionUser* u = find_user(user);
  if (u == nullptr || u->password != password)
    return Reply(535, "5.7.8", "Authentication credentials invalid");
  return Reply(235, "2.7.0", "Authentication successful");
}

// "after 10:01 +0100" or "tomorrow after 10:01 +0100", as providers say it: the time of day
// in the scenario's zone, rounded up to the minute, and no day count of the simulator's clock.
std::string SubmissionPolicy::when_again(sim::SimTime again, sim::SimTime now) const {
  const proto::imf::ScenarioClock& clock = settings_.clock;
  const proto::imf::DateTime at{std::chrono::ceil<std::chrono::minutes>(clock.instant(again)),
                                clock.offset()};
  const bool tomorrow = proto::imf::local_day(at) != proto::imf::local_day(clock.at(now));
  return (tomorrow ? "tomorrow after " : "after ") + proto::imf::format_time_of_day(at);
}

Reply SubmissionPolicy::check_sender(const std::string& user, const std::string& sender,
                                     sim::SimTime now) const {
  if (user.empty()) return Reply(530, "5.7.0", "Authentication required");
  const SubmissionUser* u = find_user(user);
  if (u == nullptr) return Reply(530, "5.7.0", "Authentication required");
  const std::string from = qualify(sender);
  const auto is_from = [&](const std::string& a) { return iequals(qualify(a), from); };
  const bool owns = u->addresses.empty()
                        ? is_from(u->login + "@" + settings_.domain)
                        : std::any_of(u->addresses.begin(), u->addresses.end(), is_from);
  if (!owns)
    return Reply(
        550, "5.7.1",
        fmt::format("<{}>: Sender address rejected: not owned by user {}", sender, u->login));
  if (auto limit = limit_for(*u); limit && sent_in_last_day(u->login, now) >= *limit) {
    const auto& times = sent_by(*u);
    return Reply(
        450, "4.7.1",
        fmt::format(
            "Daily sending limit of {} {} reached, try again {}", *limit,
            *limit == 1 ? "message" : "messages",
            when_again(times[times.size() - static_cast<std::size_t>(*limit)] + kDay, now)));
  }
  return Reply(250, "2.1.0", "Ok");
}

void SubmissionPolicy::record_sent(const std::string& user, sim::SimTime now) {
  const SubmissionUser* u = find_user(user);
  if (u == nullptr) return;
  // Only the last day's times can count against a limit: older ones leave, so that a user who
  // sends all day long does not grow the list with every message.
  auto& times = sent_by(*u);
  while (!times.empty() && now - times.front() >= kDay)
    times.pop_front();
  times.push_back(now);
}

int SubmissionPolicy::sent_in_last_day(const std::string& user, sim::SimTime now) const {
  const SubmissionUser* u = find_user(user);
  if (u == nullptr) return 0;
  const auto& times = sent_by(*u);
  return static_cast<int>(
      std::count_if(times.begin(), times.end(), [&](sim::SimTime t) { return now - t < kDay; }));
}

}  // namespace mailsim::agents

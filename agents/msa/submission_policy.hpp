#pragma once
// The submission agent's decisions (RFC 6409): who may log in, which sender addresses each user
// may use, and a provider's daily sending limit (the article's free offers). Pure: the MSA
// agent asks these at each SMTP step and sends the reply.
//
//   AUTH with wrong credentials   -> 535 5.7.8 Authentication credentials invalid
//   MAIL without authentication   -> 530 5.7.0 Authentication required
//   MAIL from an address the user does not own -> 550 5.7.1 Sender address rejected: not owned by
//   user
//   MAIL once the daily limit is reached -> 450 4.7.1 Daily sending limit of N messages reached,
//                                           try again [tomorrow] after HH:MM +ZZZZ
#include <deque>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "agents/proto/imf/date.hpp"
#include "agents/proto/smtp/reply.hpp"
#include "sim/time.hpp"

namespace mailsim::agents {

struct SubmissionUser {
  std::string login;  // "alice"
  std::string password;
  std::vector<std::string> addresses;  // may send as; empty: login@domain
  std::optional<int> daily_limit;      // overrides the provider's
};

struct SubmissionSettings {
  std::string domain;  // "a.example": qualifies bare logins and addresses
  std::vector<SubmissionUser> users;
  std::optional<int> daily_limit;  // messages per user per 24 hours; none: no limit
  // Writes when the limit lifts as the provider's users read it: a time of day in the
  // scenario's zone, not the simulator's clock.
  proto::imf::ScenarioClock clock;
};

class SubmissionPolicy {
 public:
  explicit SubmissionPolicy(SubmissionSettings settings);

  // AUTH: the login (or login@domain) and its password.
  proto::smtp::Reply check_auth(const std::string& user, const std::string& password) const;
  // MAIL FROM: `user` is the authenticated login, empty when the client did not log in.
  proto::smtp::Reply check_sender(const std::string& user, const std::string& sender,
                                  sim::SimTime now) const;
  // Counts a message the MSA accepted, for the daily limit.
  void record_sent(const std::string& user, sim::SimTime now);
  int sent_in_last_day(const std::string& user, sim::SimTime now) const;

  // "alice" -> "alice@a.example": the MSA qualifies envelope addresses (RFC 6409 8.2).
  std::string qualify(const std::string& address) const;

 private:
  const SubmissionUser* find_user(const std::string& login) const;
  std::optional<int> limit_for(const SubmissionUser& u) const;
  std::string when_again(sim::SimTime again, sim::SimTime now) const;
  // The sending times of a user that find_user returned.
  std::deque<sim::SimTime>& sent_by(const SubmissionUser& u);
  const std::deque<sim::SimTime>& sent_by(const SubmissionUser& u) const;

  SubmissionSettings settings_;
  // Login -> index in settings_.users (the first user of that login): a provider may have
  // hundreds of users, and every submission looks its user up three times.
  std::unordered_map<std::string, std::size_t> by_login_;
  // Per user, as settings_.users: the times within the window (the last day).
  std::vector<std::deque<sim::SimTime>> sent_;
};

}  // namespace mailsim::agents

#pragma once
// What an observer (the window) may read of a running scenario. Every accessor is const and
// hands out const objects only, so nothing reached through a view can change the simulation:
// the window changes the world through ScenarioRun::record() and the time controls alone.
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "sim/time.hpp"

namespace mailsim::sim {
class Simulator;
}
namespace mailsim::sim::net {
class Network;
}
namespace mailsim::agents {
class MtaAgent;
class MuaAgent;
class TypedSession;
}  // namespace mailsim::agents
namespace mailsim::proto::mailbox {
class MailStore;
struct StoredMessage;
}  // namespace mailsim::proto::mailbox

namespace mailsim::scenarios {

class ScenarioRun;
struct ScenarioModel;

// One mail server of the scenario: its MTA (queue, sessions, policy) and its mailboxes.
struct MailServerView {
  std::string_view host;
  const agents::MtaAgent* mta = nullptr;
  const proto::mailbox::MailStore* store = nullptr;
};

// One folder of one user's mailbox on a mail server, with what it holds now.
struct MailboxView {
  std::string_view server;  // the mail server's host name
  std::string user;
  std::string folder;                                       // INBOX, Junk, ...
  std::span<const proto::mailbox::StoredMessage> messages;  // as the MDA stored them, by UID
};

struct ClientView {
  std::string_view name;
  const agents::MuaAgent* client = nullptr;
};

class WorldView {
 public:
  explicit WorldView(const ScenarioRun& run) : run_(&run) {}

  sim::SimTime now() const;
  std::optional<sim::SimTime> next_event_time() const;
  std::uint64_t events_executed() const;
  const ScenarioModel& model() const;
  const sim::net::Network& network() const;  // nodes, links and their state, layout
  std::vector<MailServerView> mail_servers() const;
  std::vector<ClientView> clients() const;
  // Every folder that holds a message, server by server, user by user, INBOX first. The spans
  // stay valid until the simulation runs again.
  std::vector<MailboxView> mailboxes() const;
  // A named typed session of the timeline (the window's console), or null.
  const agents::TypedSession* typed_session(const std::string& name) const;

 private:
  const ScenarioRun* run_;
};

}  // namespace mailsim::scenarios

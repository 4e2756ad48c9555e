#include "scenarios/build/world_view.hpp"

#include "agents/proto/mailbox/mail_store.hpp"
#include "scenarios/build/scenario_run.hpp"

namespace mailsim::scenarios {

sim::SimTime WorldView::now() const {
  return run_->sim().now();
}

std::optional<sim::SimTime> WorldView::next_event_time() const {
  return run_->sim().next_event_time();
}

std::uint64_t WorldView::events_executed() const {
  return run_->sim().events_executed();
}

const ScenarioModel& WorldView::model() const {
  return run_->model();
}

const sim::net::Network& WorldView::network() const {
  return run_->network();
}

std::vector<MailServerView> WorldView::mail_servers() const {
  std::vector<MailServerView> out;
  for (const auto& s : run_->mail().servers())
    out.push_back({s->name(), &s->mta(), &s->store()});
  return out;
}

std::vector<ClientView> WorldView::clients() const {
  std::vector<ClientView> out;
  for (const auto& [name, client] : run_->mail().clients())
    out.push_back({name, client.get()});
  return out;
}

std::vector<MailboxView> WorldView::mailboxes() const {
  std::vector<MailboxView> out;
  for (const MailServerView& server : mail_servers())
    for (const std::string& user : server.store->users())
      for (const std::string& folder : server.store->folders(user)) {
        auto messages = server.store->messages(user, folder);
        if (!messages.empty()) out.push_back({server.host, user, folder, messages});
      }
  return out;
}

const agents::TypedSession* WorldView::typed_session(const std::string& name) const {
  return run_->typed_session(name);
}

}  // namespace mailsim::scenarios

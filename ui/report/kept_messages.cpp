#include "ui/report/kept_messages.hpp"

#include "agents/mua/mua_agent.hpp"
#include "agents/proto/mailbox/mail_store.hpp"

namespace mailsim::report {

std::vector<scenarios::ClientView> clients_holding_only_copies(const scenarios::WorldView& world) {
  std::vector<scenarios::ClientView> out;
  for (const scenarios::ClientView& c : world.clients()) {
    const auto& fetch = c.client->config().fetch;
    if (fetch && !fetch->keep_on_server && !c.client->inbox().empty()) out.push_back(c);
  }
  return out;
}

std::vector<KeptMessage> kept_messages(const scenarios::WorldView& world) {
  std::vector<KeptMessage> out;
  for (const scenarios::MailboxView& box : world.mailboxes())
    for (const proto::mailbox::StoredMessage& m : box.messages)
      out.push_back({std::string(box.server), box.user, box.folder, m.uid, "", "", m.internal_date,
                     m.content.str()});
  for (const scenarios::ClientView& c : clients_holding_only_copies(world))
    for (const agents::KeptMail& m : c.client->inbox())
      out.push_back(
          {"", "", "", 0, std::string(c.name), c.client->host_name(), m.fetched, m.content});
  return out;
}

}  // namespace mailsim::report

#include "ui/gui/mailbox_model.hpp"

#include <algorithm>

#include "agents/proto/imf/header.hpp"
#include "agents/proto/mailbox/mail_store.hpp"
#include "scenarios/model/scenario_model.hpp"

namespace mailsim::gui {

namespace imf = proto::imf;

namespace {

bool equal_nocase(std::string_view a, std::string_view b) {
  return std::equal(a.begin(), a.end(), b.begin(), b.end(),
                    [](char x, char y) { return std::tolower(x) == std::tolower(y); });
}

// The users with a mailbox on `host`, from the scenario.
std::vector<std::string> users_of(const scenarios::WorldView& world, std::string_view host) {
  std::vector<std::string> out;
  for (const auto& s : world.model().mail.servers)
    if (s.host == host)
      for (const auto& [user, password] : s.users)
        out.push_back(user);
  return out;
}

const proto::mailbox::MailStore* store_of(const scenarios::WorldView& world,
                                          std::string_view host) {
  for (const auto& s : world.mail_servers())
    if (s.host == host) return s.store;
  return nullptr;
}

MailboxMessage summary(const proto::mailbox::StoredMessage& m) {
  MailboxMessage out;
  out.uid = m.uid;
  out.size = m.size();
  out.delivered = m.internal_date;
  out.seen = m.flags.has(proto::mailbox::Flag::seen);
  try {
    const auto header = imf::parse_message(m.content).header;
    out.from = header.value("From").value_or("");
    out.subject = header.value("Subject").value_or("");
  } catch (const LocalizedError&) {
    // A malformed message (a smuggled one) is listed without its fields.
  }
  return out;
}

}  // namespace

std::vector<Mailbox> mailboxes(const scenarios::WorldView& world) {
  std::vector<Mailbox> out;
  for (const auto& server : world.mail_servers()) {
    if (server.store == nullptr) continue;
    for (const auto& user : users_of(world, server.host)) {
      Mailbox box{std::string(server.host), user, {}};
      for (const auto& folder : server.store->folders(user)) {
        MailboxFolder f{folder, {}};
        for (const auto& m : server.store->messages(user, folder))
          f.messages.push_back(summary(m));
        box.folders.push_back(std::move(f));
      }
      out.push_back(std::move(box));
    }
  }
  return out;
}

const proto::mailbox::StoredMessage* find_message(const scenarios::WorldView& world,
                                                  const MessageRef& ref) {
  const auto* store = store_of(world, ref.server);
  if (store == nullptr) return nullptr;
  for (const auto& m : store->messages(ref.user, ref.folder))
    if (m.uid == ref.uid) return &m;
  return nullptr;
}

MessageReading read_message(std::string_view content) {
  MessageReading out;
  imf::Message message;
  try {
    message = imf::parse_message(content);
  } catch (const LocalizedError& e) {
    out.error = e.text();
    out.body = std::string(content);
    return out;
  }
  for (const auto& f : message.header.fields()) {
    const bool received = equal_nocase(f.name, "Received");
    const bool return_path = equal_nocase(f.name, "Return-Path");
    out.header.push_back({f.name, f.value(), received || return_path});
    if (received) out.received.push_back(f.value());
    if (return_path && out.return_path.empty()) out.return_path = f.value();
  }
  out.body = message.body;
  const auto type = message.header.value("Content-Type").value_or("");
  if (type.find("delivery-status") != std::string::npos) {
    try {
      out.dsn = imf::parse_dsn(content);
    } catch (const LocalizedError&) {
      // Not a notice after all: shown as any other message.
    }
  }
  return out;
}

}  // namespace mailsim::gui

#pragma once
// What the Mailboxes panel shows, without ImGui: each user's folders and messages on each mail
// server (read through the WorldView), and one message laid out to be read whole: its header
// fields in the order stored (the Received chain topmost, that is newest, first; Return-Path),
// then its body, and for a delivery status notification its machine-readable fields.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "agents/proto/imf/dsn.hpp"
#include "agents/proto/mailbox/mail_store.hpp"
#include "scenarios/build/world_view.hpp"

namespace mailsim::gui {

struct MailboxMessage {
  std::uint32_t uid = 0;
  std::string from, subject;
  std::size_t size = 0;
  sim::SimTime delivered{0};
  bool seen = false;
};
struct MailboxFolder {
  std::string name;
  std::vector<MailboxMessage> messages;
};
struct Mailbox {
  std::string server;  // host
  std::string user;
  std::vector<MailboxFolder> folders;
};

// Every user's mailbox on every mail server, servers in the scenario's order, users by name.
std::vector<Mailbox> mailboxes(const scenarios::WorldView& world);

// Which message a person opened.
struct MessageRef {
  std::string server, user, folder;
  std::uint32_t uid = 0;
  bool operator==(const MessageRef&) const = default;
};
// The stored message, or null when it is gone (expunged, or a replay went back before it).
const proto::mailbox::StoredMessage* find_message(const scenarios::WorldView& world,
                                                  const MessageRef& ref);

struct HeaderLine {
  std::string name;    // as written
  std::string value;   // unfolded
  bool trace = false;  // Received or Return-Path: added on the way, not by the writer
};
struct MessageReading {
  std::vector<HeaderLine> header;     // as stored: the newest trace field on top
  std::vector<std::string> received;  // the Received values, newest first
  std::string return_path;
  std::string body;
  std::optional<proto::imf::ParsedDsn> dsn;  // a delivery status notification
  std::optional<Text> error;  // why the text is no RFC 5322 message (`body` holds it all)
};
MessageReading read_message(std::string_view content);

}  // namespace mailsim::gui

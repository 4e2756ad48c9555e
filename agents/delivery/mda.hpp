#pragma once
// The MDA (mail delivery agent, Postfix's local(8) and a mailbox server's LDA in one): the last
// step of a message's journey on the recipient's server. The MTA hands it one recipient at a
// time; it
//   - knows the local users (an account in the store, added here with its quota);
//   - adds Return-Path with the envelope sender (RFC 5321 4.4; "<>" for a bounce);
//   - applies the user's quota: over it, the reply is 452 4.2.2 (temporary: the MTA keeps the
//     message and retries) or 552 5.2.2 (permanent: it bounces), as the scenario says;
//   - files the message (filing.hpp) into Junk, a rule's folder (created when missing) or INBOX;
//   - refuses an unknown user with 550 5.1.1.
// The reply goes back to the MTA exactly as an LMTP server would say it. Each delivery is a
// mail.delivered journey record; each decision a delivery.* record with its reason.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "agents/delivery/filing.hpp"
#include "agents/proto/mailbox/mail_store.hpp"
#include "sim/simulator.hpp"

namespace mailsim::agents {

struct MdaConfig {
  std::string agent;                 // the name in the records: the server's host name
  std::vector<std::string> domains;  // the domains whose users it delivers for
  std::uint64_t default_quota = 0;   // bytes per user; 0: no limit
  // RFC 3463 3.3: X.2.2 "mailbox full" is a persistent transient failure (the owner can make
  // room). false: 452 4.2.2, the MTA retries; true: 552 5.2.2, the MTA bounces.
  bool over_quota_permanent = false;
  FilingConfig filing;
};

// One recipient's message as the MTA's delivery agent hands it over.
struct DeliveryRequest {
  std::string queue_id;
  std::string sender;        // the envelope reverse-path without brackets; empty for <>
  std::string recipient;     // "bob@b.example"
  std::string_view content;  // the message as queued (CRLF line ends), read during the call
};

// The answer, in the words of an SMTP/LMTP reply.
struct DeliveryReply {
  int code = 250;
  std::string enhanced;  // "2.0.0", "4.2.2"...
  std::string text;
  std::string mailbox;    // delivered: "bob@b.example/INBOX"
  std::uint32_t uid = 0;  // delivered: the message's UID in that folder

  bool delivered() const { return code / 100 == 2; }
  bool temporary() const { return code / 100 == 4; }
  bool permanent() const { return code / 100 == 5; }
  std::string line() const;  // "452 4.2.2 <bob@b.example>: Mailbox full"
};

// What the window shows of one mailbox.
struct FolderView {
  std::string name;
  std::size_t messages = 0;
  std::size_t unseen = 0;
  std::uint64_t bytes = 0;
};
struct MailboxView {
  std::string address;      // "bob@b.example"
  std::string user;         // the store's account: "bob"
  std::uint64_t quota = 0;  // 0: no limit
  std::uint64_t used = 0;
  std::vector<FolderView> folders;  // INBOX first, as the store lists them
};

class Mda {
 public:
  Mda(sim::Simulator& sim, proto::mailbox::MailStore& store, MdaConfig config);

  // Makes `user` (the local part, and the store's account name) a local recipient of every
  // configured domain. The account must exist in the store. nullopt quota: the default one.
  void add_user(std::string user, std::optional<std::uint64_t> quota = std::nullopt);
  void set_quota(const std::string& user, std::uint64_t quota);

  // Is the address one the MDA delivers for (the MTA asks at RCPT time)?
  bool knows(std::string_view recipient) const;

  DeliveryReply deliver(const DeliveryRequest& request);

  const MdaConfig& config() const { return config_; }
  std::vector<MailboxView> mailboxes() const;
  std::uint64_t delivered_count() const { return delivered_; }

 private:
  struct User {
    std::string name;  // as the store spells it
    std::uint64_t quota = 0;
  };
  // The local user of an address (local part without regard to ASCII case, a configured
  // domain), or nullptr.
  const User* local_user(std::string_view recipient) const;
  std::uint64_t used_bytes(const std::string& user) const;
  // Stores `head` then `body` as one message in `folder`.
  DeliveryReply deliver_into(const DeliveryRequest& request, const User& user,
                             std::string_view head, std::string_view body,
                             const std::string& folder, std::string reason);
  DeliveryReply refuse(const DeliveryRequest& request, const sim::TraceKind& kind,
                       DeliveryReply reply, std::string reason, std::uint64_t size,
                       std::uint64_t used, std::uint64_t quota);

  sim::Simulator& sim_;
  proto::mailbox::MailStore& store_;
  MdaConfig config_;
  std::map<std::string, User, std::less<>> users_;  // by lower-case name
  std::uint64_t delivered_ = 0;
};

}  // namespace mailsim::agents

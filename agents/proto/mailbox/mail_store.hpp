#pragma once
// The mailbox store both retrieval servers (POP3, IMAP) read through and the MDA delivers
// into, kept in memory: what a simulated mail server's disk holds.
//
// Each user has folders (INBOX always, matched case-insensitively; Junk and any created).
// Each folder keeps its messages in ascending UID order, a UIDVALIDITY that never changes
// while the folder exists, and the next UID it will assign (RFC 3501 2.3.1.1).
#include <cstdint>
#include <initializer_list>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "agents/proto/mailbox/flags.hpp"
#include "agents/proto/mailbox/message_text.hpp"
#include "sim/time.hpp"

namespace mailsim::proto::mailbox {

struct StoredMessage {
  std::uint32_t uid = 0;         // unique in its folder for one UIDVALIDITY, strictly ascending
  Flags flags;                   // \Seen, \Deleted, ... (\Recent until a session selects)
  sim::SimTime internal_date{};  // when it was delivered, in simulated time
  MessageText content;           // the RFC 5322 message, CRLF line ends

  std::size_t size() const { return content.size(); }
};

struct FolderIds {
  std::uint32_t uid_validity = 0;
  std::uint32_t uid_next = 0;
};

class MailStore {
 public:
  // Accounts. add_account creates the account with its INBOX and Junk folders, both
  // subscribed; it replaces the password if the account exists.
  void add_account(std::string_view user, std::string_view password);
  bool check_password(std::string_view user, std::string_view password) const;
  // Every account's user name, in alphabetical order (for showing the mailboxes after a run).
  std::vector<std::string> users() const;

  // Folders of a user, INBOX first; empty for an unknown user.
  std::vector<std::string> folders(std::string_view user) const;
  // nullopt when the user or the folder does not exist.
  std::optional<FolderIds> folder_ids(std::string_view user, std::string_view folder) const;
  // Messages in ascending UID order; empty when the folder does not exist. The span stays
  // valid until the next call that changes this store.
  std::span<const StoredMessage> messages(std::string_view user, std::string_view folder) const;

  // Creates the folder and each missing superior name ("Work" for "Work/Projects", split at
  // kHierarchyDelimiter) as a name that holds no messages (\Noselect, RFC 3501 6.3.3); a
  // \Noselect name given here becomes a folder. False when the user is unknown or the folder
  // already exists.
  bool create_folder(std::string_view user, std::string_view folder);
  // The \Noselect names of a user, in creation order: not among folders(), no folder_ids(),
  // no messages.
  std::vector<std::string> noselect_folders(std::string_view user) const;
  // Removes a folder (with its messages) or a \Noselect name. With keep_name, the name stays
  // as \Noselect (a folder that has inferiors, RFC 3501 6.3.4). False when there is none.
  bool delete_folder(std::string_view user, std::string_view folder, bool keep_name);
  // Renames the folder or \Noselect name `from` to `to`, keeping its messages, UIDs and
  // UIDVALIDITY; missing superiors of `to` are created \Noselect. INBOX itself stays: its
  // messages move to a new folder `to` and INBOX is left empty (RFC 3501 6.3.5). False when
  // `from` does not exist or `to` does.
  bool rename_folder(std::string_view user, std::string_view from, std::string_view to);
  // Subscriptions (RFC 3501 6.3.6, 6.3.7): names, existing or not, in the order subscribed.
  // subscribe is false only for an unknown user; unsubscribe when the name was not subscribed.
  bool subscribe(std::string_view user, std::string_view folder);
  bool unsubscribe(std::string_view user, std::string_view folder);
  std::vector<std::string> subscriptions(std::string_view user) const;
  // Replaces the flags of one message; false when there is no such message.
  bool set_flags(std::string_view user, std::string_view folder, std::uint32_t uid, Flags flags);
  // Removes every message flagged \Deleted; returns their UIDs in ascending order.
  std::vector<std::uint32_t> expunge(std::string_view user, std::string_view folder);
  // Removes the listed messages (POP3 at QUIT); returns how many were removed.
  std::size_t remove(std::string_view user, std::string_view folder,
                     std::span<const std::uint32_t> uids);
  // Adds a message with the folder's next UID and returns it; nullopt for no such folder. The
  // store keeps its own copy of the content, written as `parts` one after the other.
  std::optional<std::uint32_t> append(std::string_view user, std::string_view folder,
                                      std::string_view content, sim::SimTime internal_date,
                                      Flags flags) {
    return append_parts(user, folder, {content}, internal_date, flags);
  }
  std::optional<std::uint32_t> append_parts(std::string_view user, std::string_view folder,
                                            std::initializer_list<std::string_view> parts,
                                            sim::SimTime internal_date, Flags flags);

 private:
  struct Folder {
    std::string name;
    FolderIds ids;
    std::vector<StoredMessage> messages;
    bool noselect = false;  // only a level of the hierarchy: no messages, no ids
  };
  struct Account {
    std::string password;
    std::vector<Folder> folders;  // INBOX first, then in creation order
    std::vector<std::string> subscriptions;
  };

  // The names of one kind: folders, or \Noselect names.
  std::vector<std::string> names(std::string_view user, bool noselect) const;
  // A folder that holds messages (not a \Noselect name).
  const Folder* find(std::string_view user, std::string_view folder) const;
  Folder* find(std::string_view user, std::string_view folder);
  // Any name, folder or \Noselect.
  Folder* find_name(Account& account, std::string_view folder);
  Account* account(std::string_view user);
  // Adds each superior of `folder` that has no name yet, as \Noselect.
  void add_superiors(Account& account, std::string_view folder);

  std::map<std::string, Account, std::less<>> accounts_;
  std::uint32_t next_uid_validity_ = 1;  // deterministic: each new folder takes the next one
};

// The separator of levels in folder names, which LIST announces (RFC 3501 6.3.8).
inline constexpr char kHierarchyDelimiter = '/';

// INBOX is case-insensitive (RFC 3501 5.1); every other name is compared exactly.
bool same_folder_name(std::string_view a, std::string_view b);

}  // namespace mailsim::proto::mailbox

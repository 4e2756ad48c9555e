#pragma once
// MailStore kept in memory: what a simulated mail server's disk holds.
#include <map>
#include <string>
#include <vector>

#include "agents/proto/mailbox/mail_store.hpp"

namespace mailsim::proto::mailbox {

class InMemoryMailStore final : public MailStore {
 public:
  // Creates the account with its INBOX and Junk folders, both subscribed; replaces the
  // password if it exists.
  void add_account(std::string_view user, std::string_view password);

  bool check_password(std::string_view user, std::string_view password) const override;
  // Every account's user name, in alphabetical order (for showing the mailboxes after a run).
  std::vector<std::string> users() const;
  std::vector<std::string> folders(std::string_view user) const override;
  std::optional<FolderIds> folder_ids(std::string_view user,
                                      std::string_view folder) const override;
  std::span<const StoredMessage> messages(std::string_view user,
                                          std::string_view folder) const override;
  bool create_folder(std::string_view user, std::string_view folder) override;
  std::vector<std::string> noselect_folders(std::string_view user) const override;
  bool delete_folder(std::string_view user, std::string_view folder, bool keep_name) override;
  bool rename_folder(std::string_view user, std::string_view from, std::string_view to) override;
  bool subscribe(std::string_view user, std::string_view folder) override;
  bool unsubscribe(std::string_view user, std::string_view folder) override;
  std::vector<std::string> subscriptions(std::string_view user) const override;
  bool set_flags(std::string_view user, std::string_view folder, std::uint32_t uid,
                 Flags flags) override;
  std::vector<std::uint32_t> expunge(std::string_view user, std::string_view folder) override;
  std::size_t remove(std::string_view user, std::string_view folder,
                     std::span<const std::uint32_t> uids) override;
  std::optional<std::uint32_t> append(std::string_view user, std::string_view folder,
                                      std::string content, sim::SimTime internal_date,
                                      Flags flags) override;

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

}  // namespace mailsim::proto::mailbox

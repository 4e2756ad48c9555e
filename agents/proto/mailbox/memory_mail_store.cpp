#include "agents/proto/mailbox/memory_mail_store.hpp"

#include <algorithm>

namespace mailsim::proto::mailbox {

void InMemoryMailStore::add_account(std::string_view user, std::string_view password) {
  auto it = accounts_.find(user);
  if (it != accounts_.end()) {
    it->second.password = password;
    return;
  }
  Account& account = accounts_[std::string(user)];
  account.password = password;
  for (std::string_view name : {"INBOX", "Junk"})
    account.folders.push_back(Folder{std::string(name), {next_uid_validity_++, 1}, {}});
}

bool InMemoryMailStore::check_password(std::string_view user, std::string_view password) const {
  auto it = accounts_.find(user);
  return it != accounts_.end() && it->second.password == password;
}

std::vector<std::string> InMemoryMailStore::users() const {
  std::vector<std::string> names;
  for (const auto& [user, account] : accounts_)
    names.push_back(user);
  return names;
}

std::vector<std::string> InMemoryMailStore::folders(std::string_view user) const {
  std::vector<std::string> names;
  auto it = accounts_.find(user);
  if (it == accounts_.end()) return names;
  for (const Folder& f : it->second.folders)
    names.push_back(f.name);
  return names;
}

const InMemoryMailStore::Folder* InMemoryMailStore::find(std::string_view user,
                                                         std::string_view folder) const {
  auto it = accounts_.find(user);
  if (it == accounts_.end()) return nullptr;
  for (const Folder& f : it->second.folders)
    if (same_folder_name(f.name, folder)) return &f;
  return nullptr;
}

InMemoryMailStore::Folder* InMemoryMailStore::find(std::string_view user, std::string_view folder) {
  return const_cast<Folder*>(std::as_const(*this).find(user, folder));
}

std::optional<FolderIds> InMemoryMailStore::folder_ids(std::string_view user,
                                                       std::string_view folder) const {
  const Folder* f = find(user, folder);
  if (!f) return std::nullopt;
  return f->ids;
}

std::span<const StoredMessage> InMemoryMailStore::messages(std::string_view user,
                                                           std::string_view folder) const {
  const Folder* f = find(user, folder);
  if (!f) return {};
  return f->messages;
}

bool InMemoryMailStore::create_folder(std::string_view user, std::string_view folder) {
  auto it = accounts_.find(user);
  if (it == accounts_.end() || folder.empty() || find(user, folder)) return false;
  it->second.folders.push_back(Folder{std::string(folder), {next_uid_validity_++, 1}, {}});
  return true;
}

bool InMemoryMailStore::set_flags(std::string_view user, std::string_view folder, std::uint32_t uid,
                                  Flags flags) {
  Folder* f = find(user, folder);
  if (!f) return false;
  auto it = std::lower_bound(f->messages.begin(), f->messages.end(), uid,
                             [](const StoredMessage& m, std::uint32_t u) { return m.uid < u; });
  if (it == f->messages.end() || it->uid != uid) return false;
  it->flags = flags;
  return true;
}

std::vector<std::uint32_t> InMemoryMailStore::expunge(std::string_view user,
                                                      std::string_view folder) {
  std::vector<std::uint32_t> removed;
  Folder* f = find(user, folder);
  if (!f) return removed;
  for (const StoredMessage& m : f->messages)
    if (m.flags.has(Flag::deleted)) removed.push_back(m.uid);
  std::erase_if(f->messages, [](const StoredMessage& m) { return m.flags.has(Flag::deleted); });
  return removed;
}

std::size_t InMemoryMailStore::remove(std::string_view user, std::string_view folder,
                                      std::span<const std::uint32_t> uids) {
  Folder* f = find(user, folder);
  if (!f) return 0;
  return std::erase_if(f->messages, [&](const StoredMessage& m) {
    return std::find(uids.begin(), uids.end(), m.uid) != uids.end();
  });
}

std::optional<std::uint32_t> InMemoryMailStore::append(std::string_view user,
                                                       std::string_view folder, std::string content,
                                                       sim::SimTime internal_date, Flags flags) {
  Folder* f = find(user, folder);
  if (!f) return std::nullopt;
  std::uint32_t uid = f->ids.uid_next++;
  f->messages.push_back(StoredMessage{uid, flags, internal_date, std::move(content)});
  return uid;
}

}  // namespace mailsim::proto::mailbox

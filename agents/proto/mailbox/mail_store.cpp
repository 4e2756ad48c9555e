#include "agents/proto/mailbox/mail_store.hpp"

#include <algorithm>
#include <cctype>

namespace mailsim::proto::mailbox {

bool same_folder_name(std::string_view a, std::string_view b) {
  auto is_inbox = [](std::string_view n) {
    if (n.size() != 5) return false;
    for (std::size_t i = 0; i < 5; ++i)
      if (std::toupper(static_cast<unsigned char>(n[i])) != "INBOX"[i]) return false;
    return true;
  };
  if (is_inbox(a) || is_inbox(b)) return is_inbox(a) && is_inbox(b);
  return a == b;
}

void MailStore::add_account(std::string_view user, std::string_view password) {
  auto it = accounts_.find(user);
  if (it != accounts_.end()) {
    it->second.password = password;
    return;
  }
  Account& account = accounts_[std::string(user)];
  account.password = password;
  for (std::string_view name : {"INBOX", "Junk"}) {
    account.folders.push_back(Folder{std::string(name), {next_uid_validity_++, 1}, {}});
    account.subscriptions.emplace_back(name);  // as Dovecot's auto-subscribed special folders
  }
}

bool MailStore::check_password(std::string_view user, std::string_view password) const {
  auto it = accounts_.find(user);
  return it != accounts_.end() && it->second.password == password;
}

std::vector<std::string> MailStore::users() const {
  std::vector<std::string> names;
  for (const auto& [user, account] : accounts_)
    names.push_back(user);
  return names;
}

std::vector<std::string> MailStore::names(std::string_view user, bool noselect) const {
  std::vector<std::string> out;
  auto it = accounts_.find(user);
  if (it == accounts_.end()) return out;
  for (const Folder& f : it->second.folders)
    if (f.noselect == noselect) out.push_back(f.name);
  return out;
}

std::vector<std::string> MailStore::folders(std::string_view user) const {
  return names(user, false);
}

std::vector<std::string> MailStore::noselect_folders(std::string_view user) const {
  return names(user, true);
}

const MailStore::Folder* MailStore::find(std::string_view user, std::string_view folder) const {
  auto it = accounts_.find(user);
  if (it == accounts_.end()) return nullptr;
  for (const Folder& f : it->second.folders)
    if (!f.noselect && same_folder_name(f.name, folder)) return &f;
  return nullptr;
}

MailStore::Account* MailStore::account(std::string_view user) {
  auto it = accounts_.find(user);
  return it == accounts_.end() ? nullptr : &it->second;
}

MailStore::Folder* MailStore::find_name(Account& account, std::string_view folder) {
  for (Folder& f : account.folders)
    if (same_folder_name(f.name, folder)) return &f;
  return nullptr;
}

void MailStore::add_superiors(Account& account, std::string_view folder) {
  for (std::size_t at = folder.find(kHierarchyDelimiter); at != std::string_view::npos;
       at = folder.find(kHierarchyDelimiter, at + 1)) {
    std::string_view superior = folder.substr(0, at);
    if (!superior.empty() && !find_name(account, superior))
      account.folders.push_back(Folder{std::string(superior), {}, {}, true});
  }
}

MailStore::Folder* MailStore::find(std::string_view user, std::string_view folder) {
  return const_cast<Folder*>(std::as_const(*this).find(user, folder));
}

std::optional<FolderIds> MailStore::folder_ids(std::string_view user,
                                               std::string_view folder) const {
  const Folder* f = find(user, folder);
  if (!f) return std::nullopt;
  return f->ids;
}

std::span<const StoredMessage> MailStore::messages(std::string_view user,
                                                   std::string_view folder) const {
  const Folder* f = find(user, folder);
  if (!f) return {};
  return f->messages;
}

bool MailStore::create_folder(std::string_view user, std::string_view folder) {
  Account* a = account(user);
  if (a == nullptr || folder.empty() || find(user, folder)) return false;
  add_superiors(*a, folder);
  const FolderIds ids{next_uid_validity_++, 1};
  if (Folder* level = find_name(*a, folder)) {  // a \Noselect name becomes a folder
    level->noselect = false;
    level->ids = ids;
    return true;
  }
  a->folders.push_back(Folder{std::string(folder), ids, {}});
  return true;
}

bool MailStore::delete_folder(std::string_view user, std::string_view folder, bool keep_name) {
  Account* a = account(user);
  Folder* f = a ? find_name(*a, folder) : nullptr;
  if (f == nullptr) return false;
  if (keep_name) {
    *f = Folder{f->name, {}, {}, true};
  } else {
    std::erase_if(a->folders, [&](const Folder& g) { return &g == f; });
  }
  return true;
}

bool MailStore::rename_folder(std::string_view user, std::string_view from, std::string_view to) {
  Account* a = account(user);
  if (a == nullptr || to.empty() || find_name(*a, to)) return false;
  Folder* f = find_name(*a, from);
  if (f == nullptr) return false;
  const std::size_t index = f - a->folders.data();
  add_superiors(*a, to);  // may move the vector: find the folder again by its index
  f = &a->folders[index];
  if (same_folder_name(f->name, "INBOX")) {
    // A new folder takes the messages; INBOX keeps its UIDVALIDITY and its next UID, so
    // the UIDs it gave are never given again.
    Folder moved{std::string(to), {next_uid_validity_++, f->ids.uid_next}, {}};
    moved.messages = std::exchange(f->messages, {});
    a->folders.push_back(std::move(moved));
    return true;
  }
  f->name = to;
  return true;
}

bool MailStore::subscribe(std::string_view user, std::string_view folder) {
  Account* a = account(user);
  if (a == nullptr) return false;
  if (std::find(a->subscriptions.begin(), a->subscriptions.end(), folder) == a->subscriptions.end())
    a->subscriptions.emplace_back(folder);
  return true;
}

bool MailStore::unsubscribe(std::string_view user, std::string_view folder) {
  Account* a = account(user);
  return a != nullptr && std::erase(a->subscriptions, folder) > 0;
}

std::vector<std::string> MailStore::subscriptions(std::string_view user) const {
  auto it = accounts_.find(user);
  return it == accounts_.end() ? std::vector<std::string>{} : it->second.subscriptions;
}

bool MailStore::set_flags(std::string_view user, std::string_view folder, std::uint32_t uid,
                          Flags flags) {
  Folder* f = find(user, folder);
  if (!f) return false;
  auto it = std::lower_bound(f->messages.begin(), f->messages.end(), uid,
                             [](const StoredMessage& m, std::uint32_t u) { return m.uid < u; });
  if (it == f->messages.end() || it->uid != uid) return false;
  it->flags = flags;
  return true;
}

std::vector<std::uint32_t> MailStore::expunge(std::string_view user, std::string_view folder) {
  std::vector<std::uint32_t> removed;
  Folder* f = find(user, folder);
  if (!f) return removed;
  for (const StoredMessage& m : f->messages)
    if (m.flags.has(Flag::deleted)) removed.push_back(m.uid);
  std::erase_if(f->messages, [](const StoredMessage& m) { return m.flags.has(Flag::deleted); });
  return removed;
}

std::size_t MailStore::remove(std::string_view user, std::string_view folder,
                              std::span<const std::uint32_t> uids) {
  Folder* f = find(user, folder);
  if (!f) return 0;
  return std::erase_if(f->messages, [&](const StoredMessage& m) {
    return std::find(uids.begin(), uids.end(), m.uid) != uids.end();
  });
}

std::optional<std::uint32_t> MailStore::append_parts(std::string_view user, std::string_view folder,
                                                     std::initializer_list<std::string_view> parts,
                                                     sim::SimTime internal_date, Flags flags) {
  Folder* f = find(user, folder);
  if (!f) return std::nullopt;
  std::uint32_t uid = f->ids.uid_next++;
  f->messages.push_back(
      StoredMessage{uid, flags, internal_date, TextArena::of_this_thread().make(parts)});
  return uid;
}

}  // namespace mailsim::proto::mailbox

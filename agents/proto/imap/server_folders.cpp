// IMAP server: the commands about folders (LIST, LSUB, STATUS, CREATE, DELETE, RENAME,
// SUBSCRIBE, UNSUBSCRIBE).
#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <vector>

#include "agents/proto/imap/header_fields.hpp"
#include "agents/proto/imap/server_session.hpp"
#include "agents/proto/imap/wire_format.hpp"
#include "sim/strings.hpp"

namespace mailsim::proto::imap {
namespace {

// LIST wildcards (RFC 3501 6.3.8): '*' matches anything, '%' anything but the delimiter '/'.
// Dynamic programming over (pattern, name) prefixes: linear in their product, so a pattern
// full of wildcards cannot make the server hang.
bool wildcard_match(std::string_view pattern, std::string_view name) {
  // row[j]: the pattern prefix read so far matches name[0, j).
  std::vector<char> row(name.size() + 1, 0), next(name.size() + 1);
  row[0] = 1;
  for (char c : pattern) {
    if (c == '*' || c == '%') {
      next[0] = row[0];
      for (std::size_t j = 1; j <= name.size(); ++j)
        next[j] = row[j] || (next[j - 1] && (c == '*' || name[j - 1] != '/'));
    } else {
      next[0] = 0;
      for (std::size_t j = 1; j <= name.size(); ++j)
        next[j] = row[j - 1] && name[j - 1] == c;
    }
    row.swap(next);
  }
  return row[name.size()] != 0;
}

// The name as LIST matches it: INBOX in any case (RFC 3501 5.1).
bool name_matches(std::string_view pattern, std::string_view name) {
  return wildcard_match(pattern, name) ||
         (iequals(name, "INBOX") && wildcard_match(to_upper(pattern), "INBOX"));
}

// INBOX first, then by name: the order every LIST and LSUB answer uses.
void sort_names(std::vector<std::pair<std::string, std::string_view>>& names) {
  std::sort(names.begin(), names.end(), [](const auto& a, const auto& b) {
    bool a_inbox = iequals(a.first, "INBOX"), b_inbox = iequals(b.first, "INBOX");
    return a_inbox != b_inbox ? a_inbox : a.first < b.first;
  });
}

bool is_inferior(std::string_view name, std::string_view of) {
  return name.size() > of.size() && name.substr(0, of.size()) == of &&
         name[of.size()] == mailbox::kHierarchyDelimiter;
}

}  // namespace

std::vector<std::pair<std::string, std::string_view>> ServerSession::list_entries(
    std::string_view pattern, bool subscribed_only) const {
  std::vector<std::pair<std::string, std::string_view>> out;  // name, attributes
  if (!subscribed_only) {
    // Child information (RFC 3348 3, RFC 9051 7.3.1): \HasChildren when a mailbox or a
    // \Noselect level lies below the name, else \HasNoChildren.
    const auto folders = store_.folders(user_);
    const auto levels = store_.noselect_folders(user_);
    const auto has_children = [&](const std::string& name) {
      const auto below = [&](const std::string& other) { return is_inferior(other, name); };
      return std::any_of(folders.begin(), folders.end(), below) ||
             std::any_of(levels.begin(), levels.end(), below);
    };
    for (const std::string& folder : folders)
      if (name_matches(pattern, folder))
        out.emplace_back(folder, has_children(folder) ? "\\HasChildren" : "\\HasNoChildren");
    for (const std::string& level : levels)
      if (name_matches(pattern, level))
        out.emplace_back(
            level, has_children(level) ? "\\Noselect \\HasChildren" : "\\Noselect \\HasNoChildren");
  } else {
    // LSUB (RFC 3501 6.3.9): with '%' last, a level that is not subscribed itself but has a
    // subscribed name below it is answered \Noselect.
    const auto subscribed = store_.subscriptions(user_);
    for (const std::string& name : subscribed) {
      if (name_matches(pattern, name)) out.emplace_back(name, "");
      if (pattern.empty() || pattern.back() != '%') continue;
      for (std::size_t at = name.find(mailbox::kHierarchyDelimiter); at != std::string::npos;
           at = name.find(mailbox::kHierarchyDelimiter, at + 1)) {
        std::string level = name.substr(0, at);
        bool known = std::find(subscribed.begin(), subscribed.end(), level) != subscribed.end() ||
                     std::any_of(out.begin(), out.end(), [&](auto& e) { return e.first == level; });
        if (!known && name_matches(pattern, level)) out.emplace_back(level, "\\Noselect");
      }
    }
  }
  sort_names(out);
  return out;
}

void ServerSession::list_like(const std::string& tag, ArgParser& args, std::string_view command) {
  auto reference = args.astring();
  auto pattern = reference && args.sp() ? args.list_mailbox() : std::nullopt;
  if (!pattern) return bad_syntax(tag, command, args);
  if (!expect_end(tag, command, args)) return;
  if (pattern->empty()) {
    untagged(fmt::format("{} (\\Noselect) \"/\" \"\"", command));  // the delimiter query
  } else {
    for (const auto& [name, attributes] : list_entries(*reference + *pattern, command == "LSUB"))
      untagged(fmt::format("{} ({}) \"/\" {}", command, attributes, imap_astring(name)));
  }
  tagged(tag, "OK", fmt::format("{} completed", command));
}

void ServerSession::cmd_list(const std::string& tag, ArgParser& args, bool) {
  list_like(tag, args, "LIST");
}
void ServerSession::cmd_lsub(const std::string& tag, ArgParser& args, bool) {
  list_like(tag, args, "LSUB");
}

void ServerSession::cmd_status(const std::string& tag, ArgParser& args, bool) {
  auto name = args.astring();
  if (!name || !args.sp() || !args.expect('(')) return bad_syntax(tag, "STATUS", args);
  std::vector<std::string> items;
  while (true) {
    auto item = args.atom();
    if (!item) return bad_syntax(tag, "STATUS", args);
    items.push_back(to_upper(*item));
    if (args.peek() == ')') break;
    if (!args.sp()) return bad_syntax(tag, "STATUS", args);
  }
  args.expect(')');
  if (!expect_end(tag, "STATUS", args)) return;
  auto ids = store_.folder_ids(user_, *name);
  if (!ids) return tagged(tag, "NO", "[NONEXISTENT] No such mailbox");
  auto messages = store_.messages(user_, *name);
  std::string out;
  for (const std::string& item : items) {
    std::uint64_t value = 0;
    if (item == "MESSAGES") {
      value = messages.size();
    } else if (item == "RECENT") {
      value = std::count_if(messages.begin(), messages.end(),
                            [](auto& m) { return m.flags.has(mailbox::Flag::recent); });
    } else if (item == "UNSEEN") {
      value = std::count_if(messages.begin(), messages.end(),
                            [](auto& m) { return !m.flags.has(mailbox::Flag::seen); });
    } else if (item == "UIDNEXT") {
      value = ids->uid_next;
    } else if (item == "UIDVALIDITY") {
      value = ids->uid_validity;
    } else {
      return tagged(tag, "BAD", fmt::format("STATUS: unknown status item {}", item));
    }
    out += fmt::format("{}{} {}", out.empty() ? "" : " ", item, value);
  }
  // Name the folder the way the client wrote it (INBOX in any case).
  untagged(fmt::format("STATUS {} ({})", imap_astring(*name), out));
  tagged(tag, "OK", "STATUS completed");
}

void ServerSession::cmd_create(const std::string& tag, ArgParser& args, bool) {
  auto name = args.astring();
  if (!name) return bad_syntax(tag, "CREATE", args);
  if (!expect_end(tag, "CREATE", args)) return;
  if (name->empty() || name->back() == '/') return tagged(tag, "NO", "Invalid mailbox name");
  // Missing superiors are created \Noselect (RFC 3501 6.3.3: "the server SHOULD create any
  // superior hierarchical names that are needed"); a \Noselect name becomes a mailbox.
  if (!store_.create_folder(user_, *name))
    return tagged(tag, "NO", "[ALREADYEXISTS] Mailbox already exists");
  tagged(tag, "OK", "CREATE completed");
}

bool ServerSession::has_name(std::string_view name) const {
  auto levels = store_.noselect_folders(user_);
  return store_.folder_ids(user_, name) ||
         std::any_of(levels.begin(), levels.end(),
                     [&](const std::string& l) { return mailbox::same_folder_name(l, name); });
}

std::vector<std::string> ServerSession::inferiors(std::string_view name) const {
  std::vector<std::string> below;
  for (const auto& list : {store_.folders(user_), store_.noselect_folders(user_)})
    for (const std::string& f : list)
      if (is_inferior(f, name)) below.push_back(f);
  std::sort(below.begin(), below.end());  // a level before the levels under it
  return below;
}

// RFC 3501 6.3.4: never INBOX; a mailbox with inferiors loses its messages and stays as a
// \Noselect level; a \Noselect level with inferiors cannot be deleted.
void ServerSession::cmd_delete(const std::string& tag, ArgParser& args, bool) {
  auto name = args.astring();
  if (!name) return bad_syntax(tag, "DELETE", args);
  if (!expect_end(tag, "DELETE", args)) return;
  if (iequals(*name, "INBOX")) return tagged(tag, "NO", "INBOX cannot be deleted");
  if (!has_name(*name)) return tagged(tag, "NO", "[NONEXISTENT] No such mailbox");
  if (state_ == State::selected && mailbox::same_folder_name(folder_, *name))
    return tagged(tag, "NO", "[INUSE] Mailbox is selected: CLOSE it first");
  const bool selectable = store_.folder_ids(user_, *name).has_value();
  const bool has_inferiors = !inferiors(*name).empty();
  if (!selectable && has_inferiors)
    return tagged(tag, "NO",
                  fmt::format("Name {} has inferior hierarchical names", imap_astring(*name)));
  store_.delete_folder(user_, *name, has_inferiors);
  tagged(tag, "OK", "DELETE completed");
}

// RFC 3501 6.3.5: the inferiors follow their mailbox; missing superiors of the new name are
// created; renaming INBOX moves its messages to the new mailbox and leaves INBOX empty.
void ServerSession::cmd_rename(const std::string& tag, ArgParser& args, bool) {
  auto from = args.astring();
  auto to = from && args.sp() ? args.astring() : std::nullopt;
  if (!to) return bad_syntax(tag, "RENAME", args);
  if (!expect_end(tag, "RENAME", args)) return;
  if (!has_name(*from)) return tagged(tag, "NO", "[NONEXISTENT] No such mailbox");
  if (has_name(*to)) return tagged(tag, "NO", "[ALREADYEXISTS] Mailbox already exists");
  if (to->empty() || to->back() == mailbox::kHierarchyDelimiter)
    return tagged(tag, "NO", "Invalid mailbox name");
  if (is_inferior(*to, *from)) return tagged(tag, "NO", "A mailbox cannot be moved under itself");
  const bool inbox = iequals(*from, "INBOX");
  const std::vector<std::string> below = inbox ? std::vector<std::string>{} : inferiors(*from);
  store_.rename_folder(user_, *from, *to);
  for (const std::string& name : below)
    store_.rename_folder(user_, name, *to + name.substr(from->size()));
  if (state_ == State::selected && !inbox && (folder_ == *from || is_inferior(folder_, *from)))
    folder_ = *to + folder_.substr(from->size());  // the session follows its mailbox
  tagged(tag, "OK", "RENAME completed");
}

// RFC 3501 6.3.6: any name may be subscribed, existing or not.
void ServerSession::cmd_subscribe(const std::string& tag, ArgParser& args, bool) {
  auto name = args.astring();
  if (!name) return bad_syntax(tag, "SUBSCRIBE", args);
  if (!expect_end(tag, "SUBSCRIBE", args)) return;
  store_.subscribe(user_, *name);
  tagged(tag, "OK", "SUBSCRIBE completed");
}

void ServerSession::cmd_unsubscribe(const std::string& tag, ArgParser& args, bool) {
  auto name = args.astring();
  if (!name) return bad_syntax(tag, "UNSUBSCRIBE", args);
  if (!expect_end(tag, "UNSUBSCRIBE", args)) return;
  if (!store_.unsubscribe(user_, *name)) return tagged(tag, "NO", "Not subscribed to that name");
  tagged(tag, "OK", "UNSUBSCRIBE completed");
}

}  // namespace mailsim::proto::imap

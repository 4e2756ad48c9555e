// IMAP server: the commands about folders (LIST, LSUB, STATUS, CREATE).
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

}  // namespace

void ServerSession::list_like(const std::string& tag, ArgParser& args, std::string_view command) {
  auto reference = args.astring();
  auto pattern = reference && args.sp() ? args.list_mailbox() : std::nullopt;
  if (!pattern) return bad_syntax(tag, command, args);
  if (!expect_end(tag, command, args)) return;
  if (pattern->empty()) {
    untagged(fmt::format("{} (\\Noselect) \"/\" \"\"", command));  // the delimiter query
  } else {
    std::string full = *reference + *pattern;
    for (const std::string& folder : store_.folders(user_)) {
      bool hit = wildcard_match(full, folder) ||
                 (iequals(folder, "INBOX") && wildcard_match(to_upper(full), "INBOX"));
      if (hit) untagged(fmt::format("{} () \"/\" {}", command, imap_astring(folder)));
    }
  }
  tagged(tag, "OK", fmt::format("{} completed", command));
}

void ServerSession::cmd_list(const std::string& tag, ArgParser& args, bool) {
  list_like(tag, args, "LIST");
}
// Every folder counts as subscribed: SUBSCRIBE itself is not implemented.
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
  if (!store_.create_folder(user_, *name))
    return tagged(tag, "NO", "[ALREADYEXISTS] Mailbox already exists");
  tagged(tag, "OK", "CREATE completed");
}

}  // namespace mailsim::proto::imap

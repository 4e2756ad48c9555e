// IMAP server: the commands that add messages to a folder (APPEND, COPY, UID COPY).
#include <fmt/format.h>

#include "agents/proto/imap/server_session.hpp"
#include "agents/proto/imap/wire_format.hpp"

namespace mailsim::proto::imap {

void ServerSession::cmd_append(const std::string& tag, ArgParser& args, bool) {
  auto folder = args.astring();
  if (!folder || !args.sp()) return bad_syntax(tag, "APPEND", args);
  mailbox::Flags flags;
  if (args.peek() == '(') {
    args.expect('(');
    while (args.peek() != ')') {
      ArgParser at_flag = args;
      if (!args.expect('\\')) return bad_syntax(tag, "APPEND", args);
      auto name = args.atom();
      auto flag = name ? mailbox::parse_flag("\\" + *name) : std::nullopt;
      if (!flag || *flag == mailbox::Flag::recent) {
        at_flag.fail("a system flag (\\Seen \\Answered \\Flagged \\Deleted \\Draft)");
        return bad_syntax(tag, "APPEND", at_flag);
      }
      flags.add(*flag);
      if (args.peek() == ' ') args.sp();
    }
    if (!args.expect(')') || !args.sp()) return bad_syntax(tag, "APPEND", args);
  }
  sim::SimTime date = now_;
  if (args.peek() == '"') {
    ArgParser at_date = args;
    auto text = args.quoted();
    auto parsed = text ? parse_imap_date_time(*text, config_.calendar) : std::nullopt;
    if (!parsed) {
      at_date.fail("a date-time such as \"17-Jul-1996 02:44:25 -0700\"");
      return bad_syntax(tag, "APPEND", at_date);
    }
    date = *parsed;
    if (!args.sp()) return bad_syntax(tag, "APPEND", args);
  }
  auto message = args.literal();
  if (!message) return bad_syntax(tag, "APPEND", args);
  if (!expect_end(tag, "APPEND", args)) return;
  auto ids = store_.folder_ids(user_, *folder);
  if (!ids) return tagged(tag, "NO", "[TRYCREATE] No such mailbox");
  store_.append(user_, *folder, std::move(*message), date, flags.add(mailbox::Flag::recent));
  if (state_ == State::selected && mailbox::same_folder_name(*folder, folder_)) sync_updates();
  tagged(tag, "OK", "APPEND completed");
}

void ServerSession::cmd_copy(const std::string& tag, ArgParser& args, bool uid) {
  std::string command = uid ? "UID COPY" : "COPY";
  ArgParser p = args;
  p.word();
  auto folder = p.sp() ? p.astring() : std::nullopt;
  if (!folder) return bad_syntax(tag, command, p);
  if (!expect_end(tag, command, p)) return;
  auto indexes = resolve(tag, command, args, uid);
  if (!indexes) return;
  if (!store_.folder_ids(user_, *folder)) return tagged(tag, "NO", "[TRYCREATE] No such mailbox");
  // Copy out first: appending may move the store's messages (and the target may be this folder).
  std::vector<mailbox::StoredMessage> copies;
  for (std::size_t i : *indexes)
    if (const mailbox::StoredMessage* m = find(uids_[i])) copies.push_back(*m);
  for (mailbox::StoredMessage& m : copies) {
    mailbox::Flags flags = shown_flags(m);
    flags.remove(mailbox::Flag::recent).add(mailbox::Flag::recent);  // new in the target
    store_.append(user_, *folder, std::move(m.content), m.internal_date, flags);
  }
  tagged(tag, "OK", fmt::format("{} completed", command));
}

}  // namespace mailsim::proto::imap

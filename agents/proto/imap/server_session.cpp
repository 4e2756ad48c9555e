// IMAP server: dispatch, the non-selected commands and the selected folder's bookkeeping.
// The commands that work on messages are in server_messages.cpp.
#include "agents/proto/imap/server_session.hpp"
#include "sim/strings.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <vector>

#include "agents/proto/imap/header_fields.hpp"
#include "agents/proto/imap/wire_format.hpp"

namespace mailsim::proto::imap {
namespace {

// CHILDREN (RFC 3348): LIST says of each name whether it has inferiors, as Dovecot does.
constexpr std::string_view kCapabilities = "IMAP4rev1 UNSELECT CHILDREN";
constexpr std::string_view kPermanentFlags = "\\Answered \\Flagged \\Deleted \\Seen \\Draft";

constexpr unsigned bit(State s) {
  return 1u << static_cast<unsigned>(s);
}
constexpr unsigned kAny =
    bit(State::not_authenticated) | bit(State::authenticated) | bit(State::selected);
constexpr unsigned kAuthed = bit(State::authenticated) | bit(State::selected);
constexpr unsigned kSelected = bit(State::selected);
constexpr unsigned kNotAuthed = bit(State::not_authenticated);

// The first tag-like word of a command we cannot parse further, for the BAD answer.
std::string tag_of(std::string_view text) {
  ArgParser p(text);
  auto tag = p.tag();
  return tag && p.peek() == ' ' ? *tag : "*";
}

}  // namespace

std::string_view state_name(State s) {
  switch (s) {
    case State::not_authenticated:
      return "not authenticated";
    case State::authenticated:
      return "authenticated";
    case State::selected:
      return "selected";
    case State::logout:
      return "logout";
  }
  return "";
}

struct ServerSession::Command {
  std::string_view name;
  unsigned states;
  Handler handler;
};

const ServerSession::Command ServerSession::kCommands[] = {
    {"CAPABILITY", kAny, &ServerSession::cmd_capability},
    {"NOOP", kAny, &ServerSession::cmd_noop},
    {"LOGOUT", kAny, &ServerSession::cmd_logout},
    {"LOGIN", kNotAuthed, &ServerSession::cmd_login},
    {"LIST", kAuthed, &ServerSession::cmd_list},
    {"LSUB", kAuthed, &ServerSession::cmd_lsub},
    {"STATUS", kAuthed, &ServerSession::cmd_status},
    {"CREATE", kAuthed, &ServerSession::cmd_create},
    {"DELETE", kAuthed, &ServerSession::cmd_delete},
    {"RENAME", kAuthed, &ServerSession::cmd_rename},
    {"SUBSCRIBE", kAuthed, &ServerSession::cmd_subscribe},
    {"UNSUBSCRIBE", kAuthed, &ServerSession::cmd_unsubscribe},
    {"SELECT", kAuthed, &ServerSession::cmd_select},
    {"EXAMINE", kAuthed, &ServerSession::cmd_examine},
    {"CHECK", kSelected, &ServerSession::cmd_check},
    {"FETCH", kSelected, &ServerSession::cmd_fetch},
    {"STORE", kSelected, &ServerSession::cmd_store},
    {"SEARCH", kSelected, &ServerSession::cmd_search},
    {"EXPUNGE", kSelected, &ServerSession::cmd_expunge},
    {"CLOSE", kSelected, &ServerSession::cmd_close},
    {"UNSELECT", kSelected, &ServerSession::cmd_unselect},
    {"APPEND", kAuthed, &ServerSession::cmd_append},
    {"COPY", kSelected, &ServerSession::cmd_copy},
    {"UID", kSelected, &ServerSession::cmd_uid},
};

ServerSession::ServerSession(mailbox::MailStore& store, ServerConfig config, Send send)
    : store_(store),
      config_(std::move(config)),
      send_(std::move(send)),
      reader_(config_.max_line, config_.max_literal),
      idle_(config_.idle_timeout) {}

void ServerSession::start(sim::SimTime now) {
  now_ = now;
  idle_.restart(now);
  untagged(
      fmt::format("OK [CAPABILITY {}] {} IMAP4rev1 server ready", kCapabilities, config_.hostname));
}

void ServerSession::enter_state(State next) {
  State before = std::exchange(state_, next);
  if (next == State::logout) idle_.stop();
  if (observer_ && before != next) observer_(before, next);
}

void ServerSession::write(std::string_view bytes) {
  report_sent(dialogue_, bytes);
  if (receiving_) {
    pending_.append(bytes);  // sent whole once the input is handled: see flush()
  } else {
    send_(bytes);
  }
}

bool ServerSession::flush() {
  if (pending_.empty()) return false;
  std::string out = std::exchange(pending_, {});
  send_(out);
  return true;
}

void ServerSession::untagged(std::string_view text) {
  write(fmt::format("* {}\r\n", text));
}

void ServerSession::tagged(const std::string& tag, std::string_view status, std::string_view text) {
  write(fmt::format("{} {} {}\r\n", tag, status, text));
}

void ServerSession::bad_syntax(const std::string& tag, std::string_view command,
                               const ArgParser& args) {
  tagged(tag, "BAD", fmt::format("{}: {}", command, args.error()));
}

bool ServerSession::expect_end(const std::string& tag, std::string_view command, ArgParser& args) {
  if (args.at_end()) return true;
  args.fail("the end of the command");
  bad_syntax(tag, command, args);
  return false;
}

void ServerSession::on_timer(TimerId timer, sim::SimTime now) {
  if (closed() || !idle_.expired(timer, now)) return;
  now_ = now;
  untagged("BYE Autologout; idle for too long");  // RFC 3501 5.4
  idled_out_ = true;
}

void ServerSession::receive(std::string_view bytes, sim::SimTime now) {
  if (closed()) return;
  now_ = now;
  idle_.restart(now);
  reader_.feed(bytes);
  mailbox::ReceiveGuard guard(receiving_);
  if (guard.nested()) return;
  // Everything answered to this input goes in one send, so TCP fills its segments instead of
  // sending one per line; input that arrives while sending is handled next.
  do {
    handle_input();
  } while (flush());
}

void ServerSession::handle_input() {
  while (!closed()) {
    auto event = reader_.next();
    if (!event) return;
    switch (event->kind) {
      case LiteralEvent::Kind::literal_announced:
        write("+ Ready for literal data\r\n");
        break;
      case LiteralEvent::Kind::line_too_long:
        tagged(tag_of(event->text), "BAD",
               fmt::format("Line too long (limit {} octets)", config_.max_line));
        break;
      case LiteralEvent::Kind::literal_too_large:
        tagged(tag_of(event->text), "BAD",
               fmt::format("Literal of {} octets too large (limit {} octets)", event->size,
                           config_.max_literal));
        break;
      case LiteralEvent::Kind::complete:
        handle_command(event->text);
        break;
    }
  }
}

void ServerSession::handle_command(std::string_view text) {
  ArgParser args(text);
  if (text.empty()) return untagged("BAD Empty command line");
  auto tag = args.tag();
  if (!tag) return untagged("BAD Missing or invalid tag");
  if (!args.sp()) return tagged(*tag, "BAD", "Missing command");
  auto name_atom = args.atom();
  if (!name_atom) return tagged(*tag, "BAD", "Missing command");
  std::string name = to_upper(*name_atom);
  for (const Command& c : kCommands) {
    if (c.name != name) continue;
    if (!(c.states & bit(state_)))
      return tagged(*tag, "BAD",
                    fmt::format("{} is not allowed in the {} state", name, state_name(state_)));
    if (!args.at_end() && !args.sp()) return bad_syntax(*tag, name, args);
    return (this->*c.handler)(*tag, args, false);
  }
  std::string shown;
  for (char c : name.substr(0, 40))
    shown += std::isprint(static_cast<unsigned char>(c)) ? c : '?';
  tagged(*tag, "BAD", fmt::format("Unknown or unsupported command {}", shown));
}

void ServerSession::cmd_capability(const std::string& tag, ArgParser& args, bool) {
  if (!expect_end(tag, "CAPABILITY", args)) return;
  untagged(fmt::format("CAPABILITY {}", kCapabilities));
  tagged(tag, "OK", "CAPABILITY completed");
}

void ServerSession::cmd_noop(const std::string& tag, ArgParser& args, bool) {
  if (!expect_end(tag, "NOOP", args)) return;
  if (state_ == State::selected) sync_updates();
  tagged(tag, "OK", "NOOP completed");
}

void ServerSession::cmd_check(const std::string& tag, ArgParser& args, bool) {
  if (!expect_end(tag, "CHECK", args)) return;
  sync_updates();  // nothing to flush: the store is always up to date
  tagged(tag, "OK", "CHECK completed");
}

void ServerSession::cmd_logout(const std::string& tag, ArgParser& args, bool) {
  if (!expect_end(tag, "LOGOUT", args)) return;
  untagged(fmt::format("BYE {} IMAP4rev1 server logging out", config_.hostname));
  tagged(tag, "OK", "LOGOUT completed");
  enter_state(State::logout);
}

void ServerSession::cmd_login(const std::string& tag, ArgParser& args, bool) {
  auto user = args.astring();
  auto password = user && args.sp() ? args.astring() : std::nullopt;
  if (!password) return bad_syntax(tag, "LOGIN", args);
  if (!expect_end(tag, "LOGIN", args)) return;
  if (!store_.check_password(*user, *password))
    return tagged(tag, "NO", "[AUTHENTICATIONFAILED] Invalid user name or password");
  user_ = *user;
  enter_state(State::authenticated);
  tagged(tag, "OK", "LOGIN completed");
}

void ServerSession::cmd_select(const std::string& tag, ArgParser& args, bool) {
  select_folder(tag, args, false);
}
void ServerSession::cmd_examine(const std::string& tag, ArgParser& args, bool) {
  select_folder(tag, args, true);
}

void ServerSession::leave_folder() {
  folder_.clear();
  uids_.clear();
  recent_.clear();
  enter_state(State::authenticated);
}

void ServerSession::select_folder(const std::string& tag, ArgParser& args, bool read_only) {
  std::string_view command = read_only ? "EXAMINE" : "SELECT";
  auto name = args.astring();
  if (!name) return bad_syntax(tag, command, args);
  if (!expect_end(tag, command, args)) return;
  leave_folder();  // a failed SELECT leaves no folder selected (RFC 3501 6.3.1)
  auto ids = store_.folder_ids(user_, *name);
  if (!ids) return tagged(tag, "NO", "[NONEXISTENT] No such mailbox");
  for (const std::string& f : store_.folders(user_))
    if (mailbox::same_folder_name(f, *name)) folder_ = f;
  read_only_ = read_only;
  std::optional<std::size_t> first_unseen;
  std::vector<std::pair<std::uint32_t, mailbox::Flags>> to_clear;
  for (const mailbox::StoredMessage& m : store_.messages(user_, folder_)) {
    uids_.push_back(m.uid);
    if (!first_unseen && !m.flags.has(mailbox::Flag::seen)) first_unseen = uids_.size();
    if (m.flags.has(mailbox::Flag::recent)) {
      recent_.insert(m.uid);
      to_clear.emplace_back(m.uid, mailbox::Flags(m.flags).remove(mailbox::Flag::recent));
    }
  }
  // The first session to see a message takes its \Recent (RFC 3501 2.3.2); EXAMINE leaves it.
  if (!read_only)
    for (auto [uid, flags] : to_clear)
      store_.set_flags(user_, folder_, uid, flags);
  enter_state(State::selected);
  untagged(fmt::format("{} EXISTS", uids_.size()));
  untagged(fmt::format("{} RECENT", recent_.size()));
  untagged(fmt::format("FLAGS ({})", kPermanentFlags));
  untagged(fmt::format("OK [PERMANENTFLAGS ({})] {}", read_only ? "" : kPermanentFlags,
                       read_only ? "No permanent flags permitted" : "Limited"));
  if (first_unseen) untagged(fmt::format("OK [UNSEEN {}] First unseen", *first_unseen));
  untagged(fmt::format("OK [UIDVALIDITY {}] UIDs valid", ids->uid_validity));
  untagged(fmt::format("OK [UIDNEXT {}] Predicted next UID", ids->uid_next));
  tagged(tag, "OK",
         fmt::format("[{}] {} completed", read_only ? "READ-ONLY" : "READ-WRITE", command));
}

const mailbox::StoredMessage* ServerSession::find(std::uint32_t uid) const {
  auto all = store_.messages(user_, folder_);
  auto it =
      std::lower_bound(all.begin(), all.end(), uid,
                       [](const mailbox::StoredMessage& m, std::uint32_t u) { return m.uid < u; });
  return it != all.end() && it->uid == uid ? &*it : nullptr;
}

mailbox::Flags ServerSession::shown_flags(const mailbox::StoredMessage& m) const {
  mailbox::Flags flags = m.flags;
  flags.remove(mailbox::Flag::recent);
  if (recent_.count(m.uid)) flags.add(mailbox::Flag::recent);
  return flags;
}

void ServerSession::report_expunged(const std::vector<std::uint32_t>& uids) {
  for (std::uint32_t uid : uids) {
    auto it = std::find(uids_.begin(), uids_.end(), uid);
    if (it == uids_.end()) continue;
    untagged(fmt::format("{} EXPUNGE", it - uids_.begin() + 1));
    uids_.erase(it);
    recent_.erase(uid);
  }
}

void ServerSession::sync_updates() {
  auto all = store_.messages(user_, folder_);
  std::vector<std::uint32_t> gone;
  for (std::uint32_t uid : uids_)
    if (!find(uid)) gone.push_back(uid);
  report_expunged(gone);
  std::uint32_t last = uids_.empty() ? 0 : uids_.back();
  std::size_t before = uids_.size();
  std::vector<std::pair<std::uint32_t, mailbox::Flags>> to_clear;
  for (const mailbox::StoredMessage& m : all) {
    if (m.uid <= last) continue;
    uids_.push_back(m.uid);
    if (m.flags.has(mailbox::Flag::recent)) {
      recent_.insert(m.uid);
      to_clear.emplace_back(m.uid, mailbox::Flags(m.flags).remove(mailbox::Flag::recent));
    }
  }
  if (!read_only_)
    for (auto [uid, flags] : to_clear)
      store_.set_flags(user_, folder_, uid, flags);
  if (uids_.size() != before) {
    untagged(fmt::format("{} EXISTS", uids_.size()));
    untagged(fmt::format("{} RECENT", recent_.size()));
  }
}

void ServerSession::cmd_uid(const std::string& tag, ArgParser& args, bool) {
  auto name_atom = args.atom();
  if (!name_atom) return bad_syntax(tag, "UID", args);
  std::string name = to_upper(*name_atom);
  Handler handler = name == "FETCH"    ? &ServerSession::cmd_fetch
                    : name == "STORE"  ? &ServerSession::cmd_store
                    : name == "SEARCH" ? &ServerSession::cmd_search
                    : name == "COPY"   ? &ServerSession::cmd_copy
                                       : nullptr;
  if (!handler)
    return tagged(tag, "BAD",
                  fmt::format("UID {} is not supported (FETCH, STORE, SEARCH, COPY are)", name));
  if (!args.sp()) return bad_syntax(tag, "UID " + name, args);
  (this->*handler)(tag, args, true);
}

}  // namespace mailsim::proto::imap

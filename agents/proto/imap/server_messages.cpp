// IMAP server: the commands on messages of the selected folder (FETCH, STORE, SEARCH,
// EXPUNGE, CLOSE, UNSELECT, and their UID forms).
#include <fmt/format.h>

#include <algorithm>

#include "agents/proto/imap/fetch.hpp"
#include "agents/proto/imap/search.hpp"
#include "agents/proto/imap/sequence_set.hpp"
#include "agents/proto/imap/server_session.hpp"

namespace mailsim::proto::imap {

std::optional<std::vector<std::size_t>> ServerSession::resolve(const std::string& tag,
                                                               std::string_view command,
                                                               ArgParser& args, bool uid) {
  std::string_view text = args.word();
  auto set = SequenceSet::parse(text);
  if (!set) {
    tagged(tag, "BAD", fmt::format("{}: invalid sequence set '{}'", command, text.substr(0, 40)));
    return std::nullopt;
  }
  std::vector<std::size_t> indexes;
  if (uid) {
    std::uint32_t largest = uids_.empty() ? 0 : uids_.back();
    for (std::size_t i = 0; i < uids_.size(); ++i)
      if (set->contains(uids_[i], largest)) indexes.push_back(i);
    return indexes;
  }
  // Sequence numbers must exist (RFC 3501 9: "*" in an empty mailbox is invalid too).
  if (uids_.empty() || set->max_explicit() > uids_.size()) {
    tagged(tag, "BAD",
           fmt::format("{}: message sequence number out of range in '{}' ({} messages)", command,
                       text.substr(0, 40), uids_.size()));
    return std::nullopt;
  }
  for (std::size_t i = 0; i < uids_.size(); ++i)
    if (set->contains(static_cast<std::uint32_t>(i + 1), static_cast<std::uint32_t>(uids_.size())))
      indexes.push_back(i);
  return indexes;
}

void ServerSession::cmd_fetch(const std::string& tag, ArgParser& args, bool uid) {
  std::string command = uid ? "UID FETCH" : "FETCH";
  ArgParser probe = args;  // validate everything before answering anything
  probe.word();
  if (!probe.sp()) return bad_syntax(tag, command, probe);
  auto items = parse_fetch_items(probe);
  if (!items) return bad_syntax(tag, command, probe);
  if (!expect_end(tag, command, probe)) return;
  auto indexes = resolve(tag, command, args, uid);
  if (!indexes) return;
  bool marks_seen = fetch_sets_seen(*items) && !read_only_;
  for (std::size_t i : *indexes) {
    const mailbox::StoredMessage* m = find(uids_[i]);
    if (!m) continue;  // expunged by another session; reported at the next NOOP
    bool changed = marks_seen && !m->flags.has(mailbox::Flag::seen);
    if (changed) {
      store_.set_flags(user_, folder_, m->uid, mailbox::Flags(m->flags).add(mailbox::Flag::seen));
      m = find(uids_[i]);
    }
    untagged(
        fmt::format("{} FETCH {}", i + 1,
                    render_fetch(*items, {*m, shown_flags(*m), config_.calendar}, uid, changed)));
  }
  tagged(tag, "OK", fmt::format("{} completed", command));
}

void ServerSession::cmd_store(const std::string& tag, ArgParser& args, bool uid) {
  std::string command = uid ? "UID STORE" : "STORE";
  ArgParser p = args;
  p.word();
  if (!p.sp()) return bad_syntax(tag, command, p);
  enum class Mode { replace, add, remove } mode = Mode::replace;
  if (p.peek() == '+') mode = Mode::add;
  if (p.peek() == '-') mode = Mode::remove;
  if (mode != Mode::replace) p.expect(p.peek());
  bool silent = p.keyword("FLAGS.SILENT");
  if (!silent && !p.keyword("FLAGS")) {
    p.fail("FLAGS, +FLAGS or -FLAGS (optionally .SILENT)");
    return bad_syntax(tag, command, p);
  }
  if (!p.sp()) return bad_syntax(tag, command, p);
  bool parenthesised = p.peek() == '(';
  if (parenthesised) p.expect('(');
  mailbox::Flags flags;
  while (!(parenthesised && p.peek() == ')') && !p.at_end()) {
    if (p.peek() != '\\') {
      auto keyword = p.atom();
      if (!keyword) return bad_syntax(tag, command, p);
      return tagged(tag, "NO",
                    fmt::format("{}: keywords such as {} are not supported", command, *keyword));
    }
    p.expect('\\');
    auto name = p.atom();
    auto flag = name ? mailbox::parse_flag("\\" + *name) : std::nullopt;
    if (!flag) {
      p.fail("a system flag (\\Seen \\Answered \\Flagged \\Deleted \\Draft)");
      return bad_syntax(tag, command, p);
    }
    if (*flag == mailbox::Flag::recent)
      return tagged(tag, "BAD", fmt::format("{}: \\Recent cannot be changed by a client", command));
    flags.add(*flag);
    if (p.peek() == ' ') p.sp();
  }
  if (parenthesised && !p.expect(')')) return bad_syntax(tag, command, p);
  if (!expect_end(tag, command, p)) return;
  auto indexes = resolve(tag, command, args, uid);
  if (!indexes) return;
  if (read_only_)
    return tagged(tag, "NO", fmt::format("{}: mailbox is read-only (EXAMINE)", command));
  for (std::size_t i : *indexes) {
    const mailbox::StoredMessage* m = find(uids_[i]);
    if (!m) continue;
    mailbox::Flags next = m->flags;
    if (mode == Mode::replace) next = flags;
    if (mode == Mode::remove) next.remove(flags);
    if (mode == Mode::add) next.add(flags);
    std::uint32_t message_uid = m->uid;
    store_.set_flags(user_, folder_, message_uid, next);
    m = find(message_uid);
    if (!silent)
      untagged(fmt::format("{} FETCH ({}FLAGS ({}))", i + 1,
                           uid ? fmt::format("UID {} ", message_uid) : "",
                           mailbox::format_flags(shown_flags(*m))));
  }
  tagged(tag, "OK", fmt::format("{} completed", command));
}

void ServerSession::cmd_search(const std::string& tag, ArgParser& args, bool uid) {
  std::string command = uid ? "UID SEARCH" : "SEARCH";
  auto key = parse_search(args);
  if (!key) return bad_syntax(tag, command, args);
  std::string found;
  std::uint32_t largest_uid = uids_.empty() ? 0 : uids_.back();
  for (std::size_t i = 0; i < uids_.size(); ++i) {
    const mailbox::StoredMessage* m = find(uids_[i]);
    if (!m) continue;
    SearchTarget target{*m,
                        shown_flags(*m),
                        static_cast<std::uint32_t>(i + 1),
                        static_cast<std::uint32_t>(uids_.size()),
                        largest_uid,
                        config_.calendar};
    if (matches(*key, target)) found += fmt::format(" {}", uid ? m->uid : i + 1);
  }
  untagged("SEARCH" + found);
  tagged(tag, "OK", fmt::format("{} completed", command));
}

void ServerSession::cmd_expunge(const std::string& tag, ArgParser& args, bool) {
  if (!expect_end(tag, "EXPUNGE", args)) return;
  if (read_only_) return tagged(tag, "NO", "EXPUNGE: mailbox is read-only (EXAMINE)");
  report_expunged(store_.expunge(user_, folder_));
  tagged(tag, "OK", "EXPUNGE completed");
}

void ServerSession::cmd_close(const std::string& tag, ArgParser& args, bool) {
  if (!expect_end(tag, "CLOSE", args)) return;
  if (!read_only_) store_.expunge(user_, folder_);  // silently: no EXPUNGE responses
  leave_folder();
  tagged(tag, "OK", "CLOSE completed");
}

void ServerSession::cmd_unselect(const std::string& tag, ArgParser& args, bool) {
  if (!expect_end(tag, "UNSELECT", args)) return;
  leave_folder();
  tagged(tag, "OK", "UNSELECT completed");
}

}  // namespace mailsim::proto::imap

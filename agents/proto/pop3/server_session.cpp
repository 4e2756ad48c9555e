#include "agents/proto/pop3/server_session.hpp"
#include "sim/strings.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <utility>

#include "agents/proto/pop3/multiline.hpp"

namespace mailsim::proto::pop3 {
namespace {

constexpr std::string_view kInbox = "INBOX";

// A positive decimal number, nothing else.
std::optional<std::size_t> parse_number(std::string_view s) {
  std::size_t n = 0;
  if (s.empty() || s.size() > 9) return std::nullopt;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), n);
  if (ec != std::errc() || end != s.data() + s.size()) return std::nullopt;
  return n;
}

constexpr unsigned bit(State s) {
  return 1u << static_cast<unsigned>(s);
}
constexpr unsigned kAuth = bit(State::authorization);
constexpr unsigned kTrans = bit(State::transaction);

}  // namespace

std::string_view state_name(State s) {
  switch (s) {
    case State::authorization:
      return "AUTHORIZATION";
    case State::transaction:
      return "TRANSACTION";
    case State::update:
      return "UPDATE";
    case State::closed:
      return "CLOSED";
  }
  return "";
}

struct ServerSession::Command {
  std::string_view name;
  unsigned states;  // bit set of State values where the command is valid
  void (ServerSession::*handler)(std::string_view arg);
};

const ServerSession::Command ServerSession::kCommands[] = {
    {"USER", kAuth, &ServerSession::cmd_user},
    {"PASS", kAuth, &ServerSession::cmd_pass},
    {"QUIT", kAuth | kTrans, &ServerSession::cmd_quit},
    {"CAPA", kAuth | kTrans, &ServerSession::cmd_capa},
    {"STAT", kTrans, &ServerSession::cmd_stat},
    {"LIST", kTrans, &ServerSession::cmd_list},
    {"UIDL", kTrans, &ServerSession::cmd_uidl},
    {"RETR", kTrans, &ServerSession::cmd_retr},
    {"TOP", kTrans, &ServerSession::cmd_top},
    {"DELE", kTrans, &ServerSession::cmd_dele},
    {"RSET", kTrans, &ServerSession::cmd_rset},
    {"NOOP", kTrans, &ServerSession::cmd_noop},
};

ServerSession::ServerSession(mailbox::MailStore& store, ServerConfig config, Send send)
    : store_(store),
      config_(std::move(config)),
      send_(std::move(send)),
      reader_(config_.max_line),
      idle_(config_.idle_timeout) {}

void ServerSession::enter_state(State next) {
  State before = std::exchange(state_, next);
  if (next == State::closed) idle_.stop();
  if (observer_ && before != next) observer_(before, next);
}

void ServerSession::start(sim::SimTime now) {
  idle_.restart(now);
  reply(fmt::format("+OK {} POP3 server ready", config_.hostname));
}

void ServerSession::reply(std::string_view line) {
  mailbox::report(dialogue_, mailbox::DialogueEvent::Kind::line_out, line);
  std::string out(line);
  out += "\r\n";
  send_(out);
}

void ServerSession::reply_multiline(std::string_view first, std::string_view body, Body what) {
  using Kind = mailbox::DialogueEvent::Kind;
  std::string out(first);
  out += "\r\n";
  out += dot_stuff(body);
  if (dialogue_) {
    const std::string_view stuffed =
        std::string_view(out).substr(first.size() + 2, out.size() - first.size() - 5);
    mailbox::report(dialogue_, Kind::line_out, first);
    if (what == Body::message) {
      mailbox::report_content(dialogue_, Kind::content_out, stuffed);
    } else {
      mailbox::report_lines(dialogue_, Kind::line_out, stuffed);
    }
    mailbox::report(dialogue_, Kind::line_out, ".");
  }
  send_(out);
}

void ServerSession::on_timer(TimerId timer, sim::SimTime now) {
  if (closed() || !idle_.expired(timer, now)) return;
  idled_out_ = true;  // RFC 1939 3: close without a word, and without entering UPDATE
}

void ServerSession::receive(std::string_view bytes, sim::SimTime now) {
  if (closed()) return;
  idle_.restart(now);
  reader_.feed(bytes);
  mailbox::ReceiveGuard guard(receiving_);
  if (guard.nested()) return;
  while (!closed()) {
    auto line = reader_.next_line();
    if (!line) break;
    if (line->too_long) {
      reply(fmt::format("-ERR line too long (limit {} octets)", config_.max_line));
      continue;
    }
    mailbox::report(dialogue_, mailbox::DialogueEvent::Kind::line_in, line->text);
    handle_line(line->text);
  }
}

void ServerSession::handle_line(std::string_view line) {
  std::size_t space = line.find(' ');
  std::string name = to_upper(line.substr(0, space));
  std::string_view arg =
      space == std::string_view::npos ? std::string_view{} : line.substr(space + 1);
  if (name.empty()) return reply("-ERR empty command");
  for (const Command& c : kCommands) {
    if (c.name != name) continue;
    if (!(c.states & bit(state_)))
      return reply(fmt::format("-ERR {} is not valid in the {} state", name, state_name(state_)));
    return (this->*c.handler)(arg);
  }
  // Echo only printable bytes of the unknown keyword, so the reply stays one clean line.
  std::string shown;
  for (char c : line.substr(0, std::min<std::size_t>(space, 40)))
    shown += std::isprint(static_cast<unsigned char>(c)) ? c : '?';
  reply(fmt::format("-ERR unknown command '{}'", shown));
}

void ServerSession::cmd_user(std::string_view arg) {
  if (arg.empty()) return reply("-ERR USER needs a mailbox name");
  user_ = arg;
  user_given_ = true;
  reply(fmt::format("+OK {} selected, send PASS", user_));
}

void ServerSession::cmd_pass(std::string_view arg) {
  if (!user_given_) return reply("-ERR send USER first");
  user_given_ = false;  // a failed PASS needs a new USER (RFC 1939 section 7)
  if (!store_.check_password(user_, arg) || !store_.folder_ids(user_, kInbox)) {
    user_.clear();
    return reply("-ERR [AUTH] invalid user name or password");
  }
  uid_validity_ = store_.folder_ids(user_, kInbox)->uid_validity;
  maildrop_.clear();
  std::size_t total = 0;
  for (const mailbox::StoredMessage& m : store_.messages(user_, kInbox)) {
    maildrop_.push_back({m.uid, m.size()});
    total += m.size();
  }
  enter_state(State::transaction);
  reply(fmt::format("+OK {} has {} messages ({} octets)", user_, maildrop_.size(), total));
}

void ServerSession::cmd_quit(std::string_view) {
  if (state_ == State::authorization) {
    enter_state(State::closed);
    return reply(fmt::format("+OK {} POP3 server signing off", config_.hostname));
  }
  enter_state(State::update);
  std::vector<std::uint32_t> doomed;
  for (const Entry& e : maildrop_)
    if (e.deleted) doomed.push_back(e.uid);
  store_.remove(user_, kInbox, doomed);
  std::size_t left = store_.messages(user_, kInbox).size();
  enter_state(State::closed);
  reply(fmt::format("+OK {} POP3 server signing off ({} messages left)", config_.hostname, left));
}

void ServerSession::cmd_capa(std::string_view) {
  reply_multiline("+OK capability list follows",
                  "TOP\r\nUIDL\r\nUSER\r\nPIPELINING\r\nRESP-CODES\r\nIMPLEMENTATION MailSim\r\n",
                  Body::listing);
}

void ServerSession::cmd_stat(std::string_view arg) {
  if (!arg.empty()) return reply("-ERR STAT takes no argument");
  std::size_t count = 0, total = 0;
  for (const Entry& e : maildrop_)
    if (!e.deleted) ++count, total += e.size;
  reply(fmt::format("+OK {} {}", count, total));
}

std::optional<std::size_t> ServerSession::message_arg(std::string_view arg) {
  auto n = parse_number(arg);
  if (!n) {
    reply(fmt::format("-ERR invalid message number '{}'", arg.substr(0, 20)));
    return std::nullopt;
  }
  if (*n == 0 || *n > maildrop_.size()) {
    reply(fmt::format("-ERR no such message, only {} messages in maildrop", maildrop_.size()));
    return std::nullopt;
  }
  if (maildrop_[*n - 1].deleted) {
    reply(fmt::format("-ERR message {} already deleted", *n));
    return std::nullopt;
  }
  if (!stored(*n - 1)) {  // removed meanwhile by another session (an IMAP EXPUNGE)
    reply(fmt::format("-ERR message {} is no longer in the maildrop", *n));
    return std::nullopt;
  }
  return *n - 1;
}

const mailbox::StoredMessage* ServerSession::stored(std::size_t index) const {
  auto all = store_.messages(user_, kInbox);
  std::uint32_t uid = maildrop_[index].uid;
  auto it =
      std::lower_bound(all.begin(), all.end(), uid,
                       [](const mailbox::StoredMessage& m, std::uint32_t u) { return m.uid < u; });
  return it != all.end() && it->uid == uid ? &*it : nullptr;
}

void ServerSession::cmd_list(std::string_view arg) {
  if (!arg.empty()) {
    auto i = message_arg(arg);
    if (i) reply(fmt::format("+OK {} {}", *i + 1, maildrop_[*i].size));
    return;
  }
  std::size_t count = 0, total = 0;
  std::string body;
  for (std::size_t i = 0; i < maildrop_.size(); ++i) {
    if (maildrop_[i].deleted) continue;
    ++count;
    total += maildrop_[i].size;
    body += fmt::format("{} {}\r\n", i + 1, maildrop_[i].size);
  }
  reply_multiline(fmt::format("+OK {} messages ({} octets)", count, total), body, Body::listing);
}

void ServerSession::cmd_uidl(std::string_view arg) {
  // The unique-id must survive sessions: UIDVALIDITY and UID do (RFC 1939 section 7).
  auto unique_id = [&](std::size_t i) {
    return fmt::format("{}.{}", uid_validity_, maildrop_[i].uid);
  };
  if (!arg.empty()) {
    auto i = message_arg(arg);
    if (i) reply(fmt::format("+OK {} {}", *i + 1, unique_id(*i)));
    return;
  }
  std::string body;
  for (std::size_t i = 0; i < maildrop_.size(); ++i)
    if (!maildrop_[i].deleted) body += fmt::format("{} {}\r\n", i + 1, unique_id(i));
  reply_multiline("+OK unique-id listing follows", body, Body::listing);
}

void ServerSession::cmd_retr(std::string_view arg) {
  auto i = message_arg(arg);
  if (!i) return;
  const mailbox::StoredMessage* m = stored(*i);
  // Shares the bytes: set_flags may move the store's entries, not the text they hold.
  const mailbox::MessageText content = m->content;
  mailbox::Flags flags = m->flags;
  store_.set_flags(user_, kInbox, m->uid, flags.add(mailbox::Flag::seen));
  reply_multiline(fmt::format("+OK {} octets", content.size()), content, Body::message);
}

void ServerSession::cmd_top(std::string_view arg) {
  std::size_t space = arg.find(' ');
  if (space == std::string_view::npos)
    return reply("-ERR TOP needs a message number and a line count");
  auto lines = parse_number(arg.substr(space + 1));
  if (!lines) return reply(fmt::format("-ERR invalid line count '{}'", arg.substr(space + 1, 20)));
  auto i = message_arg(arg.substr(0, space));
  if (!i) return;
  std::string_view content = stored(*i)->content;
  // Headers, the blank line, then at most `lines` lines of the body.
  std::size_t end = content.find("\r\n\r\n");
  end = end == std::string_view::npos ? content.size() : end + 4;
  for (std::size_t n = lines.value_or(0); n > 0 && end < content.size(); --n) {
    std::size_t lf = content.find('\n', end);
    end = lf == std::string_view::npos ? content.size() : lf + 1;
  }
  reply_multiline("+OK top of message follows", content.substr(0, end), Body::message);
}

void ServerSession::cmd_dele(std::string_view arg) {
  auto i = message_arg(arg);
  if (!i) return;
  maildrop_[*i].deleted = true;
  reply(fmt::format("+OK message {} deleted", *i + 1));
}

void ServerSession::cmd_rset(std::string_view arg) {
  if (!arg.empty()) return reply("-ERR RSET takes no argument");
  std::size_t total = 0;
  for (Entry& e : maildrop_) {
    e.deleted = false;
    total += e.size;
  }
  reply(fmt::format("+OK maildrop has {} messages ({} octets)", maildrop_.size(), total));
}

void ServerSession::cmd_noop(std::string_view arg) {
  if (!arg.empty()) return reply("-ERR NOOP takes no argument");
  reply("+OK");
}

}  // namespace mailsim::proto::pop3

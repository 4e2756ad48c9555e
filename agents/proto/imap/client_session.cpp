#include "agents/proto/imap/client_session.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "agents/proto/imap/arg_parser.hpp"
#include "agents/proto/imap/wire_format.hpp"

namespace mailsim::proto::imap {
namespace {

constexpr std::size_t kMaxLine = 65536;
constexpr std::size_t kMaxLiteral = 64u << 20;
// "* SEARCH" lists every UID found on one line (RFC 3501 7.2.5): about 7 bytes a message, so
// 13,000 unseen messages pass 64 KiB. Up to 16 MiB (two million messages) is read.
constexpr std::size_t kMaxSearchLine = 16u << 20;
// RFC 7162 section 4: clients keep command lines under 8,192 octets (the server's limit here
// too), so a scattered UID set goes in several commands.
constexpr std::size_t kMaxUidSet = 8000;

// Splits a command after each "{n}\r\n", where the client must wait for "+".
std::deque<std::string> split_at_literals(std::string_view text) {
  std::deque<std::string> pieces;
  std::size_t start = 0, pos = 0;
  while (true) {
    std::size_t crlf = text.find("\r\n", pos);
    if (crlf == std::string_view::npos || crlf + 2 == text.size()) break;
    auto n = trailing_literal_size(text.substr(pos, crlf - pos));
    if (!n) break;
    pieces.emplace_back(text.substr(start, crlf + 2 - start));
    start = crlf + 2;
    pos = start + *n;
  }
  pieces.emplace_back(text.substr(start));
  return pieces;
}

// Skips one value of a response: atom, number, NIL, string, or parenthesised list.
bool skip_value(ArgParser& p, int depth = 0) {
  if (depth > 64) return p.fail("less nesting");
  if (p.peek() == '(') {
    p.expect('(');
    while (p.peek() != ')') {
      if (p.at_end() || !skip_value(p, depth + 1)) return p.fail("')'");
      if (p.peek() == ' ') p.sp();
    }
    return p.expect(')');
  }
  if (p.peek() == '"' || p.peek() == '{') return p.string().has_value();
  std::string_view w = p.word();
  return !w.empty() || p.fail("a value");
}

}  // namespace

std::vector<std::string> uid_set_batches(std::vector<std::uint32_t> uids, std::size_t max_chars) {
  std::sort(uids.begin(), uids.end());
  std::vector<std::string> sets;
  for (std::size_t i = 0; i < uids.size();) {
    std::size_t j = i;
    while (j + 1 < uids.size() && uids[j + 1] == uids[j] + 1)
      ++j;
    std::string range = j > i ? fmt::format("{}:{}", uids[i], uids[j]) : fmt::format("{}", uids[i]);
    if (sets.empty() || sets.back().size() + 1 + range.size() > max_chars)
      sets.push_back(std::move(range));
    else
      sets.back() += "," + range;
    i = j + 1;
  }
  return sets;
}

std::string compact_uid_set(std::vector<std::uint32_t> uids) {
  auto sets = uid_set_batches(std::move(uids), std::string::npos);
  return sets.empty() ? std::string() : std::move(sets.front());
}

ClientSession::ClientSession(ClientJob job, Send send, sim::SimTime answer_timeout)
    : job_(std::move(job)),
      send_(std::move(send)),
      reader_(kMaxLine, kMaxLiteral),
      answer_(answer_timeout) {
  reader_.allow_long_lines("* SEARCH", kMaxSearchLine);
}

void ClientSession::on_timer(TimerId timer, sim::SimTime now) {
  if (!finished() && answer_.expired(timer, now)) fail(ClientFailure::timed_out, "");
}

void ClientSession::send_command(ClientStep step, std::string_view text) {
  step_ = step;
  tag_ = fmt::format("m{}", next_tag_++);
  pieces_ = split_at_literals(fmt::format("{} {}\r\n", tag_, text));
  send_next_piece();
}

void ClientSession::send_next_piece() {
  std::string piece = std::move(pieces_.front());
  pieces_.pop_front();  // before sending: the answer may arrive inside send_
  literal_ = report_sent(dialogue_, piece, literal_);
  send_(piece);
}

void ClientSession::fail(ClientFailure why, std::string_view line) {
  failure_ = why;
  failed_step_ = step_;
  error_line_ = line.substr(0, line.find("\r\n"));
  bool logged_in =
      step_ != ClientStep::greeting && step_ != ClientStep::login && step_ != ClientStep::logout;
  if (logged_in && why != ClientFailure::timed_out) {  // a server that does not answer gets none
    send_command(ClientStep::logout, "LOGOUT");        // leave cleanly; the outcome stays "failed"
  }
  step_ = ClientStep::failed;
}

void ClientSession::receive(std::string_view bytes, sim::SimTime now) {
  if (finished()) return;
  answer_.restart(now);
  reader_.feed(bytes);
  mailbox::ReceiveGuard guard(receiving_);
  if (guard.nested()) return;
  read_answers();
  if (finished()) answer_.stop();
}

void ClientSession::read_answers() {
  while (!finished()) {
    auto event = reader_.next();
    if (!event) return;
    switch (event->kind) {
      case LiteralEvent::Kind::literal_announced:
        break;  // the reader collects it; nothing to answer
      case LiteralEvent::Kind::line_too_long:
      case LiteralEvent::Kind::literal_too_large:
        return fail(ClientFailure::answer_too_long, "");
      case LiteralEvent::Kind::complete:
        handle_response(event->text);
        break;
    }
  }
}

void ClientSession::handle_response(std::string_view text) {
  if (text.rfind("+", 0) == 0) {
    if (pieces_.empty())
      return fail(ClientFailure::malformed, text);  // a continuation nobody asked for
    send_next_piece();
    return;
  }
  if (text.rfind("* ", 0) == 0) return handle_untagged(text.substr(2));
  ArgParser p(text);
  auto tag = p.tag();
  if (!tag || *tag != tag_ || !p.sp()) return fail(ClientFailure::malformed, text);
  if (p.keyword("OK")) return advance();
  fail(ClientFailure::refused, text);  // NO or BAD
}

void ClientSession::handle_untagged(std::string_view text) {
  ArgParser p(text);
  if (step_ == ClientStep::greeting) {
    if (p.keyword("OK"))
      return send_command(ClientStep::login, fmt::format("LOGIN {} {}", imap_astring(job_.user),
                                                         imap_string(job_.password)));
    if (p.keyword("PREAUTH"))
      return send_command(ClientStep::select, "SELECT " + imap_astring(job_.folder));
    return fail(ClientFailure::refused, text);  // BYE or anything else
  }
  if (p.keyword("OK")) {
    if (p.sp() && p.prefix("[UIDVALIDITY ")) uid_validity_ = p.number().value_or(0);
    return;
  }
  if (p.keyword("SEARCH")) {
    while (p.sp())
      if (auto n = p.number()) found_.push_back(*n);
    return;
  }
  if (p.keyword("BYE")) {
    if (step_ != ClientStep::logout) fail(ClientFailure::refused, text);
    return;
  }
  auto seq = p.number();
  if (!seq || !p.sp()) return;  // CAPABILITY, FLAGS, LIST ...: nothing this client needs
  if (p.keyword("EXISTS")) {
    exists_ = *seq;
  } else if (p.keyword("FETCH") && p.sp()) {
    handle_fetch(*seq, p.rest());
  }
}

void ClientSession::handle_fetch(std::uint32_t, std::string_view items) {
  if (step_ != ClientStep::fetch) return;  // flag updates after STORE: nothing to keep
  ArgParser p(items);
  if (!p.expect('(')) return fail(ClientFailure::malformed, items);
  FetchedMessage m;
  bool has_body = false;
  while (p.peek() != ')' && !p.at_end()) {
    if (p.keyword("UID") && p.sp()) {
      m.uid = p.number().value_or(0);
    } else if (p.keyword("FLAGS") && p.sp() && p.expect('(')) {
      while (p.peek() != ')' && !p.at_end()) {
        std::string_view name = p.word();
        if (name.empty()) break;
        if (auto f = mailbox::parse_flag(name)) m.flags.add(*f);  // keywords are ignored
        if (p.peek() == ' ') p.sp();
      }
      if (!p.expect(')')) return fail(ClientFailure::malformed, items);
    } else if (p.prefix("BODY[]") && p.sp()) {
      auto body = p.nstring();
      if (!body) return fail(ClientFailure::malformed, items);
      m.content = std::move(*body);
      has_body = true;
    } else {
      // Anything else: its name then its value.
      std::string_view name = p.word();
      if (name.empty() || !p.sp() || !skip_value(p)) return fail(ClientFailure::malformed, items);
    }
    if (p.peek() == ' ') p.sp();
  }
  if (has_body && m.uid != 0) messages_.push_back(std::move(m));
}

void ClientSession::send_fetch_batch() {
  send_command(ClientStep::fetch,
               fmt::format("UID FETCH {} (UID FLAGS BODY.PEEK[])", batches_[next_batch_++]));
}

void ClientSession::send_store_batch() {
  send_command(ClientStep::store,
               fmt::format("UID STORE {} +FLAGS.SILENT ({})", batches_[next_batch_++],
                           job_.delete_after_fetch ? "\\Seen \\Deleted" : "\\Seen"));
}

void ClientSession::advance() {
  switch (step_) {
    case ClientStep::login:
      return send_command(ClientStep::select, "SELECT " + imap_astring(job_.folder));
    case ClientStep::select:
      if (exists_ == 0) return send_command(ClientStep::logout, "LOGOUT");
      return send_command(ClientStep::search,
                          job_.only_unseen ? "UID SEARCH UNSEEN" : "UID SEARCH ALL");
    case ClientStep::search:
      if (found_.empty()) return send_command(ClientStep::logout, "LOGOUT");
      batches_ = uid_set_batches(found_, kMaxUidSet);
      next_batch_ = 0;
      return send_fetch_batch();
    case ClientStep::fetch: {
      if (next_batch_ < batches_.size()) return send_fetch_batch();
      std::vector<std::uint32_t> uids;
      for (const FetchedMessage& m : messages_)
        uids.push_back(m.uid);
      if (uids.empty()) return send_command(ClientStep::logout, "LOGOUT");
      batches_ = uid_set_batches(std::move(uids), kMaxUidSet);
      next_batch_ = 0;
      return send_store_batch();
    }
    case ClientStep::store:
      if (next_batch_ < batches_.size()) return send_store_batch();
      if (job_.delete_after_fetch) return send_command(ClientStep::expunge, "EXPUNGE");
      return send_command(ClientStep::logout, "LOGOUT");
    case ClientStep::expunge:
      return send_command(ClientStep::logout, "LOGOUT");
    case ClientStep::logout:
      step_ = ClientStep::done;
      return;
    default:
      return fail(ClientFailure::malformed, "");
  }
}

}  // namespace mailsim::proto::imap

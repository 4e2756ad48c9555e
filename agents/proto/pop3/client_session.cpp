#include "agents/proto/pop3/client_session.hpp"

#include <fmt/format.h>

#include <charconv>

#include "agents/proto/pop3/multiline.hpp"

namespace mailsim::proto::pop3 {
namespace {
constexpr std::size_t kMaxLine = 65536;

bool is_multiline(ClientStep s) {
  return s == ClientStep::uidl || s == ClientStep::list || s == ClientStep::retr;
}
}  // namespace

ClientSession::ClientSession(ClientJob job, Send send, sim::SimTime answer_timeout)
    : job_(std::move(job)), send_(std::move(send)), reader_(kMaxLine), answer_(answer_timeout) {}

void ClientSession::on_timer(TimerId timer, sim::SimTime now) {
  if (!finished() && answer_.expired(timer, now)) fail(ClientFailure::timed_out, "");
}

void ClientSession::send_command(ClientStep step, std::string_view command) {
  step_ = step;
  send_line(command);
}

void ClientSession::send_line(std::string_view line) {
  mailbox::report(dialogue_, mailbox::DialogueEvent::Kind::line_out, line);
  send_(fmt::format("{}\r\n", line));
}

void ClientSession::fail(ClientFailure why, std::string_view line) {
  failure_ = why;
  failed_step_ = step_;
  error_line_ = line;
  bool logged_in = step_ != ClientStep::greeting && step_ != ClientStep::user &&
                   step_ != ClientStep::pass && step_ != ClientStep::quit;
  step_ = ClientStep::failed;
  // Leave politely; in TRANSACTION, QUIT would apply deletions, which is still right:
  // only what was retrieved was marked. A server that does not answer gets no QUIT.
  if (why == ClientFailure::timed_out) return;
  if (logged_in || failed_step_ == ClientStep::user || failed_step_ == ClientStep::pass)
    send_line("QUIT");
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
    auto line = reader_.next_line();
    if (!line) return;
    if (line->too_long) return fail(ClientFailure::answer_too_long, "");
    if (in_multiline_) {
      handle_listing_line(line->text);
    } else {
      mailbox::report(dialogue_, mailbox::DialogueEvent::Kind::line_in, line->text);
      handle_status(line->text);
    }
  }
}

void ClientSession::handle_status(std::string_view line) {
  if (line.rfind("+OK", 0) != 0) {
    if (step_ == ClientStep::uidl) return send_command(ClientStep::list, "LIST");  // no UIDL
    return fail(line.rfind("-ERR", 0) == 0 ? ClientFailure::refused : ClientFailure::malformed,
                line);
  }
  switch (step_) {
    case ClientStep::greeting:
      return send_command(ClientStep::user, fmt::format("USER {}", job_.user));
    case ClientStep::user:
      return send_command(ClientStep::pass, fmt::format("PASS {}", job_.password));
    case ClientStep::pass:
      return send_command(ClientStep::uidl, "UIDL");
    case ClientStep::dele:
      return next_deletion();
    case ClientStep::quit:
      step_ = ClientStep::done;
      return;
    default:
      break;
  }
  if (is_multiline(step_)) {
    in_multiline_ = true;
    body_.clear();
  }
}

void ClientSession::handle_listing_line(std::string_view line) {
  using Kind = mailbox::DialogueEvent::Kind;
  const bool message = step_ == ClientStep::retr;
  if (line != ".") {
    body_ += unstuff_line(line);
    body_ += "\r\n";
    if (!message) return mailbox::report(dialogue_, Kind::line_in, line);
    ++body_lines_;
    body_bytes_ += line.size() + 2;  // as sent: dot-stuffed, with CRLF
    return;
  }
  if (message && dialogue_) dialogue_({Kind::content_in, {}, body_lines_, body_bytes_});
  body_lines_ = body_bytes_ = 0;
  mailbox::report(dialogue_, Kind::line_in, line);
  in_multiline_ = false;
  if (step_ == ClientStep::retr) {
    messages_.push_back(
        {to_fetch_[fetch_index_].number, to_fetch_[fetch_index_].unique_id, std::move(body_)});
    ++fetch_index_;
    return next_retrieval();
  }
  // UIDL or LIST body: "n unique-id" or "n size" per line.
  for (std::size_t pos = 0; pos < body_.size();) {
    std::size_t end = body_.find("\r\n", pos);
    std::string_view entry = std::string_view(body_).substr(pos, end - pos);
    pos = end + 2;
    std::size_t space = entry.find(' ');
    std::size_t number = 0;
    auto [p, ec] =
        std::from_chars(entry.data(), entry.data() + std::min(space, entry.size()), number);
    if (ec != std::errc() || space == std::string_view::npos)
      return fail(ClientFailure::malformed, entry);
    std::string id = step_ == ClientStep::uidl ? std::string(entry.substr(space + 1)) : "";
    if (!id.empty() && job_.known_ids.count(id)) continue;
    to_fetch_.push_back({number, id});
  }
  after_listing();
}

void ClientSession::after_listing() {
  fetch_index_ = 0;
  next_retrieval();
}

void ClientSession::next_retrieval() {
  if (fetch_index_ < to_fetch_.size())
    return send_command(ClientStep::retr, fmt::format("RETR {}", to_fetch_[fetch_index_].number));
  delete_index_ = 0;
  if (job_.delete_after_retrieve && !to_fetch_.empty())
    return send_command(ClientStep::dele, fmt::format("DELE {}", to_fetch_[0].number));
  send_command(ClientStep::quit, "QUIT");
}

void ClientSession::next_deletion() {
  ++delete_index_;
  if (delete_index_ < to_fetch_.size())
    return send_command(ClientStep::dele, fmt::format("DELE {}", to_fetch_[delete_index_].number));
  send_command(ClientStep::quit, "QUIT");
}

}  // namespace mailsim::proto::pop3

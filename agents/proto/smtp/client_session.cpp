// [lifecycle] The client session's life: start, input framing, timeouts, the end, and the
// names and descriptions of its states and outcomes. Its reactions to replies: client_replies.cpp.
#include "agents/proto/smtp/client_session.hpp"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <iterator>

#include "agents/proto/smtp/crlf_lines.hpp"
#include "agents/proto/smtp/data_reader.hpp"
#include "agents/proto/smtp/messages.hpp"

namespace mailsim::proto::smtp {

namespace {
constexpr std::size_t kMaxReplyLine = 2048;  // RFC 5321 says 512; be generous, but bounded
constexpr std::size_t kInputRoom = 512;      // a whole EHLO reply, with room to spare

}  // namespace

namespace {

// One row per state, in the order of the enum: its name, and how long the reply it waits for
// may take (RFC 5321 4.5.3.2).
struct ClientStateRow {
  ClientState state;
  std::string_view name;
  SimTime ClientTimeouts::*timeout;
};
constexpr ClientStateRow kClientStates[] = {
    {ClientState::greeting, "GREETING", &ClientTimeouts::greeting},
    {ClientState::ehlo, "EHLO", &ClientTimeouts::command},
    {ClientState::helo, "HELO", &ClientTimeouts::command},
    {ClientState::starttls, "STARTTLS", &ClientTimeouts::command},
    {ClientState::auth, "AUTH", &ClientTimeouts::command},
    {ClientState::mail, "MAIL", &ClientTimeouts::mail},
    {ClientState::rcpt, "RCPT", &ClientTimeouts::rcpt},
    {ClientState::data, "DATA", &ClientTimeouts::data_initiation},
    {ClientState::message, "MESSAGE", &ClientTimeouts::data_termination},
    {ClientState::rset, "RSET", &ClientTimeouts::command},
    {ClientState::quit, "QUIT", &ClientTimeouts::command},
    {ClientState::done, "DONE", nullptr},
};

constexpr bool rows_follow_enum() {
  for (std::size_t i = 0; i < std::size(kClientStates); ++i) {
    if (static_cast<std::size_t>(kClientStates[i].state) != i) return false;
  }
  return std::size(kClientStates) == static_cast<std::size_t>(ClientState::done) + 1;
}
static_assert(rows_follow_enum(), "one row per state, in the order of the enum");

const ClientStateRow& row(ClientState s) {
  return kClientStates[static_cast<std::size_t>(s)];
}

}  // namespace

std::string_view state_name(ClientState s) {
  return row(s).name;
}

std::string_view status_name(RecipientStatus s) {
  switch (s) {
    case RecipientStatus::pending:
      return "pending";
    case RecipientStatus::accepted:
      return "accepted";
    case RecipientStatus::delivered:
      return "delivered";
    case RecipientStatus::deferred:
      return "deferred";
    case RecipientStatus::rejected:
      return "rejected";
  }
  return "?";
}

std::string_view status_name(SessionStatus s) {
  switch (s) {
    case SessionStatus::in_progress:
      return "in progress";
    case SessionStatus::completed:
      return "completed";
    case SessionStatus::refused:
      return "refused";
    case SessionStatus::missing_feature:
      return "missing feature";
    case SessionStatus::closed_by_server:
      return "closed by server";
    case SessionStatus::timed_out:
      return "timed out";
    case SessionStatus::protocol_error:
      return "protocol error";
  }
  return "?";
}

Text SessionOutcome::describe() const {
  const std::string where(state_name(state));
  const std::string said = reply ? std::to_string(reply->code) + " " + reply->text() : "";
  switch (status) {
    case SessionStatus::in_progress:
      return Text(msg::kInProgress);
    case SessionStatus::completed:
      return Text(msg::kCompleted);
    case SessionStatus::refused:
      return Text(msg::kRefused, {{"state", where}, {"reply", said}});
    case SessionStatus::missing_feature:
      return Text(msg::kMissingFeature, {{"feature", detail}});
    case SessionStatus::closed_by_server:
      return Text(msg::kClosedByServer,
                  {{"state", where}, {"reply", said.empty() ? "" : " (" + said + ")"}});
    case SessionStatus::timed_out:
      return Text(msg::kTimedOut, {{"state", where}});
    case SessionStatus::protocol_error:
      return Text(msg::kProtocolError, {{"line", detail}});
  }
  return Text(msg::kInProgress);
}

ClientSession::ClientSession(ClientConfig config, Send send, Observer observer)
    : config_(std::move(config)), send_(std::move(send)), observer_(std::move(observer)) {
  // Room for the server's EHLO reply, the longest: the buffers then never grow in a session.
  in_.reserve(kInputRoom);
  incoming_.reserve(kInputRoom);
  for (const auto& r : config_.recipients)
    recipients_.push_back({r, RecipientStatus::pending, {}});
  // The DATA bytes replace the message: one copy of a big message, none when it needs no
  // stuffing (base64 attachments never do).
  static const std::string kNone;
  const std::string& message = config_.message ? *config_.message : kNone;
  const bool as_is = config_.message &&
                     !needs_dot_stuffing(message, config_.pass_bare_lf, config_.line_length_limit);
  if (as_is) {
    data_bytes_ = config_.message;
    data_end_ = ".\r\n";
  } else {
    data_bytes_ = std::make_shared<const std::string>(
        dot_stuff(message, config_.pass_bare_lf, config_.line_length_limit));
  }
  config_.message.reset();
  // SIZE= declares the message as the server will count it: unstuffed, CRLF line ends. That is
  // the message itself when it is sent as it is with CRLF line ends only; otherwise a reader
  // counts it (a limit of one octet keeps it from keeping another copy).
  if (as_is && !config_.pass_bare_lf) {
    message_size_ = data_bytes_->size();
    return;
  }
  DataReader count(EndOfDataMode::normalize,
                   DataLimits{data_bytes_->size() + data_end_.size() + 2, 1});
  count.consume(*data_bytes_);
  count.consume(data_end_);
  message_size_ = count.size();
}

void ClientSession::start(SimTime now) {
  if (started_) return;
  started_ = true;
  last_activity_ = now;
  expected_.push_back({ClientState::greeting});
  follow_deadline();
}

void ClientSession::receive(std::string_view bytes, SimTime now) {
  if (state_ == ClientState::done) return;
  last_activity_ = now;
  incoming_ += bytes;
  if (busy_) return;  // a nested call from our own callbacks: the loop below takes the bytes
  busy_ = true;
  while (!incoming_.empty() && state_ != ClientState::done) {
    in_ += incoming_;
    incoming_.clear();
    std::size_t pos = 0;
    while (state_ != ClientState::done) {
      const std::size_t lf = in_.find('\n', pos);
      if (lf == std::string::npos) {
        if (in_.size() - pos > kMaxReplyLine) {
          outcome_.detail = in_.substr(pos, 80);
          fail(SessionStatus::protocol_error, std::nullopt);
          finish(SessionStatus::protocol_error);
        }
        break;
      }
      std::string_view line = std::string_view(in_).substr(pos, lf - pos);
      if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
      pos = lf + 1;
      handle_line(line);
      flush();  // each command leaves when its reply is in; nested bytes wait in incoming_
    }
    in_.erase(0, std::min(pos, in_.size()));
    flush();  // may bring more bytes in, through a nested receive()
  }
  busy_ = false;
  follow_deadline();
}

void ClientSession::handle_line(std::string_view line) {
  if (observer_) observer_({ClientEvent::Kind::line_in, state_, state_, line});
  std::optional<Reply> reply;
  try {
    reply = parser_.feed(line);
  } catch (const ReplySyntaxError& e) {
    outcome_.detail = e.line;
    fail(SessionStatus::protocol_error, std::nullopt);
    finish(SessionStatus::protocol_error);
    return;
  }
  if (reply) handle_reply(*reply);
}

void ClientSession::connection_closed(SimTime now) {
  if (state_ == ClientState::done) return;
  last_activity_ = now;
  if (state_ == ClientState::quit) {
    finish(failure_ ? failure_->status : SessionStatus::completed);
  } else {
    fail(SessionStatus::closed_by_server, std::nullopt);
    finish(SessionStatus::closed_by_server);
  }
  follow_deadline();
}

void ClientSession::transport_progress(SimTime acked_at, bool all_acknowledged) {
  if (state_ != ClientState::message || message_acknowledged_) return;
  // Silence is what a timeout measures: each acknowledgement restarts the data-block timer,
  // and the last one (the final dot's) starts the wait for the verdict.
  last_activity_ = std::max(last_activity_, acked_at);
  message_acknowledged_ = all_acknowledged;
  follow_deadline();
}

std::optional<SimTime> ClientSession::deadline() const {
  auto timeout = row(state_).timeout;
  if (state_ == ClientState::message && !message_acknowledged_)
    timeout = &ClientTimeouts::data_block;
  if (!started_ || !timeout) return {};
  return last_activity_ + config_.timeouts.*timeout;
}

bool ClientSession::on_timer(TimerId timer, SimTime now) {
  if (state_ == ClientState::done || !timer_.expired(timer, now)) return false;
  fail(SessionStatus::timed_out, std::nullopt);
  finish(SessionStatus::timed_out);
  return true;
}

void ClientSession::fail(SessionStatus status, const std::optional<Reply>& r) {
  if (!failure_) failure_ = SessionOutcome{status, state_, r, outcome_.detail};
  settle_unresolved(r);
}

void ClientSession::fail_and_quit(SessionStatus status, const std::optional<Reply>& r) {
  fail(status, r);
  command(ClientState::quit, "QUIT");
}

void ClientSession::finish(SessionStatus status) {
  outcome_ = failure_ ? *failure_ : SessionOutcome{status, state_, std::nullopt, {}};
  expected_.clear();
  enter_state(ClientState::done);
}

void ClientSession::command(ClientState kind, std::string_view line, std::size_t recipient) {
  expected_.push_back({kind, recipient});
  if (expected_.size() == 1) enter_state(kind);
  // Written straight into the output: the observer reads the line where it lies.
  const std::size_t start = out_.size();
  // One allocation for a lone line and its CRLF; pipelined lines grow the buffer as usual (an
  // exact reserve for each would copy it once per command).
  if (out_.empty()) out_.reserve(line.size() + 2);
  out_.append(line).append("\r\n");
  report_written(std::string_view(out_).substr(start));
}

void ClientSession::emit(std::string_view bytes) {
  out_ += bytes;
  report_written(bytes);
}

void ClientSession::report_written(std::string_view bytes) {
  if (!observer_) return;
  if (state_ == ClientState::message)
    return observer_({ClientEvent::Kind::content_out, state_, state_, bytes});
  for_each_crlf_line(bytes, [&](std::string_view line) {
    observer_({ClientEvent::Kind::line_out, state_, state_, line});
  });
}

void ClientSession::enter_state(ClientState next) {
  const ClientState previous = state_;
  state_ = next;
  if (observer_ && previous != next) {
    observer_({ClientEvent::Kind::transition, previous, next, state_name(next)});
  }
}

void ClientSession::flush() {
  // The state follows the oldest command still waiting for its reply.
  if (state_ != ClientState::done && !expected_.empty()) enter_state(expected_.front().kind);
  if (message_out_) {
    send_message_(std::exchange(message_head_, {}), std::exchange(message_out_, nullptr),
                  std::string(data_end_));
  }
  if (out_.empty()) return;
  std::string bytes = std::move(out_);
  out_.clear();
  send_(std::move(bytes));
}

}  // namespace mailsim::proto::smtp

// [framing] The server session's core: input framing, the state transitions, the policy
// round trip, timeouts. The commands themselves are in server_commands.cpp and server_auth.cpp.
#include "agents/proto/smtp/server_session.hpp"

#include <iterator>
#include <stdexcept>
#include <utility>

#include "agents/proto/smtp/crlf_lines.hpp"
#include "agents/proto/smtp/server_command.hpp"

namespace mailsim::proto::smtp {

namespace {

// Room for a whole segment at Ethernet's MSS (1,460 octets) and the unfinished line before it:
// most input then lands without the buffers growing.
constexpr std::size_t kInputRoom = 2048;

// One row per state, in the order of the enum (Postfix's xfer_states[] and xfer_timeouts[]):
// the name shown in transcripts and in the window, and the timeout that runs while in it
// (none while nothing is expected from the client).
struct ServerStateRow {
  ServerState state;
  std::string_view name;
  SimTime ServerTimeouts::*timeout;
};
constexpr ServerStateRow kServerStates[] = {
    {ServerState::connect, "CONNECT", nullptr},
    {ServerState::refused, "REFUSED", &ServerTimeouts::command},
    {ServerState::greeted, "GREETED", &ServerTimeouts::command},
    {ServerState::ready, "READY", &ServerTimeouts::command},
    {ServerState::auth, "AUTH", &ServerTimeouts::command},
    {ServerState::mail, "MAIL", &ServerTimeouts::command},
    {ServerState::rcpt, "RCPT", &ServerTimeouts::command},
    {ServerState::data, "DATA", &ServerTimeouts::data},
    {ServerState::closed, "CLOSED", nullptr},
};

constexpr bool rows_follow_enum() {
  for (std::size_t i = 0; i < std::size(kServerStates); ++i) {
    if (static_cast<std::size_t>(kServerStates[i].state) != i) return false;
  }
  return std::size(kServerStates) == static_cast<std::size_t>(ServerState::closed) + 1;
}
static_assert(rows_follow_enum(), "one row per state, in the order of the enum");

const ServerStateRow& row(ServerState s) {
  return kServerStates[static_cast<std::size_t>(s)];
}

}  // namespace

std::string_view state_name(ServerState s) {
  return row(s).name;
}

std::string_view stage_name(PolicyStage s) {
  switch (s) {
    case PolicyStage::connect:
      return "connect";
    case PolicyStage::helo:
      return "helo";
    case PolicyStage::auth:
      return "auth";
    case PolicyStage::mail:
      return "mail";
    case PolicyStage::rcpt:
      return "rcpt";
    case PolicyStage::message:
      return "message";
    case PolicyStage::vrfy:
      return "vrfy";
    case PolicyStage::expn:
      return "expn";
  }
  return "?";
}

ServerSession::ServerSession(ServerConfig config, Send send, Policy policy, Observer observer)
    : config_(std::move(config)),
      send_(std::move(send)),
      policy_(std::move(policy)),
      observer_(std::move(observer)) {
  in_.reserve(kInputRoom);
  incoming_.reserve(kInputRoom);
}

ServerSession::~ServerSession() = default;

void ServerSession::start(SimTime now) {
  if (state_ != ServerState::connect || pending_)
    throw std::logic_error("SMTP server: started twice");
  last_activity_ = now;
  ask(PolicyStage::connect, PolicyQuery{PolicyStage::connect, {}, {}, {}, nullptr});
  drive(now);
}

void ServerSession::receive(std::string_view bytes, SimTime now) {
  if (state_ == ServerState::closed) return;  // after 221/421 the peer's bytes are ignored
  last_activity_ = now;
  incoming_ += bytes;
  // While the owner decides, a client may pipeline a group of commands (RFC 2920), not more:
  // one that keeps sending is cut off rather than buffered without end.
  if (pending_ && in_.size() + incoming_.size() > kMaxParkedInput) {
    pending_.reset();
    in_.clear();
    incoming_.clear();
    close_with(421, "4.7.0", config_.hostname + " Error: too much pipelined input");
  }
  drive(now);
}

void ServerSession::accept(SimTime now) {
  if (state_ == ServerState::closed) return;  // an answer that comes after the session ended
  if (!pending_) throw std::logic_error("SMTP server: accept() with no pending policy query");
  give_verdict(default_verdict(*pending_), now);
}

void ServerSession::answer(Reply verdict, SimTime now) {
  if (state_ == ServerState::closed) return;  // an answer that comes after the session ended
  if (!pending_) throw std::logic_error("SMTP server: answer() with no pending policy query");
  if (verdict.code < 200 || verdict.code > 599) {
    throw std::invalid_argument("SMTP server: policy reply code " + std::to_string(verdict.code) +
                                " is not between 200 and 599");
  }
  give_verdict(std::move(verdict), now);
}

// The one reentrancy rule (docs/architecture.md): a verdict given while the engine runs (from
// inside the policy call itself, as an owner that decides at once does, or from another of its
// callbacks) waits, like the client's bytes, for the running code to take it on return.
void ServerSession::give_verdict(Reply verdict, SimTime now) {
  verdict_ = std::move(verdict);
  if (busy_) return;
  last_activity_ = now;
  drive(now);
}

void ServerSession::take_verdict() {
  if (!verdict_) return;
  const Reply verdict = std::move(*verdict_);
  verdict_.reset();
  if (pending_ && state_ != ServerState::closed) resolve(verdict);  // else asked no more
}

std::string_view ServerSession::received_protocol() const {
  if (!esmtp_) return "SMTP";
  if (encrypted_) return auth_user_.empty() ? "ESMTPS" : "ESMTPSA";
  return auth_user_.empty() ? "ESMTP" : "ESMTPA";
}

std::optional<SimTime> ServerSession::deadline() const {
  const auto timeout = row(state_).timeout;
  if (!timeout || pending_) return {};
  return last_activity_ + config_.timeouts.*timeout;
}

bool ServerSession::on_timer(TimerId timer, SimTime now) {
  if (closed() || !timer_.expired(timer, now)) return false;
  close_with(421, "4.4.2", config_.hostname + " Error: timeout exceeded");
  drive(now);
  return true;
}

void ServerSession::shutdown(SimTime now) {
  if (state_ == ServerState::closed) return;
  pending_.reset();
  close_with(421, "4.3.2",
             config_.hostname + " Service not available, closing transmission channel");
  drive(now);
}

// Handles everything that can be handled, then writes the replies in one piece (a pipelining
// client gets its group of replies together, RFC 2920 section 3.2).
void ServerSession::drive(SimTime) {
  // A call made from inside our own callbacks only leaves its bytes or verdict for the loop
  // below: the input is never touched while it is parsed.
  if (busy_) return;
  busy_ = true;
  do {
    take_verdict();
    // What came in while nothing waited is taken as it is, not copied.
    if (in_.empty()) {
      in_.swap(incoming_);
    } else {
      in_ += incoming_;
    }
    incoming_.clear();
    pump();
    if (!out_.empty()) {
      std::string bytes = std::move(out_);
      out_.clear();
      send_(std::move(bytes));
    }
  } while ((verdict_ || !incoming_.empty()) && state_ != ServerState::closed);
  busy_ = false;
  timer_.follow(deadline());  // every input ends here, once
}

std::size_t ServerSession::line_limit() const {
  return state_ == ServerState::auth ? config_.max_auth_line : config_.max_command_line;
}

void ServerSession::pump() {
  std::size_t pos = 0;
  while (pos < in_.size() && !pending_ && state_ != ServerState::closed &&
         state_ != ServerState::connect) {
    const std::string_view rest = std::string_view(in_).substr(pos);
    if (state_ == ServerState::data) {
      pos += data_->consume(rest);
      if (!data_->finished()) break;
      finish_data();
      continue;
    }
    const std::size_t lf = rest.find('\n', scanned_);
    if (lf == std::string_view::npos) {
      // A line already over the limit is dropped as it comes, and refused at its end.
      if (rest.size() > line_limit()) {
        discarding_ = true;
        pos = in_.size();
        scanned_ = 0;
      } else {
        scanned_ = rest.size();
      }
      break;
    }
    scanned_ = 0;
    pos += lf + 1;
    const bool crlf = lf > 0 && rest[lf - 1] == '\r';
    const std::string_view line = rest.substr(0, crlf ? lf - 1 : lf);
    if (discarding_ || line.size() + 2 > line_limit()) {
      discarding_ = false;
      if (observer_) {
        observer_({ServerEvent::Kind::line_in, state_, state_, line.substr(0, line_limit())});
      }
      if (state_ == ServerState::auth) {
        auth_abort(500, "5.5.6", "Authentication exchange line is too long");
      } else {
        reply(500, "5.5.2", "Line too long");
      }
      continue;
    }
    handle_line(line, crlf);
    if (drop_input_) {  // STARTTLS: what came with it must not survive the restart
      drop_input_ = false;
      pos = in_.size();
    }
  }
  in_.erase(0, pos);
}

void ServerSession::handle_line(std::string_view line, bool crlf) {
  if (observer_) observer_({ServerEvent::Kind::line_in, state_, state_, line});
  if (!crlf && config_.end_of_data == EndOfDataMode::reject) {
    if (state_ == ServerState::auth) {
      auth_abort(550, "5.5.2", "Error: bare <LF> received");
    } else {
      reply(550, "5.5.2", "Error: bare <LF> received");
    }
    return;
  }
  if (state_ == ServerState::auth) {
    auth_response(line);
    return;
  }
  const CommandLine cmd = split_command(line);
  if (state_ == ServerState::refused && cmd.verb != "QUIT") {
    reply(503, "5.5.1", "Error: service refused, send QUIT");
    return;
  }
  const Command* found = find_command(cmd.verb);
  if (!found) {
    reply(500, "5.5.2", line.empty() ? "Error: bad syntax" : "Error: command not recognized");
    return;
  }
  if (config_.auth_required && auth_user_.empty() && !(found->flags & kAllowedBeforeAuth)) {
    reply(530, "5.7.0", "Authentication required");
    return;
  }
  if (found->check && !(this->*(found->check))(cmd.arg)) return;
  (this->*(found->proceed))(cmd.arg);
}

void ServerSession::finish_data() {
  const std::unique_ptr<DataReader> data = std::move(data_);
  if (data->bare_lf_seen() && config_.end_of_data == EndOfDataMode::reject) {
    reply(550, "5.5.2", "Error: bare <LF> received");
  } else if (data->too_big()) {
    reply(552, "5.3.4", "Message size exceeds fixed limit");
  } else if (data->line_too_long()) {
    reply(500, "5.5.2", "Line too long");
  } else {
    transaction_->content = data->take_content();
    ask(PolicyStage::message, PolicyQuery{PolicyStage::message, {}, {}, {}, transaction_.get()});
    return;
  }
  reset_transaction();
  enter_state(ServerState::ready);
}

void ServerSession::enter_state(ServerState next) {
  const ServerState previous = state_;
  state_ = next;
  if (observer_ && previous != next) {
    observer_({ServerEvent::Kind::transition, previous, next, state_name(next)});
  }
}

void ServerSession::reply(const Reply& r) {
  const std::size_t start = out_.size();
  r.append_wire(out_, config_.extensions.enhanced_status_codes);
  if (observer_) {
    const std::string_view bytes = std::string_view(out_).substr(start);
    for_each_crlf_line(bytes, [&](std::string_view line) {
      observer_({ServerEvent::Kind::line_out, state_, state_, line});
    });
  }
}

void ServerSession::reply(int code, std::string_view enhanced, std::string_view text) {
  reply(Reply(code, std::string(enhanced), std::string(text)));
}

void ServerSession::close_with(int code, std::string_view enhanced, std::string_view text) {
  reply(code, enhanced, text);
  data_.reset();
  reset_transaction();
  enter_state(ServerState::closed);
}

void ServerSession::reset_transaction() {
  transaction_.reset();
}

void ServerSession::ask(PolicyStage stage, PolicyQuery query) {
  pending_ = stage;
  pending_argument_ = std::string(query.argument);
  if (!policy_) {
    resolve(default_verdict(stage));
    return;
  }
  query.argument = pending_argument_;
  if (observer_) observer_({ServerEvent::Kind::policy_query, state_, state_, stage_name(stage)});
  const bool running = std::exchange(busy_, true);  // the owner is called from inside the engine
  policy_(query);
  busy_ = running;
  take_verdict();  // given at once
}

void ServerSession::resolve(const Reply& verdict) {
  const PolicyStage stage = *pending_;
  pending_.reset();
  resolve_stage(stage, verdict);
}

Reply ServerSession::default_verdict(PolicyStage stage) const {
  switch (stage) {
    case PolicyStage::connect:
      return Reply(220, "",
                   config_.texts.greeting.empty() ? config_.hostname + " ESMTP MailSim"
                                                  : config_.texts.greeting);
    case PolicyStage::helo:
      return Reply(
          250, "",
          config_.texts.ehlo_greeting.empty() ? config_.hostname : config_.texts.ehlo_greeting);
    case PolicyStage::auth:
      // With no owner to check them, credentials cannot be valid.
      if (!policy_) return Reply(535, "5.7.8", "Authentication credentials invalid");
      return Reply(235, "2.7.0", "Authentication successful");
    case PolicyStage::mail:
      return Reply(250, "2.1.0", config_.texts.ok);
    case PolicyStage::rcpt:
      return Reply(250, "2.1.5", config_.texts.ok);
    case PolicyStage::message:
      return Reply(250, "2.0.0", config_.texts.queued);
    case PolicyStage::vrfy:
      return Reply(252, "2.0.0", "Cannot VRFY user, but will accept message and attempt delivery");
    case PolicyStage::expn:
      return Reply(502, "5.5.1", "EXPN not available");
  }
  return Reply(451, "4.3.0", "Error: internal");
}

}  // namespace mailsim::proto::smtp

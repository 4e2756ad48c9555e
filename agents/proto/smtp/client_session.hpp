#pragma once
// An SMTP client session: drives one mail transaction over one connection (RFC 5321 3.3),
// with EHLO falling back to HELO, STARTTLS (simulated, RFC 3207) and AUTH PLAIN/LOGIN
// (RFC 4954) when asked and offered, PIPELINING (RFC 2920) when offered, dot-stuffing, and
// QUIT. Bytes in through receive(), bytes out through the send callback, each input with the
// time; its one timer (the wait its state allows) goes out as timer actions (take_actions(),
// docs/protocols.md "One engine shape"). docs/protocols/smtp.md describes it in prose.
#include <deque>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "agents/proto/smtp/reply.hpp"
#include "agents/proto/timer_actions.hpp"
#include "sim/text.hpp"
#include "sim/time.hpp"

namespace mailsim::proto::smtp {

using sim::SimTime;

enum class ClientState {
  greeting,  // connected, waiting for 220
  ehlo,      // EHLO sent
  helo,      // HELO sent (EHLO was refused)
  starttls,  // STARTTLS sent
  auth,      // inside the AUTH exchange
  mail,      // waiting for the reply to MAIL
  rcpt,      // waiting for the reply to a RCPT
  data,      // DATA sent, waiting for 354
  message,   // message and final dot sent, waiting for the verdict
  rset,      // RSET sent (transaction abandoned)
  quit,      // QUIT sent
  done,      // the owner closes the connection
};
std::string_view state_name(ClientState s);

enum class TlsPolicy { never, if_offered, required };
enum class AuthMechanism { plain, login };

struct Credentials {
  std::string user;
  std::string password;
  AuthMechanism mechanism = AuthMechanism::plain;
  bool required = false;  // fail the session when the server offers no usable AUTH
};

struct ClientTimeouts {  // RFC 5321 4.5.3.2
  SimTime greeting = std::chrono::minutes(5);
  SimTime command = std::chrono::minutes(5);  // EHLO, HELO, STARTTLS, AUTH, RSET, QUIT
  SimTime mail = std::chrono::minutes(5);
  SimTime rcpt = std::chrono::minutes(5);
  SimTime data_initiation = std::chrono::minutes(2);
  // While the message is being sent: each TCP send must progress (the peer acknowledging
  // bytes) within this (4.5.3.2.5), however long the whole takes.
  SimTime data_block = std::chrono::minutes(3);
  // Once the peer has the final dot, the wait for the verdict (4.5.3.2.6).
  SimTime data_termination = std::chrono::minutes(10);
};

struct ClientConfig {
  std::string helo_name = "localhost";
  std::string mail_from;                // reverse-path without brackets; empty for "<>"
  std::vector<std::string> recipients;  // forward-paths without brackets
  // Header and body; CRLF or LF line ends. Shared, not copied: the mail client's outbox or the
  // MTA's queue holds the same bytes, and the DATA bytes are these bytes themselves when they
  // need no dot-stuffing.
  std::shared_ptr<const std::string> message;
  TlsPolicy tls = TlsPolicy::if_offered;
  std::optional<Credentials> credentials;
  bool use_pipelining = true;  // when offered
  bool declare_size = true;    // SIZE= when offered
  // D.2 of RFC 5321: a refused recipient makes the client RSET and QUIT instead of sending
  // the message. It implies no pipelining (DATA would already be on its way).
  bool abort_on_refused_recipient = false;
  bool pass_bare_lf = false;  // the smuggling lesson: send the body's bare LF and CR unchanged
  // Postfix's smtp_line_length_limit when relaying (998): a longer line is broken with
  // <CR><LF><SPACE> (dot_stuff); 0, a mail client: lines are sent whole.
  std::size_t line_length_limit = 0;
  ClientTimeouts timeouts;
};

enum class RecipientStatus {
  pending,    // not answered yet
  accepted,   // RCPT accepted, the message not yet
  delivered,  // the server took responsibility for the message (250 after the dot)
  deferred,   // temporary failure: try again later
  rejected,   // permanent failure: bounce
};
std::string_view status_name(RecipientStatus s);

struct RecipientOutcome {
  std::string address;
  RecipientStatus status = RecipientStatus::pending;
  std::optional<Reply> reply;  // the reply that decided it (none: no reply, e.g. a timeout)
  // The command that reply answered (MAIL, RCPT, DATA or the final dot: state message), which
  // Exim's failure notice names ("SMTP error from remote mail server after RCPT TO:<...>").
  std::optional<ClientState> answered = std::nullopt;
};

enum class SessionStatus {
  in_progress,
  completed,         // the conversation ran to QUIT (recipients say what became of the mail)
  refused,           // greeting, EHLO/HELO, STARTTLS or AUTH refused by the server
  missing_feature,   // STARTTLS or AUTH required but not offered
  closed_by_server,  // 421 (service closing) or the connection closed before QUIT
  timed_out,
  protocol_error,  // a reply that is not SMTP
};
std::string_view status_name(SessionStatus s);

struct SessionOutcome {
  SessionStatus status = SessionStatus::in_progress;
  ClientState state = ClientState::greeting;  // where it happened
  std::optional<Reply> reply;                 // the reply that decided it, if any
  std::string detail;                         // the offending bytes for a protocol error
  Text describe() const;                      // for the narration, in English or French
};

struct ClientEvent {
  // content_out: the message's bytes as one write sends them in DATA (dot-stuffed, the final
  // "." line included): one event for them all, split into lines (for_each_crlf_line) only
  // by an observer that shows them.
  enum class Kind { line_in, line_out, content_out, transition, tls_started };
  Kind kind;
  ClientState from;
  ClientState to;
  std::string_view text;
};

class ClientSession {
 public:
  // The bytes to write, handed over: a transport may keep them instead of copying.
  using Send = std::function<void(std::string bytes)>;
  using Observer = std::function<void(const ClientEvent&)>;
  // One write of `head`, then the message's own bytes (shared, not copied), then `tail` (the
  // final dot): for a transport that can queue the three as one write.
  using SendMessage = std::function<void(
      std::string head, std::shared_ptr<const std::string> message, std::string tail)>;

  ClientSession(ClientConfig config, Send send, Observer observer = {});
  // Without it the message is copied into the output, after what is pending.
  void send_message_with(SendMessage send_message) { send_message_ = std::move(send_message); }

  void start(SimTime now);  // connected; waits for the greeting
  void receive(std::string_view bytes, SimTime now);
  void connection_closed(SimTime now);  // the server closed (or the network lost) the stream

  // The transport's progress while the message is sent: when the peer last acknowledged
  // bytes, and whether it has acknowledged all written so far (the final dot included). The
  // owner tells it before on_timer(), so that the data-block timer follows the
  // acknowledgements; in other states it is ignored.
  void transport_progress(SimTime acked_at, bool all_acknowledged);
  // In state message: true once the peer has acknowledged the final dot.
  bool message_acknowledged() const { return message_acknowledged_; }

  // The owner's timer (DeadlineTimer::kId) fired at `now`: true if the wait the state allows
  // has passed, which ends the session (timed_out); an early or stale firing does nothing.
  bool on_timer(TimerId timer, SimTime now);
  // The timer actions decided since the last call: after each input, the owner carries them
  // out (StartTimer when the wait starts or moves, CancelTimer at the end).
  TimerActions take_actions() { return timer_.take_actions(); }

  ClientState state() const { return state_; }
  bool done() const { return state_ == ClientState::done; }
  bool encrypted() const { return encrypted_; }
  bool authenticated() const { return authenticated_; }
  bool pipelining() const { return pipelining_; }
  // EHLO keywords, upper case, in the order the server listed them.
  const std::vector<std::string>& extensions() const { return extensions_; }
  const std::vector<RecipientOutcome>& recipients() const { return recipients_; }
  const SessionOutcome& outcome() const { return outcome_; }

 private:
  struct Expected {  // a command sent whose reply has not come yet
    ClientState kind;
    std::size_t recipient = 0;
  };

  void handle_line(std::string_view line);
  void handle_reply(const Reply& r);
  void after_hello();
  void start_auth();
  void on_auth_reply(const Reply& r);
  void begin_transaction();
  void send_next_recipient_or_data();
  bool retry_too_many();
  void after_recipients();
  void on_data_reply(const Reply& r);
  void settle_accepted(const Reply& r, RecipientStatus if_positive, ClientState answered);
  void settle_unresolved(const std::optional<Reply>& r,
                         std::optional<ClientState> answered = std::nullopt);
  void fail(SessionStatus status, const std::optional<Reply>& r);
  void fail_and_quit(SessionStatus status, const std::optional<Reply>& r);
  void finish(SessionStatus status);
  void command(ClientState kind, std::string_view line, std::size_t recipient = 0);
  void emit(std::string_view bytes);
  void report_written(std::string_view bytes);
  void enter_state(ClientState next);
  void flush();
  std::optional<SimTime> deadline() const;
  void follow_deadline() { timer_.follow(deadline()); }

  ClientConfig config_;
  Send send_;
  SendMessage send_message_;
  Observer observer_;
  ClientState state_ = ClientState::greeting;
  SimTime last_activity_{0};
  DeadlineTimer timer_;   // runs until deadline(), moved after each input
  std::string in_;        // received bytes not yet parsed
  std::string incoming_;  // bytes received while in_ was being parsed
  std::string out_;
  // The message's write waiting for flush(): what was in out_ before it, the message.
  std::string message_head_;
  std::shared_ptr<const std::string> message_out_;
  bool busy_ = false;  // inside receive(): a nested call only leaves its bytes in incoming_
  ReplyParser parser_;
  std::deque<Expected> expected_;
  bool started_ = false;

  // A handful of words each, searched in place: a set's nodes cost an allocation per keyword
  // per EHLO, and every session says EHLO twice (before and after STARTTLS).
  std::vector<std::string> extensions_;
  std::size_t size_limit_ = 0;
  std::vector<std::string> auth_mechanisms_;
  bool encrypted_ = false;
  bool tls_declined_ = false;
  bool authenticated_ = false;
  int auth_step_ = 0;
  bool pipelining_ = false;
  bool mail_accepted_ = false;
  std::vector<std::size_t> round_;  // the recipients (indexes) of the current transaction
  std::size_t next_recipient_ = 0;  // the next of round_ to send RCPT for
  // The DATA bytes: the message as it is, or its dot-stuffed copy, then data_end_ (the final
  // dot, with the CRLF before it when the message does not end in one).
  std::shared_ptr<const std::string> data_bytes_;
  std::string_view data_end_;
  std::size_t message_size_ = 0;       // what SIZE= declares
  bool message_acknowledged_ = false;  // the peer has the final dot: the verdict's timer runs
  std::vector<RecipientOutcome> recipients_;
  SessionOutcome outcome_;
  std::optional<SessionOutcome> failure_;  // decided, QUIT on its way
};

}  // namespace mailsim::proto::smtp
